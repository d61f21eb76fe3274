// The main text of an article page (DESIGN.md §2, `footnote extract`): @mozilla/readability finds the article,
// sanitize.ts makes its HTML inert, and the metadata (published date, declared language) is read from the page
// itself. Before Readability rewrites the page, it is also read for what Readability drops or cannot see: the
// lead image (lead-image.ts), consent walls and paywalls (walls.ts), legal footnotes outside the article.
//
// Readability runs on linkedom, not jsdom: measured on the fixture pages, 11–15 ms a page against 40–65 ms
// warm for jsdom (and ~0.5 s for jsdom's first load), with the same title, byline and body. This runs (in the
// worker pool of extract-pool.ts) for every full-text article, so the 4× matters. linkedom has no base URL, so
// Readability leaves relative links as they are; sanitizeHtml resolves them against the page's base. Sanitising itself stays on
// jsdom (DOMPurify does nothing on linkedom: STACK.md §7). linkedom costs no text: on Readability's 130 test
// pages, Readability finds the same words on both (mean word F1 0.9964 against the expected text, with
// scripts/extract-quality.ts --stages); what the saved copy lost was our own pre- and post-processing.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { sanitizeHtml } from './sanitize.ts';
import { nestedDeeperThan } from '../text/html-depth.ts';
import { htmlToText } from '../text/html-text.ts';
import { parseFeedDate } from '../text/dates.ts';
import { cleanLine, escapeHtml } from '../text/clean.ts';
import { removeCounters } from './counters.ts';
import { jsonLdObjects } from './json-ld.ts';
import { leadFigure, readLeadImage } from './lead-image.ts';
import { blockingWall, readPageSignals } from './walls.ts';
import { BlockedPageError, NoArticleError } from './extract-errors.ts';

/** The `footnote extract --json` object. */
export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  /** ISO 8601 instant in UTC. */
  published: string | null;
  /** The language the page declares (lang attribute, Content-Language), as written: a hint for
   * text/language.ts, which tells the language from the text. */
  lang: string | null;
  /** Plain text, one paragraph per line. */
  text: string;
  /** Sanitised HTML of the article body; remote images wait in data-src. */
  html: string;
}

export { BlockedPageError, NoArticleError, type NoArticleReason } from './extract-errors.ts';

// Fewer letters than this in the extracted body is not an article but a page's leftovers (a consent notice,
// a menu); a one-paragraph news brief is well above it. Unless the short text is most of the page's text:
// then the page is short, and its text is what it has to say.
const MIN_LETTERS = 120;
const SHORT_PAGE_SHARE = 0.6;
// Readability walks the whole tree several times (~4 s at 18,000 elements, ~20 s at 60,000, then the sanitiser
// as long again); a page this large is hostile or broken. Counted on the source: Readability's own
// maxElemsToParse counts getElementsByTagName('*'), which is always empty on linkedom.
const MAX_ELEMENTS = 30_000;
// Readability's time grows with depth × elements (1.3 s at 256 levels, 2.7 s at 512); real pages stay under ~80.
const MAX_DEPTH = 256;

export function extractArticle(html: string, url: string | null): ExtractedArticle {
  const where = url ?? 'the page';
  if (nestedDeeperThan(html, MAX_DEPTH)) {
    throw new NoArticleError(`No article could be read from ${where}: its elements nest more than ${MAX_DEPTH} levels deep, which no real page does.`, 'too-deep');
  }
  const elements = html.match(/<[a-z]/gi)?.length ?? 0;
  if (elements > MAX_ELEMENTS) {
    throw new NoArticleError(`No article could be read from ${where}: it has about ${elements} elements, more than the ${MAX_ELEMENTS} a readable page has.`, 'too-large');
  }
  // linkedom builds no <html>/<body> around a bare fragment, and Readability needs a body.
  const { document } = parseHTML(/<body[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><body>${html}</body></html>`);
  // Read before Readability runs: it removes scripts (JSON-LD included) from the document it is given.
  const published = publishedDate(document);
  const lang = cleanLine(document.documentElement?.getAttribute('lang'))
    ?? cleanLine(document.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content'));
  const base = pageBase(document, url);
  const notes = footnoteCandidates(html, document);
  const signals = readPageSignals(document, html);
  const leadImages = readLeadImage(document, base);
  removeCounters(document);

  let result: ReturnType<Readability['parse']>;
  try {
    const reader = new Readability(document as unknown as Document);
    result = reader.parse();
  } catch (err) {
    // A page Readability cannot walk (a DOM shape linkedom builds that it does not expect): nothing to read.
    throw new NoArticleError(`No article could be read from ${where}: ${(err as Error).message}`, 'unreadable');
  }
  const body = result?.content ?? '';
  const extracted = sanitizeHtml(body, { baseUrl: base });
  const { text, html: safe } = withFootnotes(htmlToText(extracted), extracted, notes);
  const wall = blockingWall(signals, text);
  if (wall) {
    const what = wall.kind === 'consent' ? 'a consent wall' : 'a paywall';
    throw new BlockedPageError(`No article text found in ${where}: the page has no main block of text, only ${what} (${wall.evidence}); open it in a browser to get past it.`, wall);
  }
  const letters = letterCount(text);
  // A short text is the article when it is most of the page's text (a news brief on a bare page); on a page
  // with much more text, it is leftovers Readability settled for (a menu, a notice).
  if (letters < MIN_LETTERS && (letters === 0 || signals.scriptShell || letters < signals.letters * SHORT_PAGE_SHARE || mostlyLinks(extracted, letters))) {
    if (signals.scriptShell) {
      throw new NoArticleError(`No article text found in ${where}: the page is drawn by scripts, which Footnote does not run; open it in a browser.`, 'script-page');
    }
    throw new NoArticleError(`No article text found in ${where}: the page has no main block of text (it may be an index, a login or consent page, or built by scripts).`);
  }
  const lead = leadFigure(body, leadImages, base);
  return {
    title: cleanLine(result?.title) ?? cleanLine(document.querySelector('title')?.textContent),
    byline: bylineName(result?.byline),
    published: published ?? parseFeedDate(result?.publishedTime),
    lang: lang ?? cleanLine(result?.lang),
    text,
    html: lead === null ? safe : sanitizeHtml(lead, { baseUrl: base }) + safe,
  };
}

// A legal footnote: "*The Taliban is a terrorist group banned in Russia", "** Признан иноагентом".
const FOOTNOTE = /^(\*{1,3})\s*\p{L}/u;
const MAX_NOTE = 400;

/** Short blocks of the page that read as footnotes, read before Readability (which may leave them out when a
 * site puts them outside the article's container). Innermost text first; at most a few. */
function footnoteCandidates(html: string, document: Document): string[] {
  if (!/>\s*\*{1,3}\s*\p{L}/u.test(html)) return []; // no text starts with an asterisk: skip the walk
  const found = new Set<string>();
  for (const el of document.querySelectorAll('body p, body div, body span, body em, body i, body small, body li, body b, body strong, body font, body td')) {
    const text = cleanLine(el.textContent);
    if (text && text.length <= MAX_NOTE && FOOTNOTE.test(text)) found.add(text);
    if (found.size >= 10) break;
  }
  return [...found];
}

/** Appends the page's footnotes the article marks ("Taliban*") but Readability left out: the labels detector
 * reads them. A note is added only when the text carries a marker of as many asterisks. */
function withFootnotes(text: string, html: string, notes: string[]): { text: string; html: string } {
  const missing = notes.filter((note) => {
    if (text.includes(note)) return false;
    const stars = FOOTNOTE.exec(note)?.[1] ?? '*';
    return new RegExp(`[\\p{L}\\p{N}»"”')\\]]${stars.replace(/\*/g, '\\*')}(?!\\*)`, 'u').test(text);
  });
  if (missing.length === 0) return { text, html };
  return { text: [text, ...missing].join('\n'), html: html + missing.map((note) => `<p>${escapeHtml(note)}</p>`).join('') };
}

/** "By Jane Doe" and "Автор: Ирина Соколова" name the same kind of thing: keep the name. */
function bylineName(text: string | null | undefined): string | null {
  return cleanLine(cleanLine(text)?.replace(/^(?:by|von|par|por|di|door|av|автор|авторы|текст)(?=[:\s])[:\s]*/iu, ''));
}

/** The address relative links are resolved against: the page's <base href> (if http/https), else its URL. */
function pageBase(document: Document, url: string | null): string | null {
  const href = document.querySelector('base[href]')?.getAttribute('href');
  if (href) {
    try {
      const b = new URL(href, url ?? undefined);
      if (b.protocol === 'http:' || b.protocol === 'https:') return b.href;
    } catch {
      // an unusable <base> is ignored, as browsers do
    }
  }
  return url;
}

const META_DATES = [
  'meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]', 'meta[name="publishdate"]', 'meta[name="date"]', 'meta[name="dc.date.issued" i]', 'meta[name="dcterms.created" i]',
];

/** article:published_time and its cousins, then JSON-LD datePublished, then the first <time datetime>. */
function publishedDate(document: Document): string | null {
  for (const selector of META_DATES) {
    const date = parseFeedDate(document.querySelector(selector)?.getAttribute('content'));
    if (date) return date;
  }
  for (const record of jsonLdObjects(document)) {
    const date = typeof record['datePublished'] === 'string' ? parseFeedDate(record['datePublished']) : null;
    if (date) return date;
  }
  const time = document.querySelector('[itemprop="datePublished"][datetime], time[datetime]');
  return parseFeedDate(time?.getAttribute('datetime'));
}

/** Whether most of the text of `html` sits in links: a menu or a list of headlines, not an article. */
function mostlyLinks(html: string, letters: number): boolean {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  let linked = 0;
  for (const a of document.querySelectorAll('a')) linked += letterCount(a.textContent ?? '');
  return linked * 2 > letters;
}

function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

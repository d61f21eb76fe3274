// The article's lead image, kept in the saved copy. Readability often drops it: the photo sits above the text
// container, or in a <figure> it scores as chrome. Read from the page before Readability runs (it rewrites the
// tree): the first <figure> of the article with its caption, and the image the page names for sharing
// (og:image, twitter:image, JSON-LD image). After extraction, when the body does not already show the same
// image, it goes on top as a plain <figure><img><figcaption>, which the sanitiser then treats like any image
// (remote ones wait in data-src until the user allows them). It is part of the saved HTML, not of the text:
// the text stays the article's own words, for search and the labels detector.
import { escapeHtml } from '../text/clean.ts';
import { jsonLdObjects } from './json-ld.ts';
import { lastSrcsetUrl } from './sanitize.ts';

export interface LeadImage {
  /** Absolute http(s) URL. */
  src: string;
  alt: string | null;
  caption: string | null;
}

/** What the page offers as its lead image: the article's first figure, and the sharing image. */
export interface LeadImageCandidates {
  figure: LeadImage | null;
  meta: LeadImage | null;
}

// A sharing image that is the site's logo or a stock placeholder says nothing about the article.
const NOT_A_PHOTO = /logo|favicon|placeholder|default[-_]?(?:image|og|share|thumb)|spacer|blank\.|sprite/i;
// og:image:width below this is an icon, not a photo.
const MIN_WIDTH = 200;

const META_IMAGES = [
  'meta[property="og:image:secure_url" i]', 'meta[property="og:image:url" i]', 'meta[property="og:image" i]', 'meta[name="og:image" i]',
  'meta[name="twitter:image" i]', 'meta[name="twitter:image:src" i]', 'meta[property="twitter:image" i]',
];
const META_ALTS = ['meta[property="og:image:alt" i]', 'meta[name="twitter:image:alt" i]', 'meta[property="twitter:image:alt" i]'];
// Where an article's own figure lives, most specific first; then any figure outside the page's chrome.
const ARTICLE_FIGURES = ['[itemprop="articleBody" i] figure', 'article figure', 'main figure', '[role="main"] figure', 'body figure'];

function clean(text: string | null | undefined): string | null {
  const t = text?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

function absolute(url: string | null | undefined, base: string | null): string | null {
  const raw = url?.trim();
  if (!raw) return null;
  try {
    const u = base ? new URL(raw, base) : new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Reads the candidates. Call it on the page before Readability runs. */
export function readLeadImage(document: Document, base: string | null): LeadImageCandidates {
  return { figure: firstFigure(document, base), meta: metaImage(document, base) };
}

function firstFigure(document: Document, base: string | null): LeadImage | null {
  for (const selector of ARTICLE_FIGURES) {
    for (const figure of document.querySelectorAll(selector)) {
      if (figure.closest('header, nav, aside, footer')) continue;
      const img = figure.querySelector('img');
      const src = absolute(imageSource(img, figure), base);
      if (!src) continue;
      return { src, alt: clean(img?.getAttribute('alt')), caption: clean(figure.querySelector('figcaption')?.textContent) };
    }
  }
  return null;
}

/** Where an <img> really points: its src, or the data-src / srcset a lazy-loading page keeps it in. */
function imageSource(img: Element | null, figure: Element): string | null {
  const src = img?.getAttribute('src');
  if (src && !/^\s*data:/i.test(src)) return src;
  const lazy = img?.getAttribute('data-src') ?? img?.getAttribute('data-original') ?? img?.getAttribute('data-lazy-src');
  if (lazy) return lazy;
  const srcset = img?.getAttribute('data-srcset') ?? img?.getAttribute('srcset') ?? figure.querySelector('source[srcset]')?.getAttribute('srcset');
  return lastSrcsetUrl(srcset);
}

function metaImage(document: Document, base: string | null): LeadImage | null {
  const width = Number(document.querySelector('meta[property="og:image:width" i]')?.getAttribute('content'));
  if (width > 0 && width < MIN_WIDTH) return null;
  const alt = clean(META_ALTS.map((s) => document.querySelector(s)?.getAttribute('content')).find((v) => v));
  for (const selector of META_IMAGES) {
    const src = absolute(document.querySelector(selector)?.getAttribute('content'), base);
    if (src && !NOT_A_PHOTO.test(new URL(src).pathname)) return { src, alt, caption: null };
  }
  for (const record of jsonLdObjects(document)) {
    if (!/Article|Posting|Report|BlogPosting/.test(String(record['@type'] ?? ''))) continue;
    const image = [record['image']].flat()[0];
    const fields = image !== null && typeof image === 'object' ? (image as Record<string, unknown>) : {};
    const url = typeof image === 'string' ? image : String(fields['url'] ?? fields['contentUrl'] ?? '');
    const src = absolute(url, base);
    if (src && !NOT_A_PHOTO.test(new URL(src).pathname)) {
      const caption = typeof fields['caption'] === 'string' ? clean(fields['caption']) : null;
      return { src, alt: alt ?? caption, caption };
    }
  }
  return null;
}

/** What makes two URLs the same picture in different sizes: the path, its last segment without size suffixes
 * ("photo-1024x683.jpg" and "photo.jpg"), and long id-like segments (image CDNs put the id first, the crop after). */
function imageKeys(url: string): string[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [url];
  }
  const segments = u.pathname.split('/').filter(Boolean).map((s) => decodeURIComponentSafe(s));
  const keys = [`${u.host}${u.pathname}`];
  const last = segments.at(-1)?.replace(/\.[a-z0-9]{2,5}$/i, '').replace(/(?:[-_@](?:\d+x\d*|\d*x\d+|\d+w|\d+x|scaled|large|medium|small|thumb(?:nail)?))+$/i, '');
  if (last && last.length >= 6 && !/^(?:image|photo|img|index|default|\d+)$/i.test(last)) keys.push(`name:${last.toLowerCase()}`);
  for (const s of segments) if (s.length >= 16 && /\d/.test(s) && /^[\w-]+$/.test(s)) keys.push(`id:${s}`);
  return keys;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The image URLs of an HTML fragment (src, data-src, srcset), resolved. */
function imagesIn(html: string, base: string | null): string[] {
  const urls: string[] = [];
  for (const tag of html.match(/<(?:img|source)\b[^>]*>/gi) ?? []) {
    for (const m of tag.matchAll(/\s(?:src|data-src|data-original|data-lazy-src|srcset|data-srcset)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
      const value = (m[2] ?? m[3] ?? m[4] ?? '').replace(/&amp;/g, '&');
      for (const candidate of value.split(/,\s+/)) {
        const url = absolute(candidate.trim().split(/\s+/)[0], base);
        if (url) urls.push(url);
      }
    }
  }
  return urls;
}

/** The lead image as a <figure> to put on top of `body` (Readability's article HTML), or null when the body
 * already shows it or the page has none: the article's first figure if Readability dropped it, else the
 * sharing image. Unsanitised, like `body`. */
export function leadFigure(body: string, candidates: LeadImageCandidates, base: string | null): string | null {
  const shown = new Set(imagesIn(body, base).flatMap(imageKeys));
  const isShown = (image: LeadImage | null): boolean => image !== null && imageKeys(image.src).some((k) => shown.has(k));
  if (isShown(candidates.figure) || isShown(candidates.meta)) return null;
  const lead = candidates.figure ?? candidates.meta;
  if (!lead) return null;
  const alt = lead.alt ?? lead.caption ?? '';
  const caption = lead.caption ? `<figcaption>${escapeHtml(lead.caption)}</figcaption>` : '';
  return `<figure><img src="${escapeHtml(lead.src)}" alt="${escapeHtml(alt)}">${caption}</figure>`;
}

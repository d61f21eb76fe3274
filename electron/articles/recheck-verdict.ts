// What a re-check of an article's page says (issue 13, item 3, the rules without the fetch): `live`, `edited`,
// `deleted` or `unknown`, with the reason in words for the evidence record. Deleted means the outlet took the
// article down: a 404 or 410, a redirect to the site's home page or a section front, or a page whose article
// is gone (a "page not found" page served with 200, an empty template). A failure to learn anything (no
// answer, 5xx, 429, a refusal, a block page, a move off the site) is `unknown` and is tried again later: a
// false "deleted" is worse than a late one. The verdict reads only the page: dropping out of the feed is not
// deletion, so the feed is not an input at all.
//
// Hand-written: these are Footnote's evidence rules, not a general library's.
import { getDomain } from 'tldts';
import { canonicalLink } from './normalise.ts';
import { significantChange, type ChangeDecision } from './significant-change.ts';
import type { VersionContent } from './versions.ts';

export type RecheckState = 'live' | 'edited' | 'deleted' | 'unknown';

export interface RecheckVerdict {
  state: RecheckState;
  reason: string;
  /** For `unknown` after 429/503: the server's Retry-After, as it sent it; otherwise null. */
  retryAfter: string | null;
  /** For `live` and `edited`: what the change rules said about the page's title, text and labels. */
  change: ChangeDecision | null;
}

/** Where the article lives and what the site's fronts are (the feed's link, the site's home, its sections). */
export interface RecheckSite {
  articleUrl: string;
  homeUrls: readonly string[];
  sectionUrls: readonly string[];
}

/** The re-fetch of the article's page, as the fetcher and the extractor saw it. */
export interface RecheckResponse {
  /** HTTP status of the last response; null when none came (timeout, DNS failure, connection refused). */
  status: number | null;
  /** Why there was no response, in words (the fetcher's message). */
  error?: string | null;
  /** Where the last response came from, after redirects; null when there was none. */
  finalUrl: string | null;
  /** Response headers, names in lower case. */
  headers: Readonly<Record<string, string>>;
  /** The page's <title>, whatever the extractor made of the page (a soft 404 says so there). */
  pageTitle: string | null;
  /** All the page's visible text (text/html-text.ts's htmlToText of the whole page): what a soft 404 or a consent
   * wall says when no article could be read. '' for no body. */
  pageText: string;
  /** The extractor's title, text and the labels detected in it; text '' when no article could be read. */
  page: VersionContent;
}

/**
 * The verdict on one re-check. `stored` is the article's current version read from a page (the same extractor),
 * or null when the article has only its feed text: then a page that is there is `live`, and becomes the first
 * page version, because a feed summary against a full page would always read as an edit.
 */
export function judgeRecheck(site: RecheckSite, response: RecheckResponse, stored: VersionContent | null): RecheckVerdict {
  const status = response.status;
  if (status === null) return unknown(`No response (${response.error ?? 'the connection failed'}): tried again later.`);
  if (status === 304) return { state: 'live', reason: 'Not modified since the last fetch (304).', retryAfter: null, change: null };
  if (status === 404 || status === 410) return deleted(`The server answers ${status} ${status === 404 ? 'Not Found' : 'Gone'}.`);
  if (status === 429 || status === 503) return unknown(`The server asks to slow down (${status}): tried again later.`, response.headers['retry-after'] ?? null);
  if (status >= 500) return unknown(`The server failed (${status}): tried again later; a server error is never taken for a deletion.`);
  // 451 is what ISPs in several countries serve for a blocked state outlet: a block, not the outlet's deletion.
  if (status === 451) return unknown('Unavailable for legal reasons (451): blocked where this library runs, which says nothing of the outlet.');
  if (status >= 400) return unknown(`The server refused the request (${status}): perhaps a bot wall; tried again later.`);
  if (status < 200 || status > 299) return unknown(`Unexpected status ${status}: no verdict.`);

  const moved = response.finalUrl !== null && sameAddress(response.finalUrl, site.articleUrl) ? null : response.finalUrl;
  if (moved !== null) {
    const front = frontKind(moved, site);
    if (front === 'home') return deleted(`Redirected to the home page (${moved}).`);
    if (front === 'section') return deleted(`Redirected to a section front (${moved}).`);
    if (front === 'other-site-front') return unknown(`Redirected off the site to ${moved}: a block page or a move to a new domain; not judged.`);
    if (NOT_FOUND_PATH.test(pathOf(moved))) return deleted(`Redirected to an error page (${moved}).`);
  }
  const text = response.page.text.trim();
  // Only a short article text: a headline such as "The wreck could not be found" sits above a long article.
  const said = [response.pageTitle, response.page.title, text.slice(0, 120), response.pageText.slice(0, PAGE_TEXT_CHARS)];
  // A short text may be a wall's own words, which the extractor keeps as a short article ("Checking your browser").
  const short = text.length <= SHORT_PAGE_CHARS;
  const notFound = short ? said.find((t) => t && NOT_FOUND.test(t)) : undefined;
  if (notFound) return deleted(`The page says the article is not there ("${excerpt(notFound, NOT_FOUND)}"), though served with ${status}.`);
  const wall = short ? said.find((t) => t && WALL.test(t)) : undefined;
  if (wall) return unknown(`A consent, login or bot page stands in front of the article ("${excerpt(wall, WALL)}"): not judged.`);
  if (text === '') return deleted(`The page no longer carries the article's text (status ${status}, an empty template).`);
  const where = moved ? ` at ${moved}` : '';
  if (stored === null) return { state: 'live', reason: `The page is there${where}; no earlier page text to compare it with.`, retryAfter: null, change: null };
  const change = significantChange(stored, response.page);
  return change.changed
    ? { state: 'edited', reason: `${change.reason}${where ? ` (now${where})` : ''}`, retryAfter: null, change }
    : { state: 'live', reason: `The page is there${where}, unchanged.`, retryAfter: null, change };
}

/** The words around what a rule matched, for the reason. */
function excerpt(text: string, rule: RegExp): string {
  const at = Math.max(0, text.search(rule));
  const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, at - 30)));
  return text.slice(start, at + 60).replace(/\s+/g, ' ').trim();
}

function deleted(reason: string): RecheckVerdict {
  return { state: 'deleted', reason, retryAfter: null, change: null };
}

function unknown(reason: string, retryAfter: string | null = null): RecheckVerdict {
  return { state: 'unknown', reason, retryAfter, change: null };
}

/** How much of the page's whole text a soft 404 or a wall is looked for in (its message comes early). */
const PAGE_TEXT_CHARS = 2000;
/** A "not found" page's text is short; a long article whose title or text says "not found" is still an article. */
const SHORT_PAGE_CHARS = 600;
const NOT_FOUND = new RegExp([
  String.raw`page (?:was )?not found`, String.raw`(?:error|ошибка|fehler|erreur)\s*404`, String.raw`404\s*[-–—:|]?\s*(?:page\s+)?not found`,
  String.raw`^\s*404\s*$`, String.raw`(?:could|can)(?:not|'t| not) be found`, String.raw`(?:article|page|story) (?:is )?no longer available`,
  String.raw`(?:article|page|story) (?:has been|was) (?:removed|deleted)`, String.raw`(?:page|article) (?:does not|doesn't) exist`,
  String.raw`страница не найдена`, String.raw`страница не существует`, String.raw`материал (?:был )?удал[её]н`, String.raw`материал не найден`,
  String.raw`запрашиваемая страница`, String.raw`сторінку не знайдено`, String.raw`seite nicht gefunden`, String.raw`page introuvable`,
  String.raw`página no encontrada`, String.raw`página não encontrada`, String.raw`pagina non trovata`, String.raw`sayfa bulunamadı`,
  String.raw`页面不存在`, String.raw`页面未找到`, String.raw`找不到(?:该)?页面`, String.raw`الصفحة غير موجودة`,
].join('|'), 'iu');
const NOT_FOUND_PATH = /(?:^|\/)(?:404|not[-_]?found|error|errors)(?:\.[a-z]+)?(?:\/|$)/i;
/** Consent, login and bot walls: the article may well be behind them. */
const WALL = /cookie|consent|before you continue|privacy choices|sign in|log ?in|subscribe|subscription|captcha|are you a robot|verify you are human|enable javascript|access denied|just a moment|войти|подписк|согласие/iu;

type Front = 'home' | 'section' | 'other-site-front' | null;

/** Is this address the home page or a section front of the article's site? */
function frontKind(url: string, site: RecheckSite): Front {
  const u = parse(url);
  const article = parse(site.articleUrl);
  if (!u || !article) return null;
  if (site.homeUrls.some((h) => sameAddress(h, url))) return 'home';
  if (site.sectionUrls.some((s) => sameAddress(s, url))) return 'section';
  const segments = pathSegments(u);
  const sameSite = siteOf(u) === siteOf(article);
  const isRoot = segments.length === 0 || (segments.length === 1 && LANGUAGE_ROOT.test(segments[0] as string));
  if (isRoot) return sameSite ? 'home' : 'other-site-front';
  if (!sameSite) return null;
  // An ancestor of the article's path (/world/2024/story → /world/) is the front of the section it sat in.
  const articleSegments = pathSegments(article);
  if (segments.length < articleSegments.length && segments.every((s, i) => s === articleSegments[i])) return 'section';
  // A word or two as the whole path (/politics/, /world-news/) is a section front, when the article sat deeper:
  // a site whose articles live at /some-slug may rename a slug, and that is a move, not a deletion.
  const only = segments[0] as string;
  if (segments.length === 1 && articleSegments.length >= 2 && SECTION_WORD.test(only) && only.split(/[-_]/).length <= 2) return 'section';
  return null;
}

/** "/en/", "/ru", "/pt-br/": the home page of one language edition. */
const LANGUAGE_ROOT = /^[a-z]{2}(?:[-_][a-z]{2,4})?$/i;
const SECTION_WORD = /^[\p{L}_-]{2,24}$/u;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function pathSegments(u: URL): string[] {
  return u.pathname.split('/').filter(Boolean).map((s) => decodeURIComponentSafe(s).toLowerCase());
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function pathOf(url: string): string {
  return parse(url)?.pathname ?? '';
}

/** The registrable domain ("sputniknews.com" for "www.sputniknews.com"), or the host when it has none. */
function siteOf(u: URL): string {
  return getDomain(u.hostname) ?? u.hostname;
}

/** Same page: scheme, "www.", a trailing slash, the fragment and tracking parameters set aside. */
function sameAddress(a: string, b: string): boolean {
  return addressKey(a) === addressKey(b);
}

function addressKey(url: string): string {
  const u = parse(canonicalLink(url) ?? url);
  if (!u) return url.trim();
  return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${u.search}`;
}

// Full text for feeds that carry only summaries: after ingest, each new or edited article's page is fetched
// through the feed fetch layer (same limits, same refusal of private addresses: only the host:port the user
// typed for the feed is exempt, so a feed cannot point Footnote at the user's router), extracted, and stored
// as the article's full_html and text; the raw page is kept, compressed, as evidence. Then the enrichers
// (labels, auto-tags) run again on the longer text. Each try's outcome (saved / failed with the reason / blocked
// by a wall, articles/outcome.ts) is stored per article; a failure that waiting can cure is tried again on later
// polls with backoff (fulltext-retry.ts). A failure never fails the poll.
import type { Store } from '../store/store.ts';
import type { FullTextState, FullTextTarget, PageRecord, StoredFeed } from '../store/records.ts';
import { FetchError, fetchUrl, hostPortOf, type FetchOptions } from '../net/fetch.ts';
import { CAPTURE_DEFAULT_MAX_BYTES, type CaptureOptions } from '../net/capture.ts';
import { decodeFeedBytes } from '../text/decode.ts';
import { shortUrl } from '../text/short-url.ts';
import { htmlToText } from '../text/html-text.ts';
import type { ExtractedArticle } from '../articles/extract.ts';
import { ExtractCancelledError, extractInPool, type ExtractFn } from '../articles/extract-pool.ts';
import { classifyFullText, servesWebPage, type FullTextAttempt } from '../articles/outcome.ts';
import { nextFullTextState } from './fulltext-retry.ts';
import type { Enricher } from '../articles/enrichment.ts';
import { enrichers as standardEnrichers } from './enrichers.ts';

export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';
/** Pages fetched at once per feed: polite to one site; extraction queues for the pool's few workers anyway. */
export const FULLTEXT_CONCURRENCY = 3;
/** A feed whose items mostly carry less text than this is a summaries-only feed. */
export const SUMMARY_CHARS = 600;
/** Pages fetched per feed and poll: a first poll of a 500-item feed must not take half an hour. The rest
 * (and the articles of a feed whose full text was just switched on) follow on later polls, newest first. */
export const MAX_PAGES_PER_POLL = 30;
const DETECT_SAMPLE = 20;
// Article pages run to 1–2 MB with their inline scripts; a bigger page would hold an extraction worker for
// seconds.
const PAGE_MAX_BYTES = 5 * 1024 * 1024;

export interface FullTextOptions {
  /** Fetch whatever the feed's setting or the detection says (the on-demand "fetch full text" action). */
  force?: boolean;
  concurrency?: number;
  /** At most this many pages (default MAX_PAGES_PER_POLL): the given articles first, then the feed's backlog. */
  maxPages?: number;
  /** Limits for each page fetch (tests use small ones). */
  fetch?: Pick<FetchOptions, 'timeoutMs' | 'idleTimeoutMs' | 'maxBytes' | 'maxRedirects'>;
  signal?: AbortSignal;
  now?: () => Date;
  /** Run again on the longer text (default: the standard list). */
  enrichers?: Enricher[];
  /** Raw capture of each page (default: on, with the default cap); null turns it off. */
  capture?: CaptureOptions | null;
  /** How pages are read (default: the shared extraction pool with its limits; tests pass a pool with low ones). */
  extract?: ExtractFn;
}

export interface FullTextFailure {
  articleId: number;
  url: string | null;
  error: string;
}

export interface FullTextSummary {
  done: number;
  failed: number;
  failures: FullTextFailure[];
}

/** Whether this feed's articles get their pages fetched: its setting, or (NULL) detection on its latest items. */
export async function wantsFullText(store: Store, feed: StoredFeed): Promise<boolean> {
  if (feed.fullText !== null) return feed.fullText;
  return looksLikeSummaries(await store.pages.recentFeedHtml(feed.id, DETECT_SAMPLE));
}

/** Most items carry no content, or less than SUMMARY_CHARS of text. */
export function looksLikeSummaries(itemHtml: string[]): boolean {
  if (itemHtml.length === 0) return false;
  const short = itemHtml.filter((html) => htmlToText(html).replace(/\s+/g, ' ').trim().length < SUMMARY_CHARS).length;
  return short * 2 > itemHtml.length;
}

/**
 * Fetches and extracts the pages of one feed's articles whose failed full text is due for another try, then of
 * these articles (new or edited ones, after a poll), then of its articles whose page was never fetched, up to
 * maxPages, if the feed wants full text. Never throws.
 */
export async function fillFullText(store: Store, feedId: number, articleIds: number[], opts: FullTextOptions = {}): Promise<FullTextSummary> {
  const summary: FullTextSummary = { done: 0, failed: 0, failures: [] };
  let chosen: { feed: StoredFeed; targets: FullTextTarget[] } | null;
  try {
    chosen = await chooseTargets(store, feedId, articleIds, opts);
  } catch (err) {
    const error = `Full text could not start: ${(err as Error).message}`;
    return { done: 0, failed: articleIds.length, failures: articleIds.map((articleId) => ({ articleId, url: null, error })) };
  }
  if (!chosen) return summary;
  const { feed, targets } = chosen;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length && !opts.signal?.aborted) {
      const target = targets[next++] as FullTextTarget;
      let outcome: FullTextOutcome | null;
      try {
        outcome = await fetchFullText(store, feed, target, opts);
      } catch (err) {
        // Storing failed (a locked library, a full disk): this article stays as it was, the poll goes on.
        outcome = { error: `Full text of "${shortUrl(target.link ?? '')}" could not be stored: ${(err as Error).message}`, page: null, state: null };
      }
      if (outcome === null) continue; // cancelled
      if (outcome.error === null) summary.done++;
      else {
        summary.failed++;
        summary.failures.push({ articleId: target.id, url: target.link, error: outcome.error });
      }
    }
  };
  const workers = Math.max(1, Math.min(opts.concurrency ?? FULLTEXT_CONCURRENCY, targets.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return summary;
}

/** The feed and the articles to fetch now (failed ones due for another try first), or null when there are none. */
async function chooseTargets(store: Store, feedId: number, articleIds: number[], opts: FullTextOptions): Promise<{ feed: StoredFeed; targets: FullTextTarget[] } | null> {
  const [feed] = await store.feeds.stored([feedId]);
  if (!feed) return null;
  const max = opts.maxPages ?? MAX_PAGES_PER_POLL;
  // A failure due for a retry was tried because the feed wanted full text (or the user asked): no detection again.
  const due = feed.fullText === false ? [] : await store.pages.dueRetries(feedId, (opts.now?.() ?? new Date()).toISOString(), max);
  let fresh: number[] = [];
  // With nothing new, only a feed switched on works through its backlog: detection is not worth a query per poll.
  const worthAsking = articleIds.length > 0 || feed.fullText === true || opts.force === true;
  if (worthAsking && (opts.force === true || await wantsFullText(store, feed))) fresh = [...articleIds, ...await store.pages.backlog(feedId, max)];
  const ids = [...new Set([...due, ...fresh])].slice(0, max);
  if (ids.length === 0) return null;
  return { feed, targets: (await store.pages.targets(ids)).filter((a) => a.feedId === feedId && a.link !== null) };
}

export interface FullTextOutcome {
  /** Why there is no full text from this fetch, or null when the article got it. */
  error: string | null;
  page: PageRecord | null;
  /** What was stored as the article's outcome; null when nothing was fetched (no such article, no link). */
  state: FullTextState | null;
}

/** Fetches one article's page now, whatever the feed's setting (the API's "articles.fullText"). */
export async function refreshFullText(store: Store, articleId: number, opts: FullTextOptions = {}): Promise<FullTextOutcome> {
  const [target] = await store.pages.targets([articleId]);
  if (!target) return { error: `There is no article ${articleId}.`, page: null, state: null };
  const [feed] = await store.feeds.stored([target.feedId]);
  if (!feed) return { error: `The feed of article ${articleId} is gone.`, page: null, state: null };
  return (await fetchFullText(store, feed, target, opts)) ?? { error: 'The fetch was cancelled.', page: null, state: null };
}

/** One article: fetch, extract, store page, text and outcome, re-enrich. null when cancelled (nothing stored then). */
async function fetchFullText(store: Store, feed: StoredFeed, article: FullTextTarget, opts: FullTextOptions): Promise<FullTextOutcome | null> {
  const now = opts.now ?? ((): Date => new Date());
  const url = article.link;
  if (url === null) return { error: `Article ${article.id} has no link to fetch its full text from.`, page: null, state: null };
  const fetchedAt = now().toISOString();
  const previous = await store.pages.state(article.id);
  const outcome = (attempt: FullTextAttempt): FullTextState => nextFullTextState(article.id, classifyFullText(attempt), previous, now());
  let res;
  try {
    res = await fetchUrl(url, {
      maxBytes: PAGE_MAX_BYTES,
      ...opts.fetch,
      accept: PAGE_ACCEPT,
      allowHostPort: typedHostPort(feed),
      signal: opts.signal,
      capture: opts.capture === undefined ? { maxBytes: CAPTURE_DEFAULT_MAX_BYTES } : opts.capture,
    });
  } catch (err) {
    if (err instanceof FetchError && err.kind === 'aborted') return null;
    const error = `Full text of "${shortUrl(url)}" could not be fetched: ${(err as Error).message}`;
    const state = outcome({ url, error: err });
    const page = await store.pages.record({ articleId: article.id, url, fetchedAt, finalUrl: null, status: err instanceof FetchError ? err.status : null,
      contentType: null, bytes: null, error, capture: err instanceof FetchError ? err.capture : null }, null, [], state);
    return { error, page, state };
  }
  const contentType = res.headers['content-type'] ?? null;
  let error: string | null = null;
  let extracted: ExtractedArticle | null = null;
  let state: FullTextState;
  if (!servesWebPage(contentType)) {
    error = `Full text of "${shortUrl(url)}": the address serves ${contentType}, not a web page.`;
    state = outcome({ url, contentType: contentType ?? '' });
  } else {
    try {
      extracted = await (opts.extract ?? extractInPool)(decodeFeedBytes(res.bytes, contentType), res.url, opts.signal);
      state = outcome({ url, article: extracted });
    } catch (err) {
      if (err instanceof ExtractCancelledError) return null;
      // A page cut off at its time or memory limit fails here like any other: its outcome says why.
      error = `Full text of "${shortUrl(url)}": ${(err as Error).message}`;
      state = outcome({ url, error: err });
    }
  }
  // The page, the article's new text, the enrichers' verdict on it and the outcome, in one transaction.
  const page = await store.pages.record({ articleId: article.id, url, fetchedAt, finalUrl: res.url, status: res.status, contentType, bytes: res.bytes, error, capture: res.capture },
    extracted && { html: extracted.html, text: extracted.text, lang: extracted.lang }, opts.enrichers ?? standardEnrichers, state);
  return { error, page, state };
}

/** The host:port the user typed for the feed: the one loopback/private address its articles may use. */
function typedHostPort(feed: StoredFeed): string | null {
  try {
    return hostPortOf(feed.typedUrl);
  } catch {
    return null;
  }
}

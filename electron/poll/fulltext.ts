// Full text for feeds that carry only summaries: after ingest, each new or edited article's page is fetched
// through the feed fetch layer (same limits, same refusal of private addresses: only the host:port the user
// typed for the feed is exempt, so a feed cannot point Footnote at the user's router), extracted, and stored
// as the article's full_html and text; the raw page is kept, compressed, as evidence. Then the enrichers
// (labels, auto-tags) run again on the longer text. A failure is recorded on the article's page row and never
// fails the poll.
import type { Store } from '../store/store.ts';
import type { FullTextTarget, PageRecord, StoredFeed } from '../store/records.ts';
import { FetchError, fetchUrl, hostPortOf, type FetchOptions } from '../net/fetch.ts';
import { decodeFeedBytes } from '../text/decode.ts';
import { htmlToText } from '../text/html-text.ts';
import { extractArticle } from '../articles/extract.ts';
import type { Enricher } from '../articles/enrichment.ts';
import { enrichers as standardEnrichers } from './enrichers.ts';

export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';
/** Pages fetched at once per feed: polite to one site, and extraction is CPU work on the main thread. */
export const FULLTEXT_CONCURRENCY = 3;
/** A feed whose items mostly carry less text than this is a summaries-only feed. */
export const SUMMARY_CHARS = 600;
/** Pages fetched per feed and poll: a first poll of a 500-item feed must not take half an hour. The rest
 * (and the articles of a feed whose full text was just switched on) follow on later polls, newest first. */
export const MAX_PAGES_PER_POLL = 30;
const DETECT_SAMPLE = 20;
// Article pages run to 1–2 MB with their inline scripts; extraction is synchronous, so a bigger page would
// hold the main thread for seconds.
const PAGE_MAX_BYTES = 5 * 1024 * 1024;
// A web page, or no type at all; a feed, a PDF or an image at an article's address is not extracted.
const PAGE_TYPES = /^\s*(?:text\/html|application\/xhtml\+xml)\s*(?:;|$)/i;

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
 * Fetches and extracts the pages of these articles of one feed (new or edited ones, after a poll), then of its
 * articles whose page was never fetched, up to maxPages, if the feed wants full text. Never throws.
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
        outcome = { error: `Full text of "${target.link}" could not be stored: ${(err as Error).message}`, page: null };
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

/** The feed and the articles to fetch now, or null when this feed gets no full text. */
async function chooseTargets(store: Store, feedId: number, articleIds: number[], opts: FullTextOptions): Promise<{ feed: StoredFeed; targets: FullTextTarget[] } | null> {
  const [feed] = await store.feeds.stored([feedId]);
  // With nothing new, only a feed switched on works through its backlog: detection is not worth a query per poll.
  if (!feed || (articleIds.length === 0 && feed.fullText !== true && opts.force !== true)) return null;
  if (opts.force !== true && !(await wantsFullText(store, feed))) return null;
  const max = opts.maxPages ?? MAX_PAGES_PER_POLL;
  const ids = [...new Set([...articleIds, ...await store.pages.backlog(feedId, max)])].slice(0, max);
  return { feed, targets: (await store.pages.targets(ids)).filter((a) => a.feedId === feedId && a.link !== null) };
}

export interface FullTextOutcome {
  /** Why there is no full text from this fetch, or null when the article got it. */
  error: string | null;
  page: PageRecord | null;
}

/** Fetches one article's page now, whatever the feed's setting (the API's "articles.fullText"). */
export async function refreshFullText(store: Store, articleId: number, opts: FullTextOptions = {}): Promise<FullTextOutcome> {
  const [target] = await store.pages.targets([articleId]);
  if (!target) return { error: `There is no article ${articleId}.`, page: null };
  const [feed] = await store.feeds.stored([target.feedId]);
  if (!feed) return { error: `The feed of article ${articleId} is gone.`, page: null };
  return (await fetchFullText(store, feed, target, opts)) ?? { error: 'The fetch was cancelled.', page: null };
}

/** One article: fetch, extract, store page and text, re-enrich. null when cancelled (nothing stored then). */
async function fetchFullText(store: Store, feed: StoredFeed, article: FullTextTarget, opts: FullTextOptions): Promise<FullTextOutcome | null> {
  const now = opts.now ?? ((): Date => new Date());
  const url = article.link;
  if (url === null) return { error: `Article ${article.id} has no link to fetch its full text from.`, page: null };
  const fetchedAt = now().toISOString();
  let res;
  try {
    res = await fetchUrl(url, {
      maxBytes: PAGE_MAX_BYTES,
      ...opts.fetch,
      accept: PAGE_ACCEPT,
      allowHostPort: typedHostPort(feed),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof FetchError && err.kind === 'aborted') return null;
    const error = `Full text of "${url}" could not be fetched: ${(err as Error).message}`;
    const page = await store.pages.record({ articleId: article.id, url, fetchedAt, finalUrl: null, status: err instanceof FetchError ? err.status : null,
      contentType: null, bytes: null, error }, null, []);
    return { error, page };
  }
  const contentType = res.headers['content-type'] ?? null;
  let error: string | null = null;
  let extracted: ReturnType<typeof extractArticle> | null = null;
  if (contentType !== null && !PAGE_TYPES.test(contentType)) {
    error = `Full text of "${url}": the address serves ${contentType}, not a web page.`;
  } else {
    try {
      extracted = extractArticle(decodeFeedBytes(res.bytes, contentType), res.url);
    } catch (err) {
      error = `Full text of "${url}": ${(err as Error).message}`;
    }
  }
  // The page, the article's new text and the enrichers' verdict on it, in one transaction.
  const page = await store.pages.record({ articleId: article.id, url, fetchedAt, finalUrl: res.url, status: res.status, contentType, bytes: res.bytes, error },
    extracted && { html: extracted.html, text: extracted.text, lang: extracted.lang }, opts.enrichers ?? standardEnrichers);
  return { error, page };
}

/** The host:port the user typed for the feed: the one loopback/private address its articles may use. */
function typedHostPort(feed: StoredFeed): string | null {
  try {
    return hostPortOf(feed.typedUrl);
  } catch {
    return null;
  }
}

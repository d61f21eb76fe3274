// Polls feeds: at most 6 fetched at once, each fetched, parsed and ingested on its own so that one feed's failure
// never stops the others or touches what they stored. What the server says is obeyed: 304 not modified, 301/308
// move the feed, 410 retires it, 429/503 Retry-After postpones it; other failures back off exponentially.
import { takeFirstPollResponse } from './first-poll.ts';
import type { AppEvent } from '../events.ts';
import type { Store } from '../store/store.ts';
import type { FeedState, FetchLogEntry, FetchOutcome, StoredFeed } from '../store/records.ts';
import type { Enricher } from '../articles/enrichment.ts';
import { MAX_WRITES_PER_POLL } from './ingest.ts';
import { languageDetector } from '../text/language.ts';
import { enrichers as standardEnrichers } from './enrichers.ts';
import { fillFullText } from './fulltext.ts';
import type { ExtractFn } from '../articles/extract-pool.ts';
import { FetchError, fetchUrl, hostPortOf, type FetchOptions, type FetchResult } from '../net/fetch.ts';
import { CAPTURE_DEFAULT_MAX_BYTES, type CaptureOptions } from '../net/capture.ts';
import { parseFeedBytes, type ParsedFeed, type ParseOptions } from '../feeds/parse.ts';
import { contentHashTag, type PreparedItems } from '../articles/prepare.ts';
import { describeWait, isDue, nextAfterFailure, nextAfterSuccess, parseRetryAfter } from './schedule.ts';

export const MAX_CONCURRENT_FETCHES = 6;

/** How a poll parses a feed: a ParseFn (feeds/parse.ts), or one that also prepares the items for ingest, all but
 * those whose content hash tags are in `unchanged` (articles/prepare.ts). */
export type PollParseFn = (bytes: Uint8Array, opts: ParseOptions, unchanged?: ReadonlySet<number>) => Parsed | Promise<Parsed>;
type Parsed = ParsedFeed & { prepared?: PreparedItems };

/** Per library and feed, the content hash tags of the items its last poll stored or found unchanged: what the next
 * poll's worker need not prepare. Only a hint (ingest computes what it is not handed), so kept in memory. */
const lastPolled = new WeakMap<Store, Map<number, ReadonlySet<number>>>();

function rememberPolled(store: Store, feedId: number, prepared: PreparedItems | undefined, deferred: number): void {
  let feeds = lastPolled.get(store);
  if (!feeds) lastPolled.set(store, feeds = new Map());
  // Deferred items were not stored: the whole set is left out rather than told apart.
  if (!prepared || deferred > 0) feeds.delete(feedId);
  else feeds.set(feedId, new Set([...prepared.values()].map((p) => contentHashTag(p.keys.contentHash))));
}

export interface PollOptions {
  /** Only these feeds (default: all). */
  ids?: number[];
  /** Only feeds whose next fetch time has passed (for cron). */
  due?: boolean;
  signal?: AbortSignal;
  concurrency?: number;
  /** Limits for each fetch (tests use small ones). */
  fetch?: Pick<FetchOptions, 'timeoutMs' | 'idleTimeoutMs' | 'maxBytes' | 'maxRedirects'>;
  /** The app passes parseForIngestInWorker (parse-in-worker.ts), so that parsing and the items' preparation for ingest
   * never block the engine's thread; with a plain ParseFn ingest prepares the items itself. */
  parse?: PollParseFn;
  /** Called once, before the first fetch, when the poll has feeds to fetch: the app starts its parse worker there
   * (startParseWorker), so that the worker's start overlaps the fetches. */
  startParser?: () => void;
  /** How full-text pages are read (default: the shared extraction pool, fulltext.ts). */
  extract?: ExtractFn;
  emit?: (event: AppEvent) => void;
  now?: () => Date;
  random?: () => number;
  /** What runs on each new or changed article (default: the standard list of enrichers.ts). */
  enrichers?: Enricher[];
  /** Raw capture of each response (default: on, with the default cap); null turns it off (the setting). */
  capture?: CaptureOptions | null;
}

export interface PollSummary {
  /** Feeds fetched in this poll. */
  feeds: number;
  new: number;
  updated: number;
  failed: { url: string; error: string }[];
  /** Feeds not fetched because the server asked to wait, they are backing off, or they are gone. */
  skipped: { url: string; reason: string }[];
  cancelled: boolean;
}

export interface FeedPollResult {
  outcome: FetchOutcome | 'cancelled';
  newCount: number;
  /** New articles that came out of the enrichers with a label (the app may notify about them). */
  flaggedCount: number;
  updatedCount: number;
  error: string | null;
}

export async function pollFeeds(store: Store, options: PollOptions = {}): Promise<PollSummary> {
  const now = options.now ?? ((): Date => new Date());
  const summary: PollSummary = { feeds: 0, new: 0, updated: 0, failed: [], skipped: [], cancelled: false };
  const toFetch: StoredFeed[] = [];
  for (const feed of await store.feeds.stored(options.ids)) {
    const reason = skipReason(feed, options.due === true, now());
    if (reason) summary.skipped.push({ url: feed.url, reason });
    else toFetch.push(feed);
  }
  if (toFetch.length > 0) options.startParser?.();
  let done = 0;
  let next = 0;
  let flagged = 0;
  const worker = async (): Promise<void> => {
    while (next < toFetch.length && !options.signal?.aborted) {
      const feed = toFetch[next++] as StoredFeed;
      const claim = await store.feeds.claim(feed.id);
      if (!claim) {
        summary.skipped.push({ url: feed.url, reason: 'Another client of the team library is polling this feed right now.' });
        continue;
      }
      let r: FeedPollResult;
      try {
        r = await pollFeed(store, feed, options);
      } finally {
        await claim.release();
      }
      if (r.outcome === 'cancelled') continue;
      summary.feeds++;
      summary.new += r.newCount;
      flagged += r.flaggedCount;
      summary.updated += r.updatedCount;
      if (r.error !== null && r.outcome !== 'gone') summary.failed.push({ url: feed.url, error: r.error });
      if (r.outcome === 'gone') summary.failed.push({ url: feed.url, error: r.error ?? 'The feed is gone.' });
      done++;
      options.emit?.({ type: 'poll-progress', done, total: toFetch.length, newArticles: summary.new, feedId: feed.id, feedUrl: feed.url });
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? MAX_CONCURRENT_FETCHES, toFetch.length));
  await Promise.all(Array.from({ length: workers }, worker));
  summary.cancelled = options.signal?.aborted === true;
  if (summary.new > 0) options.emit?.({ type: 'articles-new', count: summary.new, flagged });
  options.emit?.({ type: 'poll-finished', feeds: summary.feeds, newArticles: summary.new, updated: summary.updated, failed: summary.failed.length });
  return summary;
}

/** The capture setting of a poll: on with the default cap unless the caller says otherwise. */
export function captureOf(options: { capture?: CaptureOptions | null }): CaptureOptions | null {
  return options.capture === undefined ? { maxBytes: CAPTURE_DEFAULT_MAX_BYTES } : options.capture;
}

/** Why a feed is left out of this poll, or null to fetch it. */
function skipReason(feed: StoredFeed, dueOnly: boolean, now: Date): string | null {
  if (feed.status === 'gone') return 'The feed is gone (HTTP 410); it is no longer polled. Remove it, or add its new address.';
  if (isDue(feed.nextFetchAt, now)) return null;
  const until = new Date(feed.nextFetchAt as string);
  if (feed.retryReason) return `${feed.retryReason} Next try in ${describeWait(until, now)}.`;
  if (dueOnly) return `Not due yet: next fetch in ${describeWait(until, now)}.`;
  return null;
}

/** Fetches, parses and stores one feed, and records the fetch. Never throws for the feed's own problems. */
export async function pollFeed(store: Store, feed: StoredFeed, options: PollOptions = {}): Promise<FeedPollResult> {
  const now = options.now ?? ((): Date => new Date());
  const enrichers = options.enrichers ?? standardEnrichers;
  const started = now();
  const startedMs = performance.now();
  const logEntry = (outcome: FetchOutcome, status: number | null, bytes: number | null, error: string | null): FetchLogEntry => ({
    feedId: feed.id, startedAt: started.toISOString(), url: feed.url, status, outcome, bytes,
    durationMs: Math.round(performance.now() - startedMs), newCount: 0, updatedCount: 0, error,
  });

  let response: FetchResult;
  let parsed: Parsed | null = null;
  try {
    response = takeFirstPollResponse(feed.id) ?? await fetchUrl(feed.url, {
      ...options.fetch,
      etag: feed.etag,
      lastModified: feed.lastModified,
      allowHostPort: hostPortOf(feed.typedUrl),
      signal: options.signal,
      capture: captureOf(options),
    });
    if (!response.notModified) {
      const opts = { contentType: response.headers['content-type'] ?? null, url: response.url };
      parsed = await (options.parse ? options.parse(response.bytes, opts, lastPolled.get(store)?.get(feed.id)) : parseFeedBytes(response.bytes, opts));
    }
  } catch (err) {
    if (err instanceof FetchError && err.kind === 'aborted') return { outcome: 'cancelled', newCount: 0, flaggedCount: 0, updatedCount: 0, error: null };
    return recordFailure(store, feed, err as Error, now(), logEntry);
  }

  const at = now();
  const state: Partial<FeedState> = {
    status: 'ok', lastFetchedAt: at.toISOString(), lastSuccessAt: at.toISOString(), errorCount: 0, lastError: null, retryReason: null,
  };
  if (response.permanentUrl && response.permanentUrl !== feed.url) {
    const other = await store.feeds.findByUrl(response.permanentUrl);
    if (!other || other.id === feed.id) state.url = response.permanentUrl;
  }
  if (!parsed) {
    state.nextFetchAt = nextAfterSuccess(feed, at, options.random).toISOString();
    await store.feeds.recordFetch(feed.id, state, logEntry('not_modified', response.status, 0, null));
    // Nothing new, but failed full texts due for another try are tried on every poll of their feed.
    await fillFullText(store, feed.id, [], { fetch: options.fetch, signal: options.signal, now, enrichers, extract: options.extract });
    return { outcome: 'not_modified', newCount: 0, flaggedCount: 0, updatedCount: 0, error: null };
  }
  let result;
  const { prepared, ...parsedFeed } = parsed;
  try {
    // The items, the feed's new state and the fetch log, all in one transaction.
    result = await store.feeds.recordPoll(feed.id, {
      feed: parsedFeed,
      ingest: { now: at.toISOString(), maxWrites: MAX_WRITES_PER_POLL, enrichers, detectLanguage: await languageDetector(), ...(prepared ? { prepared } : {}) },
      state: {
        ...state,
        title: feed.title ?? parsed.title,
        siteUrl: parsed.link ?? feed.siteUrl,
        description: parsed.description,
        language: parsed.language,
        floorMinutes: parsed.ttlMinutes,
        etag: response.headers['etag'] ?? null,
        lastModified: response.headers['last-modified'] ?? null,
        nextFetchAt: nextAfterSuccess({ intervalMinutes: feed.intervalMinutes, floorMinutes: parsed.ttlMinutes }, at, options.random).toISOString(),
      },
      log: logEntry('ok', response.status, response.bytes.length, null),
      capture: response.capture,
    });
  } catch (err) {
    // A bug or a locked library while storing: the transaction rolled back, so the feed is simply retried later.
    const why = new Error(`Footnote could not store this feed's items (${(err as Error).message}); nothing from this fetch was saved.`);
    rememberPolled(store, feed.id, undefined, 0);
    return recordFailure(store, feed, why, now(), logEntry);
  }
  rememberPolled(store, feed.id, prepared, result.deferred);
  // Full text for summaries-only feeds, after the feed's transaction so that a slow article site never holds the
  // write lock; its failures stay on the articles' page rows. Labels found in the full text count as flagged too.
  const changedIds = [...result.newIds, ...result.updatedIds];
  await fillFullText(store, feed.id, changedIds, { fetch: options.fetch, signal: options.signal, now, enrichers, capture: captureOf(options), extract: options.extract });
  return { outcome: 'ok', newCount: result.newIds.length, flaggedCount: await store.articles.countFlagged(result.newIds), updatedCount: result.updatedIds.length, error: null };
}

async function recordFailure(store: Store, feed: StoredFeed, err: Error, at: Date,
  logEntry: (outcome: FetchOutcome, status: number | null, bytes: number | null, error: string | null) => FetchLogEntry): Promise<FeedPollResult> {
  const status = err instanceof FetchError ? err.status : null;
  const message = err.message;
  const base: Partial<FeedState> = { lastFetchedAt: at.toISOString(), lastError: message };
  if (status === 410) {
    await store.feeds.recordFetch(feed.id, { ...base, status: 'gone', nextFetchAt: null, retryReason: null }, logEntry('gone', status, null, message));
    return { outcome: 'gone', newCount: 0, flaggedCount: 0, updatedCount: 0, error: message };
  }
  const retryAt = (status === 429 || status === 503) && err instanceof FetchError ? parseRetryAfter(err.retryAfter, at) : null;
  if (retryAt) {
    const reason = `The server asked Footnote to wait (HTTP ${status}, Retry-After).`;
    await store.feeds.recordFetch(feed.id, { ...base, status: 'error', nextFetchAt: retryAt.toISOString(), retryReason: reason }, logEntry('retry_later', status, null, message));
    return { outcome: 'retry_later', newCount: 0, flaggedCount: 0, updatedCount: 0, error: `${message} Next try in ${describeWait(retryAt, at)}.` };
  }
  const errors = feed.errorCount + 1;
  const next = nextAfterFailure(feed, errors, at);
  await store.feeds.recordFetch(feed.id, {
    ...base, status: 'error', errorCount: errors, nextFetchAt: next.toISOString(),
    retryReason: `Backing off after ${errors} failed fetch${errors === 1 ? '' : 'es'} in a row.`,
  }, logEntry('error', status, null, message));
  return { outcome: 'error', newCount: 0, flaggedCount: 0, updatedCount: 0, error: message };
}

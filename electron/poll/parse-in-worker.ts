// parseInWorker: parseFeedBytes on a worker thread, so a 5 MB feed (1–2 s of parsing at 20,000 items) never blocks the
// engine's thread, and a feed that would keep the parser busy for longer than PARSE_TIMEOUT_MS is cut off: its worker
// is terminated, that one feed fails with a FeedParseError naming it, and the next parse starts a fresh worker.
// parseForIngestInWorker does the same and prepares the items for ingest on that worker too (articles/prepare.ts):
// the HTML-to-text, language, index values and fingerprints that would otherwise cost the engine's thread over half of
// an ingest. One worker (electron/worker-pool.ts), started on first use or by startParseWorker; it holds the process
// open only while a parse is pending.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { WorkerPool, WorkerTaskError } from '../worker-pool.ts';
import { FeedParseError, type ParsedFeed, type ParseOptions } from '../feeds/parse.ts';
import type { PreparedItems } from '../articles/prepare.ts';
import type { ParseReply, ParseRequest } from './parse-worker.ts';

/** A 10 MB feed of 40,000 items parses in under 3 s even on a loaded two-core machine (measured 2.7 s); parsed and
 * prepared, a 14 MB one of 40,000 took 1.6 s against 0.6 s parsed only (load 3.5, ingest7); 30 s is a parser caught
 * in a loop. */
export const PARSE_TIMEOUT_MS = 30_000;
// Idle this long, the worker stops; the next poll starts it again (~0.45 s, the language profiles loading: the poller
// starts it before its fetches, startParseWorker).
const IDLE_MS = 60_000;
/** The worker's old-generation heap limit. A feed is at most 20 MB (net/fetch.ts), a few times that once parsed and
 * prepared; without a limit V8 let the worker's heap grow with the feeds it had seen (a build of 40,000 articles, parsed
 * and prepared there: 767 MiB RSS against 669 MiB with this limit and 507 MiB parsing on the engine's thread). A feed
 * that needs more fails alone, its worker restarted. */
const MAX_MEMORY_MB = 512;

let pool: WorkerPool<ParseRequest, ParseReply> | null = null;

/**
 * The worker script beside this module: parse-worker.ts when Node runs the sources (tests, CLI), parse-worker.js in
 * the electron-vite bundle, where this code lives in out/main/index.js. A file path, not `new URL('./…',
 * import.meta.url)`, which Vite would try to treat as an asset import.
 */
function workerPath(): string {
  const here = fileURLToPath(import.meta.url);
  return join(dirname(here), here.endsWith('.ts') ? 'parse-worker.ts' : 'parse-worker.js');
}

export interface ParseLimits {
  /** Counted from when this feed's parse starts (default PARSE_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** A parsed feed with what the worker prepared for ingest, keyed by the feed's own item objects. */
export type PreparedFeed = ParsedFeed & { prepared: PreparedItems };

/**
 * Parses a feed on the worker thread; resolves to what parseFeedBytes returns, rejects with a FeedParseError carrying
 * the same message, or one saying the parse was cut off at its time limit. The caller's bytes stay intact: they are
 * copied once (about 1 ms for 5 MB) and the copy is transferred, not cloned.
 */
export async function parseInWorker(bytes: Uint8Array, opts: ParseOptions = {}, limits: ParseLimits = {}): Promise<ParsedFeed> {
  return (await runParse(bytes, opts, limits, null)).feed;
}

/** parseInWorker, and the items prepared for ingest on the same worker within the same time limit; items whose content
 * hash tag is in `unchanged` (articles/prepare.ts) get their keys only. */
export async function parseForIngestInWorker(bytes: Uint8Array, opts: ParseOptions = {}, unchanged: ReadonlySet<number> = new Set(), limits: ParseLimits = {}): Promise<PreparedFeed> {
  const { feed, prepared } = await runParse(bytes, opts, limits, { unchanged: [...unchanged] });
  if (prepared?.length !== feed.items.length) throw new Error(`The feed parser returned ${prepared?.length ?? 'no'} prepared items for ${feed.items.length}.`);
  return { ...feed, prepared: new Map(feed.items.map((item, i) => [item, prepared[i]!])) };
}

async function runParse(bytes: Uint8Array, opts: ParseOptions, limits: ParseLimits, prepare: ParseRequest['prepare']): Promise<Extract<ParseReply, { ok: true }>> {
  pool ??= new WorkerPool({ filename: workerPath(), threads: 1, idleTimeoutMs: IDLE_MS, maxMemoryMb: MAX_MEMORY_MB });
  const buffer = new Uint8Array(bytes).buffer; // a fresh copy: Buffer#slice would share (and detach) a pool
  const where = opts.url ? `The feed ${opts.url}` : 'The feed';
  let reply: ParseReply;
  try {
    reply = await pool.run({ buffer, opts: { contentType: opts.contentType ?? null, url: opts.url ?? null }, prepare }, limits.timeoutMs ?? PARSE_TIMEOUT_MS, { transfer: [buffer] });
  } catch (err) {
    if (!(err instanceof WorkerTaskError)) throw err;
    if (err.kind === 'timeout') throw new FeedParseError(`${where} could not be parsed: ${err.message}, so the parser was stopped. Footnote tries it again on the next poll; if it keeps failing, the feed is broken or hostile.`);
    throw new Error(`The feed parser stopped unexpectedly while parsing ${where.replace(/^The/, 'the')}: ${err.message}.`);
  }
  if (reply.ok) return reply;
  throw reply.parseError ? new FeedParseError(reply.message) : new Error(reply.message);
}

// The smallest feed, for startParseWorker.
const EMPTY_FEED = new TextEncoder().encode('<rss version="2.0"><channel><title>start</title></channel></rss>');

/**
 * Starts the worker if it is not running, with a parse of an empty feed, so that its start (~0.45 s of a second core:
 * it loads the language profiles, BENCHMARKS.md ingest8) overlaps what the caller does meanwhile, such as a poll's
 * fetches, instead of following them. Its outcome is not awaited: a worker that cannot start fails the poll's first
 * real parse, which says so.
 */
export function startParseWorker(): void {
  runParse(EMPTY_FEED, {}, {}, null).catch(() => {});
}

/** Stops the worker (a later parseInWorker starts a new one). */
export async function stopParseWorker(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.close();
}

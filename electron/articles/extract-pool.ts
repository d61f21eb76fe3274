// extractArticle on a small pool of worker threads (electron/worker-pool.ts), each page under a time limit and
// each worker under a memory limit. Readability is synchronous: a hostile page (tens of thousands of candidate
// nodes, deep nesting that slips under extract.ts's own checks) can hold a thread for many seconds, and on the
// engine's thread that would stall every other call. In a worker, a page over its limit is cut off (the worker
// is terminated, a fresh one takes the next page) and fails alone with an ExtractCutOffError naming it.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { WorkerPool, WorkerTaskError, type WorkerFailure } from '../worker-pool.ts';
import { BlockedPageError, NoArticleError } from './extract-errors.ts';
// Types only: this side of the pool must not load Readability, linkedom or jsdom (extract-errors.ts).
import type { ExtractedArticle } from './extract.ts';
import type { ExtractReply, ExtractRequest } from './extract-worker.ts';

/** How a caller extracts: the shared pool (extractInPool) or a pool of its own with other limits. */
export type ExtractFn = (html: string, url: string | null, signal?: AbortSignal) => Promise<ExtractedArticle>;

/** A real page takes 10–100 ms (up to ~4 s at extract.ts's element cap on a slow machine); 10 s is a runaway. */
export const EXTRACT_TIMEOUT_MS = 10_000;
/** linkedom, Readability and jsdom's sanitiser on a 5 MB page stay well under this. */
export const EXTRACT_MAX_MEMORY_MB = 256;
// Two workers at most: the machines Footnote runs on may have two cores, and the engine needs one too.
const THREADS = Math.max(1, Math.min(2, availableParallelism() - 1));
// Loading jsdom in a fresh worker costs ~0.5 s: keep an idle worker for the rest of a poll, not for hours.
const IDLE_MS = 60_000;

export interface ExtractPoolOptions {
  threads?: number;
  /** Per page, counted from when its extraction starts (default EXTRACT_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Per worker (default EXTRACT_MAX_MEMORY_MB). */
  maxMemoryMb?: number;
}

/** A page whose extraction was cut off: it ran past its time limit, out of memory, or its worker died. */
export class ExtractCutOffError extends Error {
  override name = 'ExtractCutOffError';
  readonly kind: Exclude<WorkerFailure, 'cancelled'>;
  readonly limitMs: number;
  constructor(kind: Exclude<WorkerFailure, 'cancelled'>, message: string, limitMs: number) {
    super(message);
    this.kind = kind;
    this.limitMs = limitMs;
  }
}

/** The caller's signal aborted while its page was being read: nothing came of it. */
export class ExtractCancelledError extends Error {
  override name = 'ExtractCancelledError';
}

/** The worker script beside this module: .ts when Node runs the sources, .js in the electron-vite bundle (where
 * this code lives in out/main/index.js or engine.js), as parse-in-worker.ts finds its worker. */
function workerPath(): string {
  const here = fileURLToPath(import.meta.url);
  return join(dirname(here), here.endsWith('.ts') ? 'extract-worker.ts' : 'extract-worker.js');
}

export class ExtractPool {
  readonly #pool: WorkerPool<ExtractRequest, ExtractReply>;
  readonly #timeoutMs: number;

  constructor(options: ExtractPoolOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? EXTRACT_TIMEOUT_MS;
    this.#pool = new WorkerPool({
      filename: workerPath(), threads: options.threads ?? THREADS, maxMemoryMb: options.maxMemoryMb ?? EXTRACT_MAX_MEMORY_MB, idleTimeoutMs: IDLE_MS,
    });
  }

  /** extractArticle's result or error (NoArticleError, BlockedPageError), or ExtractCutOffError / ExtractCancelledError. */
  readonly extract: ExtractFn = async (html, url, signal) => {
    let reply: ExtractReply;
    try {
      reply = await this.#pool.run({ html, url }, this.#timeoutMs, { signal });
    } catch (err) {
      if (!(err instanceof WorkerTaskError)) throw err;
      const where = url ?? 'the page';
      switch (err.kind) {
        case 'cancelled':
          throw new ExtractCancelledError(`Reading ${where} was cancelled.`);
        case 'timeout':
          throw new ExtractCutOffError('timeout', `Reading ${where} was cut off: ${err.message}, which no real article page needs.`, this.#timeoutMs);
        case 'memory':
          throw new ExtractCutOffError('memory', `Reading ${where} was cut off: ${err.message}, which no real article page needs.`, this.#timeoutMs);
        case 'crashed':
          throw new ExtractCutOffError('crashed', `Reading ${where} failed: ${err.message}.`, this.#timeoutMs);
      }
    }
    if (reply.ok) return reply.article;
    if (reply.wall) throw new BlockedPageError(reply.message, reply.wall);
    if (reply.reason) throw new NoArticleError(reply.message, reply.reason);
    throw new Error(reply.message);
  };

  /** Pages being read in a worker right now. */
  get running(): number {
    return this.#pool.running;
  }

  /** The running workers (tests kill one mid-page). */
  get threads(): readonly Worker[] {
    return this.#pool.threads;
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}

let shared: ExtractPool | null = null;

/** Extracts on the process's shared pool, started on first use with the default limits. */
export const extractInPool: ExtractFn = (html, url, signal) => (shared ??= new ExtractPool()).extract(html, url, signal);

/** Stops the shared pool (a later extractInPool starts a new one). */
export async function stopExtractPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}

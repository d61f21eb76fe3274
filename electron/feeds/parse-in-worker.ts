// parseInWorker: parseFeedBytes on a worker thread, so a 5 MB feed (100–150 ms of parsing) never blocks the app's
// main thread. One long-lived worker, started on first use; it holds the process open only while a parse is pending.
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { FeedParseError, type ParsedFeed, type ParseOptions } from './parse.ts';
import type { ParseReply, ParseRequest } from './parse-worker.ts';

interface Pending { resolve: (feed: ParsedFeed) => void; reject: (err: Error) => void }

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/**
 * The worker script beside this module: parse-worker.ts when Node runs the sources (tests, CLI), parse-worker.js in
 * the electron-vite bundle, where this code lives in out/main/index.js. A file path, not `new URL('./…',
 * import.meta.url)`, which Vite would try to treat as an asset import.
 */
function workerPath(): string {
  const here = fileURLToPath(import.meta.url);
  return join(dirname(here), here.endsWith('.ts') ? 'parse-worker.ts' : 'parse-worker.js');
}

function failAll(err: Error): void {
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(workerPath());
  w.on('message', (reply: ParseReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) w.unref();
    if (reply.ok) p.resolve(reply.feed);
    else p.reject(reply.parseError ? new FeedParseError(reply.message) : new Error(reply.message));
  });
  w.on('error', (err) => {
    if (worker === w) worker = null;
    failAll(new Error(`The feed parser stopped unexpectedly: ${err.message}`));
  });
  w.on('exit', (code) => {
    if (worker === w) worker = null;
    if (pending.size > 0) failAll(new Error(`The feed parser stopped unexpectedly (exit code ${code}).`));
  });
  w.unref();
  worker = w;
  return w;
}

/**
 * Parses a feed on the worker thread; resolves to what parseFeedBytes returns, rejects with a FeedParseError carrying
 * the same message. The caller's bytes stay intact: they are copied once (about 1 ms for 5 MB) and the copy is
 * transferred, not cloned.
 */
export function parseInWorker(bytes: Uint8Array, opts: ParseOptions = {}): Promise<ParsedFeed> {
  const w = getWorker();
  const id = nextId++;
  const buffer = new Uint8Array(bytes).buffer; // a fresh copy: Buffer#slice would share (and detach) a pool
  return new Promise<ParsedFeed>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    const req: ParseRequest = { id, buffer, opts: { contentType: opts.contentType ?? null, url: opts.url ?? null } };
    w.postMessage(req, [buffer]);
  });
}

/** Stops the worker (the app calls this on quit; a later parseInWorker starts a new one). */
export async function stopParseWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}

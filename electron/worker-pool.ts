// A small pool of worker threads whose tasks each get a time limit, counted from the moment the task starts in a
// worker (not from when it was queued behind others), and whose workers get a memory limit. Work that is
// synchronous and may spin on hostile input (Readability on a page, the feed parser on a feed) cannot be
// interrupted from inside: at the limit the worker running it is terminated, that one task fails, and the next
// task gets a fresh worker. Piscina keeps the threads (start on demand, replace the dead, stop when idle, the
// memory limits, termination on abort); this file adds the start-counted time limit, names what went wrong, and
// queues tasks itself, handing piscina no more than it has threads: with minThreads 0, piscina does not replace a
// terminated worker for tasks already in its own queue, and they would wait forever.
// Used by articles/extract-pool.ts and poll/parse-in-worker.ts, which turn a failure into their own words.
import { MessageChannel, type Worker } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { TimedTask } from './worker-task.ts';

export interface WorkerPoolOptions {
  /** The worker module: its default export is a function wrapped by worker-task.ts's timedTask. */
  filename: string;
  /** Threads at most (they start on demand). */
  threads: number;
  /** Each worker's old-generation heap limit, in MB (none when left out). */
  maxMemoryMb?: number;
  /** An idle worker stops after this long, giving back its memory. */
  idleTimeoutMs: number;
}

/** Why a task did not finish: its time limit passed, its worker ran out of memory, its worker died (the detail
 * says how), or the caller cancelled it. */
export type WorkerFailure = 'timeout' | 'memory' | 'crashed' | 'cancelled';

export class WorkerTaskError extends Error {
  override name = 'WorkerTaskError';
  readonly kind: WorkerFailure;
  constructor(kind: WorkerFailure, message: string) {
    super(message);
    this.kind = kind;
  }
}

export class WorkerPool<T, R> {
  readonly #pool: Piscina<TimedTask<T>, R>;
  readonly #threads: number;
  /** Tasks handed to piscina (at most #threads); the rest wait in #waiting, first come first served. */
  #active = 0;
  readonly #waiting: (() => void)[] = [];
  #running = 0;

  constructor(options: WorkerPoolOptions) {
    this.#threads = options.threads;
    this.#pool = new Piscina({
      filename: options.filename,
      minThreads: 0,
      maxThreads: options.threads,
      idleTimeout: options.idleTimeoutMs,
      ...(options.maxMemoryMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb } }),
    });
    // Piscina reports a worker that dies with no task on it here; the next task simply gets a new worker.
    this.#pool.on('error', () => {});
  }

  /**
   * Runs one task with `timeoutMs` from its start. Rejects with a WorkerTaskError when the limit passes (the worker
   * is terminated), the worker runs out of memory or dies, or `signal` aborts; with the task's own error otherwise.
   */
  async run(task: T, timeoutMs: number, opts: { signal?: AbortSignal; transfer?: ArrayBuffer[] } = {}): Promise<R> {
    await this.#slot(opts.signal);
    try {
      return await this.#runNow(task, timeoutMs, opts);
    } finally {
      this.#release();
    }
  }

  /** Waits for a free thread; rejects if `signal` aborts first. */
  async #slot(signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) throw new WorkerTaskError('cancelled', 'it was cancelled');
    if (this.#active < this.#threads) {
      this.#active++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.#waiting.splice(this.#waiting.indexOf(take), 1);
        reject(new WorkerTaskError('cancelled', 'it was cancelled'));
      };
      const take = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(take);
    });
  }

  /** Hands the thread to the next waiting task (which keeps #active as it is), or frees it. */
  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active--;
  }

  async #runNow(task: T, timeoutMs: number, opts: { signal?: AbortSignal; transfer?: ArrayBuffer[] }): Promise<R> {
    const { port1, port2 } = new MessageChannel();
    const limit = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let started = false;
    // The limit is kept by a timer on this thread: while this thread is busy (a long transaction, the language
    // profiles loading), the "started" message waits, so the time already spent is taken off when it arrives.
    port1.once('message', (startedAt: number) => {
      started = true;
      this.#running++;
      timer = setTimeout(() => limit.abort(), Math.max(0, timeoutMs - (Date.now() - startedAt)));
    });
    port1.unref(); // the pool keeps the process alive while a task runs; the port must not once it is done
    const signal = opts.signal ? AbortSignal.any([opts.signal, limit.signal]) : limit.signal;
    try {
      return await this.#pool.run({ task, started: port2 }, { signal, transferList: [port2, ...(opts.transfer ?? [])] });
    } catch (err) {
      if (limit.signal.aborted) throw new WorkerTaskError('timeout', `it took longer than the ${durationWords(timeoutMs)} limit`);
      if (opts.signal?.aborted) throw new WorkerTaskError('cancelled', 'it was cancelled');
      const code = (err as { code?: unknown }).code;
      if (code === 'ERR_WORKER_OUT_OF_MEMORY') throw new WorkerTaskError('memory', 'it needed more memory than the worker is allowed');
      if (isWorkerDeath(err)) throw new WorkerTaskError('crashed', `its worker stopped unexpectedly (${(err as Error).message})`);
      throw err;
    } finally {
      clearTimeout(timer);
      port1.close();
      if (started) this.#running--;
    }
  }

  /** Tasks started in a worker and not yet settled. */
  get running(): number {
    return this.#running;
  }

  /** The running worker threads (tests kill one to prove a dead worker fails only its own task). */
  get threads(): readonly Worker[] {
    return this.#pool.threads;
  }

  /** Stops every worker; a task still running fails. */
  async close(): Promise<void> {
    await this.#pool.destroy();
  }
}

// Piscina's words when a worker exits under a task, and Node's error codes for a worker that cannot go on.
function isWorkerDeath(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return /^worker exited with code/.test(err.message) || err.message === 'Terminating worker thread' || (typeof code === 'string' && code.startsWith('ERR_WORKER_'));
}

/** A limit in words: "10 s", "500 ms". */
export function durationWords(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

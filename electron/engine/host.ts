// The host's side of the engine: starts it, routes API calls to it by name and its events back, and restarts it
// on the same library when it dies. Calls in flight at a crash fail with a clear ApiError and every listener gets
// an 'engine-crashed' event for the window; what the engine had committed is in the SQLite file and stays there.
// The carrier is pluggable: a worker_threads worker here (web mode, CLI), Electron's utility process in main.ts.
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { ApiError } from '../api/define.ts';
import type { ApiTransport } from '../api/client.ts';
import type { AppEvent, AppEventListener } from '../events.ts';
import type { EngineMessage, EngineOptions, HostMessage } from './protocol.ts';

/** One running engine, however it is carried. onExit fires once, with a reason in words. */
export interface EngineChannel {
  post: (message: HostMessage) => void;
  onMessage: (listener: (message: EngineMessage) => void) => void;
  onExit: (listener: (reason: string) => void) => void;
  kill: () => void;
}

/** More crashes than this within CRASH_WINDOW_MS and the host stops restarting: something is wrong for good. */
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 60_000;
const STOP_GRACE_MS = 10_000;

interface Pending { name: string; resolve: (value: unknown) => void; reject: (err: Error) => void }

export class EngineHost implements ApiTransport {
  readonly #spawn: () => EngineChannel;
  readonly #options: EngineOptions;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Set<AppEventListener>();
  readonly #crashes: number[] = [];
  #channel: EngineChannel | null = null;
  #ready: Promise<void>;
  #nextId = 1;
  #stopping = false;
  #exited: Promise<void> = Promise.resolve();
  /** The API's method names, as the engine reported them when it started. */
  methods: readonly string[] = [];

  private constructor(spawn: () => EngineChannel, options: EngineOptions) {
    this.#spawn = spawn;
    this.#options = options;
    this.#ready = this.#boot();
  }

  /** Starts the engine and waits until it has the library open; rejects with the reason if it cannot open it. */
  static async start(spawn: () => EngineChannel, options: EngineOptions): Promise<EngineHost> {
    const host = new EngineHost(spawn, options);
    try {
      await host.#ready;
    } catch (err) {
      await host.close();
      throw err;
    }
    return host;
  }

  #boot(): Promise<void> {
    const channel = this.#spawn();
    this.#channel = channel;
    let markExited = (): void => {};
    this.#exited = new Promise<void>((resolve) => (markExited = resolve));
    return new Promise<void>((resolve, reject) => {
      channel.onMessage((message) => {
        if (message.type === 'ready') {
          this.methods = message.methods;
          resolve();
        }
        else if (message.type === 'open-failed') reject(new ApiError('failed', `The engine could not open the library in ${this.#options.dataDir}: ${message.message}`));
        else if (message.type === 'event') this.#emit(message.event);
        else if (message.type === 'reply') this.#settle(message);
      });
      channel.onExit((reason) => {
        markExited();
        if (this.#channel !== channel) return;
        this.#channel = null;
        reject(new ApiError('failed', `The engine stopped while opening the library in ${this.#options.dataDir} (${reason}).`));
        if (!this.#stopping) this.#crashed(reason);
      });
      channel.post({ type: 'open', options: this.#options });
    });
  }

  #settle(reply: Extract<EngineMessage, { type: 'reply' }>): void {
    const p = this.#pending.get(reply.id);
    if (!p) return;
    this.#pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.value);
    else p.reject(new ApiError(reply.code, reply.error));
  }

  #emit(event: AppEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  #crashed(reason: string): void {
    const now = Date.now();
    this.#crashes.push(now);
    while (this.#crashes.length > 0 && (this.#crashes[0] ?? now) < now - CRASH_WINDOW_MS) this.#crashes.shift();
    const restarting = this.#crashes.length <= MAX_CRASHES;
    const next = restarting
      ? 'it is restarting on the same library; what was saved before is kept. Try again in a moment.'
      : `it crashed ${this.#crashes.length} times in a minute and will not restart: quit and reopen Footnote.`;
    for (const [id, p] of this.#pending) {
      this.#pending.delete(id);
      p.reject(new ApiError('failed', `The engine stopped unexpectedly (${reason}) while answering ${p.name}; ${next}`));
    }
    this.#emit({ type: 'engine-crashed', message: `The engine stopped unexpectedly (${reason}); ${next}` });
    if (restarting) {
      this.#ready = this.#boot();
      this.#ready.catch(() => {}); // each call awaiting it reports the failure itself
    } else {
      this.#ready = Promise.reject(new ApiError('failed', `The engine is not running: it crashed ${this.#crashes.length} times in a minute (last: ${reason}). Quit and reopen Footnote.`));
      this.#ready.catch(() => {});
    }
  }

  async invoke(name: string, args: unknown): Promise<unknown> {
    if (this.#stopping) throw new ApiError('failed', `The engine is shutting down: ${name} was not run.`);
    await this.#ready;
    const channel = this.#channel;
    if (!channel) throw new ApiError('failed', `The engine is restarting: ${name} was not run. Try again in a moment.`);
    const id = this.#nextId++;
    return new Promise<unknown>((resolve, reject) => {
      this.#pending.set(id, { name, resolve, reject });
      channel.post({ type: 'call', id, name, args });
    });
  }

  onEvent(listener: AppEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Test hook: makes the engine exit at once, as a crash would (the engine obeys only under FOOTNOTE_TEST_HOOKS=1). */
  crashForTest(): void {
    this.#channel?.post({ type: 'crash' });
  }

  /** Lets the engine close the library cleanly; kills it if it has not stopped within a grace period. */
  async close(): Promise<void> {
    this.#stopping = true;
    const channel = this.#channel;
    if (!channel) return;
    channel.post({ type: 'stop' });
    const timer = setTimeout(() => channel.kill(), STOP_GRACE_MS);
    await this.#exited;
    clearTimeout(timer);
  }
}

/** The engine on a worker thread of this process: web mode and the CLI. */
export function workerChannel(): EngineChannel {
  const worker = new Worker(join(import.meta.dirname, 'entry.ts'));
  let error = '';
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    onExit: (listener) => {
      worker.on('error', (err) => (error = err.message));
      worker.once('exit', (code) => listener(error ? `${error}, exit code ${code}` : `exit code ${code}`));
    },
    kill: () => void worker.terminate(),
  };
}

/** Starts the engine for a data directory on a worker thread. */
export function startEngineWorker(options: EngineOptions): Promise<EngineHost> {
  return EngineHost.start(workerChannel, options);
}

// The window's frequent reads on a second engine thread. The engine thread runs polls, whose ingest and extraction
// are synchronous: a list or search that arrives meanwhile would wait for them (BENCHMARKS.md, responsiveness).
// A reader thread with its own connection to the same library answers them instead: SQLite in WAL mode lets a
// reader see every committed write without waiting for the writer. Only methods that never write go there; each
// reply reflects what was committed when it ran, as it would on the engine thread.
import type { ApiTransport } from '../api/client.ts';
import type { ApiName } from '../api/methods.ts';
import type { AppEventListener } from '../events.ts';
import { EngineHost, workerChannel, type EngineChannel } from './host.ts';
import type { EngineOptions } from './protocol.ts';

const READ_METHODS: ReadonlySet<string> = new Set<ApiName>(['articles.list', 'articles.get', 'search.query', 'sidebar.counts']);

/** The engine thread plus a reader thread, behind one transport; each restarts on its own if it crashes. */
export class EngineWithReader implements ApiTransport {
  readonly #engine: EngineHost;
  readonly #reader: EngineHost;

  constructor(engine: EngineHost, reader: EngineHost) {
    this.#engine = engine;
    this.#reader = reader;
  }

  get methods(): readonly string[] {
    return this.#engine.methods;
  }

  invoke(name: string, args: unknown): Promise<unknown> {
    return (READ_METHODS.has(name) ? this.#reader : this.#engine).invoke(name, args);
  }

  onEvent(listener: AppEventListener): () => void {
    const offs = [this.#engine.onEvent(listener), this.#reader.onEvent(listener)];
    return () => offs.forEach((off) => off());
  }

  /** Test hook: crashes the engine thread (the one that polls), see EngineHost.crashForTest. */
  crashForTest(): void {
    this.#engine.crashForTest();
  }

  async close(): Promise<void> {
    await Promise.all([this.#engine.close(), this.#reader.close()]);
  }
}

/**
 * Starts the engine (it opens and migrates the library first), then the reader beside it, each on what `spawn`
 * gives: a worker thread by default, a utility process in the app.
 */
export async function startEngineWithReader(options: EngineOptions, spawn: () => EngineChannel = workerChannel): Promise<EngineWithReader> {
  // The engine polls below the reader's priority, so that a heavy poll does not take the reader's time slices.
  const engine = await EngineHost.start(spawn, { ...options, background: true });
  try {
    return new EngineWithReader(engine, await EngineHost.start(spawn, { ...options, schedule: false }));
  } catch (err) {
    await engine.close();
    throw err;
  }
}

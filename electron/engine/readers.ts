// The window's frequent reads on engine threads of their own. The engine thread runs polls, whose ingest and
// extraction are synchronous: a list or search that arrives meanwhile would wait for them (BENCHMARKS.md,
// responsiveness). Reader threads with their own connections to the same library answer them instead: SQLite in WAL
// mode lets a reader see every committed write without waiting for the writer. Searches get a thread of their own:
// ranking every match of a common word takes tens of milliseconds in a large library, and the list, the open article
// and the sidebar counts would otherwise queue behind it. Only methods that never write go there; each reply
// reflects what was committed when it ran, as it would on the engine thread.
import type { ApiTransport } from '../api/client.ts';
import type { ApiName } from '../api/methods.ts';
import type { AppEventListener } from '../events.ts';
import { EngineHost, workerChannel, type EngineChannel } from './host.ts';
import type { EngineOptions } from './protocol.ts';

const READ_METHODS: ReadonlySet<string> = new Set<ApiName>(['articles.list', 'articles.get', 'sidebar.counts']);
const SEARCH_METHODS: ReadonlySet<string> = new Set<ApiName>(['search.query']);

/** The engine thread plus a reader and a search thread, behind one transport; each restarts on its own if it crashes. */
export class EngineWithReader implements ApiTransport {
  readonly #engine: EngineHost;
  readonly #reader: EngineHost;
  readonly #searcher: EngineHost;

  constructor(engine: EngineHost, reader: EngineHost, searcher: EngineHost) {
    this.#engine = engine;
    this.#reader = reader;
    this.#searcher = searcher;
  }

  get methods(): readonly string[] {
    return this.#engine.methods;
  }

  invoke(name: string, args: unknown): Promise<unknown> {
    const host = READ_METHODS.has(name) ? this.#reader : SEARCH_METHODS.has(name) ? this.#searcher : this.#engine;
    return host.invoke(name, args);
  }

  onEvent(listener: AppEventListener): () => void {
    const offs = [this.#engine, this.#reader, this.#searcher].map((host) => host.onEvent(listener));
    return () => offs.forEach((off) => off());
  }

  /** Test hook: crashes the engine thread (the one that polls), see EngineHost.crashForTest. */
  crashForTest(): void {
    this.#engine.crashForTest();
  }

  async close(): Promise<void> {
    await Promise.all([this.#engine.close(), this.#reader.close(), this.#searcher.close()]);
  }
}

/**
 * Starts the engine (it opens and migrates the library first), then the reader and the search thread beside it,
 * each on what `spawn` gives: a worker thread by default, a utility process in the app.
 */
export async function startEngineWithReader(options: EngineOptions, spawn: () => EngineChannel = workerChannel): Promise<EngineWithReader> {
  // The engine polls below the reader's priority, so that a heavy poll does not take the reader's time slices.
  const engine = await EngineHost.start(spawn, { ...options, background: true });
  const readers: EngineHost[] = [];
  try {
    for (let i = 0; i < 2; i++) readers.push(await EngineHost.start(spawn, { ...options, schedule: false }));
    const [reader, searcher] = readers as [EngineHost, EngineHost];
    return new EngineWithReader(engine, reader, searcher);
  } catch (err) {
    await Promise.all([engine, ...readers].map((host) => host.close()));
    throw err;
  }
}

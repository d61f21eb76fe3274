// Events the engine sends to whoever shows progress: the app's window (IPC), web mode (SSE), the CLI (a bar).
export type AppEvent =
  | { type: 'poll-progress'; done: number; total: number; newArticles: number; feedId?: number; feedUrl?: string }
  | { type: 'poll-finished'; feeds: number; newArticles: number; updated: number; failed: number }
  | { type: 'articles-new'; count: number; flagged: number }
  | { type: 'feeds-changed' }
  | { type: 'progress'; task: string; done: number; total: number }
  /** The engine died (calls in flight failed with this message) and is restarting on the same library. */
  | { type: 'engine-crashed'; message: string }
  /** Another client of the team library changed something (store/records.ts LibraryChange). */
  | { type: 'library-changed'; what: string; by: string };

export type AppEventListener = (event: AppEvent) => void;

export class EventBus {
  readonly #listeners = new Set<AppEventListener>();

  on(listener: AppEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}

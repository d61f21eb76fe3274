// One poll at a time per library: a second refresh while one runs is refused rather than queued (the first one
// fetches the same feeds). The running poll's AbortController lets the window cancel it. Several clients on one
// team library also take a lock per feed in the store (Store.feeds.claim); this one keeps a single engine orderly.
export class PollLock {
  #running: AbortController | null = null;

  /** The new poll's controller, or null when a poll is already running. */
  acquire(): AbortController | null {
    if (this.#running) return null;
    this.#running = new AbortController();
    return this.#running;
  }

  release(controller: AbortController): void {
    if (this.#running === controller) this.#running = null;
  }

  /** A poll is running (the schedule lets a poll the window started finish instead of knocking against it). */
  get busy(): boolean {
    return this.#running !== null;
  }

  /** Cancels the running poll; false when there was none. */
  cancel(): boolean {
    this.#running?.abort();
    return this.#running !== null;
  }
}

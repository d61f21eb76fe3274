// Time charged to a server: wall time minus the stretches when this process's own event loop was blocked (a long
// synchronous parse or ingest of another feed). Without it, a busy poll blames a healthy server for our own stall:
// timers fire late, and before the socket data that arrived meanwhile has even been read.

export class ServerClock {
  readonly tickMs: number;
  #last = performance.now();
  #spent = 0;

  constructor(tickMs: number) {
    this.tickMs = tickMs;
  }

  /** Adds the time since the last call; a gap longer than two ticks was our stall, and counts as two ticks. */
  advance(): number {
    const now = performance.now();
    this.#spent += Math.min(now - this.#last, 2 * this.tickMs);
    this.#last = now;
    return this.#spent;
  }

  get spent(): number {
    return this.#spent;
  }
}

/** A tick fine enough for the shortest limit (tests use 200 ms), coarse enough to cost nothing (250 ms at most). */
export function tickFor(...limitsMs: number[]): number {
  return Math.max(10, Math.min(250, Math.min(...limitsMs) / 10));
}

// Runs the due polls on a timer, inside the engine (loop.ts) in the app and in web mode alike. Each feed's own interval,
// backoff and Retry-After are the engine's business ('feeds.poll' with due: true); this only knocks regularly
// and never lets two polls overlap.
import type { ApiContext } from '../api/define.ts';
import { inProcessClient } from '../api/client.ts';

const TICK_MS = 60_000;
/** Recent articles are re-checked for edits and deletions once a day: gentle on the sites, soon enough for evidence. */
const RECHECK_EVERY_MS = 24 * 60 * 60 * 1000;

export interface PollSchedule {
  stop: () => void;
}

export function startPollSchedule(ctx: ApiContext, report: (message: string) => void, tickMs = TICK_MS): PollSchedule {
  const api = inProcessClient(ctx);
  let running = false;
  let lastRecheck = Date.now();
  const tick = async (): Promise<void> => {
    // A poll already running (the schedule's own, or one the window started) fetches what is due: this knock waits
    // for the next tick instead of failing against the poll lock.
    if (running || ctx.polls.busy) return;
    running = true;
    try {
      await api.call('feeds.poll', { due: true });
      if (Date.now() - lastRecheck >= RECHECK_EVERY_MS) {
        lastRecheck = Date.now();
        await api.call('articles.recheck', {});
      }
    } catch (err) {
      report(`scheduled poll failed: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), tickMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

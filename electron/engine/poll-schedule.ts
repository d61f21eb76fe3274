// Runs the due polls on a timer, in the app's main process and in web mode alike. Each feed's own interval,
// backoff and Retry-After are the engine's business ('feeds.poll' with due: true); this only knocks regularly
// and never lets two polls overlap.
import type { ApiContext } from '../api/define.ts';
import { inProcessClient } from '../api/client.ts';

const TICK_MS = 60_000;

export interface PollSchedule {
  stop: () => void;
}

export function startPollSchedule(ctx: ApiContext, report: (message: string) => void, tickMs = TICK_MS): PollSchedule {
  const api = inProcessClient(ctx);
  let running = false;
  const tick = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      await api.call('feeds.poll', { due: true });
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

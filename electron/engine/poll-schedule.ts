// Runs the due polls on a timer, in the app's main process and in web mode alike. Each feed's own interval,
// backoff and Retry-After are the engine's business ('feeds.poll' with due: true); this only knocks regularly
// and never lets two polls overlap.
import { invoke, isApiName, type ApiContext } from '../api/methods.ts';

const TICK_MS = 60_000;

export interface PollSchedule {
  stop: () => void;
}

export function startPollSchedule(ctx: ApiContext, report: (message: string) => void, tickMs = TICK_MS): PollSchedule {
  let running = false;
  const tick = async (): Promise<void> => {
    if (running || !isApiName('feeds.poll')) return;
    running = true;
    try {
      await invoke(ctx, 'feeds.poll', { due: true });
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

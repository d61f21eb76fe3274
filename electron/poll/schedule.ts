// When a feed is fetched next: its interval (never below the feed's own <ttl>/sy:updatePeriod floor) with jitter
// after a success, exponential backoff after failures, and the server's Retry-After when it sends one.

const MINUTE = 60_000;
export const MAX_BACKOFF_MS = 24 * 60 * MINUTE;
/** A Retry-After further away than this is treated as this: a typo on the server should not silence a feed for a year. */
export const MAX_RETRY_AFTER_MS = 7 * 24 * 60 * MINUTE;
const MIN_RETRY_AFTER_MS = MINUTE;

export interface ScheduleFeed {
  intervalMinutes: number;
  floorMinutes: number | null;
}

export function effectiveIntervalMs(feed: ScheduleFeed): number {
  return Math.max(feed.intervalMinutes, feed.floorMinutes ?? 0) * MINUTE;
}

/** After a good fetch: the interval ±10 % (so feeds added together drift apart), never below the floor. */
export function nextAfterSuccess(feed: ScheduleFeed, now: Date, random: () => number = Math.random): Date {
  const jittered = feed.intervalMinutes * MINUTE * (0.9 + 0.2 * random());
  return new Date(now.getTime() + Math.max(jittered, (feed.floorMinutes ?? 0) * MINUTE));
}

/** After the n-th failure in a row (n ≥ 1): interval × 2^n, at most 24 hours. */
export function nextAfterFailure(feed: ScheduleFeed, errorCount: number, now: Date): Date {
  const delay = Math.min(effectiveIntervalMs(feed) * 2 ** Math.min(errorCount, 20), MAX_BACKOFF_MS);
  return new Date(now.getTime() + delay);
}

/** Retry-After as seconds or an HTTP date → the instant to wait for (at least a minute, at most a week), or null. */
export function parseRetryAfter(value: string | null | undefined, now: Date): Date | null {
  const text = value?.trim();
  if (!text) return null;
  let at: number;
  if (/^\d+$/.test(text)) at = now.getTime() + Number(text) * 1000;
  else {
    at = Date.parse(text);
    if (Number.isNaN(at)) return null;
  }
  const delay = Math.min(Math.max(at - now.getTime(), MIN_RETRY_AFTER_MS), MAX_RETRY_AFTER_MS);
  return new Date(now.getTime() + delay);
}

/** A feed is due when it was never scheduled or its next fetch time has passed. */
export function isDue(nextFetchAt: string | null, now: Date): boolean {
  return nextFetchAt === null || Date.parse(nextFetchAt) <= now.getTime();
}

/** "in 3 hours", "in 12 minutes": for messages about when a feed is tried again. */
export function describeWait(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.round((until.getTime() - now.getTime()) / MINUTE));
  if (minutes < 90) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hours`;
  return `${Math.round(hours / 24)} days`;
}

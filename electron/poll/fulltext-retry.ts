// When the poller tries a failed full text again on its own: after 15 minutes, then 1 hour, 6 hours and a day,
// then never (the user's "Retry" still works). Only failures that waiting can cure are retried (a busy or broken
// server, a cut connection: outcome.ts's `retry.when === 'auto'`); a wall, a 404 or a page with no article wait
// for the user. A server's Retry-After later than the step is honoured.
import type { FullTextStatus } from '../articles/outcome.ts';
import type { FullTextState } from '../store/records.ts';
import { parseRetryAfter } from './schedule.ts';

/** Minutes to wait after the 1st, 2nd, 3rd and 4th failure in a row; after the 5th, no more automatic tries. */
export const RETRY_DELAYS_MINUTES = [15, 60, 6 * 60, 24 * 60] as const;

/** The outcome of one try as the state to store, given the article's state before it. */
export function nextFullTextState(articleId: number, status: FullTextStatus, previous: FullTextState | undefined, now: Date): FullTextState {
  const triedAt = now.toISOString();
  if (status.status === 'saved') return { articleId, status: 'saved', reason: null, message: null, attempts: 1, triedAt, nextRetryAt: null };
  // A run of the same kind of outcome counts up; a saved copy before it starts the count again.
  const attempts = previous && previous.status !== 'saved' ? previous.attempts + 1 : 1;
  if (status.status === 'blocked') return { articleId, status: 'blocked', reason: status.wall, message: status.message, attempts, triedAt, nextRetryAt: null };
  return { articleId, status: 'failed', reason: status.reason, message: status.message, attempts, triedAt, nextRetryAt: retryAt(status, attempts, now) };
}

function retryAt(status: Extract<FullTextStatus, { status: 'failed' }>, attempts: number, now: Date): string | null {
  if (status.retry.when !== 'auto') return null;
  const minutes = RETRY_DELAYS_MINUTES[attempts - 1];
  if (minutes === undefined) return null;
  const step = now.getTime() + minutes * 60_000;
  const asked = parseRetryAfter(status.retry.retryAfter, now)?.getTime() ?? 0;
  return new Date(Math.max(step, asked)).toISOString();
}

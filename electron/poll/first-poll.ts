// A new subscription's first poll without a second fetch: subscribing (api/subscribe.ts) has just fetched and
// parsed the feed, so it leaves that response here and the feed's first poll, if it comes within a minute, stores
// it instead of asking the server again. Taken once; older ones are dropped.
import type { FetchResult } from '../net/fetch.ts';

const KEEP_MS = 60_000;
const kept = new Map<number, { at: number; response: FetchResult }>();

export function keepForFirstPoll(feedId: number, response: FetchResult, now = Date.now()): void {
  for (const [id, k] of kept) if (now - k.at > KEEP_MS) kept.delete(id);
  kept.set(feedId, { at: now, response });
}

/** The response subscribing left for this feed, once, if it is less than a minute old. */
export function takeFirstPollResponse(feedId: number, now = Date.now()): FetchResult | null {
  const k = kept.get(feedId);
  kept.delete(feedId);
  return k && now - k.at <= KEEP_MS ? k.response : null;
}

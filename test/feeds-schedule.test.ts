import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextAfterFailure, nextAfterSuccess, parseRetryAfter, isDue, MAX_BACKOFF_MS } from '../electron/poll/schedule.ts';

const now = new Date('2026-11-25T08:00:00Z');
const at = (d: Date | null): number | null => (d ? d.getTime() - now.getTime() : null);
const MIN = 60_000;

test('after a success: the interval with ±10 % jitter, never below the feed\'s own floor', () => {
  const feed = { intervalMinutes: 30, floorMinutes: null };
  assert.equal(at(nextAfterSuccess(feed, now, () => 0)), 27 * MIN);
  assert.equal(at(nextAfterSuccess(feed, now, () => 1)), 33 * MIN);
  assert.equal(at(nextAfterSuccess({ intervalMinutes: 30, floorMinutes: 60 }, now, () => 0.5)), 60 * MIN);
});

test('after failures: interval × 2^n, capped at 24 hours', () => {
  const feed = { intervalMinutes: 30, floorMinutes: null };
  assert.equal(at(nextAfterFailure(feed, 1, now)), 60 * MIN);
  assert.equal(at(nextAfterFailure(feed, 3, now)), 240 * MIN);
  assert.equal(at(nextAfterFailure(feed, 50, now)), MAX_BACKOFF_MS);
});

test('Retry-After in seconds or as an HTTP date; garbage is ignored; at least a minute, at most a week', () => {
  assert.equal(at(parseRetryAfter('120', now)), 120_000);
  assert.equal(at(parseRetryAfter('Wed, 25 Nov 2026 09:00:00 GMT', now)), 60 * MIN);
  assert.equal(at(parseRetryAfter('0', now)), MIN);
  assert.equal(at(parseRetryAfter('99999999', now)), 7 * 24 * 60 * MIN);
  assert.equal(parseRetryAfter('soon', now), null);
  assert.equal(parseRetryAfter(null, now), null);
});

test('a feed is due when never scheduled or when its time has passed', () => {
  assert.equal(isDue(null, now), true);
  assert.equal(isDue('2026-11-25T07:59:59Z', now), true);
  assert.equal(isDue('2026-11-25T08:00:01Z', now), false);
});

// The engine's poll timer (engine/poll-schedule.ts) on a real library and a real feed server on 127.0.0.1: while a
// poll the window started is running, the timer's knock waits for the next tick instead of failing against the poll
// lock with an error in the log; once the lock is free a tick polls the due feed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createContext } from '../electron/engine/context.ts';
import { startPollSchedule } from '../electron/engine/poll-schedule.ts';
import { rss2, serve, startFeedServer } from './support/feed-server.ts';
import { tempDir } from './helpers.ts';

test('a scheduled tick during a running poll waits quietly, and the next free tick polls the due feed', async (t) => {
  const server = await startFeedServer({ '/feed.xml': serve(rss2('Wire', [{ guid: 'a', title: 'A story', link: 'https://example.org/a', description: 'Text of a story.' }])) });
  t.after(() => server.close());
  const ctx = createContext(tempDir(t));
  t.after(() => ctx.store.close());
  const url = server.url('/feed.xml');
  await ctx.store.feeds.add({ url, typedUrl: url, title: null, siteUrl: null, folder: null, intervalMinutes: 30, createdAt: new Date().toISOString() });
  const reports: string[] = [];
  const held = ctx.polls.acquire();
  assert.ok(held, 'the window\'s poll holds the lock');
  const schedule = startPollSchedule(ctx, (m) => reports.push(m), 20);
  t.after(() => schedule.stop());
  await sleep(200);
  assert.deepEqual(reports, [], 'no "scheduled poll failed" while the other poll runs');
  assert.equal(server.requestsTo('/feed.xml').length, 0, 'the timer left the feed to the running poll');
  ctx.polls.release(held);
  for (let i = 0; i < 100 && server.requestsTo('/feed.xml').length === 0; i++) await sleep(20);
  assert.equal(server.requestsTo('/feed.xml').length, 1, 'a tick polled the due feed once the lock was free');
  assert.deepEqual(reports, []);
});

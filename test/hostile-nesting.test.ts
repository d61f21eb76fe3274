// 100,000-level nesting, in the XML of a feed, in the HTML of its content and in a JSON Feed: each polled alone
// on a real library must end (stored or failed with a clear message) instead of keeping the poll busy for
// minutes. The bound is the test's timeout, generous because the XML case stays quadratic inside htmlparser2
// (parse-xml.ts reads 100,000 levels on purpose): 3-16 s alone, ~20 s with the CPU taken by two other processes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { invoke } from '../electron/api/methods.ts';
import { createContext } from '../electron/engine/context.ts';
import { pollFeeds } from '../electron/poll/poller.ts';
import { tempDir } from './helpers.ts';
import { startHostileServer } from './support/hostile-server.ts';
import { inertnessProblems } from './support/inert.ts';

const LIMITS = { timeoutMs: 6000, idleTimeoutMs: 3000, maxBytes: 12 * 1024 * 1024, maxRedirects: 5 };

for (const path of ['/nesting-xml', '/nesting-html', '/nesting-json']) {
  test(`100,000-level nesting ${path}: the poll ends within 90 s with a definite, inert outcome`, { timeout: 90_000 }, async (t) => {
    const canaryFile = join(tempDir(t), 'canary.txt');
    writeFileSync(canaryFile, 'unused');
    const server = await startHostileServer({ canaryFile, lifetimeMs: 60_000, bigFeedItems: 10 });
    t.after(() => server.close());
    const ctx = createContext(tempDir(t));
    t.after(() => ctx.store.close());
    await invoke(ctx, 'opml.import', { xml: `<opml version="2.0"><body><outline type="rss" text="x" xmlUrl="${server.url(path)}"/></body></opml>` });
    const summary = await pollFeeds(ctx.store, { fetch: LIMITS });
    assert.equal(summary.feeds, 1);
    const feed = ctx.store.db.prepare('SELECT status, last_error FROM feed').get() as { status: string; last_error: string | null };
    assert.ok(feed.status === 'ok' || (feed.status === 'error' && (feed.last_error ?? '').length > 10), `${feed.status}: ${feed.last_error}`);
    for (const a of ctx.store.db.prepare('SELECT link, content, summary FROM article').all() as { link: string | null; content: string | null; summary: string | null }[]) {
      for (const html of [a.content, a.summary]) if (html) assert.deepEqual(inertnessProblems(html, a.link), []);
    }
  });
}

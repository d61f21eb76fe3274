// The feeds, folders and OPML API methods through invoke(), as the window, web mode and the CLI call them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invoke, ApiError } from '../electron/api/methods.ts';
import { createContext } from '../electron/engine/context.ts';
import type { AppEvent } from '../electron/events.ts';
import type { FeedRecord } from '../electron/model.ts';
import { type Enricher } from '../electron/articles/enrichment.ts';
import { enrichers } from '../electron/poll/enrichers.ts';
import { tempDir } from './helpers.ts';
import { startFeedServer, serve, rss2 } from './support/feed-server.ts';

function apiError(code: string, pattern: RegExp) {
  return (err: unknown): boolean => err instanceof ApiError && err.code === code && pattern.test(err.message);
}

test('add, update, list folders, poll with events, remove: through the API', async (t) => {
  let release: () => void = () => {};
  const s = await startFeedServer({
    '/a.xml': serve(rss2('Feed A', [{ guid: 'a1', title: 'Alpha one' }, { guid: 'a2', title: 'Alpha two' }])),
    '/b.xml': serve(rss2('Feed B', [{ guid: 'b1', title: 'Beta one' }])),
  });
  t.after(() => s.close());
  const ctx = createContext(tempDir(t));
  t.after(() => ctx.store.close());
  const call = (name: string, args: unknown): Promise<unknown> => invoke(ctx, name, args);

  const { feed: a } = (await call('feeds.add', { url: s.url('/a.xml'), folder: 'World' })) as { feed: FeedRecord };
  const { feed: b } = (await call('feeds.add', { url: s.url('/b.xml') })) as { feed: FeedRecord };
  assert.equal(a.intervalMinutes, 30, 'the default interval comes from the settings');
  assert.deepEqual(await call('folders.list', {}), [{ id: 1, name: 'World', position: 0, feedCount: 1 }]);
  await assert.rejects(call('feeds.add', { url: 'mailto:x@example.com' }), apiError('bad_request', /mailto: address/));
  await assert.rejects(call('feeds.add', { url: s.url('/a.xml') }), apiError('conflict', /already subscribed/));
  await assert.rejects(call('feeds.add', {}), apiError('bad_request', /The url is missing: correct it and try again \(feeds\.add\)/));

  const updated = (await call('feeds.update', { id: b.id, title: 'Renamed B', folder: 'Local', intervalMinutes: 120, fullText: true })) as FeedRecord;
  assert.deepEqual([updated.title, updated.folder, updated.intervalMinutes, updated.fullText], ['Renamed B', 'Local', 120, true]);
  assert.equal(((await call('feeds.update', { id: b.id, folder: null, fullText: null })) as FeedRecord).folder, null);
  await assert.rejects(call('feeds.update', { id: 999, title: 'x' }), apiError('not_found', /no feed 999/));
  await assert.rejects(call('feeds.update', { id: b.id, intervalMinutes: 1 }), apiError('bad_request', /The interval minutes must be at least/));

  // A labelling enricher flags one new article: the poll reports it in 'articles-new'.
  const flagAlpha: Enricher = (article) => (article.text.includes('Alpha one')
    ? { labels: [{ kind: 'extremist', entity: 'X', canonical: 'X', marker: null, evidence: 'e', start: 0, end: 1, rule: 'test' }] }
    : undefined);
  enrichers.push(flagAlpha);
  t.after(() => { enrichers.splice(enrichers.indexOf(flagAlpha), 1); });
  const events: AppEvent[] = [];
  ctx.events.on((e) => events.push(e));
  const gate = new Promise<void>((resolve) => { release = resolve; });
  s.route('/b.xml', (req, res) => { void gate.then(() => serve(rss2('Feed B', [{ guid: 'b1', title: 'Beta one' }]))(req, res)); });
  const polling = call('feeds.poll', {});
  await assert.rejects(call('feeds.poll', {}), apiError('conflict', /already running/));
  release();
  assert.deepEqual(await polling, { feeds: 2, new: 3, updated: 0, failed: [], skipped: [], cancelled: false });
  assert.deepEqual(events.filter((e) => e.type !== 'poll-progress'), [
    { type: 'articles-new', count: 3, flagged: 1 },
    { type: 'poll-finished', feeds: 2, newArticles: 3, updated: 0, failed: 0 },
  ]);
  assert.deepEqual(events.filter((e) => e.type === 'poll-progress').map((e) => (e as { done: number }).done), [1, 2]);
  assert.deepEqual(await call('feeds.cancelPoll', {}), { cancelled: false });

  const list = (await call('feeds.list', {})) as FeedRecord[];
  assert.deepEqual(list.map((f) => [f.title, f.articleCount, f.status]).sort(), [['Feed A', 2, 'ok'], ['Renamed B', 1, 'ok']]);
  const { removed } = (await call('feeds.remove', { id: a.id })) as { removed: FeedRecord };
  assert.equal(removed.articleCount, 2);
  assert.equal((ctx.store.db.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n, 1, 'the other feed keeps its article');
  assert.equal((ctx.store.db.prepare('SELECT count(*) AS n FROM label').get() as { n: number }).n, 0, 'labels went with their article');
  await assert.rejects(call('feeds.remove', { id: a.id }), apiError('not_found', /no feed/));
  await assert.rejects(call('opml.import', { xml: '<html></html>' }), apiError('bad_request', /not OPML/));
});

test('subscribing as the add dialog does (discover, then add the feed found) fetches the feed once, not twice', async (t) => {
  const s = await startFeedServer({
    '/': serve('<html><head><link rel="alternate" type="application/rss+xml" title="Main" href="/feed.xml"></head><body>Site</body></html>', 'text/html'),
    '/feed.xml': serve(rss2('Site news', [{ guid: 's1', title: 'Story one' }])),
    '/direct.xml': serve(rss2('Direct', [{ guid: 'd1', title: 'Direct one' }])),
  });
  t.after(() => s.close());
  const ctx = createContext(tempDir(t));
  t.after(() => ctx.store.close());

  for (const [typed, path] of [[s.url('/'), '/feed.xml'], [s.url('/direct.xml'), '/direct.xml']] as const) {
    const { candidates } = (await invoke(ctx, 'feeds.discover', { url: typed })) as { candidates: { url: string }[] };
    assert.deepEqual(candidates.map((c) => c.url), [s.url(path)]);
    const { feed } = (await invoke(ctx, 'feeds.add', { url: candidates[0]!.url })) as { feed: FeedRecord };
    assert.ok(feed.title);
    // The first poll (the add dialog runs it at once) stores what discovery fetched instead of fetching again.
    const summary = (await invoke(ctx, 'feeds.poll', { ids: [feed.id] })) as { new: number };
    assert.equal(summary.new, 1);
    assert.equal(s.requestsTo(path).length, 1, `${path}: adding a feed and its first poll fetch it once`);
    // The next poll asks the server again, conditionally.
    await invoke(ctx, 'feeds.poll', { ids: [feed.id] });
    assert.equal(s.requestsTo(path).length, 2, `${path}: later polls fetch`);
  }
  // The kept discovery is taken once: adding the same address again (after removing it) fetches afresh.
  const again = (await invoke(ctx, 'feeds.list', {})) as FeedRecord[];
  await invoke(ctx, 'feeds.remove', { id: again.find((f) => f.url === s.url('/direct.xml'))!.id });
  await invoke(ctx, 'feeds.add', { url: s.url('/direct.xml') });
  assert.equal(s.requestsTo('/direct.xml').length, 3);
});

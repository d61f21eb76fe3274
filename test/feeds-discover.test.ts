import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { declaredFeeds, discoverFeeds } from '../electron/feeds/discover.ts';
import { SubscribeError } from '../electron/feeds/subscribe.ts';
import { addFeed } from '../electron/api/subscribe.ts';
import { openLibrary } from '../electron/store/sqlite/db.ts';
import { listFeedRecords } from '../electron/store/sqlite/feeds.ts';
import { tempDir } from './helpers.ts';
import { startFeedServer, serve, rss2, atom, type FeedServer, type Handler } from './support/feed-server.ts';
import { SqliteStore } from '../electron/store/sqlite/sqlite-store.ts';

async function server(t: TestContext, routes: Record<string, Handler>): Promise<FeedServer> {
  const s = await startFeedServer(routes);
  t.after(() => s.close());
  return s;
}

const site = (links: string): string => `<!doctype html><html><head><title>Site</title>${links}</head><body><p>Hello</p></body></html>`;

test('declared feeds: rel=alternate with a feed type, resolved against the page (and <base>), in order, no duplicates', () => {
  const html = site(`
    <link rel="stylesheet" href="/s.css">
    <link rel="alternate" type="application/rss+xml" title="All news" href="/rss.xml">
    <LINK REL="Alternate" TYPE="application/atom+xml; charset=utf-8" HREF="atom.xml">
    <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
    <link rel="alternate" type="application/feed+json" href="https://cdn.example/feed.json">
    <link rel="alternate" type="application/json" href="/rss.xml">
    <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">`);
  assert.deepEqual(declaredFeeds(html, 'https://news.example/section/page.html'), [
    { url: 'https://news.example/rss.xml', title: 'All news', type: 'rss' },
    { url: 'https://news.example/section/atom.xml', title: null, type: 'atom' },
    { url: 'https://cdn.example/feed.json', title: null, type: 'json' },
  ]);
  assert.deepEqual(declaredFeeds(site('<base href="https://other.example/dir/"><link rel="alternate" type="application/rss+xml" href="f.xml">'), 'https://news.example/'),
    [{ url: 'https://other.example/dir/f.xml', title: null, type: 'rss' }]);
});

test('a site page yields the feeds it declares; the first that parses is chosen', async (t) => {
  const s = await server(t, {
    '/': serve(site('<link rel="alternate" type="application/rss+xml" href="/broken.xml"><link rel="alternate" type="application/atom+xml" title="Atom" href="/atom.xml">'), 'text/html; charset=utf-8'),
    '/broken.xml': serve('<html>not a feed</html>', 'text/html'),
    '/atom.xml': serve(atom('The Atom', [{ id: 'urn:1', title: 'One', link: 'https://x.example/1', content: 'c' }]), 'application/atom+xml'),
  });
  const d = await discoverFeeds(s.url('/'));
  assert.deepEqual(d.candidates.map((c) => c.url), [s.url('/broken.xml'), s.url('/atom.xml')]);
  assert.equal(d.chosen?.url, s.url('/atom.xml'));
  assert.equal(d.chosen?.feed.title, 'The Atom');
});

test('without declared feeds the common paths are probed; a feed URL is its own candidate', async (t) => {
  const s = await server(t, {
    '/': serve(site(''), 'text/html'),
    '/index.xml': serve(rss2('Probed', [{ guid: 'a', title: 'A' }])),
    '/feed': serve('<html>no</html>', 'text/html'),
  });
  const d = await discoverFeeds(s.url('/'));
  assert.deepEqual(d.candidates, [{ url: s.url('/index.xml'), title: 'Probed', type: 'rss' }]);
  for (const path of ['/feed', '/rss', '/rss.xml', '/atom.xml', '/feed.xml', '/index.xml']) assert.equal(s.requestsTo(path).length, 1, path);

  const direct = await discoverFeeds(s.url('/index.xml'));
  assert.deepEqual(direct.candidates, [{ url: s.url('/index.xml'), title: 'Probed', type: 'rss' }]);
});

test('adding a site with no feed fails in words and stores nothing; adding twice is refused', async (t) => {
  const s = await server(t, { '/': serve(site(''), 'text/html'), '/rss': serve(rss2('Only', [{ guid: 'a', title: 'A' }])) });
  const db = openLibrary(tempDir(t));
  t.after(() => db.close());
  await assert.rejects(addFeed(new SqliteStore(db), s.url('/nothing/'), { intervalMinutes: 30 }), (err: Error) => err instanceof SubscribeError
    && /^Could not fetch http:\/\/127\.0\.0\.1:\d+\/nothing\/: Nothing was found at this address \(HTTP 404\)/.test(err.message));
  s.route('/empty', serve(site(''), 'text/html'));
  s.route('/rss', serve('nope', 'text/plain'));
  await assert.rejects(addFeed(new SqliteStore(db), s.url('/empty'), { intervalMinutes: 30 }), /No feed found at .*\/empty: the page declares none/);
  assert.equal(listFeedRecords(db).length, 0);

  s.route('/rss', serve(rss2('Only', [{ guid: 'a', title: 'A' }])));
  const { feedId } = await addFeed(new SqliteStore(db), s.url('/'), { intervalMinutes: 30, folder: 'News' });
  const [rec] = listFeedRecords(db);
  assert.equal(rec?.id, feedId);
  assert.equal(rec?.url, s.url('/rss'));
  assert.equal(rec?.title, 'Only');
  assert.equal(rec?.folder, 'News');
  assert.equal(rec?.status, 'new');
  assert.equal(rec?.articleCount, 0, 'add subscribes; the poll stores the articles');
  await assert.rejects(addFeed(new SqliteStore(db), s.url('/'), { intervalMinutes: 30 }), /already subscribed/);
  await assert.rejects(addFeed(new SqliteStore(db), s.url('/rss'), { intervalMinutes: 30 }), /already subscribed/);
  await assert.rejects(addFeed(new SqliteStore(db), 'ftp://x.example/', { intervalMinutes: 30 }), /ftp: address/);
});

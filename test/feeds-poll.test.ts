import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { openLibrary, type Db } from '../electron/store/sqlite/db.ts';
import { insertFeed, getStoredFeed, updateFeedSettings } from '../electron/store/sqlite/feeds.ts';
import { recentFetches } from '../electron/store/sqlite/fetch-log.ts';
import { pollFeeds, type PollOptions } from '../electron/poll/poller.ts';
import type { AppEvent } from '../electron/events.ts';
import { tempDir } from './helpers.ts';
import { SqliteStore } from '../electron/store/sqlite/sqlite-store.ts';
import {
  startFeedServer, serve, redirect, status, silent, rss2, atom, rdf, jsonFeed, win1251, type FeedServer, type Handler,
} from './support/feed-server.ts';

const T0 = new Date('2026-11-25T08:00:00Z');
// Generous: a normal fetch from the local server must never time out, however busy the machine. Only a server
// that never answers (/slow.xml below) is given a short limit, so that its test does not wait long.
const limits: PollOptions['fetch'] = { timeoutMs: 10_000, idleTimeoutMs: 10_000, maxBytes: 100_000 };

interface Lib { db: Db; s: FeedServer; add: (path: string) => number }

async function library(t: TestContext, routes: Record<string, Handler>): Promise<Lib> {
  const s = await startFeedServer(routes);
  t.after(() => s.close());
  const db = openLibrary(tempDir(t));
  t.after(() => db.close());
  // Full text off: these tests are about the feed itself, and fixture links point at hosts that do not exist.
  const add = (path: string): number => {
    const id = insertFeed(db, { url: s.url(path), typedUrl: s.url(path), intervalMinutes: 30, createdAt: T0.toISOString() });
    updateFeedSettings(db, id, { fullText: false });
    return id;
  };
  return { db, s, add };
}

function articles(db: Db, feedId: number): { guid: string | null; title: string | null; text: string | null }[] {
  return db.prepare('SELECT guid, title, text FROM article WHERE feed_id = ? ORDER BY id').all(feedId) as { guid: string | null; title: string | null; text: string | null }[];
}

function snapshot(db: Db, feedId: number): unknown[] {
  return db.prepare('SELECT id, guid, title, content, content_hash, first_seen_at FROM article WHERE feed_id = ? ORDER BY id').all(feedId);
}

const items = (prefix: string, n: number): { guid: string; title: string; link: string }[] =>
  Array.from({ length: n }, (_, i) => ({ guid: `${prefix}-${i}`, title: `${prefix} story ${i}`, link: `https://news.example/${prefix}/${i}?utm_source=rss` }));

test('every feed format is fetched, parsed and stored; a second poll sends If-None-Match and stores nothing', async (t) => {
  const cyr = 'Новости: мэр Москвы';
  const { db, s, add } = await library(t, {
    '/rss.xml': serve(rss2('RSS feed', items('rss', 3)), 'application/rss+xml', { etag: '"rss-v1"' }),
    '/atom.xml': serve(atom('Atom feed', [{ id: 'urn:a1', title: 'Atom one', link: 'https://atom.example/1', content: '<p>First</p><p>Second</p>' }]), 'application/atom+xml'),
    '/rdf.xml': serve(rdf('RDF feed', [{ about: 'https://rdf.example/1', title: 'RDF one', description: 'rdf text' }]), 'application/rdf+xml'),
    '/feed.json': serve(jsonFeed('JSON feed', [{ id: 'j1', title: 'JSON one', url: 'https://json.example/1', content_html: '<b>json</b>' }]), 'application/feed+json'),
    '/cp1251-header.xml': serve(win1251(rss2(cyr, [{ guid: 'c1', title: cyr }], '', '<?xml version="1.0"?>')), 'application/rss+xml; charset=windows-1251'),
    '/cp1251-prolog.xml': serve(win1251(rss2(cyr, [{ guid: 'c2', title: cyr }], '', '<?xml version="1.0" encoding="windows-1251"?>')), 'application/xml'),
    '/gzip.xml': serve(rss2('Gzip feed', items('gz', 2)), 'application/rss+xml', { gzip: true }),
  });
  const ids = ['/rss.xml', '/atom.xml', '/rdf.xml', '/feed.json', '/cp1251-header.xml', '/cp1251-prolog.xml', '/gzip.xml'].map(add);
  const [rssId, atomId, rdfId, jsonId, hdrId, prologId, gzId] = ids as [number, number, number, number, number, number, number];
  const events: AppEvent[] = [];
  const first = await pollFeeds(new SqliteStore(db), { fetch: limits, now: () => T0, emit: (e) => events.push(e) });
  assert.deepEqual(first.failed, []);
  assert.equal(first.feeds, 7);
  assert.equal(first.new, 3 + 1 + 1 + 1 + 1 + 1 + 2);

  assert.deepEqual(articles(db, rssId).map((a) => a.guid), ['rss-0', 'rss-1', 'rss-2']);
  assert.deepEqual(articles(db, atomId), [{ guid: 'urn:a1', title: 'Atom one', text: 'First\nSecond' }]);
  assert.equal(articles(db, rdfId)[0]?.title, 'RDF one');
  assert.equal(articles(db, jsonId)[0]?.text, 'json');
  assert.equal(articles(db, hdrId)[0]?.title, cyr);
  assert.equal(articles(db, prologId)[0]?.title, cyr);
  assert.equal(articles(db, gzId).length, 2);
  const link = db.prepare('SELECT link, canonical_link FROM article WHERE guid = ?').get('rss-0');
  assert.deepEqual(link, { link: 'https://news.example/rss/0?utm_source=rss', canonical_link: 'https://news.example/rss/0' });

  const rss = getStoredFeed(db, rssId);
  assert.equal(rss?.status, 'ok');
  assert.equal(rss?.title, 'RSS feed');
  assert.equal(rss?.etag, '"rss-v1"');
  assert.equal(getStoredFeed(db, hdrId)?.title, cyr);
  const progress = events.filter((e) => e.type === 'poll-progress');
  assert.equal(progress.length, 7);
  assert.deepEqual(progress.at(-1) && { done: progress.at(-1)?.done, total: (progress.at(-1) as { total: number }).total }, { done: 7, total: 7 });
  assert.deepEqual(events.at(-1), { type: 'poll-finished', feeds: 7, newArticles: 10, updated: 0, failed: 0 });

  const before = db.prepare('SELECT count(*) AS n FROM article').get();
  const second = await pollFeeds(new SqliteStore(db), { fetch: limits, now: () => new Date(T0.getTime() + 3_600_000) });
  assert.equal(second.new, 0);
  assert.equal(second.updated, 0);
  assert.deepEqual(db.prepare('SELECT count(*) AS n FROM article').get(), before);
  assert.equal(s.requestsTo('/rss.xml').at(-1)?.headers['if-none-match'], '"rss-v1"');
  assert.equal(recentFetches(db, rssId)[0]?.outcome, 'not_modified');
  assert.equal(recentFetches(db, rssId)[1]?.outcome, 'ok');
  assert.equal(recentFetches(db, rssId)[1]?.newCount, 3);
});

test('failing feeds are recorded in words and never touch the feeds and articles already stored', async (t) => {
  const { db, s, add } = await library(t, {
    '/good.xml': serve(rss2('Good', items('good', 2))),
    '/broken.xml': serve(rss2('Broken', items('broken', 2))),
  });
  const good = add('/good.xml');
  const broken = add('/broken.xml');
  await pollFeeds(new SqliteStore(db), { fetch: limits, now: () => T0 });
  const goodBefore = snapshot(db, good);
  const brokenBefore = snapshot(db, broken);
  assert.equal(brokenBefore.length, 2);

  const cases: [string, Handler, RegExp][] = [
    ['/slow.xml', silent, /did not answer within 0\.3 seconds/], // polled alone, with a 0.3 s limit: it never answers
    ['/big.xml', serve('x'.repeat(200_000)), /larger than 97\.7 KB/],
    ['/loop.xml', redirect(302, '/loop.xml'), /Too many redirects \(more than 5\)/],
    ['/html.xml', serve('<html><body>Hello</body></html>', 'text/html'), /./],
    ['/missing.xml', status(404), /HTTP 404/],
  ];
  const failingIds = cases.map(([path, handler]) => { s.route(path, handler); return add(path); });
  s.route('/broken.xml', serve('<rss version="2.0"><channel><title>Broken</title><item><title>cut off'.slice(0, 10), 'application/rss+xml'));
  const later = new Date(T0.getTime() + 3_600_000);
  const [slowId, ...otherIds] = failingIds as [number, ...number[]];
  const rest = await pollFeeds(new SqliteStore(db), { fetch: limits, now: () => later, ids: [good, broken, ...otherIds] });
  const slow = await pollFeeds(new SqliteStore(db), { fetch: { ...limits, timeoutMs: 300 }, now: () => later, ids: [slowId] });
  const r = { feeds: rest.feeds + slow.feeds, failed: [...rest.failed, ...slow.failed] };

  assert.equal(r.feeds, 7);
  assert.deepEqual(snapshot(db, good), goodBefore);
  assert.deepEqual(snapshot(db, broken), brokenBefore);
  for (const [i, [path, , message]] of cases.entries()) {
    const feed = getStoredFeed(db, failingIds[i] as number);
    assert.equal(feed?.status, 'error', path);
    assert.match(feed?.lastError ?? '', message, path);
    assert.equal(feed?.errorCount, 1, path);
    assert.equal(feed?.nextFetchAt, new Date(later.getTime() + 60 * 60_000).toISOString(), `${path}: backoff 30 min × 2`);
    assert.match(feed?.retryReason ?? '', /Backing off after 1 failed fetch/);
    assert.ok(r.failed.some((f) => f.url === s.url(path) && f.error === feed?.lastError), path);
    assert.equal(recentFetches(db, failingIds[i] as number)[0]?.outcome, 'error');
    assert.equal(articles(db, failingIds[i] as number).length, 0);
  }
  assert.equal(getStoredFeed(db, broken)?.status, 'error');
  assert.equal(getStoredFeed(db, good)?.status, 'ok');

  // Backing off: a full poll a minute later skips those feeds and says why; the good feed is fetched again.
  const third = await pollFeeds(new SqliteStore(db), { fetch: limits, now: () => new Date(later.getTime() + 60_000) });
  assert.equal(third.feeds, 1);
  assert.equal(third.skipped.length, 6);
  assert.match(third.skipped[0]?.reason ?? '', /Backing off after 1 failed fetch in a row\. Next try in 59 minutes\./);

  // The second failure in a row doubles the wait again; 24 hours is the ceiling.
  const afterBackoff = new Date(later.getTime() + 2 * 3_600_000);
  await pollFeeds(new SqliteStore(db), { fetch: limits, now: () => afterBackoff, ids: [failingIds[4] as number] });
  const twice = getStoredFeed(db, failingIds[4] as number);
  assert.equal(twice?.errorCount, 2);
  assert.equal(twice?.nextFetchAt, new Date(afterBackoff.getTime() + 120 * 60_000).toISOString());
});

test('301 moves the feed, 410 retires it, 429 and 503 wait for Retry-After', async (t) => {
  const { db, s, add } = await library(t, {
    '/old.xml': redirect(301, '/new.xml'),
    '/new.xml': serve(rss2('Moved', items('moved', 1))),
    '/gone.xml': status(410),
    '/busy.xml': status(429, { 'retry-after': '7200' }),
    '/down.xml': status(503, { 'retry-after': new Date(T0.getTime() + 600_000).toUTCString() }),
  });
  const moved = add('/old.xml');
  const gone = add('/gone.xml');
  const busy = add('/busy.xml');
  const down = add('/down.xml');
  const r = await pollFeeds(new SqliteStore(db), { fetch: limits, now: () => T0 });

  const m = getStoredFeed(db, moved);
  assert.equal(m?.url, s.url('/new.xml'));
  assert.equal(m?.typedUrl, s.url('/old.xml'));
  assert.equal(articles(db, moved).length, 1);

  const g = getStoredFeed(db, gone);
  assert.equal(g?.status, 'gone');
  assert.equal(g?.nextFetchAt, null);
  assert.match(g?.lastError ?? '', /gone for good \(HTTP 410\)/);
  assert.equal(recentFetches(db, gone)[0]?.outcome, 'gone');

  const b = getStoredFeed(db, busy);
  assert.equal(b?.nextFetchAt, new Date(T0.getTime() + 7_200_000).toISOString());
  assert.match(b?.retryReason ?? '', /asked Footnote to wait \(HTTP 429, Retry-After\)/);
  assert.equal(b?.errorCount, 0);
  assert.equal(getStoredFeed(db, down)?.nextFetchAt, new Date(T0.getTime() + 600_000).toISOString());
  assert.equal(recentFetches(db, busy)[0]?.outcome, 'retry_later');
  assert.equal(r.failed.length, 3);

  // Next poll: the gone feed and the waiting ones are skipped and say so; nothing is requested from them.
  const count = (p: string): number => s.requestsTo(p).length;
  const before = [count('/gone.xml'), count('/busy.xml'), count('/down.xml')];
  const again = await pollFeeds(new SqliteStore(db), { fetch: limits, now: () => new Date(T0.getTime() + 300_000) });
  assert.deepEqual([count('/gone.xml'), count('/busy.xml'), count('/down.xml')], before);
  assert.equal(again.feeds, 1);
  assert.equal(count('/old.xml'), 1, 'the moved feed is fetched at its new address');
  assert.deepEqual(again.skipped.map((x) => x.url).sort(), [s.url('/busy.xml'), s.url('/down.xml'), s.url('/gone.xml')].sort());
  assert.match(again.skipped.find((x) => x.url === s.url('/busy.xml'))?.reason ?? '', /Next try in 2 hours\./);
  assert.match(again.skipped.find((x) => x.url === s.url('/gone.xml'))?.reason ?? '', /no longer polled/);
});

test('an item whose content changed is an update that keeps the previous version', async (t) => {
  const v1 = rss2('Edits', [{ guid: 'story', title: 'Original title', description: '<p>First version.</p>' }, { guid: 'other', title: 'Other' }]);
  const v2 = rss2('Edits', [{ guid: 'story', title: 'Corrected title', description: '<p>Second version.</p>' }, { guid: 'other', title: 'Other' }]);
  const { db, s, add } = await library(t, { '/edits.xml': serve(v1) });
  const id = add('/edits.xml');
  await pollFeeds(new SqliteStore(db), { fetch: limits, now: () => T0 });
  const before = db.prepare("SELECT id, content_hash, last_seen_at FROM article WHERE guid = 'story'").get() as { id: number; content_hash: string };
  const otherBefore = db.prepare("SELECT * FROM article WHERE guid = 'other'").get() as Record<string, unknown>;

  s.route('/edits.xml', serve(v2));
  const t1 = new Date(T0.getTime() + 3_600_000);
  const r = await pollFeeds(new SqliteStore(db), { fetch: limits, now: () => t1 });
  assert.equal(r.new, 0);
  assert.equal(r.updated, 1);
  assert.equal(articles(db, id).length, 2);
  const after = db.prepare("SELECT id, title, text, content_hash, previous_hash, first_seen_at, last_seen_at FROM article WHERE guid = 'story'").get() as Record<string, unknown>;
  assert.equal(after['id'], before.id);
  assert.equal(after['title'], 'Corrected title');
  assert.equal(after['text'], 'Second version.');
  assert.equal(after['previous_hash'], before.content_hash);
  assert.notEqual(after['content_hash'], before.content_hash);
  assert.equal(after['first_seen_at'], T0.toISOString());
  // Every version is kept, the current one included (schema 6): the first as first seen, the edit as version 2.
  const versions = db.prepare('SELECT n, content_hash, title, text, seen_from, seen_until FROM article_version WHERE article_id = ? ORDER BY n').all(before.id);
  assert.deepEqual(versions, [
    { n: 1, content_hash: before.content_hash, title: 'Original title', text: 'First version.', seen_from: T0.toISOString(), seen_until: T0.toISOString() },
    { n: 2, content_hash: after['content_hash'], title: 'Corrected title', text: 'Second version.', seen_from: t1.toISOString(), seen_until: t1.toISOString() },
  ]);
  // The unchanged item only had its last-seen time bumped.
  const otherAfter = db.prepare("SELECT * FROM article WHERE guid = 'other'").get() as Record<string, unknown>;
  assert.deepEqual({ ...otherAfter, last_seen_at: null }, { ...otherBefore, last_seen_at: null });
  assert.equal(otherAfter['last_seen_at'], t1.toISOString());
});

test('at most 6 feeds are fetched at once, and a cancelled poll leaves the unfetched feeds untouched', async (t) => {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => { release = resolve; });
  const held: Handler = (req, res) => { void gate.then(() => serve(rss2('Held', items(req.url ?? 'x', 1)))(req, res)); };
  const routes: Record<string, Handler> = {};
  for (let i = 0; i < 10; i++) routes[`/f${i}.xml`] = held;
  const { db, s, add } = await library(t, routes);
  const ids = Object.keys(routes).map(add);
  const poll = pollFeeds(new SqliteStore(db), { fetch: { timeoutMs: 10_000, idleTimeoutMs: 10_000 }, now: () => T0 });
  while (s.requests.length < 6) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(s.maxInFlight(), 6);
  release();
  const r = await poll;
  assert.equal(r.feeds, 10);
  assert.equal(s.maxInFlight(), 6);

  const controller = new AbortController();
  s.route('/f0.xml', (_req, res) => { controller.abort(); res.destroy(); });
  const feedsBefore = ids.map((id) => getStoredFeed(db, id));
  const cancelled = await pollFeeds(new SqliteStore(db), { signal: controller.signal, concurrency: 1, now: () => new Date(T0.getTime() + 3_600_000) });
  assert.equal(cancelled.cancelled, true);
  assert.equal(cancelled.feeds, 0);
  assert.deepEqual(ids.map((id) => getStoredFeed(db, id)), feedsBefore);
});

test('a feed whose items cannot be stored is rolled back and recorded as failed; the other feeds are stored', async (t) => {
  const { db, add } = await library(t, {
    '/poison.xml': serve(rss2('Poison', [{ guid: 'ok', title: 'fine' }, { guid: 'bad', title: 'poison' }])),
    '/fine.xml': serve(rss2('Fine', items('fine', 2))),
  });
  const poison = add('/poison.xml');
  const fine = add('/fine.xml');
  db.exec("CREATE TEMP TRIGGER fail_poison BEFORE INSERT ON article WHEN new.title = 'poison' BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END");
  const r = await pollFeeds(new SqliteStore(db), { fetch: limits, now: () => T0 });
  assert.equal(r.new, 2);
  assert.equal(articles(db, fine).length, 2);
  assert.equal(articles(db, poison).length, 0, 'the whole feed rolled back, not half of it');
  const p = getStoredFeed(db, poison);
  assert.equal(p?.status, 'error');
  assert.match(p?.lastError ?? '', /could not store this feed's items \(simulated disk failure\)/);
  assert.equal(p?.etag, null);
  assert.equal(recentFetches(db, poison)[0]?.outcome, 'error');
});

test('a new interval applies from the last fetch at once, but never shortens a server-requested wait', async (t) => {
  const { db, add } = await library(t, {
    '/a.xml': serve(rss2('A', items('a', 1))),
    '/busy.xml': status(429, { 'retry-after': '7200' }),
  });
  const a = add('/a.xml');
  const busy = add('/busy.xml');
  await pollFeeds(new SqliteStore(db), { fetch: limits, now: () => T0, random: () => 0.5 });
  assert.equal(getStoredFeed(db, a)?.nextFetchAt, new Date(T0.getTime() + 30 * 60_000).toISOString());
  updateFeedSettings(db, a, { intervalMinutes: 240 });
  updateFeedSettings(db, busy, { intervalMinutes: 5 });
  assert.equal(getStoredFeed(db, a)?.nextFetchAt, new Date(T0.getTime() + 240 * 60_000).toISOString());
  assert.equal(getStoredFeed(db, busy)?.nextFetchAt, new Date(T0.getTime() + 7_200_000).toISOString());
});

test('a poll with feeds to fetch starts the parser once, before its first fetch; a poll with none due does not', async (t) => {
  const { db, s, add } = await library(t, { '/a.xml': serve(rss2('A', items('a', 2))), '/b.xml': serve(rss2('B', items('b', 2))) });
  add('/a.xml');
  add('/b.xml');
  const starts: number[] = []; // how many requests the server had seen at each start
  const startParser = (): void => { starts.push(s.requests.length); };
  const store = new SqliteStore(db);
  const summary = await pollFeeds(store, { fetch: limits, now: () => T0, random: () => 0.5, startParser });
  assert.deepEqual([summary.feeds, summary.new, starts], [2, 4, [0]]);
  const due = await pollFeeds(store, { fetch: limits, now: () => T0, random: () => 0.5, startParser, due: true });
  assert.deepEqual([due.feeds, starts], [0, [0]], 'nothing was due: no parser started');
});

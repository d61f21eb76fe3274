import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { openLibrary, type Db } from '../electron/store/sqlite/db.ts';
import { insertFeed, updateFeedSettings } from '../electron/store/sqlite/feeds.ts';
import { pagesOf, pageBytes } from '../electron/store/sqlite/pages.ts';
import { pollFeeds } from '../electron/poll/poller.ts';
import { fillFullText, looksLikeSummaries } from '../electron/poll/fulltext.ts';
import { search } from '../electron/store/sqlite/search/search.ts';
import { invoke } from '../electron/api/methods.ts';
import { createContext } from '../electron/engine/context.ts';
import type { AppEvent } from '../electron/events.ts';
import { redirect, rss2, serve, startFeedServer, type FeedServer } from './support/feed-server.ts';
import { tempDir } from './helpers.ts';
import { SqliteStore } from '../electron/store/sqlite/sqlite-store.ts';

const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url));
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const HTML = 'text/html; charset=utf-8';

async function server(t: TestContext): Promise<FeedServer> {
  const s = await startFeedServer();
  t.after(() => s.close());
  return s;
}

function library(t: TestContext): Db {
  const db = openLibrary(tempDir(t));
  t.after(() => db.close());
  return db;
}

function subscribe(db: Db, url: string): number {
  return insertFeed(db, { url, typedUrl: url, intervalMinutes: 30, createdAt: new Date().toISOString() });
}

function article(db: Db, link: string): { id: number; text: string; full_html: string | null; summary: string | null } {
  return db.prepare('SELECT id, text, full_html, summary FROM article WHERE link = ?').get(link) as { id: number; text: string; full_html: string | null; summary: string | null };
}

/** A summaries-only feed (one sentence per item) whose articles live on the same local server, polled once. */
async function summariesFeed(t: TestContext, pages: Record<string, { body: Uint8Array; type?: string; gzip?: boolean }>): Promise<{ s: FeedServer; db: Db; feedId: number; events: AppEvent[] }> {
  const s = await server(t);
  for (const [path, page] of Object.entries(pages)) s.route(path, serve(page.body, page.type ?? HTML, { gzip: page.gzip }));
  s.route('/feed.xml', serve(rss2('Summaries', Object.keys(pages).map((path, i) => ({
    guid: `item-${i}`, title: `Story ${i}`, link: s.url(path), description: `<p>Short summary number ${i}, read more on the site.</p>`,
  })))));
  const db = library(t);
  const feedId = subscribe(db, s.url('/feed.xml'));
  const events: AppEvent[] = [];
  const polled = await pollFeeds(new SqliteStore(db), { emit: (e) => events.push(e) });
  assert.deepEqual(polled.failed, [], 'full-text failures never fail the poll');
  return { s, db, feedId, events };
}

const ids = (db: Db, feedId: number): number[] => (db.prepare('SELECT id FROM article WHERE feed_id = ? ORDER BY id').all(feedId) as { id: number }[]).map((r) => r.id);

test('a poll of a summaries-only feed fetches each article page, extracts it, stores it with its evidence, re-indexes and re-labels', async (t) => {
  const news = fixture('news-article.html');
  const sputnik = fixture('sputnik-us-airspace.html');
  const { s, db, feedId, events } = await summariesFeed(t, {
    '/uk/flood': { body: news },
    '/world/airspace': { body: sputnik, gzip: true },
  });
  const flood = s.url('/uk/flood');
  const airspace = s.url('/world/airspace');
  assert.equal(ids(db, feedId).length, 2);

  const a = article(db, flood);
  assert.ok(a.text.startsWith('Flood defences along the River Severn were overtopped overnight'));
  assert.ok(!a.text.includes('Share on Facebook') && !a.text.includes('logged in to comment'));
  assert.ok(a.full_html?.includes('<p>Flood defences along'));
  assert.ok(!a.full_html?.includes('onerror'));
  assert.equal(a.summary, '<p>Short summary number 0, read more on the site.</p>', 'the feed\'s own content is kept beside the full text');

  assert.equal(pagesOf(db, a.id).length, 1);
  const [page] = pagesOf(db, a.id);
  assert.ok(page);
  assert.equal(page.url, flood);
  assert.equal(page.finalUrl, flood);
  assert.equal(page.status, 200);
  assert.equal(page.contentType, HTML);
  assert.equal(page.size, news.length);
  assert.equal(page.sha256, sha256(news));
  assert.equal(page.error, null);
  assert.ok(!Number.isNaN(Date.parse(page.fetchedAt)));
  const body = db.prepare('SELECT body FROM page WHERE id = ?').get(page.id) as { body: Buffer };
  assert.deepEqual(gunzipSync(body.body), news, 'the stored body is the served bytes, gzip-compressed');
  assert.ok(body.body.length < news.length);

  // Served with Content-Encoding: gzip: the evidence is the page itself, not the transfer encoding.
  const b = article(db, airspace);
  const [sputnikPage] = pagesOf(db, b.id);
  assert.equal(sputnikPage?.sha256, sha256(sputnik));
  assert.deepEqual(pageBytes(db, sputnikPage?.id ?? 0), sputnik);
  assert.ok(b.text.endsWith('*The Taliban is a terrorist group banned in Russia and many other countries.'));

  // The FTS triggers followed the new text, and the enrichers ran again on it.
  assert.deepEqual(search(db, 'Worcestershire').hits.map((h) => h.id), [a.id]);
  const labels = db.prepare('SELECT kind, entity FROM label WHERE article_id = ? AND removed_at IS NULL').all(b.id) as { kind: string; entity: string }[];
  assert.ok(labels.some((l) => l.kind === 'terrorist' && /Taliban/.test(l.entity)), `the footnote in the full text is detected: ${JSON.stringify(labels)}`);
  assert.deepEqual(events.find((e) => e.type === 'articles-new'), { type: 'articles-new', count: 2, flagged: 1 }, 'the app is told of the article flagged by its full text');
});

test('an article the feed edits gets its page fetched again, and its text stays the full text', async (t) => {
  const { s, db } = await summariesFeed(t, { '/story': { body: fixture('news-article.html') } });
  const link = s.url('/story');
  s.route('/feed.xml', serve(rss2('Summaries', [{ guid: 'item-0', title: 'Story 0 (updated)', link, description: '<p>A corrected summary.</p>' }])));
  const second = await pollFeeds(new SqliteStore(db));
  assert.equal(second.updated, 1);
  const a = article(db, link);
  assert.equal(pagesOf(db, a.id).length, 2);
  assert.ok(a.text.startsWith('Flood defences along the River Severn'), 'not the corrected summary');
  assert.equal(a.summary, '<p>A corrected summary.</p>');
});

test('a page that cannot be extracted or fetched is recorded on the article, the rest go on, the poll does not fail', async (t) => {
  const news = fixture('news-article.html');
  const consent = fixture('no-article-consent.html');
  const { s, db, feedId } = await summariesFeed(t, {
    '/ok': { body: news },
    '/consent': { body: consent },
    '/pdf': { body: Buffer.from('%PDF-1.4 not a page'), type: 'application/pdf' },
    '/feed-again': { body: Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'), type: 'application/rss+xml' },
  });
  const errorOf = (path: string): string | null => pagesOf(db, article(db, s.url(path)).id)[0]?.error ?? null;
  assert.match(errorOf('/consent') ?? '', /No article text found/);
  assert.match(errorOf('/pdf') ?? '', /serves application\/pdf, not a web page/);
  assert.match(errorOf('/feed-again') ?? '', /serves application\/rss\+xml, not a web page/);
  assert.equal(errorOf('/ok'), null);

  // One more article, whose page is missing, filled directly.
  s.route('/gone', (_req, res) => res.writeHead(404).end());
  const missing = db.prepare(`INSERT INTO article (feed_id, link, title_date_hash, title, text, raw, content_hash, first_seen_at, last_seen_at)
    VALUES (?, ?, 'h-gone', 'Gone', 'summary', '{}', 'c', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`).run(feedId, s.url('/gone')).lastInsertRowid;
  const result = await fillFullText(new SqliteStore(db), feedId, [Number(missing)]);
  assert.equal(result.done, 0);
  assert.equal(result.failed, 1);
  assert.match(result.failures[0]?.error ?? '', /could not be fetched: Nothing was found at this address \(HTTP 404\)/);

  const consentArticle = article(db, s.url('/consent'));
  assert.ok(consentArticle.text.startsWith('Short summary'), 'a failed extraction leaves the feed text as it was');
  assert.equal(consentArticle.full_html, null);
  const [consentPage] = pagesOf(db, consentArticle.id);
  assert.match(consentPage?.error ?? '', /No article text found/);
  assert.equal(consentPage?.sha256, sha256(consent), 'the page is kept as evidence even when nothing could be extracted');
  const [gonePage] = pagesOf(db, Number(missing));
  assert.equal(gonePage?.status, 404);
  assert.equal(gonePage?.sha256, null);
  assert.ok(article(db, s.url('/ok')).full_html);
});

test('a library that refuses the write loses nothing: the article stays as it was and the failure is reported', async (t) => {
  const { s, db, feedId } = await summariesFeed(t, { '/first': { body: fixture('news-article.html') } });
  s.route('/second', serve(fixture('news-article.html'), HTML));
  const id = Number(db.prepare(`INSERT INTO article (feed_id, link, title_date_hash, title, text, raw, content_hash, first_seen_at, last_seen_at)
    VALUES (?, ?, 'h2', 'Second', 'the feed text', '{}', 'c', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`).run(feedId, s.url('/second')).lastInsertRowid);
  db.exec("CREATE TEMP TRIGGER refuse_pages BEFORE INSERT ON page BEGIN SELECT RAISE(ABORT, 'database or disk is full (simulated)'); END");
  const result = await fillFullText(new SqliteStore(db), feedId, [id]);
  assert.equal(result.failed, 1);
  assert.match(result.failures[0]?.error ?? '', /could not be stored: database or disk is full \(simulated\)/);
  const row = db.prepare('SELECT text, full_html FROM article WHERE id = ?').get(id);
  assert.deepEqual(row, { text: 'the feed text', full_html: null });
  assert.deepEqual(pagesOf(db, id), []);
});

test('article pages on a private address are refused unless they are at the exact host and port typed for the feed', async (t) => {
  const other = await server(t);
  other.route('/private', serve(fixture('news-article.html'), HTML));
  const s = await server(t);
  s.route('/hop', redirect(302, other.url('/private')));
  s.route('/feed.xml', serve(rss2('Feed', [
    { guid: 'x', title: 'Elsewhere', link: other.url('/private'), description: 'short' },
    { guid: 'y', title: 'Redirected', link: s.url('/hop'), description: 'short' },
  ])));
  const db = library(t);
  const feedId = subscribe(db, s.url('/feed.xml'));
  assert.deepEqual((await pollFeeds(new SqliteStore(db))).failed, []);
  const [direct, hop] = ids(db, feedId);
  const refused = /127\.0\.0\.1 is a loopback network address; Footnote only fetches from the public internet/;
  assert.match(pagesOf(db, direct ?? 0)[0]?.error ?? '', refused);
  assert.match(pagesOf(db, hop ?? 0)[0]?.error ?? '', refused, 'a redirect from the typed host to another local service is refused too');
  assert.equal(s.requestsTo('/hop').length, 1, 'the typed host:port itself was allowed');
  assert.equal(other.requestsTo('/private').length, 0, 'no request reached the other local service');
});

test('detection: a feed carrying full content is left alone; the per-feed switch overrides detection', async (t) => {
  const s = await server(t);
  const long = `<p>${'A full paragraph of the story as the feed carries it. '.repeat(20)}</p>`;
  s.route('/feed.xml', serve(rss2('Full', [0, 1, 2].map((i) => ({ guid: `g${i}`, title: `Full ${i}`, link: s.url(`/p${i}`), description: long })))));
  for (const i of [0, 1, 2]) s.route(`/p${i}`, serve(fixture('news-article.html'), HTML));
  const db = library(t);
  const feedId = subscribe(db, s.url('/feed.xml'));
  await pollFeeds(new SqliteStore(db));
  assert.equal(s.requestsTo('/p0').length, 0, 'the poll fetched no page');
  assert.deepEqual(await fillFullText(new SqliteStore(db), feedId, ids(db, feedId)), { done: 0, failed: 0, failures: [] });

  updateFeedSettings(db, feedId, { fullText: true });
  assert.equal((await fillFullText(new SqliteStore(db), feedId, ids(db, feedId), { concurrency: 2 })).done, 3);
  assert.ok(s.maxInFlight() <= 2, 'at most the given number of pages at once');

  updateFeedSettings(db, feedId, { fullText: false });
  assert.equal((await fillFullText(new SqliteStore(db), feedId, ids(db, feedId))).done, 0);
});

test('switching full text on works through the feed\'s backlog, newest first, a bounded number of pages at a time', async (t) => {
  const s = await server(t);
  const items = [0, 1, 2, 3, 4].map((i) => ({ guid: `g${i}`, title: `Story ${i}`, link: s.url(`/p${i}`), description: 'short', pubDate: `Tue, 0${i + 1} Dec 2026 10:00:00 GMT` }));
  for (const i of [0, 1, 2, 3, 4]) s.route(`/p${i}`, serve(fixture('news-article.html'), HTML));
  s.route('/feed.xml', serve(rss2('Feed', items)));
  const db = library(t);
  const feedId = subscribe(db, s.url('/feed.xml'));
  updateFeedSettings(db, feedId, { fullText: false });
  await pollFeeds(new SqliteStore(db));
  const fetched = (): string[] => [0, 1, 2, 3, 4].filter((i) => s.requestsTo(`/p${i}`).length > 0).map((i) => `/p${i}`);
  assert.deepEqual(fetched(), []);

  updateFeedSettings(db, feedId, { fullText: true });
  assert.equal((await fillFullText(new SqliteStore(db), feedId, [], { maxPages: 2 })).done, 2);
  assert.deepEqual(fetched(), ['/p3', '/p4'], 'the newest first');
  assert.equal((await fillFullText(new SqliteStore(db), feedId, [], { maxPages: 2 })).done, 2);
  // A poll with nothing new carries on with the backlog of a feed switched on.
  await pollFeeds(new SqliteStore(db));
  assert.deepEqual(fetched(), ['/p0', '/p1', '/p2', '/p3', '/p4']);
  assert.equal((await fillFullText(new SqliteStore(db), feedId, [], { maxPages: 2 })).done, 0, 'nothing left: each page was fetched once');
  assert.deepEqual([0, 1, 2, 3, 4].map((i) => s.requestsTo(`/p${i}`).length), [1, 1, 1, 1, 1]);
});

test('looksLikeSummaries: most items short or empty', () => {
  const long = `<p>${'word '.repeat(200)}</p>`;
  assert.equal(looksLikeSummaries(['<p>short</p>', '', long]), true);
  assert.equal(looksLikeSummaries(['<p>short</p>', long, long]), false);
  assert.equal(looksLikeSummaries([]), false);
});

test('a windows-1251 page served with its charset is decoded before extraction', async (t) => {
  const { s, db } = await summariesFeed(t, { '/ru': { body: fixture('ru-kabul-windows-1251.html'), type: 'text/html; charset=windows-1251' } });
  assert.ok(article(db, s.url('/ru')).text.includes('* Движение «Талибан» признано террористическим и запрещено в России.'));
});

test('API: articles.fullText fetches one article on demand whatever the feed setting; articles.pages lists the evidence', async (t) => {
  const s = await server(t);
  const news = fixture('news-article.html');
  s.route('/story', serve(news, HTML));
  s.route('/feed.xml', serve(rss2('Feed', [{ guid: 'x', title: 'Story', link: s.url('/story'), description: 'short' }])));
  const ctx = createContext(tempDir(t));
  t.after(() => ctx.store.close());
  const feedId = subscribe(ctx.store.db, s.url('/feed.xml'));
  updateFeedSettings(ctx.store.db, feedId, { fullText: false });
  await pollFeeds(ctx.store);
  assert.equal(s.requestsTo('/story').length, 0, 'full text is off for this feed');
  const [id] = ids(ctx.store.db, feedId);
  assert.ok(id !== undefined);

  const r = await invoke(ctx, 'articles.fullText', { id }) as { text: string; html: string; page: { sha256: string } };
  assert.ok(r.text.startsWith('Flood defences along the River Severn'));
  assert.equal(r.page.sha256, sha256(news));
  await invoke(ctx, 'articles.fullText', { id });
  const pages = await invoke(ctx, 'articles.pages', { id }) as { sha256: string }[];
  assert.equal(pages.length, 2, 'a refresh keeps the earlier copy');

  await assert.rejects(invoke(ctx, 'articles.fullText', { id: 999 }), /There is no article 999/);
  await assert.rejects(invoke(ctx, 'articles.fullText', { id: 'x' }), /Invalid arguments/);
  s.route('/story', serve(fixture('no-article-consent.html'), HTML));
  await assert.rejects(invoke(ctx, 'articles.fullText', { id }), /No article text found/);
});

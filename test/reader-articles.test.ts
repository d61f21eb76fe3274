import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { invoke, ApiError } from '../electron/api/methods.ts';
import { createContext, type EngineContext } from '../electron/engine/context.ts';
import type { Db } from '../electron/store/sqlite/db.ts';
import { tempDir } from './helpers.ts';

const T = '2021-08-10T00:00:00Z';

function library(t: TestContext): EngineContext {
  const ctx = createContext(tempDir(t));
  t.after(() => ctx.store.close());
  return ctx;
}

function addFeed(db: Db, url: string, title: string, folder?: string): number {
  let folderId: number | null = null;
  if (folder) {
    db.prepare('INSERT OR IGNORE INTO folder (name) VALUES (?)').run(folder);
    folderId = (db.prepare('SELECT id FROM folder WHERE name = ?').get(folder) as { id: number }).id;
  }
  return Number(db.prepare('INSERT INTO feed (url, typed_url, title, folder_id, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(url, url, title, folderId, T).lastInsertRowid);
}

function addArticle(db: Db, feedId: number, title: string, published: string | null, extra: { content?: string; read?: boolean } = {}): number {
  return Number(db.prepare(`INSERT INTO article (feed_id, title_date_hash, title, link, content, text, published_at, raw, content_hash,
    first_seen_at, last_seen_at, is_read) VALUES (?, ?, ?, ?, ?, ?, ?, '{}', 'c', ?, ?, ?)`)
    .run(feedId, title, title, `https://example.org/${encodeURIComponent(title)}`, extra.content ?? null, title, published, T, T, extra.read ? 1 : 0).lastInsertRowid);
}

function tag(db: Db, articleId: number, name: string): void {
  db.prepare('INSERT OR IGNORE INTO tag (name) VALUES (?)').run(name);
  db.prepare("INSERT INTO article_tag (article_id, tag_id, applied_at) SELECT ?, id, ? FROM tag WHERE name = ?").run(articleId, T, name);
}

function label(db: Db, articleId: number, kind: string, review = 'unreviewed'): void {
  db.prepare(`INSERT INTO label (article_id, kind, entity, evidence, review, first_seen_at) VALUES (?, ?, 'The Taliban', '*The Taliban is banned', ?, ?)`)
    .run(articleId, kind, review, T);
}

type List = { total: number; items: { id: number; title: string | null; feedTitle: string | null; tags: string[]; labelKinds: string[]; isRead: boolean; isStarred: boolean }[] };
const list = async (ctx: EngineContext, args: object): Promise<List> => (await invoke(ctx, 'articles.list', { offset: 0, limit: 50, ...args })) as List;

function seed(ctx: EngineContext) {
  const news = addFeed(ctx.store.db, 'https://a.example/feed', 'Sputnik', 'Russia');
  const other = addFeed(ctx.store.db, 'https://b.example/feed', 'BBC');
  const ids = {
    old: addArticle(ctx.store.db, news, 'Old story', '2021-08-01T10:00:00Z', { read: true }),
    mid: addArticle(ctx.store.db, news, 'Taliban* story', '2021-08-09T10:00:00Z', { content: '<p>The Taliban*</p>' }),
    newest: addArticle(ctx.store.db, other, 'Newest story', '2021-08-11T10:00:00Z'),
    undated: addArticle(ctx.store.db, other, 'Undated story', null),
    rejected: addArticle(ctx.store.db, other, 'Rejected label', '2021-08-05T10:00:00Z'),
  };
  tag(ctx.store.db, ids.mid, 'Afghanistan');
  tag(ctx.store.db, ids.mid, 'airspace');
  label(ctx.store.db, ids.mid, 'terrorist');
  label(ctx.store.db, ids.rejected, 'extremist', 'rejected');
  return { news, other, ids };
}

test('articles.list returns newest first, undated last, with feed title, tags and label kinds', async (t) => {
  const ctx = library(t);
  const { ids } = seed(ctx);
  const all = await list(ctx, { view: 'all' });
  assert.equal(all.total, 5);
  assert.deepEqual(all.items.map((i) => i.id), [ids.newest, ids.mid, ids.rejected, ids.old, ids.undated]);
  const mid = all.items.find((i) => i.id === ids.mid);
  assert.deepEqual(mid?.tags, ['Afghanistan', 'airspace']);
  assert.deepEqual(mid?.labelKinds, ['terrorist']);
  assert.equal(mid?.feedTitle, 'Sputnik');
  assert.deepEqual(all.items.find((i) => i.id === ids.rejected)?.labelKinds, [], 'a rejected label is not shown');
  const window = await list(ctx, { view: 'all', offset: 1, limit: 2 });
  assert.equal(window.total, 5);
  assert.deepEqual(window.items.map((i) => i.id), [ids.mid, ids.rejected]);
});

test('views and filters: unread, starred, flagged, feed, folder, tag', async (t) => {
  const ctx = library(t);
  const { ids, news } = seed(ctx);
  assert.equal((await list(ctx, { view: 'unread' })).total, 4);
  assert.deepEqual((await list(ctx, { view: 'flagged' })).items.map((i) => i.id), [ids.mid]);
  assert.deepEqual((await list(ctx, { view: 'all', feedId: news })).items.map((i) => i.id), [ids.mid, ids.old]);
  assert.deepEqual((await list(ctx, { view: 'unread', folder: 'Russia' })).items.map((i) => i.id), [ids.mid]);
  assert.deepEqual((await list(ctx, { view: 'all', tag: 'afghanistan' })).items.map((i) => i.id), [ids.mid], 'tag names ignore case');
  assert.equal((await list(ctx, { view: 'starred' })).total, 0);
  await invoke(ctx, 'articles.mark', { ids: [ids.old, ids.undated], starred: true });
  assert.deepEqual((await list(ctx, { view: 'starred' })).items.map((i) => i.id), [ids.old, ids.undated]);
});

test('articles.mark and articles.markAll change read and starred state, scoped to their filter', async (t) => {
  const ctx = library(t);
  const { ids, news } = seed(ctx);
  assert.deepEqual(await invoke(ctx, 'articles.mark', { ids: [ids.mid], read: true, starred: true }), { changed: 1 });
  const article = (await invoke(ctx, 'articles.get', { id: ids.mid })) as { isRead: boolean; isStarred: boolean };
  assert.equal(article.isRead, true);
  assert.equal(article.isStarred, true);
  await invoke(ctx, 'articles.mark', { ids: [ids.mid], read: false });
  assert.equal(((await invoke(ctx, 'articles.get', { id: ids.mid })) as { isRead: boolean }).isRead, false);
  assert.deepEqual(await invoke(ctx, 'articles.markAll', { view: 'all', feedId: news }), { changed: 1 });
  assert.equal((await list(ctx, { view: 'unread' })).total, 3, 'only that feed was marked');
  assert.deepEqual(await invoke(ctx, 'articles.markAll', { view: 'flagged' }), { changed: 0 });
  assert.deepEqual(await invoke(ctx, 'articles.markAll', { view: 'all' }), { changed: 3 });
  assert.equal((await list(ctx, { view: 'unread' })).total, 0);
});

test('articles.get returns content, tags and labels; unknown ids and bad arguments get clear errors', async (t) => {
  const ctx = library(t);
  const { ids } = seed(ctx);
  const a = (await invoke(ctx, 'articles.get', { id: ids.mid })) as { content: string; feedTitle: string; tags: { name: string }[]; labels: { kind: string; entity: string }[] };
  assert.equal(a.content, '<p>The Taliban*</p>');
  assert.equal(a.feedTitle, 'Sputnik');
  assert.deepEqual(a.tags.map((x) => x.name), ['Afghanistan', 'airspace']);
  assert.deepEqual(a.labels.map((l) => [l.kind, l.entity]), [['terrorist', 'The Taliban']]);
  await assert.rejects(invoke(ctx, 'articles.get', { id: 999 }), (e: Error) => e instanceof ApiError && e.code === 'not_found' && /999/.test(e.message));
  await assert.rejects(invoke(ctx, 'articles.mark', { ids: [999], read: true }), (e: Error) => e instanceof ApiError && e.code === 'not_found');
  await assert.rejects(invoke(ctx, 'articles.mark', { ids: [ids.mid] }), (e: Error) => e instanceof ApiError && e.code === 'bad_request');
  await assert.rejects(invoke(ctx, 'articles.list', { view: 'everything', offset: 0, limit: 10 }), /The view must be one of .*\(articles\.list\)/);
  await assert.rejects(invoke(ctx, 'articles.list', { view: 'all', offset: -1, limit: 10 }), /The offset must be at least 0/);
  await assert.rejects(invoke(ctx, 'articles.markAll', { view: 'all', feedId: 'x' }), /The feed id must be a number/);
});

test('sidebar.counts gives totals, unread per feed and folder, error badges and tags', async (t) => {
  const ctx = library(t);
  const { ids, other } = seed(ctx);
  ctx.store.db.prepare("UPDATE feed SET status = 'error', last_error = 'HTTP 404 Not Found', error_count = 3 WHERE id = ?").run(other);
  await invoke(ctx, 'articles.mark', { ids: [ids.newest], starred: true });
  const c = (await invoke(ctx, 'sidebar.counts', {})) as {
    all: number; unread: number; starred: number; flagged: number;
    feeds: { id: number; title: string; folder: string | null; unread: number; total: number; status: string; lastError: string | null }[];
    folders: { name: string; unread: number }[]; tags: { name: string; count: number }[];
  };
  assert.deepEqual([c.all, c.unread, c.starred, c.flagged], [5, 4, 1, 1]);
  const bbc = c.feeds.find((f) => f.id === other);
  assert.deepEqual([bbc?.unread, bbc?.total, bbc?.status, bbc?.lastError], [3, 3, 'error', 'HTTP 404 Not Found']);
  assert.deepEqual(c.folders, [{ name: 'Russia', unread: 1, total: 2 }]);
  assert.deepEqual(c.tags.map((x) => [x.name, x.count]), [['Afghanistan', 1], ['airspace', 1]]);
});

test('with 100,000 articles a window deep in the list comes from the date index, not a sort of the whole table', async (t) => {
  const ctx = library(t);
  const feed = addFeed(ctx.store.db, 'https://big.example/feed', 'Big');
  const insert = ctx.store.db.prepare(`INSERT INTO article (feed_id, title_date_hash, title, published_at, raw, content_hash, first_seen_at, last_seen_at)
    VALUES (?, ?, ?, ?, '{}', 'c', ?, ?)`);
  ctx.store.db.transaction(() => {
    for (let i = 0; i < 100_000; i++) insert.run(feed, `h${i}`, `Story ${i}`, new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(), T, T);
  })();
  const plan = (ctx.store.db.prepare(`EXPLAIN QUERY PLAN SELECT a.id FROM article a ORDER BY a.published_at DESC, a.id DESC LIMIT 50 OFFSET 90000`)
    .all() as { detail: string }[]).map((r) => r.detail).join('\n');
  assert.match(plan, /article_published/);
  assert.doesNotMatch(plan, /TEMP B-TREE/);
  const deep = await list(ctx, { view: 'all', offset: 99_990, limit: 50 });
  assert.equal(deep.total, 100_000);
  assert.deepEqual(deep.items.map((i) => i.title), Array.from({ length: 10 }, (_, k) => `Story ${9 - k}`));
});

test('the Flagged view, its count and is:flagged agree: a label gone from the current version no longer flags', async (t) => {
  const ctx = library(t);
  const feed = addFeed(ctx.store.db, 'http://x.test/feed', 'X');
  const kept = addArticle(ctx.store.db, feed, 'kept', T);
  const gone = addArticle(ctx.store.db, feed, 'gone', T);
  label(ctx.store.db, kept, 'terrorist');
  label(ctx.store.db, gone, 'terrorist');
  ctx.store.db.prepare('UPDATE label SET removed_at = ? WHERE article_id = ?').run(T, gone);
  const list = await invoke(ctx, 'articles.list', { view: 'flagged', offset: 0, limit: 10 }) as { items: { id: number; labelKinds: string[] }[] };
  assert.deepEqual(list.items.map((i) => i.id), [kept]);
  const counts = await invoke(ctx, 'sidebar.counts', {}) as { flagged: number };
  assert.equal(counts.flagged, 1);
  const found = await invoke(ctx, 'search.query', { q: 'is:flagged' }) as { hits: { id: number }[] };
  assert.deepEqual(found.hits.map((h) => h.id), [kept]);
});

test('the starred view counts and walks only the starred articles (partial index article_starred, schema 9)', async (t) => {
  const ctx = library(t);
  const plan = (sql: string): string => (ctx.store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
  assert.match(plan('SELECT count(*) FROM article a WHERE a.is_starred = 1'), /article_starred/);
  assert.match(plan('SELECT a.id FROM article a WHERE a.is_starred = 1 ORDER BY a.published_at DESC, a.id DESC LIMIT 100'), /article_starred/);
});

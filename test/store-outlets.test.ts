// The outlet of each article, resolved once at ingest and stored on it: returned with every list item, search hit,
// article and Flags row; re-resolved when the analyst edits the registry; filled by the migration for articles
// stored before. A real library and a real feed on 127.0.0.1, through the API.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { invoke } from '../electron/api/methods.ts';
import { createContext, type EngineContext } from '../electron/engine/context.ts';
import { libraryPath, openLibrary } from '../electron/store/sqlite/db.ts';
import { migrations } from '../electron/store/sqlite/migrate.ts';
import { registerSearchFunctions } from '../electron/store/sqlite/search/functions.ts';
import type { FlagGroup } from '../electron/labels/flags.ts';
import type { ArticleDetail, ListItem, SearchResult } from '../electron/store/records.ts';
import { rss2, serve, startFeedServer, type FeedServer } from './support/feed-server.ts';
import { tempDir } from './helpers.ts';

const TALIBAN = '<p>US bombing raids against Taliban* targets continue.</p><p>*The Taliban is a terrorist group banned in Russia.</p>';
const DESK = { name: 'Desk Media', domains: ['127.0.0.1'], country: 'RU', category: 'state_controlled', source: 'Analyst note', date: '2026-11-01' };
const BADGE = { name: 'Desk Media', country: 'RU', category: 'state_controlled' };

async function setup(t: TestContext): Promise<{ ctx: EngineContext; s: FeedServer }> {
  const s = await startFeedServer();
  t.after(() => s.close());
  s.route('/feed.xml', serve(rss2('Desk', [
    { guid: 'a', title: 'Raids continue', link: s.url('/news/a'), description: TALIBAN, pubDate: 'Mon, 09 Aug 2021 10:00:00 GMT' },
    { guid: 'b', title: 'Weather report', link: s.url('/news/b'), description: '<p>Rain in the capital.</p>', pubDate: 'Tue, 10 Aug 2021 10:00:00 GMT' },
  ])));
  const ctx = createContext(tempDir(t));
  t.after(() => ctx.store.close());
  return { ctx, s };
}

async function subscribeAndPoll(ctx: EngineContext, s: FeedServer): Promise<void> {
  const added = (await invoke(ctx, 'feeds.add', { url: s.url('/feed.xml') })) as { feed: { id: number } };
  await invoke(ctx, 'feeds.update', { id: added.feed.id, fullText: false });
  await invoke(ctx, 'feeds.poll', {});
}

async function badges(ctx: EngineContext): Promise<{ list: unknown[]; search: unknown[]; get: unknown; flags: FlagGroup[] }> {
  const list = (await invoke(ctx, 'articles.list', { view: 'all' })) as { items: ListItem[] };
  const found = (await invoke(ctx, 'search.query', { q: 'raids OR weather' })) as SearchResult;
  const first = list.items.find((i) => i.title === 'Raids continue');
  const get = (await invoke(ctx, 'articles.get', { id: first?.id ?? 0 })) as ArticleDetail;
  const flags = (await invoke(ctx, 'labels.flags', {})) as FlagGroup[];
  return { list: list.items.map((i) => i.outlet), search: found.hits.map((h) => h.outlet), get: get.outlet, flags };
}

test('the outlet is stored at ingest and comes with list items, search hits, the article and Flags rows', async (t) => {
  const { ctx, s } = await setup(t);
  await invoke(ctx, 'outlets.upsert', DESK);
  await subscribeAndPoll(ctx, s);
  const stored = ctx.store.db.prepare('SELECT outlet, outlet_key, outlet_country, outlet_category FROM article ORDER BY id').all();
  assert.deepEqual(stored, [1, 2].map(() => ({ outlet: 'Desk Media', outlet_key: 'desk media', outlet_country: 'RU', outlet_category: 'state_controlled' })));
  const b = await badges(ctx);
  assert.deepEqual(b.list, [BADGE, BADGE]);
  assert.deepEqual(b.search, [BADGE, BADGE]);
  assert.deepEqual(b.get, { ...BADGE, source: 'Analyst note (2026-11-01)' });
  assert.deepEqual(b.flags.map((g) => [g.entity, g.outlet, g.country, g.category]), [['The Taliban', 'Desk Media', 'RU', 'state_controlled']]);
  const country = (await invoke(ctx, 'search.query', { q: 'country:ru' })) as SearchResult;
  assert.equal(country.total, 2);
  const outlet = (await invoke(ctx, 'search.query', { q: 'outlet:desk NOT weather' })) as SearchResult;
  assert.deepEqual(outlet.hits.map((h) => h.title), ['Raids continue']);
});

test('an edit of the registry re-resolves the stored outlets of the articles it concerns', async (t) => {
  const { ctx, s } = await setup(t);
  await subscribeAndPoll(ctx, s);
  let b = await badges(ctx);
  assert.deepEqual(b.list, [null, null], 'no outlet in the registry for 127.0.0.1 yet');
  assert.equal((await invoke(ctx, 'search.query', { q: 'country:ru' }) as SearchResult).total, 0);

  await invoke(ctx, 'outlets.upsert', DESK);
  b = await badges(ctx);
  assert.deepEqual(b.list, [BADGE, BADGE]);
  assert.deepEqual(b.search, [BADGE, BADGE]);
  assert.equal(b.flags[0]?.outlet, 'Desk Media');
  assert.equal((await invoke(ctx, 'search.query', { q: 'country:ru' }) as SearchResult).total, 2);

  await invoke(ctx, 'outlets.upsert', { ...DESK, category: 'state_affiliated' });
  assert.deepEqual((await badges(ctx)).get, { ...BADGE, category: 'state_affiliated', source: 'Analyst note (2026-11-01)' });

  await invoke(ctx, 'outlets.remove', { name: 'Desk Media' });
  b = await badges(ctx);
  assert.deepEqual(b.list, [null, null]);
  assert.equal(b.get, null);
  assert.equal(b.flags[0]?.outlet, 'Desk');
  assert.equal((await invoke(ctx, 'search.query', { q: 'country:ru' }) as SearchResult).total, 0);
});

test('the migration to schema 5 stores the outlet of every article already in the library', (t) => {
  const dir = tempDir(t);
  const old = new Database(libraryPath(dir));
  registerSearchFunctions(old);
  for (const m of migrations.filter((x) => x.version <= 4)) old.exec(m.sql);
  old.pragma('user_version = 4');
  old.prepare("INSERT INTO feed (id, url, typed_url, site_url, title, created_at) VALUES (1, 'https://www.rt.com/rss/', 'https://www.rt.com/rss/', NULL, 'RT', '2021-01-01')").run();
  old.prepare("INSERT INTO feed (id, url, typed_url, site_url, title, created_at) VALUES (2, 'https://blog.example/feed', 'https://blog.example/feed', NULL, 'Blog', '2021-01-01')").run();
  const article = old.prepare(`INSERT INTO article (feed_id, link, title_date_hash, title, raw, content_hash, first_seen_at, last_seen_at)
    VALUES (?, ?, ?, 'Story', '{}', 'c', '2021-01-01', '2021-01-01')`);
  article.run(1, 'https://www.rt.com/news/1/', 'h1');
  article.run(2, 'https://blog.example/2', 'h2');
  article.run(2, 'https://de.rt.com/3', 'h3');
  old.close();

  const db = openLibrary(dir);
  t.after(() => db.close());
  assert.deepEqual(db.prepare('SELECT outlet, outlet_key, outlet_country FROM article ORDER BY id').all(), [
    { outlet: 'RT', outlet_key: 'rt', outlet_country: 'RU' },
    { outlet: null, outlet_key: '', outlet_country: null },
    { outlet: 'RT', outlet_key: 'rt', outlet_country: 'RU' },
  ]);
});

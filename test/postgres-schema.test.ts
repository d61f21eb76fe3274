// The team library's schema on a real PostgreSQL: versioned migrations under a lock, a newer schema refused,
// a least-privilege role, and unique keys that make concurrent writers store each article once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { postgresForFile } from './support/postgres.ts';
import { checkSchemaName, latestVersion, migrate, schemaVersionOf } from '../electron/store/postgres/migrate.ts';
import { pgMigrations } from '../electron/store/postgres/schema/index.ts';
import { LibraryError } from '../electron/store/sqlite/db.ts';
import { teamStore } from './support/engines.ts';

const server = postgresForFile();
const LATEST = latestVersion();

async function tables(client: pg.Client, schema = 'footnote'): Promise<string[]> {
  const r = await client.query('SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename', [schema]);
  return r.rows.map((row: { tablename: string }) => row.tablename);
}

test('a new library gets every table, each migration recorded once; migrating again does nothing', async (t) => {
  const client = await (await server().database(t)).connect();
  assert.deepEqual(await migrate(client), { from: 0, to: LATEST });
  assert.deepEqual(await tables(client), ['analyst', 'article', 'article_search', 'article_state', 'article_tag', 'article_version',
    'capture', 'entity_alias', 'feed', 'fetch_log', 'folder', 'fulltext_status', 'label', 'label_review', 'outlet_override', 'page', 'rule',
    'saved_search', 'schema_version', 'tag']);
  const versions = await client.query('SELECT version, name FROM footnote.schema_version ORDER BY version');
  assert.deepEqual(versions.rows, pgMigrations.map((m) => ({ version: m.version, name: m.name })));
  assert.deepEqual(await migrate(client), { from: LATEST, to: LATEST });
  assert.equal(await schemaVersionOf(client), LATEST);
});

test('two clients starting together migrate once: the second waits for the lock and finds nothing to do', async (t) => {
  const db = await server().database(t);
  const [a, b] = await Promise.all([db.connect(), db.connect()]);
  const results = await Promise.all([migrate(a), migrate(b)]);
  assert.deepEqual(results.map((r) => r.from).sort(), [0, LATEST]);
  const count = await a.query('SELECT count(*)::int AS n FROM footnote.schema_version');
  assert.equal(count.rows[0].n, pgMigrations.length);
});

test('a schema newer than this app is refused with a clear message, and nothing is changed', async (t) => {
  const client = await (await server().database(t)).connect();
  await migrate(client);
  await client.query("INSERT INTO footnote.schema_version (version, name, app_version) VALUES ($1, 'future', '9.9.9')", [LATEST + 1]);
  const before = await tables(client);
  await assert.rejects(migrate(client), (err: Error) => {
    assert.ok(err instanceof LibraryError);
    assert.equal(err.message, `The team library in schema "footnote" was written by a newer Footnote (schema ${LATEST + 1}, by Footnote 9.9.9; this version knows up to ${LATEST}): update Footnote to open it. Nothing was changed.`);
    return true;
  });
  assert.deepEqual(await tables(client), before);
  assert.equal(await schemaVersionOf(client), LATEST + 1);
});

test('a migration that fails leaves the schema as it was: every pending migration is one transaction', async (t) => {
  const client = await (await server().database(t)).connect();
  const broken = [...pgMigrations.slice(0, 1), { version: 2, name: 'broken', sql: 'CREATE TABLE fine (x int); SELECT no_such_function();' }];
  await assert.rejects(migrate(client, 'footnote', broken), /no_such_function/);
  assert.equal(await schemaVersionOf(client), 0);
  assert.deepEqual(await tables(client), []);
});

test('the role and schema of the README are enough: the app migrates as that role and can touch nothing else', async (t) => {
  const db = await server().database(t);
  const admin = await db.connect();
  const readme = readFileSync(new URL('../electron/store/postgres/README.md', import.meta.url), 'utf8');
  const setup = /```sql\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  assert.ok(setup.includes('CREATE ROLE footnote_app'), 'the README shows the SQL that creates the role');
  await admin.query(setup);
  const app = await db.connect({ connectionString: db.url.replace(/\/\/[^@]+@/, '//footnote_app:change-me@') });
  assert.deepEqual(await migrate(app), { from: 0, to: LATEST });
  await assert.rejects(app.query('CREATE TABLE public.intruder (x int)'), /permission denied for schema public/);
  await assert.rejects(migrate(app, 'elsewhere'), (err: Error) => err instanceof LibraryError && /may not set up the team library in schema "elsewhere".*README/.test(err.message));
});

test('schemas are independent libraries, and the schema name must be a plain identifier', async (t) => {
  const client = await (await server().database(t)).connect();
  await migrate(client, 'team_a');
  assert.equal(await schemaVersionOf(client, 'team_b'), 0);
  await migrate(client, 'team_b');
  assert.equal((await tables(client, 'team_b')).length, (await tables(client, 'team_a')).length);
  for (const bad of ['Footnote', 'foot-note', 'x; DROP TABLE feed', '']) assert.throws(() => checkSchemaName(bad), LibraryError);
});

/**
 * Writes one poll's items the way every client must: the first writer of an item wins, the others skip it. Items
 * go in identity order, so two writers lock rows in the same order and wait for each other instead of deadlocking.
 */
async function poll(pool: pg.Pool, feedId: number, items: number[]): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    let inserted = 0;
    for (const i of [...items].sort((x, y) => `item-${x}`.localeCompare(`item-${y}`))) {
      const r = await client.query(`INSERT INTO footnote.article (feed_id, identity, guid, title_date_hash, title, raw, content_hash, first_seen_at, last_seen_at)
        VALUES ($1, $2, $3, $4, $5, '{}', $4, now(), now()) ON CONFLICT (feed_id, identity) DO NOTHING`, [feedId, `g:item-${i}`, `item-${i}`, `h${i}`, `Item ${i}`]);
      inserted += r.rowCount ?? 0;
    }
    await client.query('COMMIT');
    return inserted;
  } finally {
    client.release();
  }
}

test('two clients polling the same feed at once store each article once', async (t) => {
  const db = await server().database(t);
  await migrate(await db.connect());
  const admin = await db.connect();
  const feed = await admin.query("INSERT INTO footnote.feed (url, typed_url, created_at) VALUES ('https://example.com/feed', 'https://example.com/feed', now()) RETURNING id");
  const feedId = Number(feed.rows[0].id);
  const items = Array.from({ length: 200 }, (_, i) => i);
  const [a, b] = [db.pool({ max: 2 }), db.pool({ max: 2 })];
  // The feeds list the items in different orders: the writers still wait on each other's rows, never deadlock.
  const inserted = await Promise.all([poll(a, feedId, items), poll(b, feedId, [...items].reverse()), poll(a, feedId, items.slice(50)), poll(b, feedId, items.slice(0, 120))]);
  assert.equal(inserted.reduce((x, y) => x + y, 0), 200, 'every item inserted by exactly one writer');
  const stored = await admin.query('SELECT count(*)::int AS n, count(DISTINCT identity)::int AS d FROM footnote.article');
  assert.deepEqual(stored.rows[0], { n: 200, d: 200 });
});

test('tags and reviews are shared and say who and when; read and starred state is each analyst’s own', async (t) => {
  const db = await server().database(t);
  const c = await db.connect();
  await migrate(c);
  await c.query('SET search_path TO footnote');
  const ids = (await c.query("INSERT INTO analyst (name) VALUES ('Ana'), ('Ben') RETURNING id")).rows.map((r: { id: string }) => Number(r.id));
  const [ana = 0, ben = 0] = ids;
  await c.query("INSERT INTO feed (id, url, typed_url, created_at) VALUES (1, 'https://e.com/f', 'https://e.com/f', now())");
  await c.query("INSERT INTO article (id, feed_id, identity, title_date_hash, raw, content_hash, first_seen_at, last_seen_at) VALUES (1, 1, 'h:x', 'x', '{}', 'c', now(), now())");
  await c.query("INSERT INTO tag (name, name_key, created_by) VALUES ('Санкции', 'санкции', $1)", [ana]);
  await c.query("INSERT INTO article_tag (article_id, tag_id, applied_by, applied_at) SELECT 1, id, $1, now() FROM tag ON CONFLICT DO NOTHING", [ana]);
  await c.query("INSERT INTO article_tag (article_id, tag_id, applied_by, applied_at) SELECT 1, id, $1, now() FROM tag ON CONFLICT DO NOTHING", [ben]);
  const tagged = await c.query('SELECT applied_by FROM article_tag');
  assert.deepEqual(tagged.rows.map((r: { applied_by: string }) => Number(r.applied_by)), [ana], 'one tag, applied by the first analyst');
  await assert.rejects(c.query("INSERT INTO tag (name, name_key) VALUES ('САНКЦИИ', 'санкции')"), /tag_name_key_key/);
  await c.query("INSERT INTO article_state (analyst_id, article_id, read_at, starred_at) VALUES ($1, 1, now(), now())", [ana]);
  const unreadFor = async (who: number): Promise<boolean> => (await c.query(
    'SELECT NOT EXISTS (SELECT 1 FROM article_state WHERE analyst_id = $1 AND article_id = 1 AND read_at IS NOT NULL) AS unread', [who])).rows[0].unread;
  assert.equal(await unreadFor(ana), false);
  assert.equal(await unreadFor(ben), true);
  const label = await c.query("INSERT INTO label (article_id, kind, entity, entity_key, evidence, first_seen_at) VALUES (1, 'terrorist', 'Taliban', 'taliban', 'note', now()) RETURNING id");
  await c.query("UPDATE label SET review = 'confirmed', reviewed_by = $1, reviewed_at = now() WHERE id = $2", [ben, label.rows[0].id]);
  await c.query("INSERT INTO label_review (label_id, review, analyst_id, reviewed_at) VALUES ($1, 'confirmed', $2, now())", [label.rows[0].id, ben]);
  const review = await c.query('SELECT l.review, a.name FROM label l JOIN analyst a ON a.id = l.reviewed_by');
  assert.deepEqual(review.rows, [{ review: 'confirmed', name: 'Ben' }]);
  await c.query('DELETE FROM analyst WHERE id = $1', [ben]);
  const kept = await c.query('SELECT review, reviewed_by FROM label');
  assert.deepEqual(kept.rows, [{ review: 'confirmed', reviewed_by: null }], 'an analyst leaving keeps the team’s reviews');
});

test('migration 4 numbers the versions a schema-3 library kept, makes the current text the last one, starts full-text outcomes from pages, and fills in outlets', async (t) => {
  const db = await server().database(t);
  const client = await db.connect();
  await migrate(client, 'footnote', pgMigrations.slice(0, 3));
  const [T0, T1, T2] = ['2021-08-09T10:00:00.000Z', '2021-08-10T10:00:00.000Z', '2021-08-11T10:00:00.000Z'];
  const NEW_TEXT = 'Raids against Taliban* targets continue.\n*The Taliban is a terrorist group banned in Russia.';
  await client.query(`INSERT INTO footnote.feed (id, url, typed_url, site_url, created_at) VALUES (1, 'https://sputnikglobe.com/feed', 'https://sputnikglobe.com/feed', 'https://sputnikglobe.com/', $1)`, [T0]);
  await client.query(`INSERT INTO footnote.article (id, feed_id, identity, guid, link, title_date_hash, title, text, raw, content_hash, outlet_key, country_key, first_seen_at, last_seen_at)
    VALUES (1, 1, 'g:a', 'a', 'https://sputnikglobe.com/a.html', 'h', 'A', $3, '{}', 'c2', 'sputnik', 'ru', $1, $2)`, [T0, T2, NEW_TEXT]);
  await client.query(`INSERT INTO footnote.article_version (article_id, content_hash, title, text, seen_from, seen_until) VALUES (1, 'c1', 'A', 'The old text.', $1, $2)`, [T0, T1]);
  await client.query(`INSERT INTO footnote.label (article_id, kind, entity, entity_key, evidence, first_seen_at) VALUES (1, 'terrorist', 'The Taliban', 'the taliban', '*', $1)`, [T1]);
  await client.query(`INSERT INTO footnote.label (article_id, kind, entity, entity_key, evidence, origin, review, first_seen_at) VALUES (1, 'extremist', 'Meta', 'meta', 'by hand', 'manual', 'confirmed', $1)`, [T1]);
  await client.query(`INSERT INTO footnote.page (article_id, url, fetched_at, error) VALUES (1, 'https://sputnikglobe.com/a.html', $1, 'HTTP 500')`, [T1]);
  const store = teamStore(t, db.url, 'Tester');
  assert.deepEqual((await store.evidence.versions(1))?.map((v) => [v.n, v.text, v.firstSeen, v.lastSeen, v.labels, v.source]),
    [[1, 'The old text.', T0, T1, [], 'feed'], [2, NEW_TEXT, T1, T2, [{ kind: 'terrorist', entity: 'The Taliban' }], 'feed']]);
  // Labels get their canonical name and rule from the detector run again, as SQLite's schema 8 step gives them.
  assert.deepEqual((await store.labels.forArticle(1))?.labels.map((l) => [l.entity, l.canonical, l.rule]).sort(),
    [['Meta', 'Meta', null], ['The Taliban', 'Taliban', 'footnote:en:terror*']]);
  assert.equal((await store.search.query('label:талибан', { limit: 5, offset: 0, sort: 'date' })).total, 1);
  assert.equal(await store.schemaVersion(), LATEST);
  assert.equal((await store.search.query('is:edited', { limit: 5, offset: 0, sort: 'date' })).total, 1);
  assert.deepEqual(await store.pages.state(1), { articleId: 1, status: 'failed', reason: 'error', message: 'HTTP 500', attempts: 1, triedAt: T1, nextRetryAt: null });
  const [item] = (await store.articles.list({ view: 'all' }, 0, 1)).items;
  assert.deepEqual([item?.versions, item?.outlet], [2, { name: 'Sputnik', country: 'RU', category: 'state_controlled' }]);
});

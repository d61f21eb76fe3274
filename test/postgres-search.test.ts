// Search on the team library against search on the SQLite library: the same corpus and the same tags, labels
// and read state in both, then every query of the query-language test suites (read from their files, so a query
// added there is checked here too) plus proximity cases of our own must return the same articles on both engines.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { openLibrary, type Db } from '../electron/store/sqlite/db.ts';
import { search as searchSqlite } from '../electron/store/sqlite/search/search.ts';
import type { SearchResult } from '../electron/store/records.ts';
import { parseQuery } from '../electron/query/parser.ts';
import { migrate } from '../electron/store/postgres/migrate.ts';
import { countPgMatches, searchPostgres } from '../electron/store/postgres/search.ts';
import { compilePgQuery, SqlParams } from '../electron/store/postgres/search-compile.ts';
import { searchVectors, tsvectorLiteral } from '../electron/store/postgres/search-document.ts';
import { CORPUS_STATE, corpusOutlets, loadPostgres, loadSqlite, type LibraryState, type TwinArticle } from './support/twin-library.ts';
import { postgresForFile } from './support/postgres.ts';
import { tempDir } from './helpers.ts';

const server = postgresForFile();

/** Single-quoted JS strings captured by `pattern` in a test file, unescaped. */
function quotedIn(file: string, pattern: RegExp): string[] {
  const source = readFileSync(new URL(file, import.meta.url), 'utf8');
  return [...source.matchAll(pattern)].map((m) => (m[1] ?? '').replace(/\\(.)/g, '$1'));
}

const STRING = String.raw`'((?:[^'\\\n]|\\.)*)'`;
/** Every query the SQLite corpus test expects results of, and every query the parser test reads. */
const suiteQueries = [
  ...quotedIn('./search-corpus.test.ts', new RegExp(String.raw`^\s*\[${STRING},`, 'gm')),
  ...quotedIn('./search-corpus.test.ts', new RegExp(String.raw`\bq\(${STRING}\)`, 'g')),
  ...quotedIn('./search-parser.test.ts', new RegExp(String.raw`\b(?:read|parseQuery)\(${STRING}\)`, 'g')),
];

/** Filler words that match no query. */
const gap = (n: number): string => Array.from({ length: n }, (_, i) => `filler${i}`).join(' ');
let nextId = 100;
const doc = (text: string): TwinArticle => ({ id: ++nextId, feed: 1, published: '2022-01-01T00:00:00Z', author: null, link: `https://www.reuters.com/p/${nextId}`, title: `Probe ${nextId}`, text });

/** Proximity probes: distances around every boundary, both orders, phrases, prefixes, three operands. */
const PROBES: TwinArticle[] = [
  ...[0, 1, 2, 3, 4].map((g) => doc(`alpha ${gap(g)} beta`)),
  ...[0, 1, 2, 3, 4].map((g) => doc(`beta ${gap(g)} alphas`)),
  doc(`gamma delta ${gap(2)} epsilon zeta`),
  doc('alpha one beta two gamma'),
  // Every pair within 2 words somewhere, never all three: NEAR/2 of the three must not match.
  doc(`alpha beta ${gap(12)} beta gamma ${gap(12)} gamma alpha`),
  doc(`gamma ${gap(3)} alpha ${gap(3)} beta`),
  doc('kappa kappa lambda'),
  // Known difference (README): an operand starting inside another operand's phrase.
  doc('omega psi chi'),
];

const probeQueries = [
  ...[0, 1, 2, 3, 4, 5].flatMap((n) => [`alpha NEAR/${n} beta`, `beta w/${n} alpha`, `"alpha" NEAR/${n} beta`, `alpha* NEAR/${n} beta`, `"gamma delta" NEAR/${n} "epsilon zeta"`]),
  ...[0, 1, 2, 3, 4, 5].flatMap((n) => [`alpha NEAR/${n} beta NEAR/${n} gamma`, `(alpha OR gamma) NEAR/${n} (beta OR "epsilon zeta")`,
    `("gamma delta" OR alpha) NEAR/${n} (epsilon OR beta)`, `("gamma delta" OR one) NEAR/${n} (alpha OR zeta) NEAR/${n} beta`]),
  'alpha NEAR/3 beta NEAR/3 gamma', 'alpha NEAR gamma', 'kappa NEAR/0 kappa', 'kappa NEAR/0 lambda', '"kappa lambda" NEAR/0 kappa',
  '"omega psi chi" NEAR/3 psi',
];

/** Too large a tsquery for PostgreSQL to parse quickly: refused there (README). */
const HUGE_NEAR = '(a1 OR a2 OR a3 OR a4 OR a5 OR a6 OR a7 OR a8) NEAR/1000 (b1 OR b2 OR b3 OR b4 OR b5 OR b6 OR b7 OR b8)';
probeQueries.push(HUGE_NEAR);

const KNOWN_DIFFERENCES = new Set(['"omega psi chi" NEAR/3 psi', HUGE_NEAR]);

const STATE: LibraryState = { ...CORPUS_STATE, extra: PROBES };

interface Twin { sqlite: Db; pg: pg.Client; analyst: number }

async function twin(t: TestContext): Promise<Twin> {
  const sqlite = openLibrary(tempDir(t));
  t.after(() => sqlite.close());
  loadSqlite(sqlite, STATE);
  const client = await (await server().database(t)).connect();
  await migrate(client);
  await client.query('SET search_path TO footnote');
  const analyst = await loadPostgres(client, STATE);
  return { sqlite, pg: client, analyst };
}

type Outcome = { ids: number[]; total: number; result: SearchResult } | { error: string };

async function both(tw: Twin, q: string, sort: 'relevance' | 'date' = 'date'): Promise<[Outcome, Outcome]> {
  const run = async (f: () => SearchResult | Promise<SearchResult>): Promise<Outcome> => {
    try {
      const result = await f();
      return { ids: result.hits.map((h) => h.id), total: result.total, result };
    } catch (err) {
      return { error: `${(err as Error).name}: ${(err as Error).message}` };
    }
  };
  return [
    await run(() => searchSqlite(tw.sqlite, q, { limit: 1000, sort, outletOf: corpusOutlets })),
    await run(() => searchPostgres(tw.pg, q, { analystId: tw.analyst }, { limit: 1000, sort })),
  ];
}

test('every query of the query-language suites returns the same articles, in the same date order, on both engines', async (t) => {
  assert.ok(suiteQueries.length > 120, `found ${suiteQueries.length} queries in the suites: their format changed, update the patterns here`);
  const tw = await twin(t);
  const differing: string[] = [];
  let matched = 0;
  for (const q of [...new Set([...suiteQueries, ...probeQueries])]) {
    const [lite, pgOut] = await both(tw, q);
    if (KNOWN_DIFFERENCES.has(q)) {
      const show = (o: Outcome): string => ('error' in o ? o.error : JSON.stringify(o.ids));
      differing.push(`${q}: SQLite ${show(lite)}, PostgreSQL ${show(pgOut)}`);
      continue;
    }
    if ('error' in lite || 'error' in pgOut) {
      assert.deepEqual(pgOut, lite, `${q}: both engines refuse it with the same error`);
      continue;
    }
    if (lite.ids.length > 0) matched++;
    assert.deepEqual(pgOut.ids, lite.ids, q);
    assert.equal(pgOut.total, lite.total, q);
    // The same hits: snippets, tags and labels too (dates are the same instant, written with milliseconds). The
    // outlet is left aside: the SQLite side searches a bare database, whose hits leave it out (records.ts).
    const same = (r: SearchResult): unknown => r.hits.map(({ outlet: _outlet, ...h }) => ({ ...h, published: h.published && Date.parse(h.published) }));
    assert.deepEqual(same(pgOut.result), same(lite.result), `${q}: hits`);
  }
  assert.ok(matched > 100, `${matched} queries matched something: the comparison is not vacuous`);
  assert.deepEqual(differing, [
    `"omega psi chi" NEAR/3 psi: SQLite [${PROBES.at(-1)?.id}], PostgreSQL []`,
    `${HUGE_NEAR}: SQLite [], PostgreSQL QuerySyntaxError: The NEAR/1000 at position 48 is too large for the team library's index: use a smaller distance or fewer alternatives`,
  ]);
});

test('relevance ranks titles up and short texts first, like bm25; paging keeps the total', async (t) => {
  const tw = await twin(t);
  const ctx = { analystId: tw.analyst };
  const ranked = await searchPostgres(tw.pg, 'sanction', ctx);
  assert.equal(ranked.hits[0]?.id, 4, 'the article with the word only in its title, and a short text, comes first');
  for (const q of ['sanction', 'taliban', 'kabul tag:afghanistan', 'title:kabul', '"european union" OR санкции']) {
    const [lite, pgOut] = await both(tw, q, 'relevance');
    assert.ok(!('error' in lite) && !('error' in pgOut));
    assert.deepEqual([...pgOut.ids].sort(), [...lite.ids].sort(), q);
    assert.equal(pgOut.ids[0], lite.ids[0], `${q}: the same best hit`);
  }
  const page = await searchPostgres(tw.pg, 'sanctions', ctx, { sort: 'date', limit: 2, offset: 2 });
  assert.equal(page.total, 4);
  assert.deepEqual(page.hits.map((h) => h.id), [3, 1]);
  const beyond = await searchPostgres(tw.pg, 'sanctions', ctx, { limit: 2, offset: 10 });
  assert.deepEqual([beyond.total, beyond.hits.length], [4, 0]);
  assert.equal(await countPgMatches(tw.pg, 'sanctions OR санкции', ctx), 6);
});

test('read and starred state are the searching analyst’s own', async (t) => {
  const tw = await twin(t);
  const other = Number((await tw.pg.query("INSERT INTO analyst (name) VALUES ('Other') RETURNING id")).rows[0].id);
  await tw.pg.query('INSERT INTO article_state (analyst_id, article_id, read_at) VALUES ($1, 2, now())', [other]);
  const ids = async (q: string, analystId: number): Promise<number[]> => (await searchPostgres(tw.pg, q, { analystId }, { limit: 100 })).hits.map((h) => h.id).sort((a, b) => a - b);
  assert.deepEqual(await ids('is:unread AND NOT title:probe', tw.analyst), [2, 5, 12]);
  assert.equal((await ids('is:unread', other)).includes(2), false);
  assert.equal((await ids('is:unread', other)).includes(5), true);
  assert.deepEqual(await ids('is:starred', other), []);
});

test('user text reaches the SQL only as parameters', () => {
  const hostile = `"x') OR 1=1; DROP TABLE article; --" feed:"a'b" tag:"%_\\" label:"'" title:'--' lang:xx' after:2021-01-01`;
  const params = new SqlParams();
  const c = compilePgQuery(parseQuery(hostile).root, { analystId: 1 }, params);
  for (const sql of [c.where, c.rank ?? '']) {
    assert.doesNotMatch(sql, /DROP|1=1|'b|xx'|%_/, sql);
    // Only the SQL's own literals are quoted: the empty string and label states.
    for (const literal of sql.match(/'[^']*'/g) ?? []) assert.ok(["''", "'rejected'"].includes(literal), `${literal} in ${sql}`);
  }
  for (const value of ["%a'b%", '%_\\', "'", "xx'", "('x' <-> 'or' <-> '1' <-> '1' <-> 'drop' <-> 'table' <-> 'article')"]) {
    assert.ok(params.values.includes(value), `${value} travels as a parameter: ${JSON.stringify(params.values)}`);
  }
});

test('the index keeps what tsvector can hold: positions up to 16,383, long words left out, quotes escaped', () => {
  const long = Array.from({ length: 17_000 }, (_, i) => (i === 16_999 ? 'last' : 'word')).join(' ');
  const v = searchVectors({ title: "O'Brien's \\ test", author: null, summary: null, text: long });
  assert.equal(v.title, "'o':1 'brien':2 's':3 'test':4");
  assert.match(v.text, /^'word':1,2,3,.*,256 'last':16383$/);
  assert.equal(tsvectorLiteral(['a'.repeat(3000), 'b']), "'b':2");
});

// One library state written into both engines: the search corpus (test/fixtures/corpus) plus tags, labels, read
// and starred state, into an SQLite library through its store functions and into a PostgreSQL team library with
// plain INSERTs through its schema (the PostgreSQL store comes later). Search parity tests compare the two.
import type pg from 'pg';
import type { Db } from '../../electron/store/sqlite/db.ts';
import type { OutletResolver } from '../../electron/store/sqlite/search/search.ts';
import { applyTag, ensureTag } from '../../electron/store/sqlite/tags.ts';
import { foldWord } from '../../electron/text/fold.ts';
import { UPSERT_SEARCH_SQL, upsertSearchParams } from '../../electron/store/postgres/search-document.ts';
import { corpus, loadCorpus } from '../fixtures/corpus/load.ts';

export interface TwinArticle { id: number; feed: number; published: string; author: string | null; link: string; title: string; text: string }

export interface LibraryState {
  /** Articles beyond the corpus (same shape). */
  extra: TwinArticle[];
  tags: [name: string, articleIds: number[]][];
  labels: [articleId: number, kind: string, entity: string, review: 'unreviewed' | 'confirmed' | 'rejected'][];
  /** Every other article is read. */
  unread: number[];
  starred: number[];
}

/** The state of test/search-corpus.test.ts's library. */
export const CORPUS_STATE: LibraryState = {
  extra: [],
  tags: [['Afghanistan', [2, 6, 9, 10]], ['Санкции', [1, 5]]],
  labels: [[3, 'terrorist', 'Taliban', 'unreviewed'], [6, 'terrorist', 'Талибан', 'confirmed'], [13, 'foreign_agent', 'Example Media', 'rejected']],
  unread: [2, 5, 12],
  starred: [1, 12],
};

/** The registry stand-in of the corpus tests: TASS and RIA Novosti, both Russian. */
export const corpusOutlets: OutletResolver = (urls) => {
  const url = urls.find((u) => u !== null) ?? '';
  return url.includes('tass.com') ? { name: 'TASS', country: 'RU' } : url.includes('ria.ru') ? { name: 'RIA Novosti', country: 'RU' } : null;
};

export function allArticles(state: LibraryState): TwinArticle[] {
  return [...corpus.articles, ...state.extra];
}

export function loadSqlite(db: Db, state: LibraryState): void {
  loadCorpus(db);
  const article = db.prepare(`INSERT INTO article (id, feed_id, guid, link, canonical_link, title_date_hash, title, author, text,
      published_at, raw, content_hash, first_seen_at, last_seen_at)
    VALUES (@id, @feed, @link, @link, @link, 'h' || @id, @title, @author, @text, @published, '{}', 'c' || @id, @published, @published)`);
  for (const a of state.extra) article.run(a);
  for (const [name, ids] of state.tags) applyTag(db, ensureTag(db, name), ids, null);
  const label = db.prepare(`INSERT INTO label (article_id, kind, entity, evidence, first_seen_at, review) VALUES (?, ?, ?, 'note', '2021-01-01', ?)`);
  for (const l of state.labels) label.run(...l);
  const unread = JSON.stringify(state.unread);
  db.prepare('UPDATE article SET is_read = 1 WHERE id NOT IN (SELECT value FROM json_each(?))').run(unread);
  db.prepare('UPDATE article SET is_starred = 1 WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(state.starred));
}

/** Loads the state into a migrated team library (search_path set to its schema); returns the analyst it belongs to. */
export async function loadPostgres(c: pg.ClientBase, state: LibraryState, outletOf: OutletResolver = corpusOutlets): Promise<number> {
  await c.query('BEGIN');
  const analyst = Number((await c.query("INSERT INTO analyst (name) VALUES ('Tester') RETURNING id")).rows[0].id);
  const feeds = new Map(corpus.feeds.map((f) => [f.id, f]));
  for (const f of corpus.feeds) {
    await c.query(`INSERT INTO feed (id, url, typed_url, site_url, title, language, match_keys, created_at)
      VALUES ($1, $2, $2, $3, $4, $5, $6, '2021-01-01T00:00:00Z')`, [f.id, f.url, f.site_url, f.title, f.language, [f.title, f.url, f.site_url].map(foldWord)]);
  }
  for (const a of allArticles(state)) {
    const feed = feeds.get(a.feed);
    const outlet = outletOf([a.link, feed?.site_url ?? null, feed?.url ?? null]);
    await c.query(`INSERT INTO article (id, feed_id, identity, guid, link, canonical_link, title_date_hash, title, author, text, published_at,
        raw, content_hash, outlet_key, country_key, first_seen_at, last_seen_at)
      VALUES ($1, $2, $3, $4, $4, $4, $5, $6, $7, $8, $9, '{}', $10, $11, $12, $9, $9)`,
    [a.id, a.feed, `g:${a.link}`, a.link, `h${a.id}`, a.title, a.author, a.text, a.published, `c${a.id}`,
      outlet?.name.toLowerCase() ?? null, outlet?.country.toLowerCase() ?? null]);
    await c.query(UPSERT_SEARCH_SQL, upsertSearchParams(a.id, { title: a.title, author: a.author, summary: null, text: a.text }));
  }
  for (const [name, ids] of state.tags) {
    const tag = Number((await c.query('INSERT INTO tag (name, name_key, created_by) VALUES ($1, $2, $3) RETURNING id', [name, foldWord(name), analyst])).rows[0].id);
    await c.query('INSERT INTO article_tag (article_id, tag_id, applied_by, applied_at) SELECT unnest($1::bigint[]), $2, $3, now()', [ids, tag, analyst]);
  }
  for (const [articleId, kind, entity, review] of state.labels) {
    await c.query(`INSERT INTO label (article_id, kind, entity, entity_key, evidence, review, first_seen_at) VALUES ($1, $2, $3, $4, 'note', $5, '2021-01-01')`,
      [articleId, kind, entity, foldWord(entity), review]);
  }
  await c.query(`INSERT INTO article_state (analyst_id, article_id, read_at, starred_at)
    SELECT $1, id, CASE WHEN id = ANY($2::bigint[]) THEN NULL ELSE now() END, CASE WHEN id = ANY($3::bigint[]) THEN now() END FROM article`,
  [analyst, state.unread, state.starred]);
  await c.query('COMMIT');
  return analyst;
}

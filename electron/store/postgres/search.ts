// Runs a query against the team library: parse, compile, one statement for the page and its total, one for the
// rows, one each for tags and labels; snippets are cut by the SQLite engine's code so that both look the same.
import type pg from 'pg';
import type { LabelKind } from '../../model.ts';
import { parseQuery } from '../../query/parser.ts';
import { QuerySyntaxError } from '../../query/errors.ts';
import { highlighter, makeSnippet } from '../../query/snippet.ts';
import { DEFAULT_LIMIT } from '../../query/ast.ts';
import type { SearchHit, SearchResult, SearchSort } from '../records.ts';
import { liveLabel } from '../shared.ts';
import { compilePgQuery, DATE_EXPR, SqlParams, type PgSearchContext } from './search-compile.ts';
import { OUTLET_COLUMNS, outletBadge, type OutletRow } from './reader.ts';

export type Queryable = pg.Pool | pg.ClientBase;

export interface PgSearchOptions {
  limit?: number;
  offset?: number;
  sort?: SearchSort;
}

/** makeSnippet reads at most 50,000 characters of a text; one more tells it that the text goes on (its " …"). */
const SNIPPET_SOURCE_CHARS = 50_001;

/** Runs SQL built from a query; an error in a tsquery becomes a QuerySyntaxError, never a raw server message. */
export async function runQuery<R extends pg.QueryResultRow>(db: Queryable, sql: string, values: unknown[]): Promise<pg.QueryResult<R>> {
  try {
    return await db.query<R>(sql, values);
  } catch (err) {
    const code = (err as { code?: string }).code;
    // 42601: syntax error in tsquery input; 54000/54001: a query too large or too deep to evaluate.
    if (code === '42601' || code === '54000' || code === '54001') {
      throw new QuerySyntaxError(`The search index could not run this query (${(err as Error).message}); try fewer or simpler terms`, 1);
    }
    throw err;
  }
}

/** FROM … WHERE … of a compiled query, over `article a` (and `article_search s` when it searches text). */
export function source(usesIndex: boolean): string {
  return usesIndex ? 'article a JOIN article_search s ON s.article_id = a.id' : 'article a';
}

/** How many articles a query matches (saved searches, rules). */
export async function countPgMatches(db: Queryable, q: string, ctx: PgSearchContext): Promise<number> {
  const params = new SqlParams();
  const c = compilePgQuery(parseQuery(q).root, ctx, params, false);
  const r = await runQuery<{ n: string }>(db, `SELECT count(*) AS n FROM ${source(c.usesIndex)} WHERE ${c.where}`, params.values);
  return Number(r.rows[0]?.n ?? 0);
}

interface HitRow extends OutletRow {
  id: string;
  title: string | null;
  url: string | null;
  feed: string;
  published: Date | string | null;
  body: string | null;
}

export async function searchPostgres(db: Queryable, q: string, ctx: PgSearchContext, options: PgSearchOptions = {}): Promise<SearchResult> {
  const parsed = parseQuery(q);
  const params = new SqlParams();
  const c = compilePgQuery(parsed.root, ctx, params, (options.sort ?? 'relevance') === 'relevance');
  const limit = options.limit ?? DEFAULT_LIMIT;
  const offset = options.offset ?? 0;
  const order = c.rank !== null
    ? `${c.rank} DESC, a.id DESC`
    : `${DATE_EXPR} DESC, a.id DESC`;
  // The window count is taken before LIMIT: the page and the total in one pass over the matches.
  const page = await runQuery<{ id: string; total: string }>(db, `SELECT a.id, count(*) OVER () AS total
    FROM ${source(c.usesIndex)} WHERE ${c.where} ORDER BY ${order}
    LIMIT ${params.add(limit)} OFFSET ${params.add(offset)}`, params.values);
  const ids = page.rows.map((r) => Number(r.id));
  const total = page.rows.length > 0 ? Number(page.rows[0]?.total) : offset === 0 ? 0 : await countPgMatches(db, q, ctx);
  const rows = await db.query<HitRow>(`SELECT a.id, a.title, coalesce(a.link, a.canonical_link) AS url, coalesce(f.title, f.url) AS feed,
      a.published_at AS published, left(coalesce(nullif(a.text, ''), a.summary), ${SNIPPET_SOURCE_CHARS}) AS body, ${OUTLET_COLUMNS}
    FROM article a JOIN feed f ON f.id = a.feed_id WHERE a.id = ANY($1)`, [ids]);
  const byId = new Map(rows.rows.map((r) => [Number(r.id), r]));
  const extras = await articleExtras(db, ids);
  const highlight = highlighter(parsed.root);
  const hits: SearchHit[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) continue;
    hits.push({
      id,
      title: r.title,
      url: r.url,
      feed: r.feed,
      published: r.published === null ? null : new Date(r.published).toISOString(),
      snippet: makeSnippet(r.body ?? '', highlight),
      tags: extras.tags.get(id) ?? [],
      labels: extras.labels.get(id) ?? [],
      outlet: outletBadge(r),
    });
  }
  return { total, hits, warnings: parsed.warnings };
}

/** Tags (in the SQLite engine's order: ASCII case folded, then code points) and live labels of some articles. */
export async function articleExtras(db: Queryable, ids: number[]): Promise<{ tags: Map<number, string[]>; labels: Map<number, { kind: LabelKind; entity: string }[]> }> {
  const tags = new Map<number, string[]>();
  const labels = new Map<number, { kind: LabelKind; entity: string }[]>();
  if (ids.length === 0) return { tags, labels };
  const tagRows = await db.query<{ id: string; name: string }>(`SELECT at.article_id AS id, t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id
    WHERE at.article_id = ANY($1) ORDER BY translate(t.name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') COLLATE "C", t.id`, [ids]);
  for (const r of tagRows.rows) tags.set(Number(r.id), [...(tags.get(Number(r.id)) ?? []), r.name]);
  const labelRows = await db.query<{ id: string; kind: LabelKind; entity: string }>(`SELECT article_id AS id, kind, entity FROM label
    WHERE article_id = ANY($1) AND ${liveLabel()} ORDER BY id`, [ids]);
  for (const r of labelRows.rows) labels.set(Number(r.id), [...(labels.get(Number(r.id)) ?? []), { kind: r.kind, entity: r.entity }]);
  return { tags, labels };
}

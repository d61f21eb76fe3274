// Runs a query against the library: parse, compile, count, fetch one page, cut snippets.
import type { Db } from '../db.ts';
import type { LabelKind } from '../../../model.ts';
import { parseQuery } from '../../../query/parser.ts';
import { DEFAULT_LIMIT } from '../../../query/ast.ts';
import { BM25_WEIGHTS, compileQuery, DATE_EXPR, type CompiledQuery } from './compile.ts';
import { QuerySyntaxError } from '../../../query/errors.ts';
import { highlighter, makeSnippet } from '../../../query/snippet.ts';
import { liveLabel, type OutletResolver } from '../../shared.ts';
import type { SearchResult, SearchSort } from '../../records.ts';
import { OUTLET_COLUMNS, outletBadge, type OutletRow } from '../reader.ts';
import { prepared } from '../prepared.ts';

export type { OutletResolver };

/**
 * Where outlet: and country: find an article's outlet. The library's own searches read the outlet ingest stored on
 * each article (`stored`), calling the resolver only for rows written without ingest (outlet_key NULL: test
 * corpora, bulk fills); a bare resolver is called for every row. Hits carry the stored outlet in the first case.
 */
export type OutletSource = OutletResolver | { stored: true; fallback: OutletResolver };

export function resolverOf(outletOf: OutletSource | undefined): OutletResolver | undefined {
  return typeof outletOf === 'object' ? outletOf.fallback : outletOf;
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  sort?: SearchSort;
  /** Needed by outlet: and country: filters. */
  outletOf?: OutletSource;
}

/** A query made ready to run: parsed once, reusable for counting and paging (saved searches, rules, export). */
export interface PreparedQuery {
  compiled: CompiledQuery;
  warnings: string[];
  highlight: ReturnType<typeof highlighter>;
}

export function prepareQuery(q: string, outletOf?: OutletSource): PreparedQuery {
  const parsed = parseQuery(q);
  return { compiled: compileQuery(parsed.root, typeof outletOf === 'object'), warnings: parsed.warnings, highlight: highlighter(parsed.root) };
}

/** FROM … WHERE … of a prepared query, with its parameters, over `article a`. */
export function querySource(p: PreparedQuery): { from: string; where: string; params: unknown[] } {
  const { match, where, params } = p.compiled;
  if (match === null) return { from: 'article a', where: `(${where})`, params };
  return { from: 'article_fts JOIN article a ON a.id = article_fts.rowid', where: `article_fts MATCH ? AND (${where})`, params: [match, ...params] };
}

/** Registers footnote_outlet() for this query's outlet:/country: filters, or says why they cannot run. */
export function bindOutlets(db: Db, needsOutlet: boolean, outletOf: OutletSource | undefined): void {
  if (!needsOutlet) return;
  const resolve = resolverOf(outletOf);
  if (!resolve) throw new QuerySyntaxError('outlet: and country: need the outlet registry, which is not loaded here', 1);
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  db.function('footnote_outlet', (link: unknown, site: unknown, feedUrl: unknown, what: unknown, wanted: unknown) => {
    const outlet = resolve([str(link), str(site), str(feedUrl)]);
    if (!outlet) return 0;
    const value = (what === 'country' ? outlet.country : outlet.name).toLowerCase();
    return value === wanted || (what === 'outlet' && value.includes(String(wanted))) ? 1 : 0;
  });
}

/** Runs SQL built from a query; an error inside FTS5 becomes a QuerySyntaxError, never a raw SQLite message. */
export function runQuery<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof Error && err.name === 'SqliteError' && /fts5|MATCH/i.test(err.message)) {
      throw new QuerySyntaxError(`The search index could not run this query (${err.message}); try quoting unusual terms`, 1);
    }
    throw err;
  }
}

export function countMatches(db: Db, p: PreparedQuery): number {
  const src = querySource(p);
  const { match, where, idSet, rowidWhere } = p.compiled;
  const sql = match !== null && (where === '1' || rowidWhere !== null)
    ? `SELECT count(*) AS n FROM article_fts WHERE article_fts MATCH ? AND (${rowidWhere ?? '1'})`
    : idSet !== null ? `SELECT count(DISTINCT article_id) AS n FROM (${idSet})`
      : `SELECT count(*) AS n FROM ${src.from} WHERE ${src.where}`;
  return runQuery(() => (db.prepare(sql).get(...src.params) as { n: number }).n);
}

interface HitRow extends OutletRow {
  id: number;
  title: string | null;
  url: string | null;
  feed: string;
  published: string | null;
  body: string | null;
}

export function search(db: Db, q: string, options: SearchOptions = {}): SearchResult {
  const p = prepareQuery(q, options.outletOf);
  bindOutlets(db, p.compiled.needsOutlet, options.outletOf);
  const limit = options.limit ?? DEFAULT_LIMIT;
  const offset = options.offset ?? 0;
  const byRelevance = (options.sort ?? 'relevance') === 'relevance' && p.compiled.match !== null;
  const src = querySource(p);
  // Ids first, rows after: the sort then carries ids, not texts. A pure text query is ranked inside the index
  // alone, without touching the article table for every match.
  const counted = p.compiled.idSet !== null ? countMatches(db, p) : null;
  const inIndex = p.compiled.where === '1' ? '1' : p.compiled.rowidWhere;
  let ids: number[];
  let total: number | null = counted;
  if (byRelevance && inIndex !== null) {
    // A pure text query (inIndex '1', the common case) always has this SQL: prepared once per connection.
    const sql = `SELECT rowid FROM article_fts WHERE article_fts MATCH ? AND (${inIndex})
      ORDER BY bm25(article_fts, ${BM25_WEIGHTS}), rowid DESC LIMIT ? OFFSET ?`;
    ids = runQuery(() => (inIndex === '1' ? prepared(db, sql) : db.prepare(sql)).pluck().all(...src.params, limit, offset) as number[]);
  } else if (byRelevance) {
    // Text plus filters on article columns: every match is joined and scored anyway, so one pass gives both the
    // ranked page and the total (a separate count would join every match a second time).
    const all = runQuery(() => db.prepare(`SELECT a.id FROM ${src.from} WHERE ${src.where}
      ORDER BY bm25(article_fts, ${BM25_WEIGHTS}), a.id DESC`).pluck().all(...src.params) as number[]);
    total = all.length;
    ids = all.slice(offset, offset + limit);
  } else {
    // A common tag: walking the date index newest first finds a page sooner than sorting every tagged article.
    const sql = counted !== null && walkDateIndex(db, counted, limit + offset)
      ? `SELECT a.id FROM article a INDEXED BY article_date WHERE +${p.compiled.where} ORDER BY ${DATE_EXPR} DESC, a.id DESC LIMIT ? OFFSET ?`
      : `SELECT a.id FROM ${src.from} WHERE ${src.where} ORDER BY ${DATE_EXPR} DESC, a.id DESC LIMIT ? OFFSET ?`;
    ids = runQuery(() => db.prepare(sql).pluck().all(...src.params, limit, offset) as number[]);
  }
  const byId = new Map((prepared(db, `
    SELECT a.id, a.title, coalesce(a.link, a.canonical_link) AS url, coalesce(f.title, f.url) AS feed,
           a.published_at AS published, coalesce(nullif(a.text, ''), a.summary) AS body, ${OUTLET_COLUMNS}
    FROM article a JOIN feed f ON f.id = a.feed_id
    WHERE a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as HitRow[]).map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)).filter((r): r is HitRow => r !== undefined);
  total ??= ids.length < limit && (offset === 0 || ids.length > 0) ? offset + ids.length : countMatches(db, p);
  const extras = articleExtras(db, rows.map((r) => r.id));
  const stored = typeof options.outletOf === 'object';
  const hits = rows.map((r) => ({
    id: r.id,
    title: r.title,
    url: r.url,
    feed: r.feed,
    published: r.published,
    snippet: makeSnippet(r.body ?? '', p.highlight),
    tags: extras.tags.get(r.id) ?? [],
    labels: extras.labels.get(r.id) ?? [],
    ...(stored ? { outlet: outletBadge(r) } : {}),
  }));
  return { total, hits, warnings: p.warnings };
}

/** Whether a date-index walk (expected length: wanted × library / matches) beats sorting all the matches. */
function walkDateIndex(db: Db, matches: number, wanted: number): boolean {
  if (matches === 0) return false;
  const library = (prepared(db, 'SELECT max(id) AS n FROM article').get() as { n: number | null }).n ?? 0;
  return (wanted * library) / matches < matches;
}

/** Tags and active labels of some articles, in one query each. */
export function articleExtras(db: Db, ids: number[]): { tags: Map<number, string[]>; labels: Map<number, { kind: LabelKind; entity: string }[]> } {
  const tags = new Map<number, string[]>();
  const labels = new Map<number, { kind: LabelKind; entity: string }[]>();
  if (ids.length === 0) return { tags, labels };
  const list = JSON.stringify(ids);
  const tagRows = prepared(db, `SELECT at.article_id AS id, t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id
    WHERE at.article_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`).all(list) as { id: number; name: string }[];
  for (const r of tagRows) tags.set(r.id, [...(tags.get(r.id) ?? []), r.name]);
  const labelRows = prepared(db, `SELECT article_id AS id, kind, entity FROM label
    WHERE article_id IN (SELECT value FROM json_each(?)) AND ${liveLabel()} ORDER BY id`).all(list) as { id: number; kind: LabelKind; entity: string }[];
  for (const r of labelRows) labels.set(r.id, [...(labels.get(r.id) ?? []), { kind: r.kind, entity: r.entity }]);
  return { tags, labels };
}

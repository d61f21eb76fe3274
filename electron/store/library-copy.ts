// Moving a local library into a team library: every row of the SQLite library (folders, feeds, the team's outlet
// entries, articles with their versions and fetched pages' raw bytes, tags, rules, assignments, labels with their
// reviews, saved searches, and the copier's read and starred marks) inserted with its own id and ON CONFLICT DO
// NOTHING, so that a second run copies only what is missing. Then each table is verified: the team library must
// hold every copied row (count) with the same content (a SHA-256 over the rows' key fields and hashes of their
// texts and bytes, computed the same way on both sides).
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Db } from './sqlite/db.ts';
import type { PostgresStore } from './postgres/postgres-store.ts';
import { inTransaction } from './postgres/transaction.ts';
import { UPSERT_SEARCH_SQL, upsertSearchParams } from './postgres/search-document.ts';
import { clean } from './postgres/values.ts';
import { identityKey } from '../articles/dedupe.ts';
import { outletOfArticle, type OutletRegistry } from '../labels/outlets.ts';
import { foldWord } from '../text/fold.ts';

type Row = Record<string, unknown>;

const sha = (v: unknown): string => createHash('sha256').update(v === null || v === undefined ? '\u0000null' : v instanceof Uint8Array ? v : String(v)).digest('hex');
const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
const bool = (v: unknown): boolean | null => (v === null ? null : v === 1 || v === true);

interface TableCopy {
  table: string;
  /** Rows of the SQLite library. */
  from: string;
  /** Team library columns, in the order `values` gives them. */
  columns: string[];
  values(r: Row, ctx: CopyContext): unknown[];
  /** The row's key and content as one line; the same function reads rows of both engines (see `verify`). */
  line(r: Row): string;
  /** Columns of the team library row that `line` reads, under the SQLite names. */
  verify: string;
  /** Runs after each inserted row (e.g. indexing an article). */
  after?: (c: pg.ClientBase, r: Row) => Promise<void>;
}

interface CopyContext {
  registry: OutletRegistry;
  feedUrls: Map<number, { url: string; site: string | null }>;
}

const TABLES: TableCopy[] = [
  { table: 'folder', from: 'SELECT id, name, position FROM folder', columns: ['id', 'name', 'position'], values: (r) => [r.id, r.name, r.position],
    line: (r) => `${r.id}\t${r.name}`, verify: 'id, name' },
  { table: 'feed', from: 'SELECT * FROM feed',
    columns: ['id', 'url', 'typed_url', 'site_url', 'title', 'description', 'language', 'folder_id', 'interval_minutes', 'floor_minutes', 'full_text', 'status',
      'etag', 'last_modified', 'last_fetched_at', 'last_success_at', 'next_fetch_at', 'retry_reason', 'error_count', 'last_error', 'match_keys', 'created_at'],
    values: (r) => [r.id, r.url, r.typed_url, r.site_url, r.title, r.description, r.language, r.folder_id, r.interval_minutes, r.floor_minutes, bool(r.full_text),
      r.status, r.etag, r.last_modified, r.last_fetched_at, r.last_success_at, r.next_fetch_at, r.retry_reason, r.error_count, r.last_error,
      [r.title, r.url, r.site_url].filter((v): v is string => typeof v === 'string').map(foldWord), r.created_at].map(clean),
    line: (r) => `${r.id}\t${r.url}`, verify: 'id, url' },
  { table: 'outlet_override', from: 'SELECT * FROM outlet_override',
    columns: ['name', 'name_key', 'domains', 'country', 'category', 'source', 'source_date', 'removed', 'updated_at'],
    values: (r) => [r.name, foldWord(String(r.name)), json(r.domains), r.country, r.category, r.source, r.source_date, bool(r.removed), r.updated_at],
    line: (r) => `${r.name}\t${r.country}\t${bool(r.removed)}`, verify: 'name, country, removed' },
  { table: 'article', from: 'SELECT * FROM article ORDER BY id',
    columns: ['id', 'feed_id', 'identity', 'guid', 'link', 'canonical_link', 'title_date_hash', 'title', 'author', 'summary', 'content', 'full_html', 'text',
      'lang', 'categories', 'published_at', 'updated_at', 'raw', 'content_hash', 'previous_hash', 'outlet_key', 'country_key', 'first_seen_at', 'last_seen_at'],
    values: (r, ctx) => {
      const feed = ctx.feedUrls.get(Number(r.feed_id));
      const outlet = outletOfArticle(ctx.registry, [r.link as string | null, feed?.site ?? null, feed?.url ?? null]);
      const identity = identityKey({ guid: r.guid as string | null, canonicalLink: r.canonical_link as string | null, titleDateHash: String(r.title_date_hash), contentHash: String(r.content_hash) });
      return [r.id, r.feed_id, identity, r.guid, r.link, r.canonical_link, r.title_date_hash, r.title, r.author, r.summary, r.content, r.full_html, r.text,
        r.lang, (json(r.categories) as string[]).map(clean), r.published_at, r.updated_at, r.raw, r.content_hash, r.previous_hash,
        outlet ? foldWord(outlet.name) : null, outlet?.country ? foldWord(outlet.country) : null, r.first_seen_at, r.last_seen_at].map(clean);
    },
    line: (r) => `${r.id}\t${r.feed_id}\t${r.content_hash}\t${sha(clean(r.raw))}\t${sha(clean(r.text))}\t${sha(clean(r.title))}`, verify: 'id, feed_id, content_hash, raw, text, title',
    after: (c, r) => c.query(UPSERT_SEARCH_SQL, upsertSearchParams(Number(r.id), { title: clean(r.title as string | null), author: clean(r.author as string | null), summary: clean(r.summary as string | null), text: clean(r.text as string | null) })).then(() => undefined) },
  { table: 'article_version', from: 'SELECT * FROM article_version',
    columns: ['id', 'article_id', 'content_hash', 'title', 'summary', 'content', 'text', 'seen_from', 'seen_until'],
    values: (r) => [r.id, r.article_id, r.content_hash, r.title, r.summary, r.content, r.text, r.seen_from, r.seen_until].map(clean),
    line: (r) => `${r.id}\t${r.article_id}\t${r.content_hash}\t${sha(clean(r.text))}`, verify: 'id, article_id, content_hash, text' },
  { table: 'page', from: 'SELECT * FROM page',
    columns: ['id', 'article_id', 'url', 'final_url', 'fetched_at', 'status', 'content_type', 'size', 'sha256', 'body', 'error'],
    values: (r) => [r.id, r.article_id, r.url, r.final_url, r.fetched_at, r.status, r.content_type, r.size, r.sha256, r.body, r.error].map(clean),
    line: (r) => `${r.id}\t${r.article_id}\t${r.sha256}\t${sha(r.body === null ? null : new Uint8Array(r.body as Uint8Array))}`, verify: 'id, article_id, sha256, body' },
  { table: 'tag', from: 'SELECT id, name, color FROM tag', columns: ['id', 'name', 'name_key', 'color'], values: (r) => [r.id, r.name, foldWord(String(r.name)), r.color],
    line: (r) => `${r.id}\t${r.name}\t${r.color}`, verify: 'id, name, color' },
  { table: 'rule', from: 'SELECT * FROM rule', columns: ['id', 'query', 'tag_id', 'feed_ids', 'created_at'],
    values: (r) => [r.id, r.query, r.tag_id, r.feed_ids === null ? null : json(r.feed_ids), r.created_at],
    line: (r) => `${r.id}\t${r.query}\t${r.tag_id}`, verify: 'id, query, tag_id' },
  { table: 'article_tag', from: 'SELECT * FROM article_tag', columns: ['article_id', 'tag_id', 'rule_id', 'applied_at'],
    values: (r) => [r.article_id, r.tag_id, r.rule_id, r.applied_at],
    line: (r) => `${r.article_id}:${r.tag_id}\t${r.rule_id}`, verify: 'article_id, tag_id, rule_id' },
  { table: 'label', from: 'SELECT * FROM label',
    columns: ['id', 'article_id', 'kind', 'entity', 'entity_key', 'marker', 'evidence', 'start', '"end"', 'origin', 'review', 'note', 'first_seen_at', 'removed_at'],
    values: (r) => [r.id, r.article_id, r.kind, r.entity, foldWord(String(r.entity)), r.marker, r.evidence, r.start, r.end, r.origin, r.review, r.note,
      r.first_seen_at, r.removed_at].map(clean),
    line: (r) => `${r.id}\t${r.article_id}\t${r.kind}\t${r.entity}\t${r.review}\t${r.removed_at === null}`, verify: 'id, article_id, kind, entity, review, removed_at' },
  { table: 'saved_search', from: 'SELECT * FROM saved_search', columns: ['id', 'name', 'query', 'created_at'], values: (r) => [r.id, r.name, r.query, r.created_at],
    line: (r) => `${r.id}\t${r.name}\t${r.query}`, verify: 'id, name, query' },
];

export interface TableReport {
  table: string;
  /** Rows in the local library. */
  rows: number;
  /** Rows this run inserted (0 on a re-run that found everything there). */
  copied: number;
  /** Of the local rows, how many the team library holds with the same content. */
  verified: number;
  checksum: string;
  ok: boolean;
}

/** Copies what is missing, then verifies every table; never deletes or overwrites anything in the team library. */
export async function copyLibrary(db: Db, target: PostgresStore, onProgress: (table: string) => void = () => undefined): Promise<TableReport[]> {
  const { pool } = target;
  await target.schemaVersion();
  const feedUrls = new Map((db.prepare('SELECT id, url, site_url AS site FROM feed').all() as { id: number; url: string; site: string | null }[]).map((f) => [f.id, f]));
  const reports: TableReport[] = [];
  for (const spec of TABLES) {
    onProgress(spec.table);
    const rows = db.prepare(spec.from).all() as Row[];
    const registry = await target.outlets.registry();
    const ctx: CopyContext = { registry, feedUrls };
    const copied = await inTransaction(pool, `copying the ${spec.table} table`, async (c) => {
      let n = 0;
      const sql = `INSERT INTO ${spec.table} (${spec.columns.join(', ')}) VALUES (${spec.columns.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT DO NOTHING`;
      for (const r of rows) {
        if (((await c.query(sql, spec.values(r, ctx))).rowCount ?? 0) === 0) continue;
        n++;
        await spec.after?.(c, r);
      }
      // Ids were given explicitly: move the identity on, so that new rows of the team library get fresh ones.
      if (spec.columns[0] === 'id' && spec.table !== 'outlet_override') {
        await c.query(`SELECT setval(pg_get_serial_sequence('${spec.table}', 'id'), greatest((SELECT max(id) FROM ${spec.table}), 1))`);
      }
      return n;
    });
    reports.push({ table: spec.table, rows: rows.length, copied, ...await verify(pool, spec, rows) });
  }
  await copyMarks(db, target);
  return reports;
}

/** Sorted lines of both sides, restricted on the team side to the keys the local library has. */
async function verify(pool: pg.Pool, spec: TableCopy, local: Row[]): Promise<Pick<TableReport, 'verified' | 'checksum' | 'ok'>> {
  const localLines = local.map(spec.line).sort();
  const keys = new Set(localLines.map((l) => l.split('\t')[0]));
  const team = (await pool.query<Row>(`SELECT ${spec.verify.replace('"end"', 'end')} FROM ${spec.table}`)).rows.map(spec.line)
    .filter((l) => keys.has(l.split('\t')[0])).sort();
  const teamSet = new Set(team);
  const verified = localLines.filter((l) => teamSet.has(l)).length;
  const digest = (lines: string[]): string => createHash('sha256').update(lines.join('\n')).digest('hex');
  const checksum = digest(localLines);
  return { verified, checksum, ok: verified === localLines.length && digest(team) === checksum };
}

/** The copier's own read and starred marks become theirs on the team library. */
async function copyMarks(db: Db, target: PostgresStore): Promise<void> {
  const read = (db.prepare('SELECT id FROM article WHERE is_read = 1').all() as { id: number }[]).map((r) => r.id);
  const starred = (db.prepare('SELECT id FROM article WHERE is_starred = 1').all() as { id: number }[]).map((r) => r.id);
  if (read.length > 0) await target.articles.mark(read, { read: true });
  if (starred.length > 0) await target.articles.mark(starred, { starred: true });
}

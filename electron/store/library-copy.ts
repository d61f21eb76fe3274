// Moving a local library into a team library: every row of the SQLite library (folders, feeds, the team's outlet
// entries, articles with their deletion records, raw captures with their bytes, every version, fetched pages' raw
// bytes, full-text outcomes, tags, rules, assignments, labels with their canonical names and reviews, entity
// aliases, saved searches, and the copier's read and starred marks) inserted with its own id and ON CONFLICT DO
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
import type { OutletRegistry } from '../labels/outlets.ts';
import { foldWord } from '../text/fold.ts';
import { outletColumns } from './postgres/outlets.ts';
import { canonicalKey } from './shared.ts';

type Row = Record<string, unknown>;

const sha = (v: unknown): string => createHash('sha256').update(v === null || v === undefined ? '\u0000null' : v instanceof Uint8Array ? v : String(v)).digest('hex');
const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
const bool = (v: unknown): boolean | null => (v === null ? null : v === 1 || v === true);
/** A time as both engines give it back: SQLite's ISO text, PostgreSQL's timestamptz read as ISO. */
const time = (v: unknown): string => (v === null || v === undefined ? 'null' : new Date(String(v)).toISOString());
/** A version's labels (SQLite: JSON text, PostgreSQL: jsonb) as one comparable string. */
const labelsKey = (v: unknown): string => JSON.stringify((json(v) as { kind: string; entity: string }[]).map((l) => [l.kind, l.entity]));
const bytes = (v: unknown): unknown => (v === null || v === undefined ? null : new Uint8Array(v as Uint8Array));

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
  /** Runs once after the table's rows, in the same transaction (e.g. links that needed this table's rows). */
  finish?: (c: pg.ClientBase, db: Db) => Promise<void>;
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
    // deleted_capture_id follows with the captures (they are copied after the articles they belong to).
    columns: ['id', 'feed_id', 'identity', 'guid', 'link', 'canonical_link', 'title_date_hash', 'title', 'author', 'summary', 'content', 'full_html', 'text',
      'lang', 'categories', 'published_at', 'updated_at', 'raw', 'content_hash', 'previous_hash', 'outlet_key', 'country_key', 'outlet', 'outlet_country',
      'outlet_category', 'first_seen_at', 'last_seen_at', 'version_count', 'deleted_at', 'deleted_reason', 'deleted_status', 'deleted_final_url',
      'rechecked_at', 'page_etag', 'page_last_modified'],
    values: (r, ctx) => {
      const feed = ctx.feedUrls.get(Number(r.feed_id));
      const outlet = outletColumns(ctx.registry, [r.link as string | null, feed?.site ?? null, feed?.url ?? null]);
      const identity = identityKey({ guid: r.guid as string | null, canonicalLink: r.canonical_link as string | null, titleDateHash: String(r.title_date_hash), contentHash: String(r.content_hash) });
      return [r.id, r.feed_id, identity, r.guid, r.link, r.canonical_link, r.title_date_hash, r.title, r.author, r.summary, r.content, r.full_html, r.text,
        r.lang, (json(r.categories) as string[]).map(clean), r.published_at, r.updated_at, r.raw, r.content_hash, r.previous_hash,
        ...outlet, r.first_seen_at, r.last_seen_at, r.version_count, r.deleted_at, r.deleted_reason, r.deleted_status, r.deleted_final_url,
        r.rechecked_at, r.page_etag, r.page_last_modified].map(clean);
    },
    line: (r) => `${r.id}\t${r.feed_id}\t${r.content_hash}\t${sha(clean(r.raw))}\t${sha(clean(r.text))}\t${sha(clean(r.title))}\t${r.version_count}\t${time(r.deleted_at)}`,
    verify: 'id, feed_id, content_hash, raw, text, title, version_count, deleted_at',
    after: (c, r) => c.query(UPSERT_SEARCH_SQL, upsertSearchParams(Number(r.id), { title: clean(r.title as string | null), author: clean(r.author as string | null), summary: clean(r.summary as string | null), text: clean(r.text as string | null) })).then(() => undefined) },
  // Raw captures: the gzip bytes as stored, so that what the export gives back is byte for byte what was received.
  { table: 'capture', from: 'SELECT * FROM capture ORDER BY id',
    columns: ['id', 'feed_id', 'article_id', 'kind', 'url', 'final_url', 'status', 'fetched_at', 'request_head', 'response_head', 'body', 'size', 'sha256', 'truncated'],
    values: (r) => [r.id, r.feed_id, r.article_id, r.kind, clean(r.url), clean(r.final_url), r.status, r.fetched_at, r.request_head, r.response_head, r.body,
      r.size, r.sha256, bool(r.truncated)],
    line: (r) => `${r.id}\t${r.kind}\t${r.article_id}\t${r.feed_id}\t${r.sha256}\t${time(r.fetched_at)}\t${sha(bytes(r.body))}\t${sha(bytes(r.request_head))}\t${sha(bytes(r.response_head))}`,
    verify: 'id, kind, article_id, feed_id, sha256, fetched_at, body, request_head, response_head',
    // The deletion records cite their re-check's capture, which exists now.
    finish: async (c, db) => {
      for (const r of db.prepare('SELECT id, deleted_capture_id AS capture FROM article WHERE deleted_capture_id IS NOT NULL').all() as { id: number; capture: number }[]) {
        await c.query('UPDATE article SET deleted_capture_id = $2 WHERE id = $1 AND deleted_capture_id IS NULL', [r.id, r.capture]);
      }
    } },
  { table: 'article_version', from: 'SELECT * FROM article_version_read', // a first version's texts may be its article's (schema 10)
    columns: ['id', 'article_id', 'content_hash', 'title', 'summary', 'content', 'text', 'seen_from', 'seen_until', 'n', 'labels', 'fingerprint', 'source', 'capture_id'],
    values: (r) => [...[r.id, r.article_id, r.content_hash, r.title, r.summary, r.content, r.text, r.seen_from, r.seen_until, r.n].map(clean),
      JSON.stringify(json(r.labels)), r.fingerprint, r.source, r.capture_id],
    line: (r) => `${r.id}\t${r.article_id}\t${r.n}\t${r.content_hash}\t${sha(clean(r.text))}\t${r.source}\t${r.capture_id}\t${labelsKey(r.labels)}`,
    verify: 'id, article_id, n, content_hash, text, source, capture_id, labels' },
  { table: 'page', from: 'SELECT * FROM page',
    columns: ['id', 'article_id', 'url', 'final_url', 'fetched_at', 'status', 'content_type', 'size', 'sha256', 'body', 'error'],
    values: (r) => [r.id, r.article_id, r.url, r.final_url, r.fetched_at, r.status, r.content_type, r.size, r.sha256, r.body, r.error].map(clean),
    line: (r) => `${r.id}\t${r.article_id}\t${r.sha256}\t${sha(bytes(r.body))}`, verify: 'id, article_id, sha256, body' },
  { table: 'fulltext_status', from: 'SELECT * FROM fulltext_status',
    columns: ['article_id', 'status', 'reason', 'message', 'attempts', 'tried_at', 'next_retry_at'],
    values: (r) => [r.article_id, r.status, r.reason, r.message, r.attempts, r.tried_at, r.next_retry_at].map(clean),
    line: (r) => `${r.article_id}\t${r.status}\t${r.reason}\t${r.attempts}\t${time(r.tried_at)}\t${time(r.next_retry_at)}`,
    verify: 'article_id, status, reason, attempts, tried_at, next_retry_at' },
  { table: 'tag', from: 'SELECT id, name, color FROM tag', columns: ['id', 'name', 'name_key', 'color'], values: (r) => [r.id, r.name, foldWord(String(r.name)), r.color],
    line: (r) => `${r.id}\t${r.name}\t${r.color}`, verify: 'id, name, color' },
  { table: 'rule', from: 'SELECT * FROM rule', columns: ['id', 'query', 'tag_id', 'feed_ids', 'created_at'],
    values: (r) => [r.id, r.query, r.tag_id, r.feed_ids === null ? null : json(r.feed_ids), r.created_at],
    line: (r) => `${r.id}\t${r.query}\t${r.tag_id}`, verify: 'id, query, tag_id' },
  { table: 'article_tag', from: 'SELECT * FROM article_tag', columns: ['article_id', 'tag_id', 'rule_id', 'applied_at'],
    values: (r) => [r.article_id, r.tag_id, r.rule_id, r.applied_at],
    line: (r) => `${r.article_id}:${r.tag_id}\t${r.rule_id}`, verify: 'article_id, tag_id, rule_id' },
  { table: 'label', from: 'SELECT * FROM label',
    columns: ['id', 'article_id', 'kind', 'entity', 'entity_key', 'marker', 'evidence', 'start', '"end"', 'origin', 'review', 'note', 'first_seen_at', 'removed_at',
      'detected_canonical', 'canonical', 'canonical_key', 'rule', 'reject_reason', 'review_note', 'reviewed_at'],
    values: (r) => [r.id, r.article_id, r.kind, r.entity, foldWord(String(r.entity)), r.marker, r.evidence, r.start, r.end, r.origin, r.review, r.note,
      r.first_seen_at, r.removed_at, r.detected_canonical, r.canonical, r.canonical_key, r.rule, r.reject_reason, r.review_note, r.reviewed_at].map(clean),
    line: (r) => `${r.id}\t${r.article_id}\t${r.kind}\t${r.entity}\t${r.review}\t${r.removed_at === null}\t${r.canonical}\t${r.rule}\t${r.reject_reason}`,
    verify: 'id, article_id, kind, entity, review, removed_at, canonical, rule, reject_reason' },
  { table: 'entity_alias', from: 'SELECT * FROM entity_alias', columns: ['id', 'alias', 'alias_key', 'canonical', 'canonical_key', 'lang', 'created_at'],
    values: (r) => [r.id, r.alias, r.alias_key, r.canonical, canonicalKey(String(r.canonical)), r.lang, r.created_at].map(clean),
    line: (r) => `${r.id}\t${r.alias_key}\t${r.canonical}\t${r.lang}`, verify: 'id, alias_key, canonical, lang' },
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
      await spec.finish?.(c, db);
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

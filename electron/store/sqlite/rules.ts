// Auto-tag rules: a saved query plus a tag, optionally limited to some feeds. Which articles a rule matches is
// answered here; applying and removing its tags (with progress) lives in electron/tags/.
import type { Db } from './db.ts';
import { getTag } from './tags.ts';
import { TagError, type TagRef } from '../../tags/tag-names.ts';
import { parseQuery } from '../../query/parser.ts';
import { compileCondition } from './search/compile.ts';
import { bindOutlets, prepareQuery, querySource, runQuery, type OutletResolver } from './search/search.ts';
import type { RuleRecord } from '../records.ts';

interface RuleRow { id: number; query: string; tag_id: number; tag: string; feed_ids: string | null; created_at: string; count: number }

const SELECT = `SELECT r.id, r.query, r.tag_id, t.name AS tag, r.feed_ids, r.created_at,
  (SELECT count(*) FROM article_tag WHERE rule_id = r.id) AS count FROM rule r JOIN tag t ON t.id = r.tag_id`;

function toRecord(r: RuleRow): RuleRecord {
  return { id: r.id, query: r.query, tagId: r.tag_id, tag: r.tag, feedIds: r.feed_ids === null ? null : (JSON.parse(r.feed_ids) as number[]), createdAt: r.created_at, count: r.count };
}

export function listRules(db: Db): RuleRecord[] {
  return (db.prepare(`${SELECT} ORDER BY r.id`).all() as RuleRow[]).map(toRecord);
}

export function getRule(db: Db, id: number): RuleRecord {
  const row = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as RuleRow | undefined;
  if (!row) throw new TagError('not_found', `No rule with id ${id}; "footnote rules list" shows them.`);
  return toRecord(row);
}

/** Checks the query (a QuerySyntaxError names the position) and the feeds before saving the rule. */
export function addRule(db: Db, query: string, tag: TagRef, feedIds: number[] | null = null, now = new Date().toISOString()): RuleRecord {
  if (parseQuery(query).root === null) throw new TagError('bad_request', 'A rule needs a query: it was empty.');
  const tagId = getTag(db, tag).id;
  for (const id of feedIds ?? []) {
    if (!db.prepare('SELECT 1 FROM feed WHERE id = ?').get(id)) throw new TagError('not_found', `No feed with id ${id}; "footnote feeds" lists them.`);
  }
  const feeds = feedIds && feedIds.length > 0 ? JSON.stringify(feedIds) : null;
  const id = Number(db.prepare('INSERT INTO rule (query, tag_id, feed_ids, created_at) VALUES (?, ?, ?, ?)').run(query, tagId, feeds, now).lastInsertRowid);
  return getRule(db, id);
}

/** Deletes the rule and the tags it applied (a person's are never rule-applied); returns the articles that lost one. */
export function deleteRule(db: Db, id: number): number[] {
  getRule(db, id);
  return db.transaction(() => {
    const ids = (db.prepare('SELECT article_id FROM article_tag WHERE rule_id = ?').all(id) as { article_id: number }[]).map((r) => r.article_id);
    db.prepare('DELETE FROM article_tag WHERE rule_id = ?').run(id);
    db.prepare('DELETE FROM rule WHERE id = ?').run(id);
    return ids;
  })();
}

function feedCondition(rule: RuleRecord): { sql: string; params: unknown[] } {
  return rule.feedIds === null ? { sql: '1', params: [] } : { sql: 'a.feed_id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(rule.feedIds)] };
}

/** Of the given articles, those the rule matches: probed one by one through the index (cheap at ingest). */
export function ruleMatchesAmong(db: Db, rule: RuleRecord, articleIds: number[], outletOf?: OutletResolver): number[] {
  if (articleIds.length === 0) return [];
  const parsed = parseQuery(rule.query);
  const c = compileCondition(parsed.root, 'row');
  bindOutlets(db, c.needsOutlet, outletOf);
  const feeds = feedCondition(rule);
  const sql = `SELECT a.id FROM article a WHERE a.id IN (SELECT value FROM json_each(?)) AND (${feeds.sql}) AND (${c.where})`;
  return runQuery(() => (db.prepare(sql).all(JSON.stringify(articleIds), ...feeds.params, ...c.params) as { id: number }[]).map((r) => r.id));
}

/** Every article the rule matches in the library. */
export function ruleMatchesAll(db: Db, rule: RuleRecord, outletOf?: OutletResolver): number[] {
  const p = prepareQuery(rule.query);
  bindOutlets(db, p.compiled.needsOutlet, outletOf);
  const src = querySource(p);
  const feeds = feedCondition(rule);
  const sql = `SELECT a.id FROM ${src.from} WHERE ${src.where} AND (${feeds.sql}) ORDER BY a.id`;
  return runQuery(() => (db.prepare(sql).all(...src.params, ...feeds.params) as { id: number }[]).map((r) => r.id));
}

// Tags, their assignments and the auto-tag rules on the team library. Tags are shared by the team; every
// assignment says who applied it (an analyst, or the rule in rule_id, run by the analyst's client) and when. A
// person's assignment wins over a rule's, as on SQLite. Names compare through name_key, folded by the app.
import type pg from 'pg';
import { foldWord } from '../../text/fold.ts';
import { checkTagColor, cleanTagName, TagError, type TagRef } from '../../tags/tag-names.ts';
import { parseQuery } from '../../query/parser.ts';
import type { ApplyProgress, ApplyResult, ArticleTarget, RuleRecord, TagRecord } from '../records.ts';
import { compilePgQuery, SqlParams } from './search-compile.ts';
import { runQuery, source } from './search.ts';

type Client = pg.ClientBase;

interface TagContext {
  c: Client;
  analystId: number;
}

/** SQLite's COLLATE NOCASE: ASCII letters folded, then code points. */
export const nocase = (expr: string): string => `translate(${expr}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') COLLATE "C"`;

const TAG_SELECT = 'SELECT t.id, t.name, t.color, (SELECT count(*) FROM article_tag WHERE tag_id = t.id) AS count FROM tag t';

export async function listTags(c: Client): Promise<TagRecord[]> {
  return (await c.query<TagRecord>(`${TAG_SELECT} ORDER BY ${nocase('t.name')}, t.id`)).rows;
}

export async function findTag(c: Client, ref: TagRef): Promise<TagRecord | undefined> {
  return typeof ref === 'number'
    ? (await c.query<TagRecord>(`${TAG_SELECT} WHERE t.id = $1`, [ref])).rows[0]
    : (await c.query<TagRecord>(`${TAG_SELECT} WHERE t.name_key = $1`, [foldWord(cleanTagName(ref))])).rows[0];
}

export async function getTag(c: Client, ref: TagRef): Promise<TagRecord> {
  const tag = await findTag(c, ref);
  if (!tag) throw new TagError('not_found', `No tag ${typeof ref === 'number' ? `with id ${ref}` : `named "${ref}"`}; "footnote tags" lists them.`);
  return tag;
}

export async function createTag(t: TagContext, name: string, color: string | null): Promise<TagRecord> {
  const clean = cleanTagName(name);
  const checked = checkTagColor(color);
  const r = await t.c.query<{ id: number }>(`INSERT INTO tag (name, name_key, color, created_by) VALUES ($1, $2, $3, $4)
    ON CONFLICT (name_key) DO NOTHING RETURNING id`, [clean, foldWord(clean), checked, t.analystId]);
  const id = r.rows[0]?.id;
  if (id === undefined) throw new TagError('conflict', `A tag named "${clean}" exists already.`);
  return { id, name: clean, color: checked, count: 0 };
}

/** The tag's id, creating it when no tag has that name (whichever client creates it first). */
export async function ensureTag(t: TagContext, ref: TagRef): Promise<number> {
  if (typeof ref === 'number') return (await getTag(t.c, ref)).id;
  const clean = cleanTagName(ref);
  await t.c.query('INSERT INTO tag (name, name_key, created_by) VALUES ($1, $2, $3) ON CONFLICT (name_key) DO NOTHING', [clean, foldWord(clean), t.analystId]);
  return (await getTag(t.c, clean)).id;
}

export async function renameTag(c: Client, ref: TagRef, newName: string): Promise<TagRecord> {
  const tag = await getTag(c, ref);
  const clean = cleanTagName(newName);
  const other = await findTag(c, clean);
  if (other && other.id !== tag.id) throw new TagError('conflict', `A tag named "${other.name}" exists already; merge "${tag.name}" into it instead.`);
  await c.query('UPDATE tag SET name = $2, name_key = $3 WHERE id = $1', [tag.id, clean, foldWord(clean)]);
  return getTag(c, tag.id);
}

export async function setTagColor(c: Client, ref: TagRef, color: string | null): Promise<TagRecord> {
  const tag = await getTag(c, ref);
  await c.query('UPDATE tag SET color = $2 WHERE id = $1', [tag.id, checkTagColor(color)]);
  return getTag(c, tag.id);
}

export async function mergeTags(c: Client, sources: TagRef[], target: TagRef): Promise<TagRecord> {
  const into = await getTag(c, target);
  for (const ref of sources) {
    const from = await getTag(c, ref);
    if (from.id === into.id) continue;
    // Where both tags are on an article, the target keeps a person's assignment if either had one.
    await c.query(`UPDATE article_tag SET rule_id = NULL WHERE tag_id = $1 AND article_id IN
      (SELECT article_id FROM article_tag WHERE tag_id = $2 AND rule_id IS NULL)`, [into.id, from.id]);
    await c.query(`INSERT INTO article_tag (article_id, tag_id, rule_id, applied_by, applied_at)
      SELECT article_id, $1, rule_id, applied_by, applied_at FROM article_tag WHERE tag_id = $2 ON CONFLICT DO NOTHING`, [into.id, from.id]);
    await c.query('UPDATE rule SET tag_id = $1 WHERE tag_id = $2', [into.id, from.id]);
    await c.query('DELETE FROM tag WHERE id = $1', [from.id]);
  }
  return getTag(c, into.id);
}

export async function deleteTag(c: Client, ref: TagRef): Promise<void> {
  await c.query('DELETE FROM tag WHERE id = $1', [(await getTag(c, ref)).id]);
}

/** Puts a tag on articles; `ruleId` null means the analyst did. Returns how many articles gained the tag. */
export async function applyTag(t: TagContext, tagId: number, articleIds: number[], ruleId: number | null): Promise<number> {
  if (articleIds.length === 0) return 0;
  const added = await t.c.query(`INSERT INTO article_tag (article_id, tag_id, rule_id, applied_by, applied_at)
    SELECT id, $1, $2, $3, now() FROM article WHERE id = ANY($4) ON CONFLICT DO NOTHING`, [tagId, ruleId, t.analystId, articleIds]);
  if (ruleId === null) {
    // A person's application takes over a rule's, and says who.
    await t.c.query(`UPDATE article_tag SET rule_id = NULL, applied_by = $2, applied_at = now()
      WHERE tag_id = $1 AND article_id = ANY($3) AND rule_id IS NOT NULL`, [tagId, t.analystId, articleIds]);
  }
  return added.rowCount ?? 0;
}

export async function removeTag(c: Client, tagId: number, articleIds: number[]): Promise<number> {
  return (await c.query('DELETE FROM article_tag WHERE tag_id = $1 AND article_id = ANY($2)', [tagId, articleIds])).rowCount ?? 0;
}

export async function articleTags(c: Client, articleId: number): Promise<string[]> {
  return (await c.query<{ name: string }>(`SELECT t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE at.article_id = $1
    ORDER BY ${nocase('t.name')}, t.id`, [articleId])).rows.map((r) => r.name);
}

/** The ids a query matches, in id order, optionally among some articles and feeds. */
async function matching(t: TagContext, query: string, among: { ids?: number[]; feedIds?: number[] | null } = {}): Promise<number[]> {
  const params = new SqlParams();
  const compiled = compilePgQuery(parseQuery(query).root, { analystId: t.analystId }, params, false);
  const extra: string[] = [];
  if (among.ids) extra.push(`a.id = ANY(${params.add(among.ids)})`);
  if (among.feedIds) extra.push(`a.feed_id = ANY(${params.add(among.feedIds)})`);
  const r = await runQuery<{ id: number }>(t.c, `SELECT a.id FROM ${source(compiled.usesIndex)}
    WHERE ${[compiled.where, ...extra].join(' AND ')} ORDER BY a.id`, params.values);
  return r.rows.map((row) => row.id);
}

export async function targetArticles(t: TagContext, target: ArticleTarget): Promise<number[]> {
  if (target.ids) {
    const found = new Set((await t.c.query<{ id: number }>('SELECT id FROM article WHERE id = ANY($1)', [target.ids])).rows.map((r) => r.id));
    const missing = target.ids.find((i) => !found.has(i));
    if (missing !== undefined) throw new TagError('not_found', `There is no article ${missing}.`);
    return target.ids;
  }
  return matching(t, target.query ?? '');
}

// ---- Rules

const RULE_SELECT = `SELECT r.id, r.query, r.tag_id AS "tagId", t.name AS tag, r.feed_ids AS "feedIds", r.created_at AS "createdAt",
  (SELECT count(*) FROM article_tag WHERE rule_id = r.id) AS count FROM rule r JOIN tag t ON t.id = r.tag_id`;

export async function listRules(c: Client): Promise<RuleRecord[]> {
  return (await c.query<RuleRecord>(`${RULE_SELECT} ORDER BY r.id`)).rows;
}

export async function getRule(c: Client, id: number): Promise<RuleRecord> {
  const row = (await c.query<RuleRecord>(`${RULE_SELECT} WHERE r.id = $1`, [id])).rows[0];
  if (!row) throw new TagError('not_found', `No rule with id ${id}; "footnote rules list" shows them.`);
  return row;
}

export async function addRule(t: TagContext, query: string, tag: TagRef, feedIds: number[] | null): Promise<RuleRecord> {
  if (parseQuery(query).root === null) throw new TagError('bad_request', 'A rule needs a query: it was empty.');
  const tagId = await ensureTag(t, tag);
  const known = new Set((await t.c.query<{ id: number }>('SELECT id FROM feed WHERE id = ANY($1)', [feedIds ?? []])).rows.map((r) => r.id));
  const missing = (feedIds ?? []).find((id) => !known.has(id));
  if (missing !== undefined) throw new TagError('not_found', `No feed with id ${missing}; "footnote feeds" lists them.`);
  const r = await t.c.query<{ id: number }>('INSERT INTO rule (query, tag_id, feed_ids, created_by, created_at) VALUES ($1, $2, $3, $4, now()) RETURNING id',
    [query, tagId, feedIds && feedIds.length > 0 ? feedIds : null, t.analystId]);
  return getRule(t.c, r.rows[0]?.id as number);
}

/** Tags just-written articles (a feed's, at once: one query per rule) for every rule they match; an edited one that no
 * longer matches loses the rule's tag. */
export async function tagByRules(t: TagContext, articles: { id: number; isNew: boolean }[]): Promise<void> {
  if (articles.length === 0) return;
  const ids = articles.map((a) => a.id);
  const edited = articles.filter((a) => !a.isNew).map((a) => a.id);
  for (const rule of await listRules(t.c)) {
    const matched = await matching(t, rule.query, { ids, feedIds: rule.feedIds });
    if (matched.length > 0) await applyTag(t, rule.tagId, matched, rule.id);
    const matches = new Set(matched);
    const lost = edited.filter((id) => !matches.has(id));
    if (lost.length > 0) await t.c.query('DELETE FROM article_tag WHERE article_id = ANY($1) AND rule_id = $2', [lost, rule.id]);
  }
}

const CHUNK = 1000;

export async function applyRules(t: TagContext, ruleId: number | null, onProgress: (p: ApplyProgress) => void): Promise<ApplyResult> {
  const rules = ruleId === null ? await listRules(t.c) : [await getRule(t.c, ruleId)];
  const work: { rule: RuleRecord; ids: number[] }[] = [];
  for (const rule of rules) work.push({ rule, ids: await matching(t, rule.query, { feedIds: rule.feedIds }) });
  const total = work.reduce((n, w) => n + w.ids.length, 0);
  let done = 0;
  let tagged = 0;
  onProgress({ done, total });
  for (const { rule, ids } of work) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      tagged += await applyTag(t, rule.tagId, chunk, rule.id);
      done += chunk.length;
      onProgress({ done, total });
    }
  }
  return { rules: rules.length, matched: total, tagged };
}

/** Deletes a rule and its tags; another rule giving the same tag re-tags the articles it matches. */
export async function removeRule(t: TagContext, ruleId: number): Promise<{ untagged: number }> {
  const rule = await getRule(t.c, ruleId);
  const affected = (await t.c.query<{ article_id: number }>('DELETE FROM article_tag WHERE rule_id = $1 RETURNING article_id', [ruleId])).rows.map((r) => r.article_id);
  await t.c.query('DELETE FROM rule WHERE id = $1', [ruleId]);
  let retagged = 0;
  for (const other of (await listRules(t.c)).filter((r) => r.tagId === rule.tagId)) {
    retagged += await applyTag(t, other.tagId, await matching(t, other.query, { ids: affected, feedIds: other.feedIds }), other.id);
  }
  return { untagged: affected.length - retagged };
}

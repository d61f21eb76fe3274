// Tags and their assignments. article_tag.rule_id says who applied a tag: NULL a person, else the rule.
// A person's assignment always wins: applying a tag by hand to an article a rule tagged makes it the person's,
// and a rule never takes over a person's assignment.
import type { Db } from './db.ts';
import { foldWord } from '../../text/fold.ts';
import { checkTagColor, cleanTagName, TagError, type TagRef } from '../../tags/tag-names.ts';
import { articleExists } from './articles.ts';
import { bindOutlets, prepareQuery, querySource, runQuery, type OutletResolver } from './search/search.ts';
import type { TagRecord } from '../records.ts';

export function listTags(db: Db): TagRecord[] {
  return db.prepare(`SELECT t.id, t.name, t.color, (SELECT count(*) FROM article_tag WHERE tag_id = t.id) AS count
    FROM tag t ORDER BY t.name COLLATE NOCASE`).all() as TagRecord[];
}

export function findTag(db: Db, ref: TagRef): TagRecord | undefined {
  const where = typeof ref === 'number' ? 't.id = ?' : 'footnote_lower(t.name) = ?';
  return db.prepare(`SELECT t.id, t.name, t.color, (SELECT count(*) FROM article_tag WHERE tag_id = t.id) AS count
    FROM tag t WHERE ${where}`).get(typeof ref === 'number' ? ref : foldWord(cleanTagName(ref))) as TagRecord | undefined;
}

export function getTag(db: Db, ref: TagRef): TagRecord {
  const tag = findTag(db, ref);
  if (!tag) throw new TagError('not_found', `No tag ${typeof ref === 'number' ? `with id ${ref}` : `named "${ref}"`}; "footnote tags" lists them.`);
  return tag;
}

export function createTag(db: Db, name: string, color: string | null = null): TagRecord {
  const clean = cleanTagName(name);
  if (findTag(db, clean)) throw new TagError('conflict', `A tag named "${clean}" exists already.`);
  const id = Number(db.prepare('INSERT INTO tag (name, color) VALUES (?, ?)').run(clean, checkTagColor(color)).lastInsertRowid);
  return { id, name: clean, color: checkTagColor(color), count: 0 };
}

/** The tag's id, creating it when no tag has that name. */
export function ensureTag(db: Db, name: string): number {
  return findTag(db, name)?.id ?? createTag(db, name).id;
}

export function renameTag(db: Db, ref: TagRef, newName: string): TagRecord {
  const tag = getTag(db, ref);
  const clean = cleanTagName(newName);
  const other = findTag(db, clean);
  if (other && other.id !== tag.id) throw new TagError('conflict', `A tag named "${other.name}" exists already; merge "${tag.name}" into it instead.`);
  db.prepare('UPDATE tag SET name = ? WHERE id = ?').run(clean, tag.id);
  return getTag(db, tag.id);
}

export function setTagColor(db: Db, ref: TagRef, color: string | null): TagRecord {
  const tag = getTag(db, ref);
  db.prepare('UPDATE tag SET color = ? WHERE id = ?').run(checkTagColor(color), tag.id);
  return getTag(db, tag.id);
}

/** Moves every assignment and rule of `sources` to `target`, then deletes the sources. */
export function mergeTags(db: Db, sources: TagRef[], target: TagRef): TagRecord {
  return db.transaction(() => {
    const into = getTag(db, target);
    for (const ref of sources) {
      const from = getTag(db, ref);
      if (from.id === into.id) continue;
      // Where both tags are on an article, the target keeps a person's assignment if either had one.
      db.prepare(`UPDATE article_tag SET rule_id = NULL WHERE tag_id = ? AND article_id IN
        (SELECT article_id FROM article_tag WHERE tag_id = ? AND rule_id IS NULL)`).run(into.id, from.id);
      db.prepare(`INSERT OR IGNORE INTO article_tag (article_id, tag_id, rule_id, applied_at)
        SELECT article_id, ?, rule_id, applied_at FROM article_tag WHERE tag_id = ?`).run(into.id, from.id);
      db.prepare('UPDATE rule SET tag_id = ? WHERE tag_id = ?').run(into.id, from.id);
      db.prepare('DELETE FROM tag WHERE id = ?').run(from.id);
    }
    return getTag(db, into.id);
  })();
}

export function deleteTag(db: Db, ref: TagRef): void {
  const tag = getTag(db, ref);
  db.prepare('DELETE FROM tag WHERE id = ?').run(tag.id);
}

/**
 * Puts a tag on articles; `ruleId` null means a person did. Returns how many articles gained the tag.
 * A person's application takes over a rule's (the tag then survives the rule), never the reverse.
 */
export function applyTag(db: Db, tagId: number, articleIds: number[], ruleId: number | null, now = new Date().toISOString()): number {
  const insert = db.prepare('INSERT OR IGNORE INTO article_tag (article_id, tag_id, rule_id, applied_at) SELECT id, ?, ?, ? FROM article WHERE id = ?');
  const adopt = db.prepare('UPDATE article_tag SET rule_id = NULL WHERE article_id = ? AND tag_id = ? AND rule_id IS NOT NULL');
  let added = 0;
  db.transaction(() => {
    for (const id of articleIds) {
      const changes = insert.run(tagId, ruleId, now, id).changes;
      added += changes;
      if (changes === 0 && ruleId === null) adopt.run(id, tagId);
    }
  })();
  return added;
}

/** Takes a tag off articles, whoever applied it. Returns how many lost it. */
export function removeTag(db: Db, tagId: number, articleIds: number[]): number {
  const del = db.prepare('DELETE FROM article_tag WHERE article_id = ? AND tag_id = ?');
  let removed = 0;
  db.transaction(() => {
    for (const id of articleIds) removed += del.run(id, tagId).changes;
  })();
  return removed;
}

export function articleTags(db: Db, articleId: number): string[] {
  return (db.prepare(`SELECT t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE at.article_id = ?
    ORDER BY t.name COLLATE NOCASE`).all(articleId) as { name: string }[]).map((r) => r.name);
}

/** Articles named one by one (each must exist), or every result of a query. */
export function targetArticles(db: Db, target: { ids?: number[] | undefined; query?: string | undefined }, outletOf?: OutletResolver): number[] {
  if (target.ids) {
    const missing = target.ids.find((i) => !articleExists(db, i));
    if (missing !== undefined) throw new TagError('not_found', `There is no article ${missing}.`);
    return target.ids;
  }
  const p = prepareQuery(target.query ?? '');
  bindOutlets(db, p.compiled.needsOutlet, outletOf);
  const src = querySource(p);
  return runQuery(() => (db.prepare(`SELECT a.id FROM ${src.from} WHERE ${src.where}`).all(...src.params) as { id: number }[]).map((r) => r.id));
}

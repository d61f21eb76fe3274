// Schema 8's step in code: labels stored before it get their canonical name and rule, by the detector run again on
// the article's stored text (store/label-entities.ts says how a label matches a detection).
import type { Db } from './db.ts';
import { labelEntitiesOf, type LabelEntity } from '../label-entities.ts';
import { canonicalKey, libraryCanonicalOf } from './entity-aliases.ts';

interface Row {
  id: number;
  articleId: number;
  kind: string;
  entity: string;
  origin: string;
  text: string;
}

export function backfillLabelEntities(db: Db): number {
  const rows = db.prepare(`SELECT l.id, l.article_id AS articleId, l.kind, l.entity, l.origin, coalesce(a.text, '') AS text
    FROM label l JOIN article a ON a.id = l.article_id WHERE l.canonical IS NULL ORDER BY l.article_id`).all() as Row[];
  const update = db.prepare('UPDATE label SET detected_canonical = ?, canonical = ?, canonical_key = ?, rule = ? WHERE id = ?');
  const canonicalOf = libraryCanonicalOf(db);
  let articleId = -1;
  let entityOf: (r: Row) => LabelEntity = labelEntitiesOf('');
  for (const r of rows) {
    if (r.articleId !== articleId) {
      articleId = r.articleId;
      entityOf = labelEntitiesOf(r.text);
    }
    const { detected, rule } = entityOf(r);
    const canonical = canonicalOf(r.entity, detected);
    update.run(detected, canonical, canonicalKey(canonical), rule, r.id);
  }
  return rows.length;
}

// Schema 8's step in code: labels stored before it get their canonical name and rule. The detector runs again on
// the article's stored text and each label takes the canonical name and rule of the detection it matches (same
// kind, and the same entity as written or the same canonical entity); a label it no longer finds (a manual one, or
// one the detector has since changed its mind on) takes the alias table's canonical name and no rule.
import type { Db } from './db.ts';
import type { Label } from '../../model.ts';
import { detectLabels } from '../../labels/footnotes.ts';
import { canonicalEntity } from '../../labels/canonical.ts';
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
  let found = new Map<string, Label>();
  for (const r of rows) {
    if (r.origin === 'detector' && r.articleId !== articleId) {
      articleId = r.articleId;
      found = new Map();
      for (const l of detectLabels(r.text)) {
        found.set(`${l.kind}\u0000e\u0000${l.entity.toLowerCase()}`, l);
        found.set(`${l.kind}\u0000c\u0000${canonicalKey(l.canonical)}`, l);
      }
    }
    const own = canonicalEntity(r.entity).canonical;
    const match = r.origin === 'detector'
      ? (found.get(`${r.kind}\u0000e\u0000${r.entity.toLowerCase()}`) ?? found.get(`${r.kind}\u0000c\u0000${canonicalKey(own)}`))
      : undefined;
    const detected = match?.canonical ?? own;
    const canonical = canonicalOf(r.entity, detected);
    update.run(detected, canonical, canonicalKey(canonical), match?.rule ?? null, r.id);
  }
  return rows.length;
}

// Labels stored before each engine kept canonical names (SQLite schema 8, PostgreSQL migration 4) get them from the
// detector run again on their article's text: a label takes the canonical name and rule of the detection it matches
// (same kind, and the same entity as written or the same canonical entity); one the detector no longer finds (a
// manual label, or one it has since changed its mind on) takes the alias table's canonical name and no rule.
// Engine-neutral: each engine reads its rows and writes what this says.
import type { Label } from '../model.ts';
import { detectLabels } from '../labels/footnotes.ts';
import { canonicalEntity } from '../labels/canonical.ts';
import { canonicalKey } from './shared.ts';

/** What a stored label should hold: the detector's canonical name and the rule that found it (null: none). */
export interface LabelEntity {
  detected: string;
  rule: string | null;
}

/** The detections of one article's text, to match that article's stored labels against. */
export function labelEntitiesOf(text: string): (label: { kind: string; entity: string; origin: string }) => LabelEntity {
  const found = new Map<string, Label>();
  for (const l of detectLabels(text)) {
    found.set(`${l.kind}\u0000e\u0000${l.entity.toLowerCase()}`, l);
    found.set(`${l.kind}\u0000c\u0000${canonicalKey(l.canonical)}`, l);
  }
  return (r) => {
    const own = canonicalEntity(r.entity).canonical;
    const match = r.origin === 'detector'
      ? (found.get(`${r.kind}\u0000e\u0000${r.entity.toLowerCase()}`) ?? found.get(`${r.kind}\u0000c\u0000${canonicalKey(own)}`))
      : undefined;
    return { detected: match?.canonical ?? own, rule: match?.rule ?? null };
  };
}

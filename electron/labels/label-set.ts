// The labels of one text, kept as LABELS.md counts them: one per kind and entity (the entity compared across
// inflections and spellings), a specific kind on an entity absorbing a generic "banned" note on it.
import type { Label } from '../model.ts';
import { sameEntity } from './names.ts';

/** A label before it is counted: its end follows from its evidence. */
export type Candidate = Omit<Label, 'end'>;

export class LabelSet {
  private readonly labels: Label[] = [];
  /** Entities whose owner is the designated one ("Instagram*" of Meta): a generic "banned" note does not label them. */
  private readonly owned: string[] = [];

  add(c: Candidate): void {
    const same = this.labels.find((l) => l.kind === c.kind && (l.canonical === c.canonical || sameEntity(l.entity, c.entity)));
    if (same) {
      // The footnote's marker is kept when the same label is also written inline; of several spellings of one
      // marked entity, the fullest ("ID*", "“Islom davlat”*", "“IShID”*").
      if (same.marker === null && c.marker !== null) same.marker = c.marker;
      if (same.marker !== null && c.marker === same.marker && c.entity.length > same.entity.length) same.entity = c.entity;
      // An inline note that names its own entity ("(Максим Кац признан в РФ иноагентом)", the notice's "…иностранным
      // агентом Земфира") gives way to the body's mention the same label is written on ("Максима Каца (признан …)").
      if (same.marker === null && c.marker === null && /^(?:parenthetical|notice)/.test(same.rule) && same.evidence.includes(same.entity)
        && !c.evidence.includes(c.entity)) same.entity = c.entity;
      return;
    }
    const { kind, entity, canonical, marker, evidence, start, rule } = c;
    this.labels.push({ kind, entity, canonical, marker, evidence, start, end: start + evidence.length, rule });
  }

  /** Records that `entity` is owned by a designated entity (LABELS.md rule 4). */
  ownedBy(entity: string): void {
    this.owned.push(entity);
  }

  result(): Label[] {
    const specific = this.labels.filter((l) => l.kind !== 'banned_other');
    return this.labels
      .filter((l) => l.kind !== 'banned_other' || !specific.some((s) => s.canonical === l.canonical || sameEntity(s.entity, l.entity)))
      .filter((l) => l.kind !== 'banned_other' || !this.owned.some((o) => sameEntity(o, l.entity)))
      .sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind));
  }
}

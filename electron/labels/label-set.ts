// The labels of one text, kept as LABELS.md counts them: one per kind and entity (the entity compared across
// inflections and spellings), a specific kind on an entity absorbing a generic "banned" note on it.
import type { Label, LabelKind } from '../model.ts';
import { sameEntity } from './names.ts';

export interface Candidate {
  kind: LabelKind;
  entity: string;
  canonical: string;
  marker: string | null;
  evidence: string;
  start: number;
  rule: string;
}

export class LabelSet {
  private readonly labels: Label[] = [];

  add(c: Candidate): void {
    const same = this.labels.find((l) => l.kind === c.kind && (l.canonical === c.canonical || sameEntity(l.entity, c.entity)));
    if (same) {
      // The footnote's marker is kept when the same label is also written inline.
      if (same.marker === null && c.marker !== null) same.marker = c.marker;
      return;
    }
    const { kind, entity, canonical, marker, evidence, start, rule } = c;
    this.labels.push({ kind, entity, canonical, marker, evidence, start, end: start + evidence.length, rule });
  }

  result(): Label[] {
    const specific = this.labels.filter((l) => l.kind !== 'banned_other');
    return this.labels
      .filter((l) => l.kind !== 'banned_other' || !specific.some((s) => s.canonical === l.canonical || sameEntity(s.entity, l.entity)))
      .sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind));
  }
}

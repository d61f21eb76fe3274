// What one version of an article is (its title, text and labels) and how it is shown in the `versions`
// contract (DESIGN.md §2): number, first and last seen in UTC, SHA-256 of the stored text, title, labels.
// Pure: the store keeps the rows, this module only names and hashes them.
import { createHash } from 'node:crypto';
import type { LabelKind } from '../model.ts';

/** A label as a version keeps it. `canonical` arrives with the new detector; until then the entity stands in. */
export interface VersionLabel {
  kind: LabelKind;
  entity: string;
  canonical?: string | null;
}

/** The three things an analyst compares between two versions. */
export interface VersionContent {
  title: string | null;
  text: string;
  labels: readonly VersionLabel[];
}

/** A label in the `versions` and `diff` JSON. */
export interface ContractLabel {
  kind: LabelKind;
  entity: string;
  canonical: string | null;
}

/** One element of `footnote versions --json`. */
export interface VersionSummary {
  n: number;
  firstSeen: string;
  lastSeen: string;
  sha256: string;
  title: string | null;
  labels: ContractLabel[];
}

/**
 * Hex SHA-256 of the text exactly as stored (UTF-8), so that anyone can check it with `sha256sum` on the text
 * the export or the API gives them. The change decision never uses it: it compares a normalised form instead
 * (significant-change.ts), so a version keeps the text it was first seen with and this hash never moves.
 */
export function textSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Whitespace collapsed, NFC, case folded: "Алексей  Навальный" and "алексей навальный" name one entity. */
export function entityKey(label: Pick<VersionLabel, 'entity' | 'canonical'>): string {
  return (label.canonical ?? label.entity).normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** One label per kind and entity (the detector's own rule): the identity two versions are compared by. */
export function labelIdentity(label: VersionLabel): string {
  return `${label.kind}\u0000${entityKey(label)}`;
}

export function contractLabel(label: VersionLabel): ContractLabel {
  return { kind: label.kind, entity: label.entity, canonical: label.canonical ?? null };
}

export interface StoredVersion extends VersionContent {
  n: number;
  firstSeen: string;
  lastSeen: string;
}

/** The `versions` JSON of one stored version; times are given back as ISO 8601 instants in UTC. */
export function summariseVersion(v: StoredVersion): VersionSummary {
  const seen = new Map<string, ContractLabel>();
  for (const l of v.labels) if (!seen.has(labelIdentity(l))) seen.set(labelIdentity(l), contractLabel(l));
  return {
    n: v.n,
    firstSeen: utc(v.firstSeen),
    lastSeen: utc(v.lastSeen),
    sha256: textSha256(v.text),
    title: v.title,
    labels: [...seen.values()],
  };
}

function utc(time: string): string {
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) throw new RangeError(`"${time}" is not a date: versions are dated by ISO 8601 instants.`);
  return new Date(ms).toISOString();
}

// Scoring the label detector on a labelled set (test/fixtures/labels/: the regression set cases.jsonl and the
// real-world set world/<part>/<lang>.jsonl, format in /work/helpers/LABEL-SET-FORMAT.md): precision and recall
// overall, per language and per kind, and the errors of each case.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Label, LabelKind } from '../../electron/model.ts';
import { canonicalEntity } from '../../electron/labels/canonical.ts';

export interface Expected {
  kind: LabelKind;
  entity: string;
  canonical?: string;
  marker?: string | null;
}

export interface LabelCase {
  id: string;
  lang: string;
  text: string;
  expected: Expected[];
  source?: string;
}

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'labels');

function readJsonl(path: string): LabelCase[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim().length > 0).map((l, k) => {
    try {
      return JSON.parse(l) as LabelCase;
    } catch (err) {
      throw new Error(`${path}, line ${k + 1}: ${(err as Error).message}: fix or remove the line`);
    }
  });
}

/** The regression set: the 282 cases the detector was first written against. */
export function regressionCases(): LabelCase[] {
  return readJsonl(join(FIXTURES, 'cases.jsonl'));
}

/**
 * One part of the real-world set ("tune", "heldout" or a later held-out part "heldout-N"), every language file of it.
 * The first and third held-out parts, each scored once and reported (world/README.md), were then retired into tuning.
 */
export function worldCases(part: 'tune' | 'heldout' | `heldout-${number}`): LabelCase[] {
  const dirs = part === 'tune' ? ['tune', 'heldout-1-retired', 'heldout-3-retired'] : [part];
  return dirs.map((d) => join(FIXTURES, 'world', d)).filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().flatMap((f) => readJsonl(join(dir, f))));
}

/** Entities compare case-insensitively, without quotation marks, a leading article or a trailing marker; a hyphen as a space ("вал-Жиҳод"). */
export function normEntity(entity: string): string {
  return entity.toLowerCase().replace(/[«»“”„"'’`]/g, '').replace(/[*✱※¹²³⁴⁵⁶⁷⁸⁹⁰]+$/u, '')
    .replace(/^(?:the|a|an|der|die|das|la|le|les|el|los|las|il|lo|o|os|l)\s+/, '').replace(/[-‐]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A detection matches an expected label of its kind (and marker, when the case gives one) when it names the same
 * entity: as written, or by canonical name (the case's, else the alias table's for the expected entity). `strict`:
 * as written only, which shows entity spans that are off (a role left on, a name cut short).
 */
function matches(p: Label, e: Expected, strict: boolean): boolean {
  if (p.kind !== e.kind) return false;
  if (e.marker !== undefined && p.marker !== e.marker) return false;
  if (normEntity(p.entity) === normEntity(e.entity)) return true;
  if (strict) return false;
  const expected = [normEntity(e.entity), normEntity(e.canonical ?? canonicalEntity(e.entity).canonical)];
  return expected.includes(normEntity(p.canonical));
}

export interface Tally { tp: number; fp: number; fn: number }
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });

export interface Score {
  cases: number;
  all: Tally;
  /** The same count when the entity must be written as the case writes it (its span), not only name the same entity. */
  strict: Tally;
  byLang: Map<string, Tally>;
  byKind: Map<string, Tally>;
  errors: string[];
  /** Cases whose labels' offsets do not point at their evidence. */
  offsetErrors: string[];
}

export const precision = (t: Tally): number => t.tp / Math.max(1, t.tp + t.fp);
export const recall = (t: Tally): number => t.tp / Math.max(1, t.tp + t.fn);

export function score<C extends LabelCase>(cases: C[], detect: (text: string, c: C) => Label[]): Score {
  const s: Score = { cases: cases.length, all: tally(), strict: tally(), byLang: new Map(), byKind: new Map(), errors: [], offsetErrors: [] };
  const bump = (map: Map<string, Tally>, key: string, field: keyof Tally): void => {
    const t = map.get(key) ?? tally();
    t[field]++;
    map.set(key, t);
  };
  for (const c of cases) {
    const predicted = detect(c.text, c);
    for (const l of predicted) if (c.text.slice(l.start, l.end) !== l.evidence) s.offsetErrors.push(`${c.id}: ${l.kind} ${l.entity} @${l.start}-${l.end}`);
    const strictLeft = [...predicted];
    for (const e of c.expected) {
      const i = strictLeft.findIndex((p) => matches(p, e, true));
      if (i >= 0) {
        strictLeft.splice(i, 1);
        s.strict.tp++;
      } else s.strict.fn++;
    }
    s.strict.fp += strictLeft.length;
    const unmatched = [...predicted];
    for (const e of c.expected) {
      const i = unmatched.findIndex((p) => matches(p, e, false));
      if (i >= 0) {
        unmatched.splice(i, 1);
        s.all.tp++;
        bump(s.byLang, c.lang, 'tp');
        bump(s.byKind, e.kind, 'tp');
      } else {
        s.all.fn++;
        bump(s.byLang, c.lang, 'fn');
        bump(s.byKind, e.kind, 'fn');
        s.errors.push(`${c.id} missed ${e.kind} "${e.entity}" ${e.marker ?? ''}`);
      }
    }
    for (const p of unmatched) {
      s.all.fp++;
      bump(s.byLang, c.lang, 'fp');
      bump(s.byKind, p.kind, 'fp');
      s.errors.push(`${c.id} spurious ${p.kind} "${p.entity}" ${p.marker ?? ''} (${p.rule})`);
    }
  }
  return s;
}

const pr = (t: Tally): string => `P ${precision(t).toFixed(3)} R ${recall(t).toFixed(3)} (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;

/** The tables of a score; with `errors`, each case's errors too. */
export function report(name: string, s: Score, errors: boolean): string {
  const lines = [`${name}: ${s.cases} cases, overall ${pr(s.all)}; entity as written: ${pr(s.strict)}`];
  for (const [k, t] of [...s.byLang].sort()) lines.push(`  lang ${k.padEnd(4)} ${pr(t)}`);
  for (const [k, t] of [...s.byKind].sort()) lines.push(`  kind ${k.padEnd(14)} ${pr(t)}`);
  if (errors && s.errors.length > 0) lines.push('  errors:', ...s.errors.map((m) => `    ${m}`));
  return lines.join('\n');
}

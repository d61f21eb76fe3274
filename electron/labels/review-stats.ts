// Reviews that teach: the analyst's own verdicts on detections, turned into precision per rule and per language
// (confirmed / (confirmed + rejected)), with the reasons of the rejections, so that a weak rule or a weak language
// of the lexicon shows in the Flags view. A rule is "footnote:ru:иноагент": its form ("footnote") is the rule
// counted here, its language the language counted (the article's language where the rule names none).
import type { RejectReason } from '../model.ts';

export interface ReviewCountRow {
  rule: string | null;
  lang: string | null;
  review: 'confirmed' | 'rejected';
  reason: RejectReason | null;
  count: number;
}

export interface PrecisionRow {
  key: string;
  confirmed: number;
  rejected: number;
  /** confirmed / (confirmed + rejected). */
  precision: number;
  /** Rejections by reason. */
  reasons: Partial<Record<RejectReason, number>>;
}

export interface ReviewStats {
  reviewed: number;
  byRule: PrecisionRow[];
  byLanguage: PrecisionRow[];
  /** Full rules (form, language and phrase), for finding the one phrase that misfires. */
  byPhrase: PrecisionRow[];
}

const UNKNOWN = '(unknown)';

/** The rule's form and language: "parenthetical+noun:es:prohibida en Rusia" → ["parenthetical+noun", "es"]. */
export function ruleParts(rule: string | null): { form: string; lang: string | null } {
  if (!rule) return { form: UNKNOWN, lang: null };
  const [form = UNKNOWN, lang] = rule.split(':');
  return { form, lang: lang || null };
}

export function reviewStats(rows: readonly ReviewCountRow[]): ReviewStats {
  const tables = { byRule: new Map<string, PrecisionRow>(), byLanguage: new Map<string, PrecisionRow>(), byPhrase: new Map<string, PrecisionRow>() };
  const count = (table: Map<string, PrecisionRow>, key: string, r: ReviewCountRow): void => {
    let row = table.get(key);
    if (!row) table.set(key, (row = { key, confirmed: 0, rejected: 0, precision: 0, reasons: {} }));
    row[r.review] += r.count;
    if (r.review === 'rejected') row.reasons[r.reason ?? 'other'] = (row.reasons[r.reason ?? 'other'] ?? 0) + r.count;
  };
  let reviewed = 0;
  for (const r of rows) {
    const { form, lang } = ruleParts(r.rule);
    reviewed += r.count;
    count(tables.byRule, form, r);
    count(tables.byLanguage, lang ?? r.lang?.split('-')[0]?.toLowerCase() ?? UNKNOWN, r);
    count(tables.byPhrase, r.rule ?? UNKNOWN, r);
  }
  // Weakest first: what the analyst should look at; ties by how much evidence there is.
  const finish = (table: Map<string, PrecisionRow>): PrecisionRow[] => [...table.values()]
    .map((row) => ({ ...row, precision: row.confirmed / (row.confirmed + row.rejected) }))
    .sort((a, b) => a.precision - b.precision || b.confirmed + b.rejected - (a.confirmed + a.rejected) || a.key.localeCompare(b.key));
  return { reviewed, byRule: finish(tables.byRule), byLanguage: finish(tables.byLanguage), byPhrase: finish(tables.byPhrase) };
}

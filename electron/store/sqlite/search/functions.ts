// SQL functions the search schema needs. The FTS triggers call them, so every connection that writes articles
// must have them: openDatabase registers them before migrating.
import type { Db } from '../db.ts';
import { foldWord, indexFold } from '../../../text/fold.ts';
import { stemText } from '../../../text/stem.ts';

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function registerSearchFunctions(db: Db): void {
  const det = { deterministic: true };
  db.function('footnote_fold', det, (v: unknown) => { const s = text(v); return s === null ? null : indexFold(s); });
  db.function('footnote_stem', det, (v: unknown) => { const s = text(v); return s === null ? null : stemText(s); });
  // Unicode-aware lower case for filters on names (SQLite's lower() and NOCASE fold ASCII only).
  db.function('footnote_lower', det, (v: unknown) => { const s = text(v); return s === null ? null : foldWord(s); });
}

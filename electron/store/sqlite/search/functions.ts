// SQL functions the search schema needs. The FTS triggers call them, so every connection that writes articles
// must have them: openDatabase registers them before migrating. Ingest computes the same index values in
// JavaScript before its transaction (articles/index-values.ts) and writes the index for its whole batch, the triggers standing
// aside meanwhile (indexingInBatch); other writes (edits, full text, bulk fills) are indexed by the triggers.
import type { Db } from '../db.ts';
import { foldWord } from '../../../text/fold.ts';
import { fold, stem } from '../../../articles/index-values.ts';

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

const batching = new WeakSet<Db>();

/** Runs `fn` (inside a transaction) with the index triggers standing aside: the caller indexes what it writes. */
export function indexingInBatch<T>(db: Db, fn: () => T): T {
  batching.add(db);
  try {
    return fn();
  } finally {
    batching.delete(db);
  }
}

export function registerSearchFunctions(db: Db): void {
  const det = { deterministic: true };
  db.function('footnote_fold', det, (v: unknown) => fold(text(v)));
  db.function('footnote_stem', det, (v: unknown) => stem(text(v)));
  // Unicode-aware lower case for filters on names (SQLite's lower() and NOCASE fold ASCII only).
  db.function('footnote_lower', det, (v: unknown) => { const s = text(v); return s === null ? null : foldWord(s); });
  // 0 while ingest indexes its own batch (schema 5's triggers test it).
  db.function('footnote_trigger_indexes', () => (batching.has(db) ? 0 : 1));
}

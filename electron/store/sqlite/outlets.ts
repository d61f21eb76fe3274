// The analyst's own outlet entries: additions, edits of shipped entries (matched by name) and removals of
// shipped entries. They live in the library and win over assets/outlets.json (merged in labels/outlets.ts).
import type { Db } from './db.ts';

/** Migration 3: outlet overrides, and an index for the review filters of the Flags view. */
export function migrateLabels(db: Db): void {
  db.exec(`
CREATE TABLE outlet_override (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE, -- the outlet added, or the shipped outlet of that name replaced
  domains TEXT NOT NULL DEFAULT '[]',       -- JSON array of registrable domains or hosts
  country TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  source_date TEXT,
  removed INTEGER NOT NULL DEFAULT 0,       -- 1: hides the shipped outlet of that name
  updated_at TEXT NOT NULL
);
CREATE INDEX label_review ON label(review, removed_at);
`);
}

/** An analyst's registry entry (or the hiding of a shipped one); the fields are explained in labels/outlets.ts. */
export interface OutletOverride {
  name: string;
  domains: string[];
  country: string;
  category: string;
  source: string;
  date: string | null;
  removed: boolean;
  updatedAt: string;
}

interface Row {
  name: string;
  domains: string;
  country: string;
  category: string;
  source: string;
  source_date: string | null;
  removed: number;
  updated_at: string;
}

export function listOutletOverrides(db: Db): OutletOverride[] {
  const rows = db.prepare('SELECT name, domains, country, category, source, source_date, removed, updated_at FROM outlet_override ORDER BY name').all() as Row[];
  return rows.map((r) => ({
    name: r.name,
    domains: JSON.parse(r.domains) as string[],
    country: r.country,
    category: r.category,
    source: r.source,
    date: r.source_date,
    removed: r.removed === 1,
    updatedAt: r.updated_at,
  }));
}

export function upsertOutletOverride(db: Db, o: Omit<OutletOverride, 'updatedAt'>, now: string): void {
  db.prepare(`INSERT INTO outlet_override (name, domains, country, category, source, source_date, removed, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(name) DO UPDATE SET name = excluded.name, domains = excluded.domains, country = excluded.country,
      category = excluded.category, source = excluded.source, source_date = excluded.source_date,
      removed = excluded.removed, updated_at = excluded.updated_at`)
    .run(o.name, JSON.stringify(o.domains), o.country, o.category, o.source, o.date, o.removed ? 1 : 0, now);
}

/** Forgets the analyst's entry of that name (a shipped outlet of that name shows again). */
export function deleteOutletOverride(db: Db, name: string): boolean {
  return db.prepare('DELETE FROM outlet_override WHERE name = ?').run(name).changes > 0;
}

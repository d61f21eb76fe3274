// The schema, one numbered file per version in schema/, applied in order at open, each in its own transaction.
// The number is the library's PRAGMA user_version: append a new file for new work and never edit one that has
// shipped, so that every existing library migrates from wherever it is.
import type { Db } from './db.ts';
import foundation from './schema/001-foundation.ts';
import search from './schema/002-search.ts';
import labels from './schema/003-labels.ts';
import pages from './schema/004-pages.ts';
import labelEntities from './schema/008-label-entities.ts';
import { backfillLabelEntities } from './label-entities.ts';

export interface Migration {
  version: number;
  sql: string;
  /** A step in code after the SQL, in the same transaction, for what SQL alone cannot compute. */
  after?: (db: Db) => void;
}

export const migrations: Migration[] = [
  { version: 1, sql: foundation },
  { version: 2, sql: search },
  { version: 3, sql: labels },
  { version: 4, sql: pages },
  { version: 8, sql: labelEntities, after: (db) => { backfillLabelEntities(db); } },
];

export const LATEST_SCHEMA = migrations.at(-1)?.version ?? 0;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the library from its version to LATEST_SCHEMA, one transaction per step. */
export function migrate(db: Db): void {
  const current = schemaVersion(db);
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.after?.(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

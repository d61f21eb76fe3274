// The schema, one numbered file per version in schema/, applied in order at open, each in its own transaction.
// The number is the library's PRAGMA user_version: append a new file for new work and never edit one that has
// shipped, so that every existing library migrates from wherever it is.
import type { Db } from './db.ts';
import foundation from './schema/001-foundation.ts';
import search from './schema/002-search.ts';
import labels from './schema/003-labels.ts';
import pages from './schema/004-pages.ts';
import ingest from './schema/005-ingest.ts';
import { resolveOutlets } from './outlets.ts';
import evidence from './schema/006-evidence.ts';
import fullTextStatus from './schema/007-fulltext-status.ts';
import labelEntities from './schema/008-label-entities.ts';
import { backfillLabelEntities } from './label-entities.ts';
import readerIndexes from './schema/009-reader-indexes.ts';
import versionOnArticle from './schema/010-version-on-article.ts';

export interface Migration {
  version: number;
  sql: string;
  /** Fills what SQL alone cannot (values computed in JavaScript), in the same transaction as `sql`. */
  fill?: (db: Db) => void;
}

export const migrations: Migration[] = [
  { version: 1, sql: foundation },
  { version: 2, sql: search },
  { version: 3, sql: labels },
  { version: 4, sql: pages },
  { version: 5, sql: ingest, fill: (db) => { resolveOutlets(db); } },
  { version: 6, sql: evidence },
  { version: 7, sql: fullTextStatus },
  { version: 8, sql: labelEntities, fill: (db) => { backfillLabelEntities(db); } },
  { version: 9, sql: readerIndexes },
  { version: 10, sql: versionOnArticle },
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
      m.fill?.(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

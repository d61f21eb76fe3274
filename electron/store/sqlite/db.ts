// Opens the library: one SQLite file in the data directory, WAL, foreign keys on, migrations applied at open.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_SCHEMA, migrate, schemaVersion } from './migrate.ts';
import { registerSearchFunctions } from './search/functions.ts';

export type Db = Database.Database;

export const LIBRARY_FILE = 'footnote.db';

export class LibraryError extends Error {
  override name = 'LibraryError';
}

export function libraryPath(dataDir: string): string {
  return join(dataDir, LIBRARY_FILE);
}

/** Opens (creating if needed) the library in `dataDir` and brings its schema up to date. */
export function openLibrary(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  return openDatabase(libraryPath(dataDir));
}

export function openDatabase(file: string): Db {
  let db: Db;
  try {
    db = new Database(file, { timeout: 10_000 });
    // Reading the schema first makes a corrupt or non-SQLite file fail here, before anything is written.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    throw new LibraryError(`${file} is not a Footnote library (${(err as Error).message}); nothing was changed.`);
  }
  try {
    checkForeign(db, file);
    checkNotNewer(db, file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Memory-mapped reads: at a million articles this takes search p95 from ~61 to ~42 ms (BENCHMARKS.md).
    db.pragma('mmap_size = 2147483648');
    registerSearchFunctions(db);
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** An SQLite file that holds tables but no Footnote schema version belongs to something else. */
function checkForeign(db: Db, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== 0) return;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
  if (tables.n > 0) throw new LibraryError(`${file} is an SQLite database of another program, not a Footnote library; nothing was changed.`);
}

export { schemaVersion };

/** Checked before anything is written: even switching to WAL would alter the file. */
function checkNotNewer(db: Db, file: string): void {
  const current = schemaVersion(db);
  if (current > LATEST_SCHEMA) {
    throw new LibraryError(`${file} was written by a newer Footnote (schema ${current}, this version knows up to ${LATEST_SCHEMA}); update Footnote to open it. Nothing was changed.`);
  }
}

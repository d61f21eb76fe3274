// Opens the library: one SQLite file in the data directory, WAL, foreign keys on, migrations applied at open.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_SCHEMA, migrate, schemaVersion } from './migrate.ts';
import { registerSearchFunctions } from './search/functions.ts';
import { LibraryError } from '../shared.ts';

export type Db = Database.Database;

export const LIBRARY_FILE = 'footnote.db';

export { LibraryError };

export function libraryPath(dataDir: string): string {
  return join(dataDir, LIBRARY_FILE);
}

const MMAP_BYTES = 2 ** 31;

/**
 * Runs a bulk write (an ingest's transaction) with the memory map set aside, then maps the file again for the
 * reads that follow. Every page SQLite reads through the map stays in the process's RSS until it is unmapped: an
 * ingest reads old full-text segments to merge them, and a 100,000-article build by ingest had 200 MiB more peak RSS
 * with the map than without (880 vs 730 MiB; up to 512 MiB of file pages at 1M), in the same time (52.4 vs 52.7 s).
 * Read through SQLite's page cache instead, those pages stay in the OS's file cache, outside the process. Outside
 * a transaction only: SQLite changes the map when no page is in use.
 */
export function withoutMemoryMap<T>(db: Db, write: () => T): T {
  if (db.inTransaction) return write();
  db.pragma('mmap_size = 0');
  try {
    return write();
  } finally {
    db.pragma(`mmap_size = ${MMAP_BYTES}`);
  }
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
    db.pragma(`mmap_size = ${MMAP_BYTES}`);
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

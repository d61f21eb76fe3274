// Backup and restore of the library. Backup uses SQLite's online backup (consistent while the app keeps writing);
// restore checks a candidate file on a private copy before the library is touched, and keeps the old one aside.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { LibraryError, libraryPath, openDatabase, schemaVersion, type Db } from './db.ts';
import type { BackupResult } from '../records.ts';

/** Tables every Footnote library has had since schema 1: a file without them is not one of ours. */
const EXPECTED_TABLES = ['folder', 'feed', 'article', 'article_version', 'fetch_log', 'tag', 'article_tag', 'label', 'article_fts'];

const SIDE_FILES = ['-wal', '-shm'];
const ALL_PAGES = 0x7fffffff;

/** Writes a consistent copy of the open library to `file` (a new file: an existing one is never overwritten). */
export async function backupLibrary(db: Db, file: string): Promise<BackupResult> {
  const target = resolve(file);
  if (existsSync(target)) throw new LibraryError(`${target} already exists; choose a new file name (nothing was written).`);
  if (target === resolve(db.name)) throw new LibraryError('The backup file cannot be the library itself.');
  // Written under a temporary name and renamed at the end, so an interrupted backup never looks like a finished one.
  const partial = join(dirname(target), `.${basename(target)}.partial`);
  try {
    // All pages in one step: a step-wise backup restarts whenever another connection (the app) writes, and
    // under a steady poll it might never finish. One step holds only a WAL read snapshot, so writers go on.
    await db.backup(partial, { progress: () => ALL_PAGES });
    renameSync(partial, target);
  } catch (err) {
    rmSync(partial, { force: true });
    throw new LibraryError(`Could not write the backup to ${target}: ${(err as Error).message}`);
  }
  return { file: target, bytes: statSync(target).size };
}

export interface LibraryCheck {
  schema: number;
  feeds: number;
  articles: number;
}

/**
 * Checks that `file` is a sound Footnote library: an SQLite file whose integrity check passes, with a schema
 * version this Footnote knows (not 0) and the expected tables. It opens the file read-write (SQLite may fold a
 * leftover WAL into it), so restore runs it on a private copy.
 */
export function checkLibraryFile(file: string): LibraryCheck {
  if (!existsSync(file)) throw new LibraryError(`${file} does not exist.`);
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (err) {
    throw new LibraryError(`${file} is not a Footnote library (${(err as Error).message}).`);
  }
  try {
    return inspectLibrary(db, file);
  } finally {
    db.close();
  }
}

function inspectLibrary(db: Db, file: string): LibraryCheck {
  let integrity: string[];
  let version: number;
  try {
    version = schemaVersion(db);
    integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  } catch (err) {
    throw new LibraryError(`${file} is not a Footnote library (${(err as Error).message}).`);
  }
  if (integrity.length !== 1 || integrity[0] !== 'ok') {
    throw new LibraryError(`${file} is damaged (integrity check: ${integrity.slice(0, 3).join('; ')}).`);
  }
  if (version === 0) throw new LibraryError(`${file} is not a Footnote library (it has no Footnote schema version).`);
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  const missing = EXPECTED_TABLES.filter((t) => !tables.has(t));
  if (missing.length > 0) throw new LibraryError(`${file} is not a Footnote library (tables missing: ${missing.join(', ')}).`);
  const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { schema: version, feeds: count('feed'), articles: count('article') };
}

export interface RestoreResult extends LibraryCheck {
  library: string;
  /** Where the library that was replaced now is, or null when there was none. */
  previous: string | null;
}

/**
 * Replaces the library in `dataDir` with the backup `file`. The backup is copied, checked and brought up to the
 * current schema first (the store's own refusals apply: corrupt, foreign, newer); only then is the old library
 * renamed aside with a timestamp and the checked copy put in its place. Quit the app before restoring.
 */
export function restoreLibrary(dataDir: string, file: string, now: Date = new Date()): RestoreResult {
  const source = resolve(file);
  const library = libraryPath(dataDir);
  if (source === resolve(library)) throw new LibraryError('That file is the library itself; nothing to restore.');
  mkdirSync(dataDir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const staging = `${library}.restoring-${stamp}`;
  try {
    copyWithSideFiles(source, staging);
    checkLibraryFile(staging);
    // The store's open refuses newer schemas and migrates older ones; closing checkpoints the WAL into the file.
    const db = openDatabase(staging);
    let check: LibraryCheck;
    try {
      check = inspectLibrary(db, staging);
    } finally {
      db.close();
    }
    const previous = existsSync(library) ? `${library}.before-restore-${stamp}` : null;
    if (previous) moveWithSideFiles(library, previous);
    try {
      renameSync(staging, library);
    } catch (err) {
      if (previous) moveWithSideFiles(previous, library); // put the old library back rather than leave none
      throw err;
    }
    return { ...check, library, previous };
  } catch (err) {
    removeWithSideFiles(staging);
    if (!(err instanceof LibraryError)) throw err;
    const reason = err.message.replaceAll(staging, source).replace(/[;.]? *nothing was changed\.$/i, '').replace(/\.$/, '');
    throw new LibraryError(`${reason}. Restore refused: the library was not changed.`);
  }
}

function copyWithSideFiles(from: string, to: string): void {
  if (!existsSync(from)) throw new LibraryError(`${from} does not exist.`);
  copyFileSync(from, to);
  // A copy of a library taken while it was open may keep recent pages in its WAL file: take it along.
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
}

/** The -wal and -shm files belong to the main file by name: they move with it so the set stays openable. */
function moveWithSideFiles(from: string, to: string): void {
  renameSync(from, to);
  for (const side of SIDE_FILES) if (existsSync(from + side)) renameSync(from + side, to + side);
}

function removeWithSideFiles(file: string): void {
  for (const f of [file, ...SIDE_FILES.map((s) => file + s)]) rmSync(f, { force: true });
}

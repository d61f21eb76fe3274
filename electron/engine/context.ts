// What the engine runs on: a library (SQLite in the data directory, the default engine, or a team library on
// PostgreSQL when a database URL is given), its settings file, the event bus, the poll lock and the enrichers
// ingest runs. The API's handlers see it as an ApiContext; tests that check the SQLite file itself keep the
// concrete SqliteStore through createContext.
import { userInfo } from 'node:os';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { PostgresStore } from '../store/postgres/postgres-store.ts';
import { isPostgresUrl } from '../store/postgres/connection.ts';
import { LibraryError } from '../store/shared.ts';
import type { Store } from '../store/store.ts';
import { openSettings, type Settings } from '../settings.ts';
import { EventBus } from '../events.ts';
import { PollLock } from '../poll/lock.ts';
import { enrichers } from '../poll/enrichers.ts';
import type { ApiContext } from '../api/define.ts';
import { copyLibrary, type TableReport } from '../store/library-copy.ts';
import { libraryExists } from './library.ts';
import { libraryPath } from '../store/sqlite/db.ts';

/** The concrete SqliteStore by default: what tests of the local library and createContext deal in. */
export type EngineContext<S extends Store = SqliteStore> = ApiContext & { store: S };

/** Which library to open: the data directory's own unless a team library's URL is given. */
export interface LibraryChoice {
  /** postgres://user[:password]@host[:port]/database[?sslmode=verify-full]; undefined for the local library. */
  databaseUrl?: string | undefined;
  /** The library was named for this run (--database-url or FOOTNOTE_DATABASE_URL), not by Settings → Library. */
  libraryOverride?: boolean | undefined;
  /** Who this client acts for on a team library. */
  analyst?: string | undefined;
}

export function createContext(dataDir: string, settings: Settings = openSettings(dataDir)): EngineContext<SqliteStore> {
  return { store: SqliteStore.open(dataDir), settings, events: new EventBus(), polls: new PollLock(), enrichers, libraryFile: libraryPath(dataDir) };
}

/** The analyst's name on a team library: FOOTNOTE_ANALYST, else the setting, else the OS user. */
export function analystName(env: NodeJS.ProcessEnv, settings: Settings): string {
  return env['FOOTNOTE_ANALYST']?.trim() || settings.get('analystName').trim() || userInfo().username;
}

export function openContext(dataDir: string, choice: LibraryChoice, settings: Settings = openSettings(dataDir)): EngineContext<Store> {
  const url = choice.databaseUrl;
  const libraryOverride = choice.libraryOverride === true;
  if (url === undefined || url === '') return { ...createContext(dataDir, settings), libraryOverride };
  if (!isPostgresUrl(url)) throw new LibraryError('A team library is named by a postgres:// URL, e.g. postgres://footnote_app@db.example.org/team?sslmode=verify-full.');
  const store = PostgresStore.open({ url, analyst: choice.analyst ?? analystName(process.env, settings) });
  const events = new EventBus();
  // What other analysts' clients commit reaches this client's window (or web page) as an event of its own.
  store.watch((change) => events.emit({ type: 'library-changed', what: change.what, by: change.by }));
  return { store, settings, events, polls: new PollLock(), enrichers, libraryOverride };
}

/** `footnote library copy`: the data directory's library into the team library at `url` (see store/library-copy.ts). */
export async function copyToTeamLibrary(dataDir: string, url: string, onProgress?: (table: string) => void): Promise<TableReport[]> {
  if (!isPostgresUrl(url)) throw new LibraryError('A team library is named by a postgres:// URL, e.g. postgres://footnote_app@db.example.org/team?sslmode=verify-full.');
  if (!libraryExists(dataDir)) throw new LibraryError(`There is no library in ${dataDir} to copy: give its folder with --data-dir.`);
  const local = SqliteStore.open(dataDir);
  const team = PostgresStore.open({ url, analyst: analystName(process.env, openSettings(dataDir)) });
  try {
    return await copyLibrary(local.db, team, onProgress);
  } finally {
    await team.close();
    await local.close();
  }
}

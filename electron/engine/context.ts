// What the engine runs on: the library of one data directory (SQLite, the default engine), its settings file, the
// event bus, the poll lock and the enrichers ingest runs. The API's handlers see it as an ApiContext; the engine
// (and tests that check the file itself) keep the concrete SqliteStore.
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { openSettings, type Settings } from '../settings.ts';
import { EventBus } from '../events.ts';
import { PollLock } from '../poll/lock.ts';
import { enrichers } from '../poll/enrichers.ts';
import type { ApiContext } from '../api/define.ts';

export type EngineContext = ApiContext & { store: SqliteStore };

export function createContext(dataDir: string, settings: Settings = openSettings(dataDir)): EngineContext {
  return { store: SqliteStore.open(dataDir), settings, events: new EventBus(), polls: new PollLock(), enrichers };
}

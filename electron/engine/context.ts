// What the engine runs on: the library, the settings file and the event bus of one data directory, as the API's
// handlers see them.
import { openLibrary } from '../store/sqlite/db.ts';
import { openSettings, type Settings } from '../settings.ts';
import { EventBus } from '../events.ts';
import type { ApiContext } from '../api/define.ts';

export function createContext(dataDir: string, settings: Settings = openSettings(dataDir)): ApiContext {
  return { db: openLibrary(dataDir), dataDir, settings, events: new EventBus() };
}

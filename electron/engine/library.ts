// The library files of a data directory, for what runs before (or instead of) opening one: whether there is a
// library, and restoring one from a backup (which must work when the library itself will not open).
import { existsSync } from 'node:fs';
import { libraryPath } from '../store/sqlite/db.ts';
import { restoreLibrary } from '../store/sqlite/backup.ts';

export function libraryExists(dataDir: string): boolean {
  return existsSync(libraryPath(dataDir));
}

export { restoreLibrary };

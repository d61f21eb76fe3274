// Folders: a flat list of names that feeds are filed under (OPML nesting is flattened to "Parent/Child").
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import type { FolderRecord } from '../records.ts';

/** The id of the folder called `name`, creating it (at the end of the list) when it does not exist yet. */
export function ensureFolder(db: Db, name: string): number {
  const found = prepared(db, 'SELECT id FROM folder WHERE name = ?').get(name) as { id: number } | undefined;
  if (found) return found.id;
  return Number(prepared(db, 'INSERT INTO folder (name, position) VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM folder))').run(name).lastInsertRowid);
}

export function listFolders(db: Db): FolderRecord[] {
  return prepared(db, `SELECT f.id, f.name, f.position, (SELECT count(*) FROM feed WHERE folder_id = f.id) AS feedCount
    FROM folder f ORDER BY f.position, f.name`).all() as FolderRecord[];
}

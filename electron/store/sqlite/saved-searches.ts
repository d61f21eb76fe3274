// Saved searches for the sidebar, each with a live count of matching articles.
import type { Db } from './db.ts';
import { TagError } from '../../tags/tag-names.ts';
import { parseQuery } from '../../query/parser.ts';
import { QuerySyntaxError } from '../../query/errors.ts';
import { bindOutlets, countMatches, prepareQuery, type OutletResolver } from './search/search.ts';
import type { SavedSearch } from '../records.ts';

interface Row { id: number; name: string; query: string; created_at: string }

export function listSavedSearches(db: Db, outletOf?: OutletResolver): SavedSearch[] {
  const rows = db.prepare('SELECT id, name, query, created_at FROM saved_search ORDER BY name COLLATE NOCASE').all() as Row[];
  return rows.map((r) => ({ id: r.id, name: r.name, query: r.query, createdAt: r.created_at, count: liveCount(db, r.query, outletOf) }));
}

function liveCount(db: Db, query: string, outletOf?: OutletResolver): number | null {
  try {
    const p = prepareQuery(query);
    bindOutlets(db, p.compiled.needsOutlet, outletOf);
    return countMatches(db, p);
  } catch (err) {
    if (err instanceof QuerySyntaxError) return null;
    throw err;
  }
}

/** Saves a search under a name; saving under an existing name replaces its query. */
export function saveSearch(db: Db, name: string, query: string, outletOf?: OutletResolver, now = new Date().toISOString()): SavedSearch {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (clean === '') throw new TagError('bad_request', 'A saved search needs a name: it was empty.');
  parseQuery(query);
  db.prepare(`INSERT INTO saved_search (name, query, created_at) VALUES (?, ?, ?)
    ON CONFLICT(name) DO UPDATE SET query = excluded.query`).run(clean, query, now);
  const row = db.prepare('SELECT id, name, query, created_at FROM saved_search WHERE name = ?').get(clean) as Row;
  return { id: row.id, name: row.name, query: row.query, createdAt: row.created_at, count: liveCount(db, row.query, outletOf) };
}

export function removeSavedSearch(db: Db, id: number): void {
  if (db.prepare('DELETE FROM saved_search WHERE id = ?').run(id).changes === 0) {
    throw new TagError('not_found', `No saved search with id ${id}.`);
  }
}

// The team's outlet entries (they win over the shipped registry) and saved searches with their live counts.
import type pg from 'pg';
import { foldWord } from '../../text/fold.ts';
import { TagError } from '../../tags/tag-names.ts';
import { parseQuery } from '../../query/parser.ts';
import { QuerySyntaxError } from '../../query/errors.ts';
import type { OutletOverride } from '../../labels/outlets.ts';
import type { SavedSearch } from '../records.ts';
import { countPgMatches } from './search.ts';
import { nocase } from './tags.ts';

type Client = pg.ClientBase;

export async function listOutletOverrides(c: Client): Promise<OutletOverride[]> {
  return (await c.query<OutletOverride>(`SELECT name, domains, country, category, source, source_date AS date, removed, updated_at AS "updatedAt"
    FROM outlet_override ORDER BY name`)).rows;
}

export async function upsertOutletOverride(c: Client, o: Omit<OutletOverride, 'updatedAt'>, now: string, analystId: number): Promise<void> {
  await c.query(`INSERT INTO outlet_override (name, name_key, domains, country, category, source, source_date, removed, updated_by, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
    ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, domains = excluded.domains, country = excluded.country,
      category = excluded.category, source = excluded.source, source_date = excluded.source_date, removed = excluded.removed,
      updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  [o.name, foldWord(o.name), o.domains, o.country, o.category, o.source, o.date, o.removed, analystId, now]);
}

export async function deleteOutletOverride(c: Client, name: string): Promise<boolean> {
  return ((await c.query('DELETE FROM outlet_override WHERE name_key = $1', [foldWord(name)])).rowCount ?? 0) > 0;
}

interface Row { id: number; name: string; query: string; createdAt: string }

async function liveCount(c: Client, query: string, analystId: number): Promise<number | null> {
  // A query the server refuses aborts the transaction: the savepoint keeps the rest of the list going.
  await c.query('SAVEPOINT live_count');
  try {
    const n = await countPgMatches(c, query, { analystId });
    await c.query('RELEASE SAVEPOINT live_count');
    return n;
  } catch (err) {
    if (!(err instanceof QuerySyntaxError)) throw err;
    await c.query('ROLLBACK TO SAVEPOINT live_count');
    return null;
  }
}

export async function listSavedSearches(c: Client, analystId: number): Promise<SavedSearch[]> {
  const rows = (await c.query<Row>(`SELECT id, name, query, created_at AS "createdAt" FROM saved_search ORDER BY ${nocase('name')}, id`)).rows;
  const out: SavedSearch[] = [];
  for (const r of rows) out.push({ ...r, count: await liveCount(c, r.query, analystId) });
  return out;
}

export async function saveSearch(c: Client, name: string, query: string, analystId: number): Promise<SavedSearch> {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (clean === '') throw new TagError('bad_request', 'A saved search needs a name: it was empty.');
  parseQuery(query);
  const row = (await c.query<Row>(`INSERT INTO saved_search (name, query, created_by, created_at) VALUES ($1, $2, $3, now())
    ON CONFLICT (name) DO UPDATE SET query = excluded.query RETURNING id, name, query, created_at AS "createdAt"`, [clean, query, analystId])).rows[0] as Row;
  return { ...row, count: await liveCount(c, row.query, analystId) };
}

export async function removeSavedSearch(c: Client, id: number): Promise<void> {
  if ((await c.query('DELETE FROM saved_search WHERE id = $1', [id])).rowCount === 0) throw new TagError('not_found', `No saved search with id ${id}.`);
}

// The analyst's own outlet entries: additions, edits of shipped entries (matched by name) and removals of
// shipped entries. They live in the library and win over assets/outlets.json (merged in labels/outlets.ts); the
// merged registry of each open library is kept here until the analyst edits it.
import type { Db } from './db.ts';
import { libraryRegistry, outletOfArticle, type OutletOverride, type OutletRegistry } from '../../labels/outlets.ts';
import type { OutletResolver } from './search/search.ts';

interface Row {
  name: string;
  domains: string;
  country: string;
  category: string;
  source: string;
  source_date: string | null;
  removed: number;
  updated_at: string;
}

export function listOutletOverrides(db: Db): OutletOverride[] {
  const rows = db.prepare('SELECT name, domains, country, category, source, source_date, removed, updated_at FROM outlet_override ORDER BY name').all() as Row[];
  return rows.map((r) => ({
    name: r.name,
    domains: JSON.parse(r.domains) as string[],
    country: r.country,
    category: r.category,
    source: r.source,
    date: r.source_date,
    removed: r.removed === 1,
    updatedAt: r.updated_at,
  }));
}

export function upsertOutletOverride(db: Db, o: Omit<OutletOverride, 'updatedAt'>, now: string): void {
  db.prepare(`INSERT INTO outlet_override (name, domains, country, category, source, source_date, removed, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(name) DO UPDATE SET name = excluded.name, domains = excluded.domains, country = excluded.country,
      category = excluded.category, source = excluded.source, source_date = excluded.source_date,
      removed = excluded.removed, updated_at = excluded.updated_at`)
    .run(o.name, JSON.stringify(o.domains), o.country, o.category, o.source, o.date, o.removed ? 1 : 0, now);
}

/** Forgets the analyst's entry of that name (a shipped outlet of that name shows again). */
export function deleteOutletOverride(db: Db, name: string): boolean {
  return db.prepare('DELETE FROM outlet_override WHERE name = ?').run(name).changes > 0;
}

const registries = new WeakMap<Db, OutletRegistry>();

/** The library's registry (shipped entries with its overrides), built once and kept until the overrides change. */
export function registryFor(db: Db): OutletRegistry {
  let r = registries.get(db);
  if (!r) registries.set(db, (r = libraryRegistry(listOutletOverrides(db))));
  return r;
}

/** Called after the analyst edits the registry of this library. */
export function forgetRegistry(db: Db): void {
  registries.delete(db);
}

/** The registry as search's outlet resolver, for outlet: and country: filters, export and volume splits. */
export function outletResolver(db: Db): OutletResolver {
  const registry = registryFor(db);
  return (urls) => outletOfArticle(registry, urls);
}

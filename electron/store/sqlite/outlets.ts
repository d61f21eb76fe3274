// The analyst's own outlet entries: additions, edits of shipped entries (matched by name) and removals of
// shipped entries. They live in the library and win over assets/outlets.json (merged in labels/outlets.ts); the
// merged registry of each open library is kept here until the analyst edits it.
import type { Db } from './db.ts';
import { libraryRegistry, outletOfArticle, type OutletOverride, type OutletRegistry } from '../../labels/outlets.ts';
import { foldWord } from '../../text/fold.ts';
import type { Outlet } from '../../model.ts';
import type { OutletSource } from './search/search.ts';

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

/** Search's outlet source for this library: the stored outlets, the registry for rows ingest did not write. */
export function storedOutlets(db: Db): OutletSource {
  const registry = registryFor(db);
  return { stored: true, fallback: (urls) => outletOfArticle(registry, urls) };
}

/** The article columns that hold its outlet (outlet, outlet_key, outlet_country, outlet_category), in that order. */
export type OutletColumns = [string | null, string | null, string | null, string | null];

/** An outlet as stored; no outlet is stored as outlet_key '' (NULL is left for rows ingest never saw). */
export function outletColumns(o: Outlet | null): OutletColumns {
  return o ? [o.name, foldWord(o.name), o.country, o.category] : [null, '', null, null];
}

interface ResolveRow { id: number; url: string | null; site: string | null; feedUrl: string; outlet: string | null; key: string | null; country: string | null; category: string | null }

const CHUNK = 5000;

/**
 * Resolves the outlet of the articles `where` selects (a condition on `a` and `f`, every article by default) by
 * the library's registry and stores it where it changed; returns how many changed. In chunks by id: an update
 * cannot run while a read of the same table is open.
 */
export function resolveOutlets(db: Db, where = '1', params: unknown[] = []): number {
  const registry = registryFor(db);
  const select = db.prepare(`SELECT a.id, coalesce(a.link, a.canonical_link) AS url, f.site_url AS site, f.url AS feedUrl,
      a.outlet, a.outlet_key AS key, a.outlet_country AS country, a.outlet_category AS category
    FROM article a JOIN feed f ON f.id = a.feed_id WHERE a.id > ? AND (${where}) ORDER BY a.id LIMIT ${CHUNK}`);
  const update = db.prepare('UPDATE article SET outlet = ?, outlet_key = ?, outlet_country = ?, outlet_category = ? WHERE id = ?');
  let changed = 0;
  for (let after = 0; ;) {
    const rows = select.all(after, ...params) as ResolveRow[];
    for (const r of rows) {
      const columns = outletColumns(outletOfArticle(registry, [r.url, r.site, r.feedUrl]));
      if (r.key !== null && columns[0] === r.outlet && columns[2] === r.country && columns[3] === r.category) continue;
      update.run(...columns, r.id);
      changed++;
    }
    const last = rows.at(-1);
    if (!last || rows.length < CHUNK) return changed;
    after = last.id;
  }
}

/** What each domain resolves to, as one comparable string per domain. */
function domainMap(registry: OutletRegistry): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of registry.entries) for (const d of e.domains) map.set(d, [e.name, e.country, e.category].join('\u0000'));
  return map;
}

/**
 * After the analyst changed the registry: resolves again the articles whose address or feed's address holds a
 * domain that now resolves differently (or no longer, or newly), so stored outlets follow the registry. The text
 * match only narrows the candidates; each is resolved exactly.
 */
export function reresolveOutlets(db: Db, before: OutletRegistry): number {
  const after = registryFor(db);
  const was = domainMap(before);
  const now = domainMap(after);
  const changed = [...new Set([...was.keys(), ...now.keys()])].filter((d) => was.get(d) !== now.get(d));
  if (changed.length === 0) return 0;
  const one = "(instr(lower(coalesce(a.link, a.canonical_link, '')), ?) > 0 OR instr(lower(coalesce(f.site_url, '')), ?) > 0 OR instr(lower(f.url), ?) > 0)";
  return resolveOutlets(db, changed.map(() => one).join(' OR '), changed.flatMap((d) => [d, d, d]));
}

/**
 * The outlet of each article of one feed as ingest stores it: by its own address, else its feed's site (as the feed
 * document gives it, else as stored: the poller stores it in that order), else the feed's address. The feed's part
 * is resolved once per feed.
 */
export function feedOutlets(db: Db, feedId: number, feedLink: string | null): (link: string | null) => OutletColumns {
  const registry = registryFor(db);
  const feed = db.prepare('SELECT url, site_url AS site FROM feed WHERE id = ?').get(feedId) as { url: string; site: string | null } | undefined;
  const ofFeed = outletColumns(outletOfArticle(registry, [feedLink ?? feed?.site, feed?.url]));
  return (link) => {
    const own = registry.match(link);
    return own ? outletColumns(own) : ofFeed;
  };
}

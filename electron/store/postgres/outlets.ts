// The outlet stored on each article of the team library, as the SQLite engine keeps it (sqlite/outlets.ts): resolved
// by the registry at ingest, and again when the team edits the registry, so that lists, search and the Flags view
// read it with the article. Migration 4 added the name, country and category beside the keys outlet: and country:
// compare; articles stored before it are resolved once by the app (the registry is not SQL).
import type pg from 'pg';
import { outletOfArticle, type OutletRegistry } from '../../labels/outlets.ts';
import { foldWord } from '../../text/fold.ts';
import { clean } from './values.ts';

type Client = pg.ClientBase;

/** outlet_key, country_key (folded: what outlet: and country: compare), then outlet, outlet_country and
 * outlet_category as a badge shows them; all null when the registry knows no outlet. */
export type OutletColumns = [string | null, string | null, string | null, string | null, string | null];

/** An article's outlet by its link, else its feed's site, else its feed's address. */
export function outletColumns(registry: OutletRegistry, urls: (string | null)[]): OutletColumns {
  const o = outletOfArticle(registry, urls);
  const columns: OutletColumns = o ? [foldWord(o.name), o.country ? foldWord(o.country) : null, o.name, o.country, o.category] : [null, null, null, null, null];
  return columns.map(clean) as OutletColumns;
}

interface Row { id: number; link: string | null; site: string | null; feedUrl: string; columns: OutletColumns }

const CHUNK = 5000;

/** Resolves the outlet of the articles `where` selects (a condition on `a` and `f` with parameters from $2) and
 * stores it where it changed; returns how many changed. In chunks by id, so that no read holds every article. */
async function resolveOutlets(c: Client, registry: OutletRegistry, where: string, params: unknown[]): Promise<number> {
  let changed = 0;
  for (let after = 0; ;) {
    const rows = (await c.query<Row>(`SELECT a.id, a.link, f.site_url AS site, f.url AS "feedUrl",
        ARRAY[a.outlet_key, a.country_key, a.outlet, a.outlet_country, a.outlet_category] AS columns
      FROM article a JOIN feed f ON f.id = a.feed_id WHERE a.id > $1 AND (${where}) ORDER BY a.id LIMIT ${CHUNK}`, [after, ...params])).rows;
    for (const r of rows) {
      const columns = outletColumns(registry, [r.link, r.site, r.feedUrl]);
      if (columns.every((v, i) => v === r.columns[i])) continue;
      await c.query(`UPDATE article SET outlet_key = $2, country_key = $3, outlet = $4, outlet_country = $5, outlet_category = $6 WHERE id = $1`,
        [r.id, ...columns]);
      changed++;
    }
    const last = rows.at(-1);
    if (!last || rows.length < CHUNK) return changed;
    after = last.id;
  }
}

/** Articles stored before migration 4 (a key without the badge's name): their outlet as the registry says now. */
export function backfillOutlets(c: Client, registry: OutletRegistry): Promise<number> {
  return resolveOutlets(c, registry, 'a.outlet_key IS NOT NULL AND a.outlet IS NULL', []);
}

/** What each domain resolves to, as one comparable string per domain. */
function domainMap(registry: OutletRegistry): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of registry.entries) for (const d of e.domains) map.set(d, [e.name, e.country, e.category].join('\u0000'));
  return map;
}

/** After the team changed the registry: the articles whose address or feed holds a domain that now resolves
 * differently are resolved again (the text match only narrows the candidates; each is resolved exactly). */
export function reresolveOutlets(c: Client, before: OutletRegistry, after: OutletRegistry): Promise<number> {
  const was = domainMap(before);
  const now = domainMap(after);
  const domains = [...new Set([...was.keys(), ...now.keys()])].filter((d) => was.get(d) !== now.get(d));
  if (domains.length === 0) return Promise.resolve(0);
  return resolveOutlets(c, after, `EXISTS (SELECT 1 FROM unnest($2::text[]) d WHERE strpos(lower(coalesce(a.link, '')), d) > 0
    OR strpos(lower(coalesce(f.site_url, '')), d) > 0 OR strpos(lower(f.url), d) > 0)`, [domains]);
}

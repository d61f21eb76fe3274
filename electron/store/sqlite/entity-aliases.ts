// The analyst's entity aliases, kept in the library and layered on the shipped table (which stays read-only): a
// name as written that means a canonical entity. Adding or removing one re-canonicalises the stored labels at once,
// and every later detection is written through the same function (labels/library-canonical.ts).
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import { canonicalKey } from '../shared.ts';
import { shippedCanonicaliser, type ExtraAlias } from '../../labels/canonical.ts';
import { libraryCanonical, type LibraryCanonical } from '../../labels/library-canonical.ts';
import type { EntityAlias } from '../records.ts';

// Defined with the other engine's needs in shared.ts; exported here too for this engine's modules.
export { canonicalKey };

const ALIAS_COLUMNS = 'id, alias, canonical, lang, created_at AS createdAt';

export function listAliases(db: Db): EntityAlias[] {
  return prepared(db, `SELECT ${ALIAS_COLUMNS} FROM entity_alias ORDER BY canonical, alias`).all() as EntityAlias[];
}

function extraAliases(db: Db): ExtraAlias[] {
  return listAliases(db).map((a) => ({ alias: a.alias, canonical: a.canonical, lang: a.lang }));
}

// One answer per set of aliases: another process (the CLI, web mode) may change them, so the cache is keyed by
// the aliases themselves, read with one small query per use.
const cache = new WeakMap<Db, { stamp: string; fn: LibraryCanonical }>();

/** The canonical name a label gets in this library (see labels/library-canonical.ts). */
export function libraryCanonicalOf(db: Db): LibraryCanonical {
  const stamp = (prepared(db, "SELECT coalesce(group_concat(id || ':' || alias_key || ':' || canonical, char(1)), '') AS s FROM entity_alias").get() as { s: string }).s;
  const hit = cache.get(db);
  if (hit?.stamp === stamp) return hit.fn;
  const fn = libraryCanonical(extraAliases(db));
  cache.set(db, { stamp, fn });
  return fn;
}

/**
 * Adds an alias (or gives a name already aliased its new meaning). The canonical may be given by any name the
 * table knows ("Талибан" means Taliban); a name it does not know becomes a new entity. Returns the alias as stored
 * and how many labels changed their canonical name.
 */
export function addAlias(db: Db, a: { alias: string; canonical: string; lang: string | null }, now: string): { alias: EntityAlias; relabelled: number } {
  const alias = a.alias.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const named = a.canonical.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const known = shippedCanonicaliser().withExtraAliases(extraAliases(db)).canonical(named);
  const canonical = known.known ? known.canonical : named;
  const id = (prepared(db, `INSERT INTO entity_alias (alias, alias_key, canonical, lang, created_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (alias_key) DO UPDATE SET alias = excluded.alias, canonical = excluded.canonical, lang = excluded.lang, created_at = excluded.created_at
    RETURNING id`).get(alias, canonicalKey(alias), canonical, a.lang, now) as { id: number }).id;
  const stored = prepared(db, `SELECT ${ALIAS_COLUMNS} FROM entity_alias WHERE id = ?`).get(id) as EntityAlias;
  return { alias: stored, relabelled: recanonicaliseLabels(db) };
}

/** Forgets an alias; undefined when there is none with that id. */
export function removeAlias(db: Db, id: number): { relabelled: number } | undefined {
  if (prepared(db, 'DELETE FROM entity_alias WHERE id = ?').run(id).changes === 0) return undefined;
  return { relabelled: recanonicaliseLabels(db) };
}

/** Gives every stored label the canonical name the library's aliases give it now; returns how many changed. */
export function recanonicaliseLabels(db: Db): number {
  const canonicalOf = libraryCanonicalOf(db);
  const pairs = prepared(db, 'SELECT DISTINCT entity, detected_canonical AS detected FROM label WHERE detected_canonical IS NOT NULL').all() as { entity: string; detected: string }[];
  const update = prepared(db, 'UPDATE label SET canonical = ?, canonical_key = ? WHERE entity = ? AND detected_canonical = ? AND canonical IS NOT ?');
  let changed = 0;
  for (const p of pairs) {
    const canonical = canonicalOf(p.entity, p.detected);
    changed += update.run(canonical, canonicalKey(canonical), p.entity, p.detected, canonical).changes;
  }
  return changed;
}

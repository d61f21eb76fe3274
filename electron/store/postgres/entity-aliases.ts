// The team's entity aliases, layered on the shipped table as on SQLite (sqlite/entity-aliases.ts): a name as
// written that means a canonical entity. Adding or removing one re-canonicalises the stored labels in the same
// transaction, and every later detection is written through the same function (labels/library-canonical.ts).
import type pg from 'pg';
import { shippedCanonicaliser, type ExtraAlias } from '../../labels/canonical.ts';
import { libraryCanonical, type LibraryCanonical } from '../../labels/library-canonical.ts';
import { canonicalKey } from '../shared.ts';
import type { EntityAlias } from '../records.ts';
import { clean } from './values.ts';

type Client = pg.ClientBase;

const ALIAS_COLUMNS = 'id, alias, canonical, lang, created_at AS "createdAt"';

export async function listAliases(c: Client): Promise<EntityAlias[]> {
  return (await c.query<EntityAlias>(`SELECT ${ALIAS_COLUMNS} FROM entity_alias ORDER BY canonical COLLATE "C", alias COLLATE "C"`)).rows;
}

const extra = (aliases: EntityAlias[]): ExtraAlias[] => aliases.map((a) => ({ alias: a.alias, canonical: a.canonical, lang: a.lang }));

// Other clients change the aliases, so the function is rebuilt whenever the aliases read differ from the last ones.
let last: { stamp: string; fn: LibraryCanonical } | null = null;

/** The canonical name a label gets in this library (see labels/library-canonical.ts). */
export async function libraryCanonicalOf(c: Client): Promise<LibraryCanonical> {
  const aliases = await listAliases(c);
  const stamp = JSON.stringify(aliases.map((a) => [a.id, a.alias, a.canonical, a.lang]));
  if (last?.stamp !== stamp) last = { stamp, fn: libraryCanonical(extra(aliases)) };
  return last.fn;
}

/** See addAlias of the SQLite engine: the canonical may be given by any name the table knows. */
export async function addAlias(c: Client, a: { alias: string; canonical: string; lang: string | null }, now: string, analystId: number): Promise<{ alias: EntityAlias; relabelled: number }> {
  const alias = clean(a.alias).normalize('NFC').replace(/\s+/gu, ' ').trim();
  const named = clean(a.canonical).normalize('NFC').replace(/\s+/gu, ' ').trim();
  const known = shippedCanonicaliser().withExtraAliases(extra(await listAliases(c))).canonical(named);
  const canonical = known.known ? known.canonical : named;
  const stored = (await c.query<EntityAlias>(`INSERT INTO entity_alias (alias, alias_key, canonical, canonical_key, lang, created_by, created_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7)
    ON CONFLICT (alias_key) DO UPDATE SET alias = excluded.alias, canonical = excluded.canonical, canonical_key = excluded.canonical_key,
      lang = excluded.lang, created_by = excluded.created_by, created_at = excluded.created_at
    RETURNING ${ALIAS_COLUMNS}`, [alias, canonicalKey(alias), canonical, canonicalKey(canonical), clean(a.lang), analystId, now])).rows[0] as EntityAlias;
  return { alias: stored, relabelled: await recanonicaliseLabels(c) };
}

/** Forgets an alias; undefined when there is none with that id. */
export async function removeAlias(c: Client, id: number): Promise<{ relabelled: number } | undefined> {
  if (((await c.query('DELETE FROM entity_alias WHERE id = $1', [id])).rowCount ?? 0) === 0) return undefined;
  return { relabelled: await recanonicaliseLabels(c) };
}

/** Gives every stored label the canonical name the team's aliases give it now; returns how many changed. */
export async function recanonicaliseLabels(c: Client): Promise<number> {
  const canonicalOf = await libraryCanonicalOf(c);
  const pairs = (await c.query<{ entity: string; detected: string }>(
    'SELECT DISTINCT entity, detected_canonical AS detected FROM label WHERE detected_canonical IS NOT NULL')).rows;
  let changed = 0;
  for (const p of pairs) {
    const canonical = canonicalOf(p.entity, p.detected);
    changed += (await c.query(`UPDATE label SET canonical = $1, canonical_key = $2 WHERE entity = $3 AND detected_canonical = $4
      AND canonical IS DISTINCT FROM $1`, [canonical, canonicalKey(canonical), p.entity, p.detected])).rowCount ?? 0;
  }
  return changed;
}

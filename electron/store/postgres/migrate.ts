// Brings a team library's schema up to date when a client connects. Every pending migration runs in one
// transaction under an advisory lock, so that two clients starting together migrate once (the second waits, then
// finds nothing to do) and a failed migration leaves the schema as it was. A schema newer than this app knows is
// refused before anything is written.
import type pg from 'pg';
import { LibraryError } from '../sqlite/db.ts';
import { APP_VERSION } from '../../version.ts';
import { pgMigrations, type PgMigration } from './schema/index.ts';

export const DEFAULT_SCHEMA = 'footnote';

/** Lower-case letters, digits and underscores: a name that never needs quoting in the README's SQL either. */
export function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new LibraryError(`"${schema}" cannot name the library's schema: use lower-case letters, digits and underscores (default ${DEFAULT_SCHEMA}).`);
  }
  return schema;
}

export function latestVersion(migrations: readonly PgMigration[] = pgMigrations): number {
  return migrations.at(-1)?.version ?? 0;
}

export interface MigrationResult {
  from: number;
  to: number;
}

/**
 * Migrates `schema` on this connection (which must not be inside a transaction). Throws LibraryError when the
 * schema is newer than this app, or missing and not creatable by this role.
 */
export async function migrate(client: pg.ClientBase, schema = DEFAULT_SCHEMA, migrations: readonly PgMigration[] = pgMigrations): Promise<MigrationResult> {
  checkSchemaName(schema);
  const latest = latestVersion(migrations);
  await client.query('BEGIN');
  try {
    // Keyed by schema: libraries in different schemas of one database migrate independently.
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('footnote.migrate.' || $1, 0))", [schema]);
    await ensureSchema(client, schema);
    await client.query(`SET LOCAL search_path TO ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_version (
      version integer PRIMARY KEY,
      name text NOT NULL,
      app_version text NOT NULL,              -- the Footnote that applied it
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const current = await client.query<{ version: number | null; app_version: string | null }>(
      'SELECT version, app_version FROM schema_version ORDER BY version DESC LIMIT 1');
    const from = current.rows[0]?.version ?? 0;
    if (from > latest) {
      throw new LibraryError(`The team library in schema "${schema}" was written by a newer Footnote (schema ${from}, by Footnote ${current.rows[0]?.app_version}; this version knows up to ${latest}): update Footnote to open it. Nothing was changed.`);
    }
    for (const m of migrations) {
      if (m.version <= from) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_version (version, name, app_version) VALUES ($1, $2, $3)', [m.version, m.name, APP_VERSION]);
    }
    await client.query('COMMIT');
    return { from, to: Math.max(from, latest) };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw explain(err, schema);
  }
}

async function ensureSchema(client: pg.ClientBase, schema: string): Promise<void> {
  const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  if (found.rowCount === 0) await client.query(`CREATE SCHEMA ${schema}`);
}

/** Permission errors become a sentence that says which rights the role lacks. */
function explain(err: unknown, schema: string): unknown {
  if (err instanceof LibraryError) return err;
  const code = (err as { code?: string }).code;
  if (code === '42501') {
    return new LibraryError(`The database role may not set up the team library in schema "${schema}" (${(err as Error).message}): create the schema and grant it to the role as electron/store/postgres/README.md shows. Nothing was changed.`);
  }
  return err;
}

/** The version of the library's schema now (0 when it has none yet). */
export async function schemaVersionOf(client: pg.ClientBase, schema = DEFAULT_SCHEMA): Promise<number> {
  checkSchemaName(schema);
  const exists = await client.query('SELECT to_regclass($1) IS NOT NULL AS ok', [`${schema}.schema_version`]);
  if (!exists.rows[0]?.ok) return 0;
  const r = await client.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${schema}.schema_version`);
  return r.rows[0]?.v ?? 0;
}

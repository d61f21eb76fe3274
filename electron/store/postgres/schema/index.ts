// The PostgreSQL schema as numbered migrations, applied in order by migrate.ts, all in one transaction.
// Append new ones; never edit one that has shipped.
import { library } from './001-library.ts';
import { team } from './002-team.ts';
import { search } from './003-search.ts';
import { evidence } from './004-evidence.ts';

export interface PgMigration {
  version: number;
  name: string;
  /** Unqualified SQL: it runs with search_path set to the library's schema. */
  sql: string;
}

export const pgMigrations: readonly PgMigration[] = [library, team, search, evidence];

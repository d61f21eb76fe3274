// The two engines behind the Store interface, for tests that run one suite on both: a fresh SQLite library in a
// temporary folder, and a fresh team library in its own database of the file's PostgreSQL test server.
import type { TestContext } from 'node:test';
import type { Store } from '../../electron/store/store.ts';
import { SqliteStore } from '../../electron/store/sqlite/sqlite-store.ts';
import { PostgresStore } from '../../electron/store/postgres/postgres-store.ts';
import type { TestServer } from './postgres.ts';
import { tempDir } from '../helpers.ts';

export interface Engine {
  name: 'SQLite' | 'PostgreSQL';
  /** A new, empty library, closed when the test ends. */
  open(t: TestContext): Promise<Store>;
}

export function engines(server: () => TestServer): Engine[] {
  return [
    {
      name: 'SQLite',
      async open(t) {
        const store = SqliteStore.open(tempDir(t));
        t.after(() => store.close());
        return store;
      },
    },
    {
      name: 'PostgreSQL',
      async open(t) {
        const db = await server().database(t);
        return teamStore(t, db.url, 'Tester');
      },
    },
  ];
}

/** A client of the team library at `url`, acting for `analyst`, closed when the test ends. */
export function teamStore(t: TestContext, url: string, analyst: string): PostgresStore {
  const store = PostgresStore.open({ url, analyst });
  t.after(() => store.close());
  return store;
}

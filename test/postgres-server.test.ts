// The PostgreSQL that tests start for themselves: reachable on 127.0.0.1 only, one database per test, and gone
// without a trace when stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { postgresForFile, startServer } from './support/postgres.ts';

const server = postgresForFile();

interface Listener { kind: 'tcp' | 'tcp6' | 'unix'; address: string }

/** The sockets a process listens on, read from /proc (Linux). */
function listeningSockets(pid: number): Listener[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
    if (m?.[1]) inodes.add(m[1]);
  }
  const out: Listener[] = [];
  for (const kind of ['tcp', 'tcp6'] as const) {
    for (const line of readFileSync(`/proc/net/${kind}`, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is f[1], st f[3] ('0A' = LISTEN), inode f[9].
      if (f[3] === '0A' && inodes.has(f[9] ?? '')) out.push({ kind, address: decodeAddress(f[1] ?? '') });
    }
  }
  for (const line of readFileSync('/proc/net/unix', 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    // Flags f[3] 00010000 = accepting connections; inode f[6].
    if (f[3] === '00010000' && inodes.has(f[6] ?? '')) out.push({ kind: 'unix', address: f[7] ?? '(unnamed)' });
  }
  return out;
}

function decodeAddress(hex: string): string {
  const [ip = '', port = ''] = hex.split(':');
  const bytes = ip.length === 8 ? (ip.match(/../g) ?? []).reverse().map((b) => parseInt(b, 16)).join('.') : ip;
  return `${bytes}:${parseInt(port, 16)}`;
}

test('the server listens on 127.0.0.1 and its port only: no other address, no IPv6, no Unix socket', () => {
  const s = server();
  const pid = Number(readFileSync(`${s.dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  assert.deepEqual(listeningSockets(pid), [{ kind: 'tcp', address: `127.0.0.1:${s.port}` }]);
  console.log(`[postgres] cold start (initdb + start) took ${Math.round(s.startMs)} ms`);
});

test('each test gets its own empty database, reachable with the password over TCP', async (t) => {
  const a = await server().database(t);
  const b = await server().database(t);
  assert.notEqual(a.name, b.name);
  const ca = await a.connect();
  await ca.query('CREATE TABLE only_in_a (x int)');
  const cb = await b.connect();
  const seen = await cb.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'only_in_a'");
  assert.equal(seen.rows[0].n, 0);
  const version = await ca.query("SELECT current_setting('server_version_num')::int AS v");
  assert.ok(version.rows[0].v >= 150000, 'PostgreSQL 15 or later');
});

test('stopping a server ends its process and removes its folder', async () => {
  const s = await startServer();
  const pid = Number(readFileSync(`${s.dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  assert.ok(existsSync(`/proc/${pid}`));
  await s.stop();
  assert.equal(existsSync(dirname(s.dataDir)), false, 'the temporary folder is gone');
  assert.equal(existsSync(`/proc/${pid}`), false, 'the postmaster has exited');
});

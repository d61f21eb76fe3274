// Settings → Library through the API on a real PostgreSQL: "Test connection" reports in words (version, wrong
// password, nothing listening, a newer library, missing rights), and "Use this library" saves the choice without
// the password: the settings file is read back and must not contain it, in web mode (no keeper) and in the app's
// path (a keeper that encrypts, as safeStorage does).
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openSettings } from '../electron/settings.ts';
import { createContext, openContext } from '../electron/engine/context.ts';
import { inProcessClient, inProcessTransport } from '../electron/api/client.ts';
import { PROBE_TIMEOUT_MS } from '../electron/api/library.ts';
import { keychainSecrets, SECRET_FILE, type Cipher } from '../electron/secrets.ts';
import { withKeptPassword } from '../electron/app-secrets.ts';
import { freePort, postgresForFile } from './support/postgres.ts';
import { tempDir } from './helpers.ts';

const server = postgresForFile();

function fields(database: string, password = server().password, port = server().port) {
  return { host: '127.0.0.1', port, database, user: 'postgres', password, sslmode: 'disable' as const };
}

test('a good connection is reported with the server version and each check in words', async (t) => {
  const db = await server().database(t);
  const api = inProcessClient(createContext(tempDir(t)));
  const r = await api.call('library.testConnection', fields(db.name));
  assert.equal(r.ok, true, r.summary);
  assert.match(r.serverVersion ?? '', /^1[5-9]\.|^[2-9]\d\./);
  assert.match(r.summary, new RegExp(`Connection works: PostgreSQL ${r.serverVersion!.replace('.', '\\.')}, database "${db.name}" as "postgres"`));
  assert.deepEqual(r.checks.map((c) => [c.what, c.ok]), [['Connection', true], ['Server version', true], ['Rights', true], ['Library', true]]);
  assert.match(r.checks[3]!.detail, /creates its tables on first use/);
});

test('a wrong password is a clear error, not an exception', async (t) => {
  const db = await server().database(t);
  const api = inProcessClient(createContext(tempDir(t)));
  const r = await api.call('library.testConnection', fields(db.name, 'not-the-password'));
  assert.equal(r.ok, false);
  assert.equal(r.serverVersion, null);
  assert.match(r.summary, /refused the user name or password .*check both/);
});

test('a port nothing listens on is a clear error within the timeout', async (t) => {
  const port = await freePort();
  const api = inProcessClient(createContext(tempDir(t)));
  const started = performance.now();
  const r = await api.call('library.testConnection', fields('team', 'x', port));
  assert.ok(performance.now() - started < PROBE_TIMEOUT_MS + 1000, 'answered within the probe timeout');
  assert.equal(r.ok, false);
  assert.equal(r.summary, `Nothing answers at 127.0.0.1:${port}: check the host and port, and that the server is running.`);
});

test('a library written by a newer Footnote, and a role without rights on the schema, are refused in words', async (t) => {
  const db = await server().database(t);
  const admin = await db.connect();
  const api = inProcessClient(createContext(tempDir(t)));
  // A library at the app's own version first, then one version ahead.
  const team = openContext(tempDir(t), { databaseUrl: db.url, analyst: 'a' });
  await team.store.feeds.list();
  await team.store.close();
  const ok = await api.call('library.testConnection', fields(db.name));
  assert.match(ok.checks.at(-1)!.detail, /^Schema version (\d+), as this Footnote writes it\.$/);
  await admin.query("INSERT INTO footnote.schema_version (version, name, app_version) VALUES (999, 'future', '9.0.0')");
  const newer = await api.call('library.testConnection', fields(db.name));
  assert.equal(newer.ok, false);
  assert.match(newer.summary, /written by a newer Footnote \(schema version 999; this Footnote knows up to \d+\): update Footnote/);

  await admin.query("CREATE ROLE outsider LOGIN PASSWORD 'outsider-pw'");
  const outsider = await api.call('library.testConnection', { ...fields(db.name, 'outsider-pw'), user: 'outsider' });
  assert.equal(outsider.ok, false);
  assert.match(outsider.summary, /Role "outsider" lacks USAGE and CREATE on schema "footnote": have its owner run GRANT USAGE, CREATE ON SCHEMA footnote TO outsider;/);
});

test('Use this library in web mode saves where the server is, never the password, and says how to give it', async (t) => {
  const db = await server().database(t);
  const dataDir = tempDir(t);
  const api = inProcessClient(createContext(dataDir));
  const before = await api.call('library.current', {});
  assert.equal(before.inUse.engine, 'sqlite');
  assert.equal(before.restartNeeded, false);
  assert.equal(before.passwordKeeper, null);

  const r = await api.call('library.use', { team: fields(db.name) });
  assert.match(r.message, /^Saved: Footnote opens the team library test_\d+ on 127\.0\.0\.1 when it restarts\. Restart Footnote to switch\. The password was not saved\. .*PGPASSWORD/);
  const settingsFile = readFileSync(join(dataDir, 'settings.json'), 'utf8');
  assert.ok(!settingsFile.includes(server().password), 'the settings file does not hold the password');
  assert.deepEqual(JSON.parse(settingsFile).teamLibrary, { host: '127.0.0.1', port: server().port, database: db.name, user: 'postgres', sslmode: 'disable' });
  const after = await api.call('library.current', {});
  assert.equal(after.restartNeeded, true);
  assert.equal(after.saved?.database, db.name);

  await assert.rejects(api.call('library.use', { team: fields(db.name, 'wrong') }), /^ApiError: Not saved: The server refused the user name or password/);
  await api.call('library.use', { team: null });
  assert.equal(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).teamLibrary, null);
});

/** AES-256-GCM with a key held in memory: what safeStorage does with the keychain's key, for a test in plain Node. */
function memoryCipher(): Cipher {
  const key = randomBytes(32);
  return {
    async encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    async decrypt(data) {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

test('in the app the password goes to the keychain store only: no file of the data directory holds it in plain text', async (t) => {
  const db = await server().database(t);
  const dataDir = tempDir(t);
  const ctx = createContext(dataDir);
  const secrets = keychainSecrets(dataDir, memoryCipher(), 'the OS keychain');
  const invoke = withKeptPassword(inProcessTransport(ctx).invoke, secrets, ctx.settings);

  const r = await invoke('library.use', { team: fields(db.name) }) as { message: string };
  assert.match(r.message, /Restart Footnote to switch\. The password is kept encrypted by the OS keychain\.$/);
  assert.equal(await secrets.load(), server().password);
  for (const file of readdirSync(dataDir)) {
    assert.ok(!readFileSync(join(dataDir, file)).includes(server().password), `${file} does not hold the password`);
  }
  assert.ok(readdirSync(dataDir).includes(SECRET_FILE));
  // The saved library is tested with the kept password; another server never gets it.
  const { password: _typed, ...withoutPassword } = fields(db.name);
  assert.equal((await invoke('library.testConnection', withoutPassword) as { ok: boolean }).ok, true);
  const other = await invoke('library.testConnection', { ...withoutPassword, database: 'postgres', user: 'someone' }) as { ok: boolean; summary: string };
  assert.equal(other.ok, false);
  assert.match(other.summary, /asks for a password and none was given/);
  const again = await invoke('library.use', { team: withoutPassword }) as { message: string };
  assert.match(again.message, /The password is kept encrypted by the OS keychain\.$/, 'saving the saved library again uses the kept password');
  assert.equal(await secrets.load(), server().password);
  const current = await invoke('library.current', {}) as { passwordKeeper: string; restartNeeded: boolean };
  assert.equal(current.passwordKeeper, 'the OS keychain');
  assert.equal(current.restartNeeded, true);

  await invoke('library.use', { team: null });
  assert.equal(await secrets.load(), undefined, 'going back to the local library forgets the password');
});

/** `footnote serve` on dataDir with extra arguments; the caller gets the API and stops the server with `stop`. */
async function serve(t: TestContext, dataDir: string, args: string[], extraEnv: Record<string, string>) {
  const renderer = join(dataDir, '..', 'ui');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Footnote</title>');
  const { FOOTNOTE_DATABASE_URL: _url, ...env } = process.env;
  const child = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'footnote.js'), 'serve', '--port', '0', '--data-dir', dataDir, ...args], {
    env: { ...env, FOOTNOTE_RENDERER_DIR: renderer, FOOTNOTE_ANALYST: 'Web', ...extraEnv }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  t.after(() => child.kill('SIGKILL'));
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  const [, origin, token] = /^(http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)$/.exec(line) ?? [];
  const call = async (name: string) => (await fetch(`${origin}/api/${name}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' })).json();
  const stop = async (): Promise<void> => {
    const exit = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exit;
  };
  return { call, stop };
}

test('footnote serve opens the team library saved under Settings → Library, with the password from PGPASSWORD', async (t) => {
  const db = await server().database(t);
  const dataDir = join(tempDir(t), 'data');
  const { password: _password, ...saved } = fields(db.name);
  openSettings(dataDir).set('teamLibrary', saved);
  const { call, stop } = await serve(t, dataDir, [], { PGPASSWORD: server().password });
  const current = await call('library.current') as { inUse: { engine: string; database: string; user: string }; restartNeeded: boolean };
  assert.deepEqual([current.inUse.engine, current.inUse.database, current.inUse.user, current.restartNeeded], ['postgres', db.name, 'postgres', false]);
  await call('sidebar.counts');
  const admin = await db.connect();
  assert.deepEqual((await admin.query('SELECT name FROM footnote.analyst')).rows, [{ name: 'Web' }], 'the library was created in the saved database');
  await stop();
});

test('a team library named by --database-url is in force for that run: nothing saved, no restart asked for', async (t) => {
  const db = await server().database(t);
  const dataDir = join(tempDir(t), 'data');
  const url = `postgres://postgres@127.0.0.1:${server().port}/${db.name}?sslmode=disable`;
  const { call, stop } = await serve(t, dataDir, ['--database-url', url], { PGPASSWORD: server().password });
  const current = await call('library.current') as { inUse: { engine: string }; saved: unknown; restartNeeded: boolean; fromEnvironment: boolean };
  assert.deepEqual([current.inUse.engine, current.saved, current.restartNeeded, current.fromEnvironment], ['postgres', null, false, true]);
  await stop();
});

// `npm run serve`, exactly as the README says to run it: it builds the UI, starts web mode on a free port of
// 127.0.0.1 and prints the URL with its token; the page and the API answer there. (It used to run a module that
// only exports main(), so it built the UI and exited 0 without serving anything.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { tempDir } from './helpers.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

test('npm run serve builds the UI, prints the URL with its token and serves the page and the API until stopped', { timeout: 120_000 }, async (t) => {
  const dataDir = tempDir(t);
  // Its own process group, so that stopping it stops npm, the shell and footnote serve below it.
  const child = spawn('npm', ['run', 'serve'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FOOTNOTE_DATA_DIR: dataDir } });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // already gone
    }
  };
  t.after(() => stop('SIGKILL'));
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (/^http:\/\//.test(line)) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`npm run serve exited with ${code} before printing a URL: ${stderr}`)));
  });
  const m = /^(http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)$/.exec(url);
  assert.ok(m?.[1] && m[2], `printed ${url}`);
  const [, origin, token] = m;

  const page = await fetch(`${origin}/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<div id="root">/, 'the built reader');
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);

  const version = await fetch(`${origin}/api/version`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' });
  assert.equal(version.status, 200);
  assert.equal(((await version.json()) as { schema: number }).schema > 0, true, 'the library was opened in FOOTNOTE_DATA_DIR');
  assert.equal((await fetch(`${origin}/api/version`, { method: 'POST', body: '{}' })).status, 401, 'no token, no API');

  stop('SIGTERM');
  await exited;
  await assert.rejects(fetch(`${origin}/`), 'stopped: nothing listens any more');
});

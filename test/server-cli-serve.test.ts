import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { tempDir } from './helpers.ts';

const bin = join(import.meta.dirname, '..', 'bin', 'footnote.js');

function serve(dataDir: string, rendererDir: string, extra: string[] = []) {
  return spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir, ...extra], {
    env: { ...process.env, FOOTNOTE_RENDERER_DIR: rendererDir }, stdio: ['ignore', 'pipe', 'pipe'],
  });
}

test('footnote serve prints exactly one URL line, serves the API with its token and stops on SIGTERM', async (t) => {
  const dir = tempDir(t);
  const renderer = join(dir, 'ui');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Footnote</title>');
  const child = serve(join(dir, 'data'), renderer);
  t.after(() => child.kill('SIGKILL'));
  const lines: string[] = [];
  const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    resolve(line);
  }));
  const m = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+)$/.exec(first);
  assert.ok(m, `printed ${first}`);
  const [, port, token] = m;
  const res = await fetch(`http://127.0.0.1:${port}/api/version`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' });
  assert.equal(res.status, 200);
  assert.equal((await fetch(`http://127.0.0.1:${port}/api/version`, { method: 'POST', body: '{}' })).status, 401);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  assert.equal(await exit, 0);
  assert.deepEqual(lines, [first]);
});

test('footnote serve without a built UI says so in one line and exits non-zero', async (t) => {
  const dir = tempDir(t);
  const child = serve(join(dir, 'data'), join(dir, 'missing'));
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  assert.notEqual(code, 0);
  assert.equal(stderr.trim().split('\n').length, 1, stderr);
  assert.match(stderr, /not built/);
});

test('footnote serve refuses a port that is not a number', async (t) => {
  const dir = tempDir(t);
  const child = serve(join(dir, 'data'), dir, ['--port', 'eighty']);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  assert.equal(code, 2);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './helpers.ts';

const root = join(import.meta.dirname, '..');
const validate = (cwd: string, file?: string) => spawnSync(process.execPath, [join(root, 'scripts', 'validate-builder.cjs'), ...(file ? [file] : [])],
  { cwd, encoding: 'utf8', env: { ...process.env, NODE_PATH: join(root, 'node_modules') } });

test('electron-builder.yml passes electron-builder\'s schema', () => {
  const r = validate(root);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /config OK: org\.footnote\.reader/);
});

test('the validator fails on an unknown key, so the check above can fail', (t) => {
  const dir = tempDir(t);
  const bad = join(dir, 'bad.yml');
  writeFileSync(bad, `${readFileSync(join(root, 'electron-builder.yml'), 'utf8')}\nbogusKey: 1\n`);
  const r = validate(root, bad);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /bogusKey/);
});

test('the icons the config names exist and are what their extensions say', () => {
  const png = readFileSync(join(root, 'assets', 'icons', '512x512.png'));
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  assert.equal(png.readUInt32BE(16), 512);
  assert.equal(readFileSync(join(root, 'assets', 'icons', '256x256.png')).readUInt32BE(16), 256);
  const ico = readFileSync(join(root, 'assets', 'icons', 'icon.ico'));
  assert.deepEqual([ico.readUInt16LE(0), ico.readUInt16LE(2)], [0, 1]);
  assert.equal(readFileSync(join(root, 'assets', 'icons', 'icon.icns')).subarray(0, 4).toString('ascii'), 'icns');
});

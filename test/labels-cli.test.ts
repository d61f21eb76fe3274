// `footnote labels` through the real bin: the seed article, HTML on standard input, the library's outlet edits,
// and the errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { invoke } from '../electron/api/methods.ts';
import { createContext } from '../electron/engine/context.ts';
import { libraryPath } from '../electron/store/sqlite/db.ts';
import type { LabelReport } from '../electron/model.ts';
import { tempDir } from './helpers.ts';

const root = join(import.meta.dirname, '..');
const seed = join(root, 'test', 'fixtures', 'labels', 'sputnik-2021-08-09-us-airspace.txt');

function footnote(args: string[], dataDir: string, input?: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(join(root, 'node_modules/.bin/node'), [join(root, 'bin/footnote.js'), ...args, '--data-dir', dataDir], { encoding: 'utf8', cwd: root, input });
}

test('footnote labels --json on the seed Sputnik article prints its outlet and its one label', (t) => {
  const dir = tempDir(t);
  const r = footnote(['labels', seed, '--url', 'https://sputnikglobe.com/20210809/fears-of-backlash-1083563061.html', '--json'], dir);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout) as LabelReport;
  assert.deepEqual(Object.keys(report), ['outlet', 'labels']);
  assert.deepEqual(report.outlet && Object.keys(report.outlet), ['name', 'domain', 'country', 'category', 'source']);
  assert.equal(report.outlet?.name, 'Sputnik');
  assert.equal(report.labels.length, 1);
  const [l] = report.labels;
  assert.deepEqual(l && Object.keys(l), ['kind', 'entity', 'canonical', 'marker', 'evidence', 'start', 'end', 'rule']);
  // The marked mention "Taliban*", in the fuller form its footnote names it with an article ("*The Taliban is…").
  assert.deepEqual([l?.kind, l?.entity, l?.canonical, l?.marker, l?.rule], ['terrorist', 'The Taliban', 'Taliban', '*', 'footnote:en:terror*']);
  assert.ok(!existsSync(libraryPath(dir)), 'the command does not create a library');
});

test('footnote labels - reads an HTML page from standard input and reports offsets into its text', (t) => {
  const html = '<!doctype html><html><head><title>x</title><script>var s = "Taliban* is banned in Russia";</script></head>'
    + '<body><p>Компания Meta (признана экстремистской и запрещена в РФ) оштрафована.</p></body></html>';
  const r = footnote(['labels', '-', '--json'], tempDir(t), html);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout) as LabelReport;
  assert.equal(report.outlet, null);
  assert.deepEqual(report.labels.map((l) => [l.kind, l.entity, l.evidence]), [['extremist', 'Meta', '(признана экстремистской и запрещена в РФ)']]);
  assert.equal(report.labels[0]?.start, 'x\nКомпания Meta '.length, 'offsets count in the page text: title line, then the paragraph');
});

test("footnote labels uses the library's own outlet entries when the library exists", async (t) => {
  const dir = tempDir(t);
  const ctx = createContext(dir);
  await invoke(ctx, 'outlets.upsert', { name: 'Sputnik', domains: ['sputnikglobe.com'], country: 'RU', category: 'state_proxy', source: 'analyst', date: '2026-01-01' });
  ctx.store.close();
  const r = footnote(['labels', seed, '--url', 'https://sputnikglobe.com/x', '--json'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as LabelReport).outlet?.category, 'state_proxy');
  const text = footnote(['labels', seed, '--url', 'https://sputnikglobe.com/x'], dir);
  assert.match(text.stdout, /outlet: Sputnik \(RU, state proxy; source: analyst \(2026-01-01\)\)\n1 label\n {2}terrorist +The Taliban \[\*\]/);
});

// Straight quotes: KOI8-R has no guillemets.
const RIA_PAGE = (meta: string): string => `<!doctype html><html><head>${meta}<title>Боевики атаковали</title></head><body>
<p>Боевики "Исламского государства"* атаковали позиции сирийской армии, сообщил "Мемориал"**.</p>
<p>Компания Meta (признана экстремистской и запрещена в РФ) не ответила.</p>
<p>* Организация признана террористической и запрещена в России.</p>
<p>** Признан иностранным агентом.</p></body></html>`;

test('footnote labels reads windows-1251 and koi8-r pages as their UTF-8 copy, with or without a <meta> charset', (t) => {
  const dir = tempDir(t);
  const run = (name: string, bytes: Buffer): LabelReport => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const r = footnote(['labels', file, '--json'], dir);
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as LabelReport;
  };
  const expected = run('utf8.html', Buffer.from(RIA_PAGE('<meta charset="utf-8">'), 'utf8'));
  assert.deepEqual(expected.labels.map((l) => [l.kind, l.entity, l.marker]).sort(), [
    ['extremist', 'Meta', null], ['foreign_agent', 'Мемориал', '**'], ['terrorist', 'Исламского государства', '*'],
  ]);
  for (const [name, charset, meta] of [
    ['cp1251-meta.html', 'windows-1251', '<meta charset="windows-1251">'],
    ['koi8r-meta.html', 'koi8-r', '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'],
    ['cp1251-bare.html', 'windows-1251', ''],
    ['koi8r-bare.html', 'koi8-r', ''],
  ] as const) {
    const report = run(name, iconv.encode(RIA_PAGE(meta), charset));
    assert.deepEqual(report.labels.map((l) => [l.kind, l.entity, l.marker, l.evidence]).sort(),
      expected.labels.map((l) => [l.kind, l.entity, l.marker, l.evidence]).sort(), name);
  }
});

test('footnote labels fails with one clear line on a missing file or a wrong call', (t) => {
  const dir = tempDir(t);
  const missing = footnote(['labels', join(dir, 'nope.txt')], dir);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^footnote labels: cannot read .*nope\.txt/);
  const none = footnote(['labels'], dir);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /give one file, or - to read standard input/);
});

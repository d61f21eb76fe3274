// The real `footnote` bin: search, tag, untag, tags, rules and export against a library in a temp dir.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLibrary } from '../electron/store/sqlite/db.ts';
import { loadCorpus } from './fixtures/corpus/load.ts';
import { tempDir } from './helpers.ts';

const root = join(import.meta.dirname, '..');

function footnote(dir: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(join(root, 'node_modules/.bin/node'), [join(root, 'bin/footnote.js'), ...args, '--data-dir', dir], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('footnote search, tag, untag, tags, rules and export', (t) => {
  const dir = tempDir(t);
  const db = openLibrary(dir);
  loadCorpus(db);
  db.close();

  const found = footnote(dir, 'search', 'санкции OR "sanctions"', '--json');
  assert.equal(found.code, 0, found.stderr);
  const result = JSON.parse(found.stdout) as { total: number; hits: { id: number; title: string; url: string; feed: string; published: string; snippet: string; tags: string[]; labels: unknown[] }[] };
  assert.equal(result.total, 4);
  assert.deepEqual(result.hits.map((h) => h.id).sort((a, b) => a - b), [1, 5, 7, 15]);
  assert.equal(result.hits.find((h) => h.id === 7)?.snippet.includes('\u0002санкций\u0003'), true);

  const limited = JSON.parse(footnote(dir, 'search', 'sanctions', '--limit', '1', '--json').stdout) as { total: number; hits: unknown[] };
  assert.equal(limited.total, 4);
  assert.equal(limited.hits.length, 1);

  const bad = footnote(dir, 'search', '(kabul OR taliban', '--json');
  assert.notEqual(bad.code, 0);
  assert.equal(bad.stdout, '');
  assert.equal(bad.stderr, 'footnote search: Expected ")" at position 18, found the end of the query\n');

  const text = footnote(dir, 'search', 'taliban OR kremlin AND sanction');
  assert.equal(text.code, 0);
  assert.match(text.stdout, /^4 articles\n/);
  assert.match(text.stderr, /warning: Read as taliban OR \(kremlin AND sanction\)/);

  const tagged = footnote(dir, 'tag', '2', 'Afghanistan', 'Top story', '--json');
  assert.equal(tagged.code, 0, tagged.stderr);
  assert.deepEqual(JSON.parse(tagged.stdout), ['Afghanistan', 'Top story']);
  assert.deepEqual(JSON.parse(footnote(dir, 'untag', '2', 'top story', '--json').stdout), ['Afghanistan']);
  const missing = footnote(dir, 'untag', '2', 'Nope');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /No tag named "Nope"/);
  assert.equal(footnote(dir, 'tag', '999', 'x').code, 1);

  const rule = footnote(dir, 'rules', 'add', 'kabul OR кабул OR كابل', '--tag', 'Afghanistan', '--json');
  assert.equal(rule.code, 0, rule.stderr);
  const ruleId = (JSON.parse(rule.stdout) as { id: number }).id;
  assert.deepEqual(JSON.parse(footnote(dir, 'rules', 'apply', String(ruleId), '--json').stdout), { rules: 1, matched: 4, tagged: 3 });
  assert.match(footnote(dir, 'rules', 'list').stdout, /Afghanistan {2}← kabul OR кабул OR كابل {2}3 tagged/);
  const tags = JSON.parse(footnote(dir, 'tags', '--json').stdout) as { name: string; count: number }[];
  assert.deepEqual(tags.map((x) => [x.name, x.count]), [['Afghanistan', 4], ['Top story', 0]]);
  const badRule = footnote(dir, 'rules', 'add', 'kabul AND', '--tag', 'x');
  assert.equal(badRule.code, 1);
  assert.match(badRule.stderr, /position 10/);
  assert.deepEqual(JSON.parse(footnote(dir, 'rules', 'remove', String(ruleId), '--json').stdout), { untagged: 3 });
  assert.deepEqual(JSON.parse(footnote(dir, 'search', 'tag:afghanistan', '--json').stdout).hits.map((h: { id: number }) => h.id), [2]);

  const out = join(dir, 'export.csv');
  const exported = footnote(dir, 'export', '--query', 'tag:afghanistan', '--out', out);
  assert.equal(exported.code, 0, exported.stderr);
  const csv = readFileSync(out, 'utf8');
  assert.ok(csv.startsWith('\uFEFFdate,outlet,title,URL,tags,labels,snippet\r\n'));
  assert.equal(csv.split('\r\n').length, 3);
  const ndjson = footnote(dir, 'export', '--format', 'ndjson');
  assert.equal(ndjson.stdout.trimEnd().split('\n').length, 15);
  assert.equal(JSON.parse(ndjson.stdout.split('\n')[0]!).id, 15);
  assert.equal(footnote(dir, 'export', '--format', 'xml').code, 2);
  const badExport = footnote(dir, 'export', '--query', 'a OR', '--out', join(dir, 'never.csv'));
  assert.equal(badExport.code, 1);
  assert.throws(() => readFileSync(join(dir, 'never.csv')), /ENOENT/);
});

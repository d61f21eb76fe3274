// The evidence commands as DESIGN.md §2 words them: versions, diff, recheck, export --warc and prune, each with
// --json, run as a user runs them (bin/footnote.js) on the library of issue 13's scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runScenario, T0 } from './support/evidence-scenario.ts';
import { tempDir } from './helpers.ts';

const root = join(import.meta.dirname, '..');

function footnote(dir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(join(root, 'node_modules/.bin/node'), [join(root, 'bin/footnote.js'), ...args, '--data-dir', dir], { encoding: 'utf8', cwd: root });
}

test('footnote versions, diff, recheck, export --warc and prune keep the JSON contracts', async (t) => {
  const { ctx, ids } = await runScenario(t);
  const dir = dirname(ctx.store.db.name);
  assert.ok(Date.now() - T0.getTime() > 86_400_000, 'the scenario is older than a day');
  await ctx.store.close();

  const versions = footnote(dir, 'versions', String(ids.label), '--json');
  assert.equal(versions.status, 0, versions.stderr);
  const list = JSON.parse(versions.stdout) as Record<string, unknown>[];
  assert.deepEqual(list.map((v) => Object.keys(v)), [['n', 'firstSeen', 'lastSeen', 'sha256', 'title', 'labels'], ['n', 'firstSeen', 'lastSeen', 'sha256', 'title', 'labels']]);

  const diff = footnote(dir, 'diff', String(ids.edit), '--from', '1', '--to', '2', '--json');
  assert.equal(diff.status, 0, diff.stderr);
  const d = JSON.parse(diff.stdout) as { from: number; to: number; text: { op: string; text: string }[]; labels: { added: unknown[]; removed: unknown[] } };
  assert.deepEqual([d.from, d.to, d.labels.added, d.labels.removed], [1, 2, [], []]);
  assert.deepEqual(d.text.filter((p) => p.op !== 'equal'), [{ op: 'insert', text: 'fragile ' }]);
  const plain = footnote(dir, 'diff', String(ids.label));
  assert.match(plain.stdout, /label added: extremist — Meta/);

  const missing = footnote(dir, 'diff', String(ids.ad), '--to', '2');
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /no version 2/);

  const recheck = footnote(dir, 'recheck', '--id', String(ids.edit), '--days', '3650', '--json');
  assert.equal(recheck.status, 0, recheck.stderr);
  assert.deepEqual(Object.keys(JSON.parse(recheck.stdout) as object), ['checked', 'edited', 'deleted', 'failed']);

  const out = join(tempDir(t), 'case.warc.gz');
  const warc = footnote(dir, 'export', '--warc', out, '--query', 'is:deleted');
  assert.equal(warc.status, 0, warc.stderr);
  assert.match(warc.stderr, /^1 articles, 2 fetches, 6 records/);
  assert.ok(existsSync(out) && existsSync(out.replace('.warc.gz', '.manifest.json')) && existsSync(out.replace('.warc.gz', '.manifest.csv')));

  const prune = footnote(dir, 'prune', '--older-than', '1', '--dry-run', '--json');
  assert.equal(prune.status, 0, prune.stderr);
  // The scenario is dated a week back: of its five articles only the ad-only and the dropped one are unprotected
  // (two were edited, one was found deleted).
  assert.deepEqual(JSON.parse(prune.stdout), { olderThanDays: 1, candidates: 2, pruned: 0, dryRun: true });
});

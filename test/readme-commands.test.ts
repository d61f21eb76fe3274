// Every command the README shows, run exactly as written (from the repository, on a temporary library), checked
// against what the README says it does. Commands that cannot run on a machine without the internet or the
// Electron binary are listed with the reason (and where another test covers them); the test fails when the
// README gains a command that is neither run here nor listed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './helpers.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The commands of the README's sh blocks and of its inline code, without comments; placeholders (<…>, […], …) left out. */
function readmeCommands(): string[] {
  const found = new Set<string>();
  for (const block of readme.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const line of block[1]!.split('\n')) {
      const command = line.replace(/\s+#.*$/, '').trim();
      if (command) found.add(command);
    }
  }
  for (const inline of readme.matchAll(/`((?:npx footnote|npm run|npm start|npm test|node scripts\/)[^`]*)`/g)) found.add(inline[1]!.trim());
  return [...found].filter((c) => !/[<[…]/.test(c));
}

/** Not run here, and why. */
const NOT_RUN: Record<string, string> = {
  'npm install && npm start': 'needs the Electron binary, which cannot be downloaded here (STACK.md)',
  'npm start': 'needs the Electron binary, which cannot be downloaded here (STACK.md)',
  'npm test': 'is the runner of this very test',
  'npm run serve': 'runs exactly as written in test/server-npm-serve.test.ts (it serves until stopped)',
  'npm run bench': 'takes minutes and loads both cores; the benchmarks are run by hand (BENCHMARKS.md)',
  'npm run dist': 'downloads Electron; test/packaging-builder-config.test.ts checks its configuration',
};

interface Expect { code: 0 | 1; out?: RegExp; err?: RegExp; file?: string }

/** What each runnable command must do, as the README describes it. example.com is unreachable here, so those fail in one line naming it. */
const EXPECT: Record<string, Expect> = {
  'npx footnote add https://example.com/': { code: 1, err: /example\.com/ },
  'npx footnote add https://example.com/feed --folder World': { code: 1, err: /example\.com/ },
  'npx footnote feeds': { code: 0, out: /^No subscriptions yet/ },
  'npx footnote poll': { code: 0, out: /^Polled 0 feeds/ },
  'npx footnote poll --due': { code: 0, out: /^Polled 0 feeds/ },
  'npx footnote remove 3': { code: 1, err: /3/ },
  'npx footnote opml import subscriptions.opml': { code: 1, err: /subscriptions\.opml/ },
  'npx footnote opml export --out subscriptions.opml': { code: 0, file: 'subscriptions.opml' },
  'npx footnote --help': { code: 0, out: /serve[\s\S]*search/ },
  'node scripts/validate-builder.cjs': { code: 0 },
};

test('every command the README shows is run here as written, or listed with the reason it cannot be', () => {
  const unknown = readmeCommands().filter((c) => !(c in NOT_RUN) && !(c in EXPECT));
  assert.deepEqual(unknown, [], 'README commands that no test runs: add them to EXPECT or NOT_RUN');
  for (const [command, why] of Object.entries(NOT_RUN)) {
    if (readmeCommands().includes(command)) console.log(`# not run: ${command} (${why})`);
  }
  assert.match(readFileSync(join(root, 'test', 'server-npm-serve.test.ts'), 'utf8'), /spawn\('npm', \['run', 'serve'\]/);
});

test('the README commands that run offline do what the README says, each failure in one line on stderr', { timeout: 180_000 }, (t) => {
  const dataDir = tempDir(t);
  t.after(() => rmSync(join(root, 'subscriptions.opml'), { force: true }));
  const commands = readmeCommands().filter((c) => c in EXPECT);
  assert.ok(commands.length >= 8, `found ${commands.length} commands`);
  for (const command of commands) {
    const want = EXPECT[command]!;
    rmSync(join(root, 'subscriptions.opml'), { force: true });
    const r = spawnSync(command, { cwd: root, shell: true, encoding: 'utf8', timeout: 60_000, env: { ...process.env, FOOTNOTE_DATA_DIR: dataDir } });
    const stderr = r.stderr.split('\n').filter((l) => l.trim() !== '' && !/^npm (warn|notice)/.test(l));
    assert.equal(r.status, want.code, `${command}: exit ${r.status}\n${r.stdout}\n${r.stderr}`);
    if (want.out) assert.match(r.stdout, want.out, command);
    if (want.code === 1) {
      assert.equal(stderr.length, 1, `${command}: one clear line on stderr, got:\n${stderr.join('\n')}`);
      assert.match(stderr[0]!, want.err!, command);
    }
    if (want.file) assert.match(readFileSync(join(root, want.file), 'utf8'), /<opml/, `${command} wrote ${want.file}`);
  }
});

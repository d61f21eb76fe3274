// Runs every test (node --test units and integrations, then Playwright in a real Chromium) and closes with the
// plain `N passed, N failed` line that CI reads: neither runner prints exactly that line for the two together.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

interface Counts { passed: number; failed: number; skipped: number }

function runNodeTests(): Counts {
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-timeout=120000', 'test/**/*.test.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(r.stdout);
  const count = (name: string): number => Number(new RegExp(`^ℹ ${name} (\\d+)$`, 'm').exec(r.stdout)?.[1] ?? 0);
  const counts = { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
  if (r.status !== 0 && counts.failed === 0) counts.failed = 1; // a crash before any summary still fails the run
  return counts;
}

function runPlaywright(): Counts {
  const specs = existsSync('test/e2e') ? readdirSync('test/e2e').filter((f) => f.endsWith('.spec.ts')) : [];
  if (specs.length === 0) return { passed: 0, failed: 0, skipped: 0 };
  mkdirSync('test-results', { recursive: true });
  const report = join('test-results', 'playwright.json');
  const r = spawnSync('npx', ['playwright', 'test', '--reporter=list,json'], {
    stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
  });
  if (!existsSync(report)) return { passed: 0, failed: 1, skipped: 0 };
  const stats = (JSON.parse(readFileSync(report, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }).stats;
  const counts = { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
  if (r.status !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

const unitOnly = process.argv.includes('--unit');
const parts = [runNodeTests(), ...(unitOnly ? [] : [runPlaywright()])];
const total = parts.reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped }));
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed > 0 ? 1 : 0;

// Peak memory under hostile input, measured in a child process (its own maxRSS, so the test runner's heap does
// not count): a 50,000-item feed, gzip and brotli bombs, a body over the cap and entity bombs, all in one poll.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tempDir } from './helpers.ts';
import { startHostileServer } from './support/hostile-server.ts';
import { MAX_WRITES_PER_POLL } from '../electron/poll/ingest.ts';

const CHILD = fileURLToPath(new URL('./support/hostile-poll-child.ts', import.meta.url));
// The bound was 400 MB until the engine took on language profiles (eld "medium", ~170 MB resident on their own), the
// label lexicons and alias tables, and raw capture of each response: the same process measured 474 MB on
// 2026-12-03. Alone it measures 450-502 MB, but in a full `npm test` on the 2 loaded cores it reached 606 MB once
// (later in the day, the same code 492 MB): with the CPU contended, V8 collects later. So the bound is 700 MB, which
// still fails a parser or an ingest that holds a whole 12 MB feed's worth per item or inflates a bomb: those run to
// gigabytes. Bringing the process's memory down is open work (BENCHMARKS.md, issue 11).
const BOUND_MB = 700;
const ITEMS = 50_000;

interface Summary { failed: { url: string; error: string }[] }
interface ChildReport { first: Summary; second: Summary; countsAfterFirst: { url: string; n: number }[]; countsAfterSecond: { url: string; n: number }[]; maxRssMB: number }

test(`a ${ITEMS}-item feed, compression bombs and entity bombs: peak RSS under ${BOUND_MB} MB; items per poll capped, the rest taken next poll`, { timeout: 240_000 }, async (t) => {
  const canaryFile = join(tempDir(t), 'canary.txt');
  writeFileSync(canaryFile, 'unused');
  const server = await startHostileServer({ canaryFile, lifetimeMs: 230_000, bigFeedItems: ITEMS });
  t.after(() => server.close());
  const paths = ['/big', '/gzip-bomb', '/brotli-bomb', '/over-cap-chunked', '/billion-laughs', '/quadratic-blowup'];
  const out = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, [CHILD, tempDir(t), ...paths.map((p) => server.url(p))], { encoding: 'utf8', timeout: 220_000, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)));
  });
  const report = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ChildReport;
  t.diagnostic(`peak RSS ${report.maxRssMB} MB`);
  assert.ok(report.maxRssMB < BOUND_MB, `peak RSS ${report.maxRssMB} MB is under ${BOUND_MB} MB`);

  const count = (rows: { url: string; n: number }[], path: string): number | undefined => rows.find((r) => r.url === server.url(path))?.n;
  assert.equal(count(report.countsAfterFirst, '/big'), MAX_WRITES_PER_POLL, 'the first poll stores the per-poll cap');
  assert.equal(count(report.countsAfterSecond, '/big'), 2 * MAX_WRITES_PER_POLL, 'the next poll takes the next batch');
  for (const p of ['/gzip-bomb', '/brotli-bomb', '/over-cap-chunked']) {
    const failure = report.first.failed.find((f) => f.url === server.url(p));
    assert.match(failure?.error ?? 'not failed', /larger than/, `${p} stopped at the cap`);
  }
});

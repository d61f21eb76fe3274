// The Electronegativity gate of `npm test` (scripts/electronegativity.ts) must fail on a HIGH finding: an app
// that turns Node on in its renderer is refused, offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './helpers.ts';

const SCRIPT = fileURLToPath(new URL('../scripts/electronegativity.ts', import.meta.url));

function runGate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr });
    });
  });
}

test('the Electronegativity gate fails on a window with Node integration and no context isolation', async (t) => {
  const dir = tempDir(t);
  const app = join(dir, 'unsafe');
  mkdirSync(app);
  writeFileSync(join(app, 'main.js'), `const { BrowserWindow } = require('electron');
const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });
win.loadURL('https://example.com/');
`);
  const report = join(dir, 'report.json');
  const r = await runGate([`--report=${report}`, app]);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /HIGH NODE_INTEGRATION_JS_CHECK|HIGH CONTEXT_ISOLATION_JS_CHECK|HIGH WEB_SECURITY_JS_CHECK/);
  const findings = (JSON.parse(readFileSync(report, 'utf8')) as { findings: { severity: string }[] }).findings;
  assert.ok(findings.some((f) => f.severity === 'HIGH'));
});

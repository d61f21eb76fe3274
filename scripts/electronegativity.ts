// Runs Electronegativity (Doyensec's Electron security linter) over the app's sources, offline, writes the full
// report to test-results/electronegativity.json and exits 1 on any HIGH-severity finding, printing each one.
// Usage: node scripts/electronegativity.ts [--report=FILE] [dir…]   (default: electron renderer)
//
// Two parts of the tool reach for the internet, and both are kept off here: its translations (fetched on every
// run, with retries; the English strings ship with the package, so a stub loads those instead) and its check
// for newer Electron releases (AvailableSecurityFixesGlobalCheck, excluded: the pinned version is our choice).
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);

interface Level { value: number; name: string }
interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: Level;
  confidence: Level;
  description: string;
  manualReview?: boolean;
}
interface RunOptions {
  input: string;
  excludeFromScan: string[];
  electronVersionOverride: string;
  isRelative: boolean;
}
type Runner = (options: RunOptions) => Promise<{ issues: Issue[]; errors: unknown[] }>;

const OFFLINE_EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];
const HIGH = 3;

/** The translation loader, minus the download: the bundled en-US strings, registered as the global __(). */
function installOfflineTranslations(): void {
  const i18nPath = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js');
  const i18n = require('i18n') as { configure: (o: object) => void; setLocale: (l: string) => void };
  const load = (): Promise<void> => {
    i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: dirname(i18nPath), updateFiles: false, objectNotation: true, register: globalThis });
    i18n.setLocale('en-US');
    return Promise.resolve();
  };
  // Seeding the CommonJS cache is the one way to swap a module the runner requires by relative path.
  require.cache[i18nPath] = { id: i18nPath, filename: i18nPath, loaded: true, exports: load } as unknown as NodeJS.Module;
}

function electronVersion(): string {
  return (require('electron/package.json') as { version: string }).version;
}

/**
 * One scan over all the directories together: the global checks (a CSP somewhere, navigation limits somewhere)
 * must see the main process and the renderer at once. A temporary folder of links to them is that one input.
 */
async function scan(dirs: string[]): Promise<Issue[]> {
  installOfflineTranslations();
  const run = (require('@doyensec/electronegativity') as { default?: Runner }).default ?? (require('@doyensec/electronegativity') as Runner);
  const root = mkdtempSync(join(tmpdir(), 'footnote-electronegativity-'));
  try {
    for (const dir of dirs) symlinkSync(resolve(dir), join(root, basename(resolve(dir))));
    const result = await run({ input: root, excludeFromScan: OFFLINE_EXCLUDED.map((c) => c.toLowerCase()), electronVersionOverride: electronVersion(), isRelative: true });
    return result.issues.map((i) => ({ ...i, file: i.file === 'N/A' ? '(whole app)' : i.file }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const reportFile = args.find((a) => a.startsWith('--report='))?.slice('--report='.length) ?? join('test-results', 'electronegativity.json');
const given = args.filter((a) => !a.startsWith('--report='));
const dirs = given.length > 0 ? given : ['electron', 'renderer'];
const issues = await scan(dirs);
const report = issues.map((i) => ({
  check: i.id, severity: i.severity.name, confidence: i.confidence.name, file: i.file,
  line: i.location.line, column: i.location.column, description: i.description, manualReview: i.manualReview === true,
}));
mkdirSync(dirname(reportFile), { recursive: true });
writeFileSync(reportFile, `${JSON.stringify({ scanned: dirs, electron: electronVersion(), excluded: OFFLINE_EXCLUDED, findings: report }, null, 2)}\n`);

const high = report.filter((r) => issues.find((i) => i.id === r.check)?.severity.value === HIGH);
const bySeverity = new Map<string, number>();
for (const r of report) bySeverity.set(r.severity, (bySeverity.get(r.severity) ?? 0) + 1);
const counts = [...bySeverity].map(([s, n]) => `${n} ${s}`).join(', ') || 'none';
console.log(`electronegativity: ${dirs.join(', ')}: findings ${counts}; report in ${reportFile}`);
for (const r of high) console.error(`  HIGH ${r.check} ${r.file}:${r.line}:${r.column} ${r.description}`);
process.exitCode = high.length > 0 ? 1 : 0;

// A bundle laid out as electron-vite lays out out/main/: the caller's entry as index.js, each worker script as its
// own file beside it, packages left external. Worker modules find their script beside their own code, so this is
// how a test proves they find it once bundled.
import type { TestContext } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..', '..');

/** Bundles `entrySource` (TypeScript) with `workers` (output name → source path); returns the path of index.js. */
export async function bundleLikeElectronVite(t: TestContext, entrySource: string, workers: Record<string, string>): Promise<string> {
  // Under the repo so that the bundle's external packages resolve from node_modules.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, 'footnote-bundle-'));
  t.after(() => rmSync(out, { recursive: true, force: true }));
  const entry = join(out, 'entry.ts');
  writeFileSync(entry, entrySource);
  await build({
    entryPoints: { index: entry, ...workers },
    outdir: join(out, 'main'), bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'silent',
  });
  return join(out, 'main', 'index.js');
}

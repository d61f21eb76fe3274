// Where the Electron binary is, found WITHOUT require('electron'): since electron 42 that require starts a
// download, which must never happen here (no network) and would hang CI.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function findElectron(): { path: string | null; reason: string } {
  const override = process.env['ELECTRON_BINARY'];
  if (override) return existsSync(override) ? { path: override, reason: '' } : { path: null, reason: `ELECTRON_BINARY=${override} does not exist` };
  let pkgDir: string;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'npm package "electron" is not installed' };
  }
  const pathTxt = join(pkgDir, 'path.txt');
  if (!existsSync(pathTxt)) {
    return { path: null, reason: `Electron binary was never downloaded (${pathTxt} missing); run "npx install-electron" on a machine with network` };
  }
  const bin = join(pkgDir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(bin) ? { path: bin, reason: '' } : { path: null, reason: `Electron binary missing at ${bin}` };
}

// Where the library lives: the same folder Electron's app.getPath('userData') gives the app, so that the CLI
// and the app share one library unless --data-dir or FOOTNOTE_DATA_DIR says otherwise.
import { homedir } from 'node:os';
import { join } from 'node:path';

const PRODUCT = 'Footnote';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const fromEnv = env['FOOTNOTE_DATA_DIR'];
  if (fromEnv) return fromEnv;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT);
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT);
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), PRODUCT);
}

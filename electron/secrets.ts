// Where the team library's password is kept. The settings file never holds it: the app keeps it encrypted by the
// OS keychain (Electron's safeStorage, handed in by main.ts as a Cipher, since only main.ts may import electron);
// web mode and the CLI keep none and take it from the environment (FOOTNOTE_DATABASE_URL or PGPASSWORD), so
// nothing of it is ever on disk in plain text.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SecretStore {
  /** Where a saved password goes, in words; null when this Footnote keeps none. */
  readonly keeper: string | null;
  /** Keeps the password; refuses with a sentence when keeper is null. */
  save(password: string): Promise<void>;
  /** The kept password, if any. */
  load(): Promise<string | undefined>;
  clear(): Promise<void>;
}

export class SecretNotKept extends Error {
  override name = 'SecretNotKept';
}

/** What encrypts for the keychain store: safeStorage's encryptStringAsync and decryptStringAsync in the app. */
export interface Cipher {
  encrypt(plain: string): Promise<Buffer>;
  decrypt(encrypted: Buffer): Promise<string>;
}

export const SECRET_FILE = 'team-library.secret';

/** The password encrypted by `cipher` in a file of the data directory (only ciphertext is written). */
export function keychainSecrets(dataDir: string, cipher: Cipher, keeper: string): SecretStore {
  const file = join(dataDir, SECRET_FILE);
  return {
    keeper,
    async save(password) {
      writeFileSync(file, await cipher.encrypt(password), { mode: 0o600 });
    },
    async load() {
      return existsSync(file) ? cipher.decrypt(readFileSync(file)) : undefined;
    },
    async clear() {
      rmSync(file, { force: true });
    },
  };
}

// Said by web mode, the CLI and an app on a system without a keychain alike, so it names all three.
export const ENVIRONMENT_NOTE = 'This Footnote never saves a password (web mode, the command line, or an app on a system without a keychain): start it with the password in PGPASSWORD (or the whole URL in FOOTNOTE_DATABASE_URL).';

/** Web mode and the CLI: refuses to keep a password; the one in the environment is used. */
export function environmentSecrets(env: NodeJS.ProcessEnv): SecretStore {
  return {
    keeper: null,
    async save() {
      throw new SecretNotKept(`The password was not saved. ${ENVIRONMENT_NOTE}`);
    },
    async load() {
      const fromUrl = env['FOOTNOTE_DATABASE_URL'] ? safePassword(env['FOOTNOTE_DATABASE_URL']) : '';
      return fromUrl || env['PGPASSWORD'] || undefined;
    },
    async clear() {},
  };
}

function safePassword(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}

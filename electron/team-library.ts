// Which library the app and web mode open: the data directory's own SQLite library, or the team library saved
// under Settings → Library. The setting holds where the server is and who logs in, never the password: that is
// kept by a SecretStore (secrets.ts), the OS keychain in the app, the environment in web mode and the CLI.
import type { Settings } from './settings.ts';

export type SslMode = 'verify-full' | 'disable';

/** A team library as the settings file keeps it (no password). */
export interface TeamLibrarySetting {
  host: string;
  port: number;
  database: string;
  user: string;
  /** verify-full: TLS, the server's certificate checked against `caFile` (else the system's CAs) and its name. */
  sslmode: SslMode;
  /** A PEM file with the CA that signed the server's certificate (sslrootcert). */
  caFile?: string | undefined;
}

/** The postgres:// URL of a team library, without its password. */
export function teamLibraryUrl(choice: TeamLibrarySetting): string {
  const u = new URL('postgres://localhost');
  u.hostname = choice.host;
  u.port = String(choice.port);
  u.username = encodeURIComponent(choice.user);
  u.pathname = `/${encodeURIComponent(choice.database)}`;
  u.searchParams.set('sslmode', choice.sslmode);
  if (choice.caFile) u.searchParams.set('sslrootcert', choice.caFile);
  return u.toString();
}

/** The URL with the password in it, for the connection only (node-postgres decodes it): never written anywhere. */
export function withPassword(url: string, password: string | undefined): string {
  if (!password) return url;
  const u = new URL(url);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** Host, port, database and user of a postgres:// URL, for saying which library is open; never its password. */
export function describeUrl(url: string): Omit<TeamLibrarySetting, 'caFile'> & { caFile: string | null } {
  const u = new URL(url);
  const sslmode = u.searchParams.get('sslmode');
  return {
    host: u.hostname || 'localhost',
    port: Number(u.port || 5432),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')),
    user: decodeURIComponent(u.username),
    sslmode: sslmode === 'verify-full' ? 'verify-full' : 'disable',
    caFile: u.searchParams.get('sslrootcert'),
  };
}

/** The saved team library's URL without a password, or undefined for the local library. */
export function savedTeamLibraryUrl(settings: Settings): string | undefined {
  const choice = settings.get('teamLibrary');
  return choice ? teamLibraryUrl(choice) : undefined;
}

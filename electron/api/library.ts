// Settings → Library: which library is open, a team library's connection tested in words, and the choice saved for
// the next start ("restart to switch": the engine keeps its library while it runs, polls included). The password
// never reaches the settings file: here (the engine, in web mode and the CLI) the environment's SecretStore refuses
// to keep it; the app's main process keeps it in the OS keychain before the call reaches the engine (main.ts).
import { z } from 'zod';
import { ApiError, method, type ApiContext } from './define.ts';
import { PostgresStore } from '../store/postgres/postgres-store.ts';
import { probeTeamLibrary, type ProbeReport } from '../store/postgres/probe.ts';
import { describeUrl, savedTeamLibraryUrl, teamLibraryUrl, withPassword, type TeamLibrarySetting } from '../team-library.ts';
import { ENVIRONMENT_NOTE, SecretNotKept, environmentSecrets } from '../secrets.ts';
import { redactUrl } from '../store/postgres/connection.ts';

export const teamLibraryFields = z.object({
  host: z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.\-_]+$/, 'a host name or IPv4 address'),
  port: z.number().int().min(1).max(65535).default(5432),
  database: z.string().trim().min(1).max(63),
  user: z.string().trim().min(1).max(63),
  /** Typed in the form; never saved by the engine. */
  password: z.string().max(1024).optional(),
  sslmode: z.enum(['verify-full', 'disable']).default('verify-full'),
  caFile: z.string().trim().max(4096).optional(),
}).strict();

/** How long "Test connection" waits for the server. */
export const PROBE_TIMEOUT_MS = 5000;

type InUse =
  | { engine: 'sqlite'; path: string }
  | { engine: 'postgres'; host: string; port: number; database: string; user: string; sslmode: 'verify-full' | 'disable'; caFile: string | null };

interface LibraryState {
  inUse: InUse;
  /** What Settings → Library saved for the next start (null: the local library). */
  saved: Omit<TeamLibrarySetting, 'caFile'> & { caFile: string | null } | null;
  /** The saved choice differs from the library open now: it takes effect when Footnote restarts. */
  restartNeeded: boolean;
  /** FOOTNOTE_DATABASE_URL (or --database-url) chose the library and wins over the saved choice. */
  fromEnvironment: boolean;
  /** Where a saved password is kept, in words; null when this Footnote keeps none (web mode, CLI). */
  passwordKeeper: string | null;
  passwordNote: string;
}

function setting(fields: z.output<typeof teamLibraryFields>): TeamLibrarySetting {
  return { host: fields.host, port: fields.port, database: fields.database, user: fields.user, sslmode: fields.sslmode, ...(fields.caFile ? { caFile: fields.caFile } : {}) };
}

function inUse(ctx: ApiContext): InUse {
  if (ctx.store instanceof PostgresStore) return { engine: 'postgres', ...describeUrl(String(ctx.store.pool.options.connectionString)) };
  return { engine: 'sqlite', path: ctx.libraryFile ?? 'the local library' };
}

function urlOf(library: InUse): string {
  return library.engine === 'sqlite' ? 'local' : redactUrl(teamLibraryUrl({ ...library, caFile: library.caFile ?? undefined }));
}

export const libraryApi = {
  'library.current': method(z.object({}).strict(), (ctx): LibraryState => {
    const open = inUse(ctx);
    const saved = ctx.settings.get('teamLibrary');
    const fromEnvironment = ctx.libraryOverride === true || Boolean(process.env['FOOTNOTE_DATABASE_URL']);
    return {
      inUse: open,
      saved: saved ? { ...saved, caFile: saved.caFile ?? null } : null,
      restartNeeded: !fromEnvironment && (savedTeamLibraryUrl(ctx.settings) ?? 'local') !== urlOf(open),
      fromEnvironment,
      passwordKeeper: null,
      passwordNote: ENVIRONMENT_NOTE,
    };
  }),
  'library.testConnection': method(teamLibraryFields, (_ctx, fields): Promise<ProbeReport> =>
    probeTeamLibrary({ url: teamLibraryUrl(setting(fields)), password: fields.password, timeoutMs: PROBE_TIMEOUT_MS })),
  'library.use': method(z.object({
    team: teamLibraryFields.nullable(),
    /** Set by the app's main process, which keeps the password in the OS keychain once this call succeeds. */
    passwordKeptBy: z.string().max(200).optional(),
  }).strict(), async (ctx, { team, passwordKeptBy }): Promise<{ message: string; restartNeeded: true }> => {
    if (team === null) {
      ctx.settings.set('teamLibrary', null);
      return { message: 'Saved: Footnote opens the local library when it restarts. Restart Footnote to switch.', restartNeeded: true };
    }
    const choice = setting(team);
    const probe = await probeTeamLibrary({ url: withPassword(teamLibraryUrl(choice), team.password), timeoutMs: PROBE_TIMEOUT_MS });
    if (!probe.ok) throw new ApiError('unreachable', `Not saved: ${probe.summary}`);
    let passwordNote = team.password ? '' : 'No password was given: the server must accept this user without one, or PGPASSWORD must hold it.';
    if (team.password && passwordKeptBy) {
      passwordNote = `The password is kept encrypted by ${passwordKeptBy}.`;
    } else if (team.password) {
      try {
        await environmentSecrets(process.env).save(team.password);
      } catch (err) {
        if (!(err instanceof SecretNotKept)) throw err;
        passwordNote = err.message;
      }
    }
    ctx.settings.set('teamLibrary', choice);
    return { message: `Saved: Footnote opens the team library ${choice.database} on ${choice.host} when it restarts. Restart Footnote to switch. ${passwordNote}`.trim(), restartNeeded: true };
  }),
};

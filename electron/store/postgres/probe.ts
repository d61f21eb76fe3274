// "Test connection" for a team library: connects once with a short timeout and checks what opening the library
// would need: PostgreSQL 15 or later, the role's rights on the library's schema, and a schema version this app
// knows. Each check is reported in words, with what to do when it fails; nothing is written.
import pg from 'pg';
import { DEFAULT_SCHEMA, checkSchemaName, latestVersion, schemaVersionOf } from './migrate.ts';
import { redactUrl } from './connection.ts';
import { withPassword } from '../../team-library.ts';

export interface ProbeCheck {
  what: string;
  ok: boolean;
  detail: string;
}

export interface ProbeReport {
  ok: boolean;
  /** One sentence: what works, or the first thing that does not and what to do. */
  summary: string;
  /** e.g. "16.4"; null when the server could not be reached. */
  serverVersion: string | null;
  checks: ProbeCheck[];
}

export interface ProbeOptions {
  url: string;
  /** Given apart from the URL (a form's field); else the URL's, else PGPASSWORD. */
  password?: string | undefined;
  schema?: string | undefined;
  timeoutMs?: number | undefined;
}

const MIN_SERVER = 150000;

export async function probeTeamLibrary(options: ProbeOptions): Promise<ProbeReport> {
  const schema = checkSchemaName(options.schema ?? DEFAULT_SCHEMA);
  const timeoutMs = options.timeoutMs ?? 5000;
  const where = (() => {
    try {
      const u = new URL(options.url);
      return `${u.hostname}:${u.port || 5432}`;
    } catch {
      return redactUrl(options.url);
    }
  })();
  const checks: ProbeCheck[] = [];
  const fail = (what: string, detail: string, serverVersion: string | null = null): ProbeReport => {
    checks.push({ what, ok: false, detail });
    return { ok: false, summary: detail, serverVersion, checks };
  };
  let client: pg.Client;
  try {
    client = new pg.Client({
      // node-postgres lets the URL's fields win over separate ones: the password goes into the URL.
      connectionString: withPassword(options.url, options.password),
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      application_name: 'footnote',
    });
  } catch (err) {
    // pg-connection-string reads sslrootcert when the URL is parsed.
    return fail('Connection', `The connection settings cannot be used: ${(err as Error).message}. Check the CA file's path.`);
  }
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    return fail('Connection', connectError(err, where, timeoutMs));
  }
  try {
    checks.push({ what: 'Connection', ok: true, detail: `Connected to ${where}${client.ssl ? ' over TLS' : ' without TLS'}.` });
    const info = await client.query<{ num: number; version: string; role: string; db: string }>(
      "SELECT current_setting('server_version_num')::int AS num, current_setting('server_version') AS version, current_user AS role, current_database() AS db");
    const { num, version, role, db } = info.rows[0]!;
    const short = version.split(' ')[0] ?? version;
    if (num < MIN_SERVER) return fail('Server version', `PostgreSQL ${short} is too old: Footnote needs PostgreSQL 15 or later.`, short);
    checks.push({ what: 'Server version', ok: true, detail: `PostgreSQL ${short} (15 or later is needed).` });

    const rights = await client.query<{ usage: boolean; create: boolean }>(
      "SELECT has_schema_privilege(oid, 'USAGE') AS usage, has_schema_privilege(oid, 'CREATE') AS create FROM pg_namespace WHERE nspname = $1", [schema]);
    const r = rights.rows[0];
    if (!r) {
      const canCreate = await client.query<{ ok: boolean }>("SELECT has_database_privilege(current_database(), 'CREATE') AS ok");
      if (!canCreate.rows[0]?.ok) {
        return fail('Rights', `Schema "${schema}" does not exist in database "${db}" and role "${role}" may not create it: have the database's owner run CREATE SCHEMA ${schema} AUTHORIZATION ${role}; (README, Team library).`, short);
      }
      checks.push({ what: 'Rights', ok: true, detail: `Schema "${schema}" does not exist yet; role "${role}" may create it, and Footnote will on first use.` });
      checks.push({ what: 'Library', ok: true, detail: 'Empty: Footnote creates its tables on first use.' });
      return done(short, role, db);
    }
    if (!r.usage || !r.create) {
      return fail('Rights', `Role "${role}" lacks ${[!r.usage && 'USAGE', !r.create && 'CREATE'].filter(Boolean).join(' and ')} on schema "${schema}": have its owner run GRANT USAGE, CREATE ON SCHEMA ${schema} TO ${role};.`, short);
    }
    checks.push({ what: 'Rights', ok: true, detail: `Role "${role}" may use and create tables in schema "${schema}".` });

    const current = await schemaVersionOf(client, schema);
    const latest = latestVersion();
    if (current > latest) {
      return fail('Library', `This library was written by a newer Footnote (schema version ${current}; this Footnote knows up to ${latest}): update Footnote before using it.`, short);
    }
    checks.push({
      what: 'Library',
      ok: true,
      detail: current === 0 ? 'Empty: Footnote creates its tables on first use.'
        : current === latest ? `Schema version ${current}, as this Footnote writes it.`
          : `Schema version ${current}: Footnote brings it to version ${latest} on first use.`,
    });
    return done(short, role, db);
  } catch (err) {
    return fail('Checks', `Connected, but a check failed: ${(err as Error).message}.`);
  } finally {
    await client.end().catch(() => undefined);
  }

  function done(version: string, role: string, db: string): ProbeReport {
    return { ok: true, summary: `Connection works: PostgreSQL ${version}, database "${db}" as "${role}", schema "${schema}".`, serverVersion: version, checks };
  }
}

/** Why the connection failed, in words, with what to do. */
function connectError(err: unknown, where: string, timeoutMs: number): string {
  const e = err as { code?: string; message?: string };
  const message = e.message ?? String(err);
  switch (e.code) {
    case '28P01': return `The server refused the user name or password (${message}): check both.`;
    case '28000': return `The server does not let this user in from here (${message}): ask its administrator (pg_hba.conf).`;
    case '3D000': return `${message}: check the database name.`;
    case 'ECONNREFUSED': return `Nothing answers at ${where}: check the host and port, and that the server is running.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN': return `The host name in ${where} is not known: check the host.`;
    case 'ETIMEDOUT': return `No answer from ${where} within ${timeoutMs / 1000} s: check the host and port, and any firewall between.`;
    default: break;
  }
  if (/client password must be a string/.test(message)) return `The server at ${where} asks for a password and none was given: type it in the form (web mode: set PGPASSWORD).`;
  if (/timeout/i.test(message)) return `No answer from ${where} within ${timeoutMs / 1000} s: check the host and port, and any firewall between.`;
  if (/does not support SSL/i.test(message)) return `The server at ${where} does not offer TLS: ask its administrator to turn TLS on (sslmode disable is only for a server on this machine).`;
  if (e.code && /CERT|SELF_SIGNED|ALTNAME|UNABLE_TO/.test(e.code)) {
    return `The server's certificate could not be verified (${message}): give the CA file that signed it, and connect by the name its certificate carries.`;
  }
  return `Could not connect to ${where}: ${message}.`;
}

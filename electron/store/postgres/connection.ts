// The connection pool of a team library: where it points (a postgres:// URL, TLS as the URL says), which schema the
// library lives in, and how values come back. Counts (int8) come back as numbers and times (timestamptz) as ISO
// strings, the shapes the records of store/records.ts have on both engines.
import pg from 'pg';
import { DEFAULT_SCHEMA, checkSchemaName } from './migrate.ts';

const INT8 = 20;
const INT8_ARRAY = 1016; // _int8: not in pg-types' list of named ids
const TIMESTAMPTZ = 1184;

/** int8 (and arrays of it) as JS numbers: ids and counts of a library stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === INT8_ARRAY) {
      const parse = pg.types.getTypeParser(INT8_ARRAY as Parameters<typeof pg.types.getTypeParser>[0]) as (v: string) => string[];
      return (v: string) => parse(v).map(Number);
    }
    if (oid === TIMESTAMPTZ) return (v: string) => new Date(v).toISOString();
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

export interface TeamLibraryOptions {
  /** A postgres:// or postgresql:// URL; sslmode=verify-full in it checks the server's certificate and name. */
  url: string;
  /** The schema the library lives in (default footnote). */
  schema?: string | undefined;
  /** Connections this client keeps at most. */
  max?: number | undefined;
}

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/** The URL with its password left out, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'an unreadable database URL';
  }
}

export function createPool(options: TeamLibraryOptions): pg.Pool {
  const schema = checkSchemaName(options.schema ?? DEFAULT_SCHEMA);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 4,
    types,
    // Every statement of this client reads and writes the library's schema and nothing else.
    options: `-c search_path=${schema}`,
    application_name: 'footnote',
  });
  // An idle connection that drops is replaced on the next checkout; without a listener it would end the process.
  pool.on('error', () => undefined);
  return pool;
}

// Values on their way into PostgreSQL: its text type cannot hold U+0000, which feeds do carry now and then (SQLite
// stores it); it is dropped from what the team library keeps.

const NUL = /\u0000/g;

export function clean<T>(value: T): T {
  return (typeof value === 'string' ? value.replace(NUL, '') : value) as T;
}

/** PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMS = 65_535;

/**
 * Rows as one multi-row VALUES list per chunk ("($1, $2), ($3, $4)" and its parameters), so that a feed's rows go
 * in a few statements instead of one round trip each. `cast` types a column's placeholders (e.g. '::tsvector').
 */
export function valuesChunks(rows: unknown[][], cast: (string | undefined)[] = []): { sql: string; params: unknown[] }[] {
  const width = rows[0]?.length ?? 1;
  const size = Math.max(1, Math.floor(MAX_PARAMS / width));
  const chunks: { sql: string; params: unknown[] }[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const slice = rows.slice(i, i + size);
    const sql = slice.map((_, r) => `(${Array.from({ length: width }, (_, k) => `$${r * width + k + 1}${cast[k] ?? ''}`).join(', ')})`).join(', ');
    chunks.push({ sql, params: slice.flat() });
  }
  return chunks;
}

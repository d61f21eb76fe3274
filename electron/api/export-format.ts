// An export's rows as a file: CSV, JSON or NDJSON, written piece by piece. CSV is RFC 4180 (CRLF, fields quoted when
// needed, quotes doubled) with a UTF-8 BOM so that Excel reads Cyrillic and Arabic right; cells that a spreadsheet
// would run as a formula get a leading apostrophe.
import type { ExportRow } from '../store/records.ts';
import { csvField } from '../text/csv.ts';

export type ExportFormat = 'csv' | 'json' | 'ndjson';

export const CSV_COLUMNS = ['date', 'outlet', 'title', 'URL', 'tags', 'labels', 'snippet'] as const;

function csvLine(row: ExportRow): string {
  const labels = row.labels.map((l) => `${l.kind}: ${l.entity}`).join('; ');
  return [row.date, row.outlet, row.title ?? '', row.url ?? '', row.tags.join('; '), labels, row.snippet].map(csvField).join(',') + '\r\n';
}

/**
 * Writes the export through `write` (a file stream, stdout, or a string builder); returns the number of rows. The
 * first row is read before anything is written, so a malformed query fails without leaving a file behind.
 */
export async function writeExport(rows: Iterable<ExportRow> | AsyncIterable<ExportRow>, format: ExportFormat,
  write: (chunk: string) => void | Promise<void>): Promise<number> {
  const it = Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
  let next = await it.next();
  let n = 0;
  if (format === 'csv') await write(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  if (format === 'json') await write('[');
  for (; !next.done; next = await it.next()) {
    const row = next.value;
    if (format === 'csv') await write(csvLine(row));
    else if (format === 'json') await write(`${n > 0 ? ',' : ''}\n  ${JSON.stringify(row)}`);
    else await write(`${JSON.stringify(row)}\n`);
    n++;
  }
  if (format === 'json') await write(n > 0 ? '\n]\n' : ']\n');
  return n;
}

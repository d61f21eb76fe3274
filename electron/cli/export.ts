// `footnote export`: every article, or a query's results, as CSV, JSON or NDJSON, to stdout or a file.
// It streams from the library rather than going through 'export.run', which builds one string for the window.
import { createWriteStream, type WriteStream } from 'node:fs';
import { stringOption, UsageError, type CliCommand } from './command.ts';
import { writeExport, type ExportFormat } from '../store/sqlite/search/export.ts';
import { prepareQuery } from '../store/sqlite/search/search.ts';
import { outletResolver } from '../store/sqlite/outlets.ts';

const FORMATS: readonly ExportFormat[] = ['csv', 'json', 'ndjson'];

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export [--format csv|json|ndjson] [--query Q] [--out FILE]',
  summary: 'export articles (all, or a query\'s results) with tags and labels; stdout unless --out',
  options: { format: { type: 'string' }, query: { type: 'string' }, out: { type: 'string' } },
  async run(io) {
    const format = (stringOption(io, 'format') ?? 'csv') as ExportFormat;
    if (!FORMATS.includes(format)) throw new UsageError(`--format takes csv, json or ndjson, not "${format}".`);
    const query = stringOption(io, 'query') ?? null;
    if (query !== null) prepareQuery(query); // a malformed query fails before any file is created
    const out = stringOption(io, 'out');
    const db = io.context().db;
    const file: WriteStream | null = out ? createWriteStream(out) : null;
    const opened = file ? new Promise<void>((resolve, reject) => file.once('open', () => resolve()).once('error', reject)) : Promise.resolve();
    await opened;
    const count = writeExport(db, format, query, (chunk) => (file ? file.write(chunk) : process.stdout.write(chunk)), outletResolver(db));
    if (file) {
      await new Promise<void>((resolve, reject) => file.end(() => resolve()).once('error', reject));
      io.err(`${count} articles written to ${out}`);
    }
  },
};

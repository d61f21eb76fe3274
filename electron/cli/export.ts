// `footnote export`: every article, or a query's results, as CSV, JSON or NDJSON, to stdout or a file.
// It streams from the library rather than going through 'export.run', which builds one string for the window.
import { createWriteStream, type WriteStream } from 'node:fs';
import { stringOption, UsageError, type CliCommand } from './command.ts';
import { writeExport, type ExportFormat } from '../api/export-format.ts';

const FORMATS: readonly ExportFormat[] = ['csv', 'json', 'ndjson'];

function openFile(path: string): Promise<WriteStream> {
  const file = createWriteStream(path);
  return new Promise((resolve, reject) => file.once('open', () => resolve(file)).once('error', reject));
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export [--format csv|json|ndjson] [--query Q] [--out FILE]',
  summary: 'export articles (all, or a query\'s results) with tags and labels; stdout unless --out',
  options: { format: { type: 'string' }, query: { type: 'string' }, out: { type: 'string' } },
  async run(io) {
    const format = (stringOption(io, 'format') ?? 'csv') as ExportFormat;
    if (!FORMATS.includes(format)) throw new UsageError(`--format takes csv, json or ndjson, not "${format}".`);
    const out = stringOption(io, 'out');
    // The file is created with the first piece: a malformed query fails before that, and leaves no file behind.
    let file: WriteStream | null = null;
    const rows = io.context().store.search.exportRows(stringOption(io, 'query') ?? null);
    const count = await writeExport(rows, format, async (chunk) => {
      if (!out) process.stdout.write(chunk);
      else (file ??= await openFile(out)).write(chunk);
    });
    if (out) {
      const written = file ?? await openFile(out);
      await new Promise<void>((resolve, reject) => written.end(() => resolve()).once('error', reject));
      io.err(`${count} articles written to ${out}`);
    }
  },
};

// `footnote export`: every article, or a query's results, as CSV, JSON or NDJSON, to stdout or a file.
// It streams from the library rather than going through 'export.run', which builds one string for the window.
import { createWriteStream, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { printJson, stringOption, UsageError, type CliCommand } from './command.ts';
import { writeExport, type ExportFormat } from '../api/export-format.ts';

const FORMATS: readonly ExportFormat[] = ['csv', 'json', 'ndjson'];

function openFile(path: string): Promise<WriteStream> {
  const file = createWriteStream(path);
  return new Promise((resolve, reject) => file.once('open', () => resolve(file)).once('error', reject));
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export [--format csv|json|ndjson] [--query Q] [--out FILE] | export --warc FILE [--query Q]',
  summary: 'export articles (all, or a query\'s results) with tags and labels; stdout unless --out; --warc: evidence as WARC 1.1',
  options: { format: { type: 'string' }, query: { type: 'string' }, out: { type: 'string' }, warc: { type: 'string' } },
  async run(io) {
    const warc = stringOption(io, 'warc');
    if (warc !== undefined) {
      if (!/\.warc(?:\.gz)?$/i.test(warc)) throw new UsageError(`--warc takes a file name ending in .warc or .warc.gz, not "${warc}".`);
      const r = await io.api.call('evidence.exportWarc', { path: resolve(warc), query: stringOption(io, 'query') });
      if (io.json) return printJson(io, r);
      io.err(`${r.articles} articles, ${r.fetches} fetches, ${r.records} records written to ${r.warc} (manifests: ${r.manifestJson}, ${r.manifestCsv})`);
      return;
    }
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

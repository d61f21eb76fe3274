// `footnote opml import <file>` / `footnote opml export [--out FILE]`: subscriptions in and out, folders kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { UsageError, printJson, stringOption, type CliCommand } from './command.ts';

export const opmlCommand: CliCommand = {
  name: 'opml',
  usage: 'opml import <file> | opml export [--out FILE]',
  summary: 'import subscriptions from OPML (folders kept, fetched on the next poll) or export them',
  options: { out: { type: 'string' } },
  async run(io) {
    const [action, file, ...extra] = io.positionals;
    if (action === 'import') {
      if (!file || extra.length > 0) throw new UsageError('give one OPML file to import');
      let xml: string;
      try {
        xml = readFileSync(file, 'utf8');
      } catch (err) {
        throw new Error(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}.`);
      }
      const r = await io.api.call('opml.import', { xml });
      if (io.json) return printJson(io, r);
      io.out(`Imported ${r.added} feed${r.added === 1 ? '' : 's'} (${r.skipped} skipped: already subscribed or not a web address). Run "footnote poll" to fetch them.`);
      return;
    }
    if (action === 'export') {
      if (file || extra.length > 0) throw new UsageError('opml export takes no file name; use --out FILE');
      const { xml } = await io.api.call('opml.export', {});
      const out = stringOption(io, 'out');
      if (!out) {
        io.out(xml);
        return;
      }
      writeFileSync(out, xml);
      if (io.json) printJson(io, { file: out, bytes: Buffer.byteLength(xml) });
      else io.out(`Wrote ${out}.`);
      return;
    }
    throw new UsageError('say "import <file>" or "export"');
  },
};

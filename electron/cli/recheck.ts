// `footnote recheck [--days N] [--id ID]`: fetch recent articles' pages again now, to catch edits and deletions.
import { positiveOption, printJson, type CliCommand } from './command.ts';

export const recheckCommand: CliCommand = {
  name: 'recheck',
  usage: 'recheck [--days N] [--id ID]',
  summary: 're-fetch recent articles (default: the setting, 14 days) to catch edits and deletions',
  options: { days: { type: 'string' }, id: { type: 'string' } },
  async run(io) {
    const r = await io.api.call('articles.recheck', { days: positiveOption(io, 'days'), id: positiveOption(io, 'id') });
    if (io.json) return printJson(io, r);
    io.out(`Re-checked ${r.checked} article${r.checked === 1 ? '' : 's'}: ${r.edited} edited, ${r.deleted} deleted, ${r.failed.length} not judged.`);
    for (const f of r.failed) io.out(`  not judged: ${f.url}: ${f.error}`);
  },
};

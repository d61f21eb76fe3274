// `footnote recheck [--days N] [--id ID]`: fetch recent articles' pages again now, to catch edits and deletions.
import { printJson, stringOption, UsageError, type CliCommand } from './command.ts';

function positive(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--${name} takes a positive whole number, not "${text}".`);
  return Number(text);
}

export const recheckCommand: CliCommand = {
  name: 'recheck',
  usage: 'recheck [--days N] [--id ID]',
  summary: 're-fetch recent articles (default: the setting, 14 days) to catch edits and deletions',
  options: { days: { type: 'string' }, id: { type: 'string' } },
  async run(io) {
    const r = await io.api.call('articles.recheck', { days: positive(stringOption(io, 'days'), 'days'), id: positive(stringOption(io, 'id'), 'id') });
    if (io.json) return printJson(io, r);
    io.out(`Re-checked ${r.checked} article${r.checked === 1 ? '' : 's'}: ${r.edited} edited, ${r.deleted} deleted, ${r.failed.length} not judged.`);
    for (const f of r.failed) io.out(`  not judged: ${f.url}: ${f.error}`);
  },
};

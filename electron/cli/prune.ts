// `footnote prune [--older-than DAYS] [--dry-run]`: retention as a visible action with a count (store/RETENTION.md).
import { printJson, stringOption, UsageError, type CliCommand } from './command.ts';

export const pruneCommand: CliCommand = {
  name: 'prune',
  usage: 'prune [--older-than DAYS] [--dry-run]',
  summary: 'remove untagged, unstarred, unflagged, unreviewed, unedited articles older than DAYS (default: the setting, never)',
  options: { 'older-than': { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  async run(io) {
    const text = stringOption(io, 'older-than');
    if (text !== undefined && (!/^\d+$/.test(text) || Number(text) < 1)) throw new UsageError(`--older-than takes a number of days, not "${text}".`);
    const r = await io.api.call('library.prune', { olderThanDays: text === undefined ? undefined : Number(text), dryRun: io.values['dry-run'] === true });
    if (io.json) return printJson(io, r);
    if (r.olderThanDays === null) return io.out('Retention is set to never: nothing pruned. Give --older-than DAYS to prune now.');
    io.out(r.dryRun
      ? `${r.candidates} articles older than ${r.olderThanDays} days may be pruned (dry run: nothing removed).`
      : `Pruned ${r.pruned} articles older than ${r.olderThanDays} days; everything tagged, starred, flagged, reviewed, edited or deleted was kept.`);
  },
};

// `footnote poll [--due]`: fetch every feed now (or, with --due, those whose time has come: for cron). A progress
// bar on a terminal, one summary line otherwise. Exits 0 when the poll ran, whatever single feeds did.
import { printJson, type CliCommand } from './command.ts';
import type { ApiResult } from '../api/methods.ts';
import type { AppEvent } from '../events.ts';

const BAR_WIDTH = 30;

function progressLine(e: Extract<AppEvent, { type: 'poll-progress' }>): string {
  const filled = e.total === 0 ? BAR_WIDTH : Math.round((e.done / e.total) * BAR_WIDTH);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${e.done}/${e.total} feeds, ${e.newArticles} new`;
}

export const pollCommand: CliCommand = {
  name: 'poll',
  usage: 'poll [--due]',
  summary: 'fetch every feed now (--due: only those whose interval has passed)',
  options: { due: { type: 'boolean', default: false } },
  async run(io) {
    const bar = process.stderr.isTTY === true;
    const stop = bar ? io.context().events.on((e) => { if (e.type === 'poll-progress') process.stderr.write(progressLine(e)); }) : undefined;
    let r: ApiResult<'feeds.poll'>;
    try {
      r = await io.api.call('feeds.poll', { due: io.values['due'] === true });
    } finally {
      stop?.();
      if (bar) process.stderr.write('\n');
    }
    if (io.json) return printJson(io, r);
    const parts = [`Polled ${r.feeds} feed${r.feeds === 1 ? '' : 's'}: ${r.new} new, ${r.updated} updated, ${r.failed.length} failed`];
    if (r.skipped.length > 0) parts.push(`${r.skipped.length} skipped`);
    io.out(`${parts.join(', ')}.`);
    for (const f of r.failed) io.out(`  failed: ${f.url}: ${f.error}`);
    for (const s of r.skipped) io.out(`  skipped: ${s.url}: ${s.reason}`);
  },
};

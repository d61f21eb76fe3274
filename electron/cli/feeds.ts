// `footnote feeds`: the subscriptions with their status, last error and article counts.
import { printJson, type CliCommand } from './command.ts';
import { formatTable } from '../text/columns.ts';

export const feedsCommand: CliCommand = {
  name: 'feeds',
  usage: 'feeds',
  summary: 'list subscriptions with status, last error and counts',
  async run(io) {
    const feeds = await io.api.call('feeds.list', {});
    if (io.json) return printJson(io, feeds);
    if (feeds.length === 0) {
      io.out('No subscriptions yet: "footnote add <url>" adds one.');
      return;
    }
    const rows = feeds.map((f) => [String(f.id), f.status, f.folder ?? '', f.title ?? '(untitled)', String(f.articleCount), String(f.unreadCount), f.url]);
    const lines = formatTable(['ID', 'STATUS', 'FOLDER', 'TITLE', 'ARTICLES', 'UNREAD', 'URL'], rows,
      [{ align: 'right' }, {}, { max: 20 }, { max: 48 }, { align: 'right' }, { align: 'right' }, {}]);
    io.out(lines[0] ?? '');
    feeds.forEach((f, i) => {
      io.out(lines[i + 1] ?? '');
      if (f.lastError) io.out(`    last error: ${f.lastError}`);
    });
  },
};

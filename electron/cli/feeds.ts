// `footnote feeds`: the subscriptions with their status, last error and article counts.
import { printJson, type CliCommand } from './command.ts';

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
    for (const f of feeds) {
      const folder = f.folder ? `[${f.folder}] ` : '';
      io.out(`${String(f.id).padStart(4)}  ${f.status.padEnd(5)}  ${folder}${f.title ?? '(untitled)'}  ${f.url}  ${f.articleCount} articles, ${f.unreadCount} unread`);
      if (f.lastError) io.out(`      last error: ${f.lastError}`);
    }
  },
};

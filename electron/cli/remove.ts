// `footnote remove <id|url>`: unsubscribe; the feed's articles go with it.
import { UsageError, printJson, type CliCommand, type CliIo } from './command.ts';

async function feedIdFor(io: CliIo, ref: string): Promise<number> {
  if (/^\d+$/.test(ref)) return Number(ref);
  const feeds = await io.api.call('feeds.list', {});
  const found = feeds.find((f) => f.url === ref || f.url === ref.trim() || f.siteUrl === ref);
  if (!found) throw new Error(`No subscription has the address ${ref}; "footnote feeds" lists them.`);
  return found.id;
}

export const removeCommand: CliCommand = {
  name: 'remove',
  usage: 'remove <id|url>',
  summary: 'unsubscribe from a feed and delete its articles',
  async run(io) {
    const [ref, ...extra] = io.positionals;
    if (!ref || extra.length > 0) throw new UsageError('give one feed id or feed URL');
    const { removed } = await io.api.call('feeds.remove', { id: await feedIdFor(io, ref) });
    if (io.json) return printJson(io, removed);
    io.out(`Removed ${removed.title ?? removed.url} (feed ${removed.id}) and its ${removed.articleCount} articles.`);
  },
};

// `footnote add <url> [--folder NAME]`: subscribe to a feed, or to the feed a site declares (autodiscovery).
import { UsageError, printJson, stringOption, type CliCommand } from './command.ts';

export const addCommand: CliCommand = {
  name: 'add',
  usage: 'add <url> [--folder NAME]',
  summary: 'subscribe to a feed or a site (finds its feed); the next poll fetches it',
  options: { folder: { type: 'string' } },
  async run(io) {
    const [url, ...extra] = io.positionals;
    if (!url || extra.length > 0) throw new UsageError('give exactly one feed or site URL');
    const { feed, candidates } = await io.api.call('feeds.add', { url, folder: stringOption(io, 'folder') });
    // The feed record, plus every feed the site offered (`add` picked the first one that parsed).
    if (io.json) return printJson(io, { ...feed, candidates });
    io.out(`Subscribed to ${feed.title ?? feed.url} (feed ${feed.id}): ${feed.url}${feed.folder ? ` in ${feed.folder}` : ''}`);
    const others = candidates.filter((c) => c.url !== feed.url);
    if (others.length > 0) io.out(`The site also offers: ${others.map((c) => c.url).join(', ')}`);
    io.out('Run "footnote poll" to fetch its articles.');
  },
};

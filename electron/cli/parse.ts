// `footnote parse <file|url> [--content-type T] [--url U]`: parse one feed and print it; stores nothing.
import { UsageError, printJson, stringOption, type CliCommand } from './command.ts';
import { feedObject, parseFeedBytes, FeedParseError, type ParsedFeed } from '../feeds/parse.ts';
import { readSource } from './source.ts';

const SHOWN_ITEMS = 5;

function summary(feed: ParsedFeed): string {
  const lines = [
    `${feed.title ?? '(untitled feed)'}  [${feed.format === 'json' ? 'JSON Feed' : feed.format.toUpperCase()}${feed.language ? `, ${feed.language}` : ''}]`,
  ];
  if (feed.link) lines.push(feed.link);
  if (feed.description) lines.push(feed.description);
  if (feed.ttlMinutes !== null) lines.push(`Asks not to be fetched more often than every ${feed.ttlMinutes} min.`);
  lines.push(`${feed.items.length} item${feed.items.length === 1 ? '' : 's'}${feed.items.length > SHOWN_ITEMS ? `, the first ${SHOWN_ITEMS}:` : feed.items.length > 0 ? ':' : ''}`);
  for (const item of feed.items.slice(0, SHOWN_ITEMS)) {
    const date = (item.published ?? item.updated)?.slice(0, 16).replace('T', ' ') ?? 'no date         ';
    lines.push(`  ${date}  ${item.title ?? '(untitled)'}${item.link ? `\n                    ${item.link}` : ''}`);
  }
  return lines.join('\n');
}

export const parseCommand: CliCommand = {
  name: 'parse',
  usage: 'parse <file|url> [--content-type T] [--url U]',
  summary: 'parse one feed and print it (--json: the feed object); stores nothing',
  options: { 'content-type': { type: 'string' }, url: { type: 'string' } },
  async run(io) {
    const [target, ...extra] = io.positionals;
    if (!target || extra.length > 0) throw new UsageError('give exactly one feed file or URL');
    const read = await readSource(target, 'a feed file');
    // --content-type and --url stand for what an HTTP response would have said.
    const source = { ...read, contentType: stringOption(io, 'content-type') ?? read.contentType, url: stringOption(io, 'url') ?? read.url };
    let feed: ParsedFeed;
    try {
      feed = parseFeedBytes(source.bytes, { contentType: source.contentType, url: source.url });
    } catch (err) {
      if (err instanceof FeedParseError) throw new Error(`${target}: ${err.message}`);
      throw err;
    }
    if (io.json) return printJson(io, feedObject(feed));
    io.out(summary(feed));
  },
};

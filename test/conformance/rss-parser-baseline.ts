// Bare rss-parser, used as the baseline in the conformance suite and the benchmark: parseString on the bytes read
// as UTF-8 (rss-parser takes a string and reads no charset), output mapped field for field onto the feed object.
import Parser from 'rss-parser';
import type { FeedObject } from '../../electron/model.ts';

const parser = new Parser({ customFields: { item: [['dc:creator', 'creator'], ['content:encoded', 'contentEncoded']] } });

type RssParserItem = Parser.Item & { id?: string; author?: string; contentEncoded?: string; categories?: unknown[] };

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && '_' in value && typeof value._ === 'string') return value._;
  return null;
}

function category(value: unknown): string | null {
  if (value && typeof value === 'object' && '$' in value) {
    const attrs = (value as { $: Record<string, string> }).$;
    return attrs['label'] ?? attrs['term'] ?? null;
  }
  return text(value);
}

export async function parseWithRssParser(bytes: Uint8Array): Promise<FeedObject> {
  const feed = await parser.parseString(Buffer.from(bytes).toString('utf8'));
  const lang = (feed as { language?: string }).language;
  return {
    title: feed.title ?? null,
    link: feed.link ?? null,
    description: feed.description ?? null,
    language: lang ?? null,
    items: feed.items.map((raw) => {
      const item = raw as RssParserItem;
      return {
        id: item.guid ?? item.id ?? null,
        title: item.title ?? null,
        link: item.link ?? null,
        published: item.isoDate ?? null,
        updated: null,
        author: item.creator ?? item.author ?? null,
        summary: item.summary ?? (item.contentEncoded !== undefined ? item.content ?? null : null),
        content: item.contentEncoded ?? null,
        categories: (item.categories ?? []).map(category).filter((c): c is string => c !== null),
      };
    }),
  };
}

/** Bare rss-parser on an already decoded string, for throughput: no mapping. */
export function rssParserParseString(xml: string): Promise<unknown> {
  return parser.parseString(xml);
}

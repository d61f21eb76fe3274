// From what the user typed to a feed: the URL itself when it is a feed, else the feeds its HTML declares with
// <link rel="alternate">, else the usual paths (/feed, /rss, …). The first candidate that parses is chosen.
import { Parser } from 'htmlparser2';
import { FetchError, fetchUrl, hostPortOf, type FetchOptions, type FetchResult } from '../net/fetch.ts';
import { parseFeedBytes, type ParseFn, type ParsedFeed } from './parse.ts';
import { decodeFeedBytes } from '../text/decode.ts';
import { shortUrl } from '../text/short-url.ts';

export interface FeedCandidate {
  url: string;
  title: string | null;
  /** 'rss', 'atom', 'rdf' or 'json'. */
  type: string;
}

export interface Discovery {
  candidates: FeedCandidate[];
  /** The first candidate that parsed, or null when none did; with the response it came in, so that subscribing
   * can store it as the feed's first poll instead of fetching it again. */
  chosen: { url: string; feed: ParsedFeed; response: FetchResult } | null;
}

export interface DiscoverOptions {
  fetch?: Pick<FetchOptions, 'timeoutMs' | 'idleTimeoutMs' | 'maxBytes' | 'maxRedirects'>;
  signal?: AbortSignal;
  parse?: ParseFn;
}

export const COMMON_FEED_PATHS = ['/feed', '/rss', '/rss.xml', '/atom.xml', '/feed.xml', '/index.xml'];

const FEED_TYPES: Record<string, string> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/rdf+xml': 'rdf',
  'application/feed+json': 'json',
  'application/json': 'json',
};

/** Feeds an HTML page declares, resolved against the page URL (or its <base href>), in document order. */
export function declaredFeeds(html: string, pageUrl: string): FeedCandidate[] {
  let base = pageUrl;
  const found: { href: string; title: string | null; type: string }[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'base' && attrs['href'] && found.length === 0) base = resolve(attrs['href'], pageUrl) ?? base;
      if (name !== 'link' || !attrs['href']) return;
      const rel = (attrs['rel'] ?? '').toLowerCase().split(/\s+/);
      const type = FEED_TYPES[(attrs['type'] ?? '').toLowerCase().split(';')[0]?.trim() ?? ''];
      if (rel.includes('alternate') && type) found.push({ href: attrs['href'], title: attrs['title']?.trim() || null, type });
    },
  }, { decodeEntities: true, lowerCaseAttributeNames: true });
  parser.end(html);
  const out: FeedCandidate[] = [];
  for (const f of found) {
    const url = resolve(f.href, base);
    if (url && !out.some((c) => c.url === url)) out.push({ url, title: f.title, type: f.type });
  }
  return out;
}

function resolve(href: string, base: string): string | null {
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export async function discoverFeeds(typedUrl: string, opts: DiscoverOptions = {}): Promise<Discovery> {
  const parse = opts.parse ?? parseFeedBytes;
  const fetchOpts: FetchOptions = { ...opts.fetch, allowHostPort: hostPortOf(typedUrl), signal: opts.signal };
  const page = await fetchUrl(typedUrl, fetchOpts);
  const contentType = page.headers['content-type'] ?? null;
  const asFeed = await tryParse(parse, page.bytes, contentType, page.url);
  if (asFeed) {
    const url = page.permanentUrl ?? typedUrl;
    return { candidates: [{ url, title: asFeed.title, type: asFeed.format }], chosen: { url, feed: asFeed, response: page } };
  }

  const declared = declaredFeeds(decodeFeedBytes(page.bytes, contentType), page.url);
  const candidates: FeedCandidate[] = [...declared];
  let chosen: Discovery['chosen'] = null;
  for (const c of declared) {
    if (chosen) break;
    const found = await fetchAndParse(c.url, fetchOpts, parse);
    if (found) chosen = { url: c.url, ...found };
  }
  if (declared.length === 0) {
    for (const path of COMMON_FEED_PATHS) {
      const url = new URL(path, page.url).href;
      const found = await fetchAndParse(url, fetchOpts, parse);
      if (!found) continue;
      candidates.push({ url, title: found.feed.title, type: found.feed.format });
      chosen ??= { url, ...found };
    }
  }
  return { candidates, chosen };
}

async function tryParse(parse: ParseFn, bytes: Uint8Array, contentType: string | null, url: string): Promise<ParsedFeed | null> {
  try {
    return await parse(bytes, { contentType, url });
  } catch {
    return null; // not a feed: the caller tries the next candidate
  }
}

async function fetchAndParse(url: string, fetchOpts: FetchOptions, parse: ParseFn): Promise<{ feed: ParsedFeed; response: FetchResult } | null> {
  try {
    const response = await fetchUrl(url, fetchOpts);
    const feed = await tryParse(parse, response.bytes, response.headers['content-type'] ?? null, response.url);
    return feed && { feed, response };
  } catch (err) {
    if (err instanceof FetchError && err.kind === 'aborted') throw err;
    return null; // a candidate that cannot be fetched is simply not chosen
  }
}

/** The sentence `add` fails with when nothing parsed. */
export function noFeedMessage(url: string, d: Discovery): string {
  if (d.candidates.length > 0) {
    return `${shortUrl(url)} declares ${d.candidates.length} feed(s) (${d.candidates.map((c) => shortUrl(c.url)).join(', ')}) but none of them could be read as a feed. Paste the feed's own address.`;
  }
  return `No feed found at ${shortUrl(url)}: the page declares none, and none of ${COMMON_FEED_PATHS.join(', ')} on that site is a feed. Paste the feed's own address.`;
}

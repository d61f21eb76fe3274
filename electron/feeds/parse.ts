// Parse: a feed's bytes → the feed object of DESIGN.md §2, plus what the poller needs (ttlMinutes). Decodes the
// charset, then maps XML (RSS, RDF, Atom) or JSON Feed. Synchronous: the app calls it through parseInWorker.
import type { FeedObject } from '../model.ts';
import { decodeFeedBytes } from '../text/decode.ts';
import { FeedParseError } from './parse-error.ts';
import { mapJsonFeed } from './parse-json.ts';
import { mapXmlFeed, type FeedFormat } from './parse-xml.ts';

export { FeedParseError } from './parse-error.ts';
export type { FeedFormat } from './parse-xml.ts';

/** The feed object, plus the feed-level facts the poller uses; `footnote parse --json` prints only the feed object. */
export type ParsedFeed = FeedObject & {
  /** The feed's own refresh floor in minutes: max of RSS <ttl> and sy:updatePeriod/sy:updateFrequency; null if neither. */
  ttlMinutes: number | null;
  format: FeedFormat;
};

export interface ParseOptions {
  /** The HTTP Content-Type header, charset included. */
  contentType?: string | null;
  /** The document's own URL: relative links resolve against it (and against xml:base inside it). */
  url?: string | null;
}

/** How a caller parses: parseFeedBytes itself, or parseInWorker (the same on a worker thread). */
export type ParseFn = (bytes: Uint8Array, opts: ParseOptions) => ParsedFeed | Promise<ParsedFeed>;

/** Parses one feed document. Throws FeedParseError, whose message says what is wrong in a user's words. */
export function parseFeedBytes(bytes: Uint8Array, opts: ParseOptions = {}): ParsedFeed {
  const text = decodeFeedBytes(bytes, opts.contentType);
  return parseFeedText(text, opts);
}

/** Parses an already decoded document (the charset is the caller's business). */
export function parseFeedText(text: string, opts: ParseOptions = {}): ParsedFeed {
  const url = opts.url ?? null;
  const start = /\S/.exec(text)?.index ?? -1;
  if (start < 0) throw new FeedParseError('The document is empty: there is no feed in it.');
  if (text[start] === '{' || (/json/i.test(opts.contentType ?? '') && text[start] !== '<')) {
    return { ...mapJsonFeed(text, url), ttlMinutes: null, format: 'json' };
  }
  const { feed, ttlMinutes, format } = mapXmlFeed(text, url);
  return { ...feed, ttlMinutes, format };
}

/** The feed object alone, as DESIGN.md §2 defines it (drops the poller's extras). */
export function feedObject(parsed: ParsedFeed): FeedObject {
  const { title, link, description, language, items } = parsed;
  return { title, link, description, language, items };
}

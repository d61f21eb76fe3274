// The parse worker thread: receives a feed's bytes, answers with the parsed feed or the parse error's message; for a
// poll, also with each item's prepared values (articles/prepare.ts: text, keys, language, index values, fingerprint),
// in the items' order, so that the engine thread does not compute them. The language profiles load when the worker
// starts, before it takes a task, so that their load (~0.4 s) does not count against the first feed's time limit.
// One worker serves the whole app through
// parse-in-worker.ts's pool; electron-vite bundles this file as parse-worker.js beside the main index.js.
import { timedTask } from '../worker-task.ts';
import { parseFeedBytes, FeedParseError, type ParsedFeed, type ParseOptions } from '../feeds/parse.ts';
import { prepareItems, type PreparedItem } from '../articles/prepare.ts';
import { languageDetector } from '../text/language.ts';

const detect = await languageDetector('now');

export interface ParseRequest {
  /** The feed's bytes, transferred (a copy the caller no longer needs). */
  buffer: ArrayBuffer;
  opts: ParseOptions;
  /** Prepare the items for ingest as well, all but those whose content hash tags are listed (prepareItems). */
  prepare: { unchanged: number[] } | null;
}

export type ParseReply =
  | { ok: true; feed: ParsedFeed; prepared: PreparedItem[] | null }
  | { ok: false; message: string; parseError: boolean };

function parseReply({ buffer, opts, prepare }: ParseRequest): ParseReply {
  try {
    const feed = parseFeedBytes(new Uint8Array(buffer), opts);
    return { ok: true, feed, prepared: prepare ? prepareItems(feed.items, feed.language, detect, new Set(prepare.unchanged)) : null };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err), parseError: err instanceof FeedParseError };
  }
}

// One tiny feed parsed and prepared before the worker takes work, so that cold code does not count against the first
// real feed's time limit.
parseReply({ buffer: new TextEncoder().encode('<rss version="2.0"><channel><title>t</title><item><title>i</title><description>&lt;p>d&lt;/p></description></item></channel></rss>').buffer, opts: {}, prepare: { unchanged: [] } });

export default timedTask(parseReply);

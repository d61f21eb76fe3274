// The parse worker thread: receives a feed's bytes, answers with the parsed feed or the parse error's message.
// One worker serves the whole app through parse-in-worker.ts's pool; electron-vite bundles this file as
// parse-worker.js beside the main index.js.
import { timedTask } from '../worker-task.ts';
import { parseFeedBytes, FeedParseError, type ParsedFeed, type ParseOptions } from './parse.ts';

export interface ParseRequest {
  /** The feed's bytes, transferred (a copy the caller no longer needs). */
  buffer: ArrayBuffer;
  opts: ParseOptions;
}

export type ParseReply =
  | { ok: true; feed: ParsedFeed }
  | { ok: false; message: string; parseError: boolean };

function parseReply({ buffer, opts }: ParseRequest): ParseReply {
  try {
    return { ok: true, feed: parseFeedBytes(new Uint8Array(buffer), opts) };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err), parseError: err instanceof FeedParseError };
  }
}

// One tiny feed parsed before the worker takes work, so that cold code does not count against the first real
// feed's time limit.
parseReply({ buffer: new TextEncoder().encode('<rss version="2.0"><channel><title>t</title><item><title>i</title></item></channel></rss>').buffer, opts: {} });

export default timedTask(parseReply);

// The parse worker thread: receives a feed's bytes, answers with the parsed feed or the parse error's message.
// One long-lived worker serves the whole app (see parse-in-worker.ts); electron-vite bundles this file as
// parse-worker.js beside the main index.js.
import { parentPort } from 'node:worker_threads';
import { parseFeedBytes, FeedParseError, type ParsedFeed, type ParseOptions } from './parse.ts';

export interface ParseRequest {
  id: number;
  /** The feed's bytes, transferred (a copy the caller no longer needs). */
  buffer: ArrayBuffer;
  opts: ParseOptions;
}

export type ParseReply =
  | { id: number; ok: true; feed: ParsedFeed }
  | { id: number; ok: false; message: string; parseError: boolean };

parentPort?.on('message', (req: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { id: req.id, ok: true, feed: parseFeedBytes(new Uint8Array(req.buffer), req.opts) };
  } catch (err) {
    reply = { id: req.id, ok: false, message: err instanceof Error ? err.message : String(err), parseError: err instanceof FeedParseError };
  }
  parentPort?.postMessage(reply);
});

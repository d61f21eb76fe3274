// The extraction worker (extract-pool.ts): one page in, the extracted article or the reason there is none out.
// Errors travel as data: a thrown NoArticleError would lose its class and its reason crossing the thread.
// electron-vite bundles this file as extract-worker.js beside the main index.js.
import { timedTask } from '../worker-task.ts';
import { BlockedPageError, NoArticleError, extractArticle, type ExtractedArticle, type NoArticleReason } from './extract.ts';
import type { Wall } from './walls.ts';

export interface ExtractRequest {
  html: string;
  url: string | null;
}

export type ExtractReply =
  | { ok: true; article: ExtractedArticle }
  | { ok: false; message: string; reason: NoArticleReason | null; wall: Wall | null };

export function extractReply({ html, url }: ExtractRequest): ExtractReply {
  try {
    return { ok: true, article: extractArticle(html, url) };
  } catch (err) {
    return {
      ok: false,
      message: err instanceof Error ? err.message : String(err),
      reason: err instanceof NoArticleError ? err.reason : null,
      wall: err instanceof BlockedPageError ? err.wall : null,
    };
  }
}

// One small page read before the worker takes work: the first extraction in a fresh worker costs ~200 ms more
// (jsdom's first window, cold code), which must not count against the first real page's time limit.
extractReply({ html: `<article><h1>Warm-up</h1>${'<p>A paragraph of plain words, long enough to be read as an article.</p>'.repeat(4)}</article>`, url: null });

export default timedTask(extractReply);

// Why a page gave no article, as errors: kept apart from extract.ts so that the engine, which only hands pages
// to the extraction workers (extract-pool.ts) and reads their verdicts (outcome.ts), never loads Readability,
// linkedom or jsdom itself.
import type { Wall } from './walls.ts';

/** Why a page gave no article: no main block of text, more elements or deeper nesting than a real page has, a
 * page drawn by scripts, a DOM Readability cannot walk, or a wall (BlockedPageError). */
export type NoArticleReason = 'no-text' | 'too-large' | 'too-deep' | 'script-page' | 'unreadable' | 'blocked';

/** The page has no article to extract (an index, a login or consent wall, a page built by scripts). */
export class NoArticleError extends Error {
  override name = 'NoArticleError';
  readonly reason: NoArticleReason;
  constructor(message: string, reason: NoArticleReason = 'no-text') {
    super(message);
    this.reason = reason;
  }
}

/** A consent wall or a paywall stands where the article should be (walls.ts). */
export class BlockedPageError extends NoArticleError {
  override name = 'BlockedPageError';
  readonly wall: Wall;
  constructor(message: string, wall: Wall) {
    super(message, 'blocked');
    this.wall = wall;
  }
}

// Ingest as a poll runs it: a parsed feed's items into the library, each new or changed article through the
// enrichers it is given (the standard list of enrichers.ts unless the caller says otherwise), at most
// MAX_WRITES_PER_POLL of them.
import type { FeedObject } from '../model.ts';
import type { IngestOptions, Store } from '../store/store.ts';
import type { IngestResult } from '../store/records.ts';
import { enrichers as standardEnrichers } from './enrichers.ts';
import { languageDetector } from '../text/language.ts';

/**
 * At most this many new or updated articles are written per poll, so that one huge feed cannot hold the
 * library's write lock for long. When a feed has more, ingest reports them as `deferred` and the store does not
 * keep the feed's ETag/Last-Modified: the next poll downloads the feed again and, the stored items now being
 * unchanged, writes the next batch.
 */
export const MAX_WRITES_PER_POLL = 2000;

export async function ingestFeed(store: Store, feedId: number, feed: FeedObject, options: Partial<IngestOptions> = {}): Promise<IngestResult> {
  return store.articles.ingest(feedId, feed, {
    now: options.now ?? new Date().toISOString(),
    maxWrites: options.maxWrites ?? MAX_WRITES_PER_POLL,
    enrichers: options.enrichers ?? standardEnrichers,
    detectLanguage: options.detectLanguage ?? await languageDetector(),
    ...(options.prepared ? { prepared: options.prepared } : {}),
  });
}

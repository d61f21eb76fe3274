// Ingest as a poll runs it: a parsed feed's items into the library, each new or changed article through the
// enrichers it is given (the standard list of enrichers.ts unless the caller says otherwise).
import type { FeedObject } from '../model.ts';
import type { Db } from '../store/sqlite/db.ts';
import { ingestFeed as ingestIntoLibrary, type IngestOptions, type IngestResult } from '../store/sqlite/ingest.ts';
import { enrichers as standardEnrichers } from './enrichers.ts';

export function ingestFeed(db: Db, feedId: number, feed: FeedObject, options: IngestOptions = {}): IngestResult {
  return ingestIntoLibrary(db, feedId, feed, { ...options, enrichers: options.enrichers ?? standardEnrichers });
}

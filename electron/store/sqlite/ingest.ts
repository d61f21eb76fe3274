// Stores a parsed feed's items: new ones inserted, edited ones updated with their previous version kept, the
// rest marked as seen again; then every enricher (labels, auto-tags…) runs on what is new or changed. All of one
// feed's writes happen in one transaction: a crash mid-way leaves the library as it was.
import type { Db } from '../store/db.ts';
import type { FeedObject } from '../model.ts';
import { insertArticle, markSeen, updateArticle } from '../store/articles.ts';
import { isEmptyItem, itemKeys, normaliseItem } from './normalise.ts';
import { identityKey, matchArticle } from './dedupe.ts';
import { labelsEnricher } from '../labels/enricher.ts';
import { autoTagEnricher } from '../tags/auto-tag.ts';

export interface EnrichedArticle {
  id: number;
  feedId: number;
  url: string | null;
  text: string;
  isNew: boolean;
}

/** Runs inside the ingest transaction for each new or updated article. */
export type Enricher = (db: Db, article: EnrichedArticle) => void;

/** Filled by the other parts (labels, auto-tag rules) with a one-line edit each. */
export const enrichers: Enricher[] = [labelsEnricher, autoTagEnricher];

/**
 * At most this many new or updated articles are written per poll, so that one huge feed cannot hold the
 * library's write lock for long. When a feed has more, ingest reports them as `deferred` and the poller does not
 * store the feed's ETag/Last-Modified: the next poll downloads the feed again and, the stored items now being
 * unchanged, writes the next batch.
 */
export const MAX_WRITES_PER_POLL = 2000;

export interface IngestResult {
  newIds: number[];
  updatedIds: number[];
  unchanged: number;
  /** Items left for the next poll because of MAX_WRITES_PER_POLL. */
  deferred: number;
  /** Items repeating an earlier item of the same document (same guid, link or title+date): the first one wins. */
  repeated: number;
  /** Enrichers that failed, in words; their writes were rolled back, the articles were kept. */
  warnings: string[];
}

export interface IngestOptions {
  now?: string;
  maxWrites?: number;
  enrichers?: Enricher[];
}

export function ingestFeed(db: Db, feedId: number, feed: FeedObject, options: IngestOptions = {}): IngestResult {
  const now = options.now ?? new Date().toISOString();
  const maxWrites = options.maxWrites ?? MAX_WRITES_PER_POLL;
  const run = options.enrichers ?? enrichers;
  const result: IngestResult = { newIds: [], updatedIds: [], unchanged: 0, deferred: 0, repeated: 0, warnings: [] };
  const seen = new Set<string>();
  db.transaction(() => {
    for (const item of feed.items) {
      if (isEmptyItem(item)) continue;
      const keys = itemKeys(item);
      const key = identityKey(keys);
      if (seen.has(key)) {
        result.repeated++;
        continue;
      }
      seen.add(key);
      const match = matchArticle(db, feedId, keys);
      if (match.kind === 'unchanged') {
        markSeen(db, match.known.id, now);
        result.unchanged++;
        continue;
      }
      if (result.newIds.length + result.updatedIds.length >= maxWrites) {
        result.deferred++;
        continue;
      }
      const fields = normaliseItem(item, feed.language, keys);
      const isNew = match.kind === 'new';
      const id = isNew ? insertArticle(db, feedId, fields, now) : match.known.id;
      if (match.kind === 'updated') updateArticle(db, match.known, fields, now);
      (isNew ? result.newIds : result.updatedIds).push(id);
      enrich(db, run, { id, feedId, url: fields.link, text: fields.text, isNew }, result.warnings);
    }
  })();
  return result;
}

/** Each enricher in its own savepoint: one that throws loses only its own writes, never the article. */
function enrich(db: Db, list: Enricher[], article: EnrichedArticle, warnings: string[]): void {
  for (const enricher of list) {
    try {
      db.transaction(() => enricher(db, article))();
    } catch (err) {
      warnings.push(`${enricher.name || 'an enricher'} failed on article ${article.id}: ${(err as Error).message}`);
    }
  }
}

/** Runs the enrichers again for one stored article (after full text replaced its text). */
export function reenrich(db: Db, article: EnrichedArticle): string[] {
  const warnings: string[] = [];
  enrich(db, enrichers, article, warnings);
  return warnings;
}

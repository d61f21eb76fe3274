// Stores a parsed feed's items: new ones inserted, edited ones updated with their previous version kept, the
// rest marked as seen again; then what the enrichers (labels, auto-tags…, handed in by the caller) say about each
// new or changed article is written with it. All of one feed's writes happen in one transaction: a crash mid-way
// leaves the library as it was.
import type { Db } from './db.ts';
import type { FeedObject } from '../../model.ts';
import { findKnown, insertArticle, markSeen, updateArticle } from './articles.ts';
import { articleSeenAt, syncDetectedLabels } from './labels.ts';
import { tagByRules } from './auto-tag.ts';
import { isEmptyItem, itemKeys, normaliseItem } from '../../articles/normalise.ts';
import { identityKey, matchArticle } from '../../articles/dedupe.ts';
import { mergeEnrichments, type EnrichedArticle, type Enricher, type Enrichment } from '../../articles/enrichment.ts';
import type { IngestResult } from '../records.ts';
import type { IngestOptions } from '../store.ts';

/** See ArticleStore.ingest in store.ts; without maxWrites every new or changed item is written. */
export function ingestFeed(db: Db, feedId: number, feed: FeedObject, options: IngestOptions): IngestResult {
  const now = options.now ?? new Date().toISOString();
  const maxWrites = options.maxWrites ?? Infinity;
  const run = options.enrichers;
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
      const match = matchArticle(findKnown(db, feedId, keys), keys);
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
      enrichArticle(db, run, { id, feedId, url: fields.link, text: fields.text, isNew }, result.warnings);
    }
  })();
  return result;
}

/**
 * Runs the enrichers on one stored article and writes what they say. An enricher that throws contributes nothing;
 * its labels and its rule tags are each written in their own savepoint, so a failure there loses only that part.
 */
export function enrichArticle(db: Db, list: Enricher[], article: EnrichedArticle, warnings: string[]): void {
  const parts: Enrichment[] = [];
  for (const enricher of list) {
    try {
      const part = enricher(article);
      if (part) parts.push(part);
    } catch (err) {
      warnings.push(`${enricher.name || 'an enricher'} failed on article ${article.id}: ${(err as Error).message}`);
    }
  }
  const e = mergeEnrichments(parts);
  const write = (what: string, fn: () => void): void => {
    try {
      db.transaction(fn)();
    } catch (err) {
      warnings.push(`The ${what} of article ${article.id} could not be stored: ${(err as Error).message}`);
    }
  };
  // Labels are dated by the ingest that wrote this version of the article (its last_seen_at).
  const labels = e.labels;
  if (labels) write('labels', () => syncDetectedLabels(db, article.id, labels, articleSeenAt(db, article.id) ?? new Date().toISOString()));
  if (e.autoTag) write('rule tags', () => tagByRules(db, article));
}

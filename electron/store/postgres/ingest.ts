// Stores a parsed feed's items on the team library, like the SQLite engine's ingest (new ones inserted, edited ones
// updated, a significant change numbered as a new version (versions.ts), the rest seen again, enrichers' labels and
// rule tags written with them, each article's outlet resolved and stored),
// for several writers at once: an article is inserted with ON CONFLICT on its identity, so when another client
// stored the same item a moment earlier this one finds it and treats it as seen, never as a second article.
import type pg from 'pg';
import type { FeedObject } from '../../model.ts';
import { isEmptyItem, itemKeys, normaliseItem, type ArticleFields } from '../../articles/normalise.ts';
import { identityKey, matchArticle, type KnownArticle } from '../../articles/dedupe.ts';
import { runEnrichers, type EnrichedArticle, type Enricher } from '../../articles/enrichment.ts';
import type { OutletRegistry } from '../../labels/outlets.ts';
import type { IngestResult } from '../records.ts';
import type { IngestOptions } from '../store.ts';
import { UPSERT_SEARCH_SQL, upsertSearchParams } from './search-document.ts';
import { syncDetectedLabels } from './labels.ts';
import { tagByRules } from './tags.ts';
import { clean } from './values.ts';
import { recordVersion, versionSeen } from './versions.ts';
import { outletColumns, type OutletColumns } from './outlets.ts';

type Client = pg.ClientBase;

export interface WriteContext {
  c: Client;
  analystId: number;
  registry: OutletRegistry;
}

function fieldValues(a: ArticleFields): unknown[] {
  return [a.guid, a.link, a.canonicalLink, a.titleDateHash, a.title, a.author, a.summary, a.content, a.text, a.lang,
    a.categories.map(clean), a.publishedAt, a.updatedAt, a.raw, a.contentHash].map(clean);
}

async function known(c: Client, feedId: number, identity: string): Promise<KnownArticle | undefined> {
  return (await c.query<KnownArticle>('SELECT id, content_hash AS "contentHash" FROM article WHERE feed_id = $1 AND identity = $2', [feedId, identity])).rows[0];
}

/** Indexes the article as it is stored now. */
export async function reindex(c: Client, id: number): Promise<void> {
  const a = (await c.query<{ title: string | null; author: string | null; summary: string | null; text: string | null }>(
    'SELECT title, author, summary, text FROM article WHERE id = $1', [id])).rows[0];
  if (a) await c.query(UPSERT_SEARCH_SQL, upsertSearchParams(id, a));
}

export async function ingestFeed(w: WriteContext, feedId: number, feed: FeedObject, options: IngestOptions): Promise<IngestResult> {
  const { c } = w;
  const now = options.now ?? new Date().toISOString();
  const maxWrites = options.maxWrites ?? Infinity;
  const result: IngestResult = { newIds: [], updatedIds: [], unchanged: 0, deferred: 0, repeated: 0, warnings: [] };
  const feedRow = (await c.query<{ url: string; site_url: string | null }>('SELECT url, site_url FROM feed WHERE id = $1', [feedId])).rows[0];
  if (!feedRow) throw new Error(`There is no feed ${feedId} in the team library (another analyst may have removed it); nothing was stored.`);
  const seen = new Set<string>();
  for (const item of feed.items) {
    if (isEmptyItem(item)) continue;
    const keys = itemKeys(item);
    const identity = clean(identityKey(keys));
    if (seen.has(identity)) {
      result.repeated++;
      continue;
    }
    seen.add(identity);
    let match = matchArticle(await known(c, feedId, identity), keys);
    if (match.kind === 'unchanged') {
      await c.query('UPDATE article SET last_seen_at = $2 WHERE id = $1', [match.known.id, now]);
      await versionSeen(c, match.known.id, now);
      result.unchanged++;
      continue;
    }
    if (result.newIds.length + result.updatedIds.length >= maxWrites) {
      result.deferred++;
      continue;
    }
    const fields = normaliseItem(item, feed.language, keys);
    // The article's own language; the feed's declaration is only the hint for a text too short to tell.
    if (options.detectLanguage) fields.lang = options.detectLanguage(`${fields.title ?? ''}\n${fields.text}`, fields.lang);
    const outlet = outletColumns(w.registry, [fields.link, feedRow.site_url, feedRow.url]);
    let id: number | undefined;
    if (match.kind === 'new') {
      id = (await c.query<{ id: number }>(`INSERT INTO article (feed_id, identity, guid, link, canonical_link, title_date_hash, title, author,
          summary, content, text, lang, categories, published_at, updated_at, raw, content_hash, outlet_key, country_key, outlet, outlet_country,
          outlet_category, first_seen_at, last_seen_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $23)
        ON CONFLICT (feed_id, identity) DO NOTHING RETURNING id`,
      [feedId, identity, ...fieldValues(fields), ...outlet, now])).rows[0]?.id;
      if (id === undefined) {
        // Another client stored this item after we looked: it is theirs now, seen or changed like any known one.
        match = matchArticle(await known(c, feedId, identity), keys);
        if (match.kind === 'new') throw new Error(`Article "${identity}" of feed ${feedId} was neither inserted nor found; poll again.`);
        if (match.kind === 'unchanged') {
          result.unchanged++;
          continue;
        }
      }
    }
    if (match.kind === 'updated') {
      id = match.known.id;
      await updateArticle(c, id, fields, now, outlet);
    }
    if (id === undefined) continue;
    const isNew = match.kind === 'new';
    const articleId = id;
    (isNew ? result.newIds : result.updatedIds).push(articleId);
    await reindex(c, articleId);
    // The version (which reads the labels) before the rules, so that is:edited and label-changed: rules see it.
    await enrichArticle(w, options.enrichers, { id: articleId, feedId, url: fields.link, text: fields.text, isNew }, result.warnings,
      () => recordVersion(c, articleId, 'feed', now, options.captureId ?? null).then(() => undefined));
  }
  return result;
}

/** Overwrites the row with the changed item; previous_hash keeps the old hash. Whether the change makes a new
 * version is decided after the enrichers ran (versions.ts): the versions keep the earlier texts. */
async function updateArticle(c: Client, id: number, a: ArticleFields, seenAt: string, outlet: OutletColumns): Promise<void> {
  await c.query(`UPDATE article SET guid = $2, link = $3, canonical_link = $4, title_date_hash = $5, title = $6, author = $7, summary = $8,
    content = $9, text = $10, lang = $11, categories = $12, published_at = $13, updated_at = $14, raw = $15, content_hash = $16,
    previous_hash = content_hash, last_seen_at = $17, outlet_key = $18, country_key = $19, outlet = $20, outlet_country = $21, outlet_category = $22
    WHERE id = $1`, [id, ...fieldValues(a), seenAt, ...outlet]);
}

/**
 * Runs the enrichers on one stored article and writes what they say; labels and rule tags each in a savepoint, so
 * that a failure there loses only that part (as on SQLite). `recordVersion`, if given, runs between the labels and
 * the rule tags (the version reads the labels, the rules read the version).
 */
export async function enrichArticle(w: WriteContext, list: Enricher[], article: EnrichedArticle & { id: number }, warnings: string[],
  recordVersion?: () => Promise<void>): Promise<void> {
  const e = runEnrichers(list, article, warnings);
  const write = async (what: string, fn: () => Promise<void>): Promise<void> => {
    await w.c.query('SAVEPOINT enrich');
    try {
      await fn();
      await w.c.query('RELEASE SAVEPOINT enrich');
    } catch (err) {
      await w.c.query('ROLLBACK TO SAVEPOINT enrich');
      warnings.push(`The ${what} of article ${article.id} could not be stored: ${(err as Error).message}`);
    }
  };
  const labels = e.labels;
  if (labels) {
    await write('labels', async () => {
      const seenAt = (await w.c.query<{ at: string }>('SELECT last_seen_at AS at FROM article WHERE id = $1', [article.id])).rows[0]?.at;
      await syncDetectedLabels(w.c, article.id, labels, seenAt ?? new Date().toISOString());
    });
  }
  await recordVersion?.();
  if (e.autoTag) await write('rule tags', () => tagByRules(w, article));
}

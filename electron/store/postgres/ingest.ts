// Stores a parsed feed's items on the team library, like the SQLite engine's ingest (new ones inserted, edited ones
// updated, a significant change numbered as a new version (versions.ts), the rest seen again, enrichers' labels and
// rule tags written with them, each article's outlet resolved and stored),
// for several writers at once: an article is inserted with ON CONFLICT on its identity, so when another client
// stored the same item a moment earlier this one finds it and treats it as seen, never as a second article.
// Each step goes for the whole feed at once (one look-up of the known articles, multi-row inserts, set-based
// updates): a round trip per article and statement made a team library 4-8 times slower to ingest than SQLite.
import type pg from 'pg';
import type { FeedObject, FeedItem } from '../../model.ts';
import { isEmptyItem, type ArticleFields, type ArticleKeys } from '../../articles/normalise.ts';
import { ingestFields, preparedKeys } from '../../articles/prepare.ts';
import { identityKey, matchArticle, type KnownArticle } from '../../articles/dedupe.ts';
import { runEnrichers, type EnrichedArticle, type Enricher } from '../../articles/enrichment.ts';
import type { OutletRegistry } from '../../labels/outlets.ts';
import type { IngestResult } from '../records.ts';
import type { IngestOptions } from '../store.ts';
import { SEARCH_COLUMNS, upsertSearchParams, type SearchableText } from './search-document.ts';
import { syncDetectedLabels } from './labels.ts';
import { tagByRules } from './tags.ts';
import { clean, valuesChunks } from './values.ts';
import { recordVersions, versionsSeen } from './versions.ts';
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

/** The feed's stored articles among these identities, by identity. */
async function knownArticles(c: Client, feedId: number, identities: string[]): Promise<Map<string, KnownArticle>> {
  if (identities.length === 0) return new Map();
  const rows = (await c.query<KnownArticle & { identity: string }>(`SELECT identity, id, content_hash AS "contentHash" FROM article
    WHERE feed_id = $1 AND identity = ANY($2)`, [feedId, identities])).rows;
  return new Map(rows.map(({ identity, ...known }) => [identity, known]));
}

const INDEX_CASTS = [undefined, ...SEARCH_COLUMNS.map(() => '::tsvector')];

/** Indexes the articles as they are stored now, or as `texts` gives them (what was just written). */
async function indexArticles(c: Client, texts: { id: number; text: SearchableText }[]): Promise<void> {
  for (const chunk of valuesChunks(texts.map(({ id, text }) => upsertSearchParams(id, text)), INDEX_CASTS)) {
    await c.query(`INSERT INTO article_search (article_id, ${SEARCH_COLUMNS.join(', ')}) VALUES ${chunk.sql}
      ON CONFLICT (article_id) DO UPDATE SET ${SEARCH_COLUMNS.map((col) => `${col} = excluded.${col}`).join(', ')}`, chunk.params);
  }
}

/** Indexes the article as it is stored now. */
export async function reindex(c: Client, id: number): Promise<void> {
  const a = (await c.query<SearchableText>('SELECT title, author, summary, text FROM article WHERE id = $1', [id])).rows[0];
  if (a) await indexArticles(c, [{ id, text: a }]);
}

/** An item to write: what the feed says, and what became of it. */
interface Write {
  identity: string;
  keys: ArticleKeys;
  fields: ArticleFields;
  outlet: OutletColumns;
  kind: 'new' | 'updated' | 'unchanged';
  id?: number;
}

/** Inserts the new articles in multi-row statements; returns the ids by identity of those no other client stored first. */
async function insertArticles(c: Client, feedId: number, writes: Write[], now: string): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const rows = writes.map((x) => [feedId, x.identity, ...fieldValues(x.fields), ...x.outlet, now, now]);
  for (const chunk of valuesChunks(rows)) {
    const inserted = await c.query<{ id: number; identity: string }>(`INSERT INTO article (feed_id, identity, guid, link, canonical_link, title_date_hash,
        title, author, summary, content, text, lang, categories, published_at, updated_at, raw, content_hash, outlet_key, country_key, outlet,
        outlet_country, outlet_category, first_seen_at, last_seen_at)
      VALUES ${chunk.sql} ON CONFLICT (feed_id, identity) DO NOTHING RETURNING id, identity`, chunk.params);
    for (const r of inserted.rows) ids.set(r.identity, r.id);
  }
  return ids;
}

export async function ingestFeed(w: WriteContext, feedId: number, feed: FeedObject, options: IngestOptions): Promise<IngestResult> {
  const { c } = w;
  const now = options.now ?? new Date().toISOString();
  const maxWrites = options.maxWrites ?? Infinity;
  const result: IngestResult = { newIds: [], updatedIds: [], unchanged: 0, deferred: 0, repeated: 0, warnings: [] };
  const feedRow = (await c.query<{ url: string; site_url: string | null }>('SELECT url, site_url FROM feed WHERE id = $1', [feedId])).rows[0];
  if (!feedRow) throw new Error(`There is no feed ${feedId} in the team library (another analyst may have removed it); nothing was stored.`);
  const items: { item: FeedItem; keys: ArticleKeys; identity: string }[] = [];
  const seen = new Set<string>();
  for (const item of feed.items) {
    if (isEmptyItem(item)) continue;
    const keys = preparedKeys(item, options.prepared);
    const identity = clean(identityKey(keys));
    if (seen.has(identity)) {
      result.repeated++;
      continue;
    }
    seen.add(identity);
    items.push({ item, keys, identity });
  }
  const known = await knownArticles(c, feedId, items.map((i) => i.identity));
  const unchanged: number[] = [];
  const writes: Write[] = [];
  for (const { item, keys, identity } of items) {
    const match = matchArticle(known.get(identity), keys);
    if (match.kind === 'unchanged') {
      unchanged.push(match.known.id);
      continue;
    }
    if (writes.length >= maxWrites) {
      result.deferred++;
      continue;
    }
    const { fields } = ingestFields(item, feed.language, keys, options.prepared, options.detectLanguage);
    const outlet = outletColumns(w.registry, [fields.link, feedRow.site_url, feedRow.url]);
    writes.push({ identity, keys, fields, outlet, kind: match.kind, ...(match.kind === 'updated' ? { id: match.known.id } : {}) });
  }
  if (unchanged.length > 0) {
    await c.query('UPDATE article SET last_seen_at = $2 WHERE id = ANY($1)', [unchanged, now]);
    await versionsSeen(c, unchanged, now);
  }
  result.unchanged += unchanged.length;
  const fresh = writes.filter((x) => x.kind === 'new');
  const inserted = await insertArticles(c, feedId, fresh, now);
  // Another client stored these items after we looked: they are theirs now, seen or changed like any known one. Such
  // an item keeps the write slot it was given (maxWrites), so a race can defer a few more items to the next poll.
  const raced = fresh.filter((x) => !inserted.has(x.identity));
  const theirs = await knownArticles(c, feedId, raced.map((x) => x.identity));
  for (const x of fresh) {
    x.id = inserted.get(x.identity);
    if (x.id !== undefined) continue;
    const match = matchArticle(theirs.get(x.identity), x.keys);
    if (match.kind === 'new') throw new Error(`Article "${x.identity}" of feed ${feedId} was neither inserted nor found; poll again.`);
    x.kind = match.kind;
    x.id = match.known.id;
    if (match.kind === 'unchanged') result.unchanged++;
  }
  const written = writes.filter((x): x is Write & { id: number; kind: 'new' | 'updated' } => x.kind !== 'unchanged' && x.id !== undefined);
  for (const x of written) {
    if (x.kind === 'updated') await updateArticle(c, x.id, x.fields, now, x.outlet);
    (x.kind === 'new' ? result.newIds : result.updatedIds).push(x.id);
  }
  await indexArticles(c, written.map((x) => ({ id: x.id, text: { title: clean(x.fields.title), author: clean(x.fields.author),
    summary: clean(x.fields.summary), text: clean(x.fields.text) } })));
  // The versions (which read the labels) before the rules, so that is:edited and label-changed: rules see them.
  await enrichArticles(w, options.enrichers, written.map((x) => ({ id: x.id, feedId, url: x.fields.link, text: x.fields.text, isNew: x.kind === 'new' })),
    result.warnings, (ids) => recordVersions(c, ids, 'feed', now, options.captureId ?? null).then(() => undefined));
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
 * Runs the enrichers on stored articles and writes what they say; labels and rule tags each in a savepoint, so that
 * a failure there loses only that part (as on SQLite): written for all the articles at once, and when that fails,
 * again one article at a time, so that only the articles whose part cannot be stored lose it. `recordVersions`, if
 * given, runs between the labels and the rule tags (the versions read the labels, the rules read the versions).
 */
export async function enrichArticles(w: WriteContext, list: Enricher[], articles: (EnrichedArticle & { id: number })[], warnings: string[],
  recordVersions?: (ids: number[]) => Promise<void>): Promise<void> {
  if (articles.length === 0) return;
  const enriched = articles.map((article) => ({ article, e: runEnrichers(list, article, warnings) }));
  const write = async <T extends { article: { id: number } }>(what: string, parts: T[], fn: (parts: T[]) => Promise<void>): Promise<void> => {
    if (parts.length === 0) return;
    await w.c.query('SAVEPOINT enrich');
    try {
      await fn(parts);
      await w.c.query('RELEASE SAVEPOINT enrich');
    } catch (err) {
      await w.c.query('ROLLBACK TO SAVEPOINT enrich');
      if (parts.length > 1) {
        for (const part of parts) await write(what, [part], fn);
      } else {
        warnings.push(`The ${what} of article ${parts[0]?.article.id} could not be stored: ${(err as Error).message}`);
      }
    }
  };
  const labelled = enriched.flatMap(({ article, e }) => (e.labels ? [{ article, labels: e.labels }] : []));
  await write('labels', labelled, async (parts) => {
    const ids = parts.map((p) => p.article.id);
    const seenAt = new Map((await w.c.query<{ id: number; at: string }>('SELECT id, last_seen_at AS at FROM article WHERE id = ANY($1)', [ids])).rows
      .map((r) => [r.id, r.at]));
    await syncDetectedLabels(w.c, parts.map((p) => ({ articleId: p.article.id, labels: p.labels, seenAt: seenAt.get(p.article.id) ?? new Date().toISOString() })));
  });
  await recordVersions?.(articles.map((a) => a.id));
  await write('rule tags', enriched.filter(({ e }) => e.autoTag), (parts) => tagByRules(w, parts.map((p) => p.article)));
}

// Articles as ingest writes them: look-ups by the three dedupe keys, insert, update with the previous version
// kept in article_version, and "seen again" bumps. Reading articles for the UI is the reader's repository.
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import { liveLabel } from './flags.ts';
import type { ArticleFields, ArticleKeys } from '../../articles/normalise.ts';
import type { KnownArticle } from '../../articles/dedupe.ts';
import type { ArticleVersion } from '../records.ts';

const knownSelect = 'SELECT id, content_hash AS contentHash FROM article';

export function findByGuid(db: Db, feedId: number, guid: string): KnownArticle | undefined {
  return prepared(db, `${knownSelect} WHERE feed_id = ? AND guid = ? ORDER BY id LIMIT 1`).get(feedId, guid) as KnownArticle | undefined;
}

export function findByCanonicalLink(db: Db, feedId: number, link: string): KnownArticle | undefined {
  return prepared(db, `${knownSelect} WHERE feed_id = ? AND canonical_link = ? ORDER BY id LIMIT 1`).get(feedId, link) as KnownArticle | undefined;
}

export function findByTitleDateHash(db: Db, feedId: number, hash: string): KnownArticle | undefined {
  return prepared(db, `${knownSelect} WHERE feed_id = ? AND title_date_hash = ? ORDER BY id LIMIT 1`).get(feedId, hash) as KnownArticle | undefined;
}

/** The stored article an item is, by the first key it carries (see articles/dedupe.ts). */
export function findKnown(db: Db, feedId: number, a: ArticleKeys): KnownArticle | undefined {
  if (a.guid) return findByGuid(db, feedId, a.guid);
  if (a.canonicalLink) return findByCanonicalLink(db, feedId, a.canonicalLink);
  return findByTitleDateHash(db, feedId, a.titleDateHash);
}

export function articleExists(db: Db, id: number): boolean {
  return prepared(db, 'SELECT 1 FROM article WHERE id = ?').get(id) !== undefined;
}

function fieldValues(a: ArticleFields): (string | null)[] {
  return [a.guid, a.link, a.canonicalLink, a.titleDateHash, a.title, a.author, a.summary, a.content, a.text, a.lang,
    JSON.stringify(a.categories), a.publishedAt, a.updatedAt, a.raw, a.contentHash];
}

export function insertArticle(db: Db, feedId: number, a: ArticleFields, seenAt: string): number {
  return Number(prepared(db, `INSERT INTO article (feed_id, guid, link, canonical_link, title_date_hash, title, author, summary,
    content, text, lang, categories, published_at, updated_at, raw, content_hash, first_seen_at, last_seen_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(feedId, ...fieldValues(a), seenAt, seenAt).lastInsertRowid);
}

/** Copies the stored version into article_version, then overwrites the row; previous_hash keeps the old hash. */
export function updateArticle(db: Db, known: KnownArticle, a: ArticleFields, seenAt: string): void {
  // The replaced version was current from the previous update (or from first sight) until now.
  prepared(db, `INSERT INTO article_version (article_id, content_hash, title, summary, content, text, seen_from, seen_until)
    SELECT id, content_hash, title, summary, content, text,
      coalesce((SELECT max(seen_until) FROM article_version WHERE article_id = article.id), first_seen_at), ?
    FROM article WHERE id = ?`).run(seenAt, known.id);
  prepared(db, `UPDATE article SET guid = ?, link = ?, canonical_link = ?, title_date_hash = ?, title = ?, author = ?, summary = ?,
    content = ?, text = ?, lang = ?, categories = ?, published_at = ?, updated_at = ?, raw = ?, content_hash = ?,
    previous_hash = content_hash, last_seen_at = ? WHERE id = ?`).run(...fieldValues(a), seenAt, known.id);
}

export function markSeen(db: Db, id: number, seenAt: string): void {
  prepared(db, 'UPDATE article SET last_seen_at = ? WHERE id = ?').run(seenAt, id);
}

export function countArticles(db: Db, feedId?: number): number {
  const row = feedId === undefined
    ? prepared(db, 'SELECT count(*) AS n FROM article').get()
    : prepared(db, 'SELECT count(*) AS n FROM article WHERE feed_id = ?').get(feedId);
  return (row as { n: number }).n;
}

/** How many of these articles carry a label the analyst has not rejected (the reader's "flagged"). */
export function countFlagged(db: Db, ids: number[]): number {
  if (ids.length === 0) return 0;
  const row = prepared(db, `SELECT count(DISTINCT article_id) AS n FROM label
    WHERE ${liveLabel()} AND article_id IN (SELECT value FROM json_each(?))`).get(JSON.stringify(ids)) as { n: number };
  return row.n;
}

export function articleVersions(db: Db, articleId: number): ArticleVersion[] {
  return prepared(db, `SELECT content_hash AS contentHash, title, summary, content, text, seen_from AS seenFrom, seen_until AS seenUntil
    FROM article_version WHERE article_id = ? ORDER BY id`).all(articleId) as ArticleVersion[];
}

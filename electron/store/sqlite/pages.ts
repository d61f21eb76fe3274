// Article pages fetched for full text, kept as evidence: the raw bytes gzip-compressed with their SHA-256, where
// they came from and when; a failed fetch or extraction is a row too, with its error. Also the article columns
// that full text fills (full_html, text).
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import type { FullTextTarget, NewPage, PageRecord } from '../records.ts';

export function insertPage(db: Db, page: NewPage): number {
  const bytes = page.bytes;
  const sha256 = bytes ? createHash('sha256').update(bytes).digest('hex') : null;
  const body = bytes ? gzipSync(bytes) : null;
  return Number(prepared(db, `INSERT INTO page (article_id, url, final_url, fetched_at, status, content_type, size, sha256, body, error)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(page.articleId, page.url, page.finalUrl, page.fetchedAt, page.status, page.contentType,
    bytes ? bytes.length : null, sha256, body, page.error).lastInsertRowid);
}

const pageSelect = `SELECT id, article_id AS articleId, url, final_url AS finalUrl, fetched_at AS fetchedAt, status,
  content_type AS contentType, size, sha256, error FROM page`;

/** The article's fetches, oldest first. */
export function pagesOf(db: Db, articleId: number): PageRecord[] {
  return prepared(db, `${pageSelect} WHERE article_id = ? ORDER BY id`).all(articleId) as PageRecord[];
}

export function getPage(db: Db, id: number): PageRecord | undefined {
  return prepared(db, `${pageSelect} WHERE id = ?`).get(id) as PageRecord | undefined;
}

/** The raw bytes of a stored page, decompressed; null when the fetch kept none. */
export function pageBytes(db: Db, pageId: number): Buffer | null {
  const row = prepared(db, 'SELECT body FROM page WHERE id = ?').get(pageId) as { body: Buffer | null } | undefined;
  return row?.body ? gunzipSync(row.body) : null;
}

export function fullTextTargets(db: Db, ids: number[]): FullTextTarget[] {
  const stmt = prepared(db, 'SELECT id, feed_id AS feedId, link, lang FROM article WHERE id = ?');
  return ids.map((id) => stmt.get(id) as FullTextTarget | undefined).filter((a): a is FullTextTarget => a !== undefined);
}

/** The feed's articles whose page was never fetched, newest first: the backlog full text works through. */
export function articlesWithoutPage(db: Db, feedId: number, limit: number): number[] {
  const rows = prepared(db, `SELECT id FROM article WHERE feed_id = ? AND link IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM page WHERE page.article_id = article.id)
    ORDER BY coalesce(published_at, first_seen_at) DESC, id DESC LIMIT ?`).all(feedId, limit) as { id: number }[];
  return rows.map((r) => r.id);
}

/** The feed's own HTML (content, else summary) of its latest articles: what full-text detection looks at. */
export function recentFeedHtml(db: Db, feedId: number, limit: number): string[] {
  const rows = prepared(db, 'SELECT coalesce(content, summary, \'\') AS html FROM article WHERE feed_id = ? ORDER BY id DESC LIMIT ?')
    .all(feedId, limit) as { html: string }[];
  return rows.map((r) => r.html);
}

/** Stores the extracted article: its sanitised HTML and its text (the FTS triggers re-index the text). */
export function storeFullText(db: Db, articleId: number, fullHtml: string, text: string, lang: string | null): void {
  prepared(db, 'UPDATE article SET full_html = ?, text = ?, lang = coalesce(lang, ?) WHERE id = ?').run(fullHtml, text, lang, articleId);
}

/** The article's stored text and full HTML; undefined when there is no such article. */
export function storedFullText(db: Db, articleId: number): { text: string | null; html: string | null } | undefined {
  return prepared(db, 'SELECT text, full_html AS html FROM article WHERE id = ?').get(articleId) as { text: string | null; html: string | null } | undefined;
}

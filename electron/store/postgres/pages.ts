// Article pages fetched for full text, kept as evidence on the team library (the bytes gzip-compressed with their
// SHA-256, as on SQLite), the article columns full text fills, and each article's last full-text outcome with the
// poller's retry schedule (SQLite's schema 7).
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type pg from 'pg';
import type { FullTextState, FullTextTarget, NewPage, PageRecord } from '../records.ts';
import { clean } from './values.ts';

type Client = pg.ClientBase;

const PAGE_SELECT = `SELECT id, article_id AS "articleId", url, final_url AS "finalUrl", fetched_at AS "fetchedAt", status,
  content_type AS "contentType", size, sha256, error FROM page`;

export async function insertPage(c: Client, page: NewPage): Promise<PageRecord> {
  const bytes = page.bytes;
  const r = await c.query<PageRecord>(`INSERT INTO page (article_id, url, final_url, fetched_at, status, content_type, size, sha256, body, error)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
    RETURNING id, article_id AS "articleId", url, final_url AS "finalUrl", fetched_at AS "fetchedAt", status, content_type AS "contentType", size, sha256, error`,
  [page.articleId, clean(page.url), clean(page.finalUrl), page.fetchedAt, page.status, clean(page.contentType), bytes ? bytes.length : null,
    bytes ? createHash('sha256').update(bytes).digest('hex') : null, bytes ? gzipSync(bytes) : null, clean(page.error)]);
  return r.rows[0] as PageRecord;
}

export async function pagesOf(c: Client, articleId: number): Promise<PageRecord[]> {
  return (await c.query<PageRecord>(`${PAGE_SELECT} WHERE article_id = $1 ORDER BY id`, [articleId])).rows;
}

/** In the order asked for, missing ones left out. */
export async function fullTextTargets(c: Client, ids: number[]): Promise<FullTextTarget[]> {
  const rows = (await c.query<FullTextTarget>('SELECT id, feed_id AS "feedId", link, lang FROM article WHERE id = ANY($1)', [ids])).rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((a): a is FullTextTarget => a !== undefined);
}

export async function articlesWithoutPage(c: Client, feedId: number, limit: number): Promise<number[]> {
  return (await c.query<{ id: number }>(`SELECT id FROM article WHERE feed_id = $1 AND link IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM page WHERE page.article_id = article.id)
    ORDER BY coalesce(published_at, first_seen_at) DESC, id DESC LIMIT $2`, [feedId, limit])).rows.map((r) => r.id);
}

export async function recentFeedHtml(c: Client, feedId: number, limit: number): Promise<string[]> {
  return (await c.query<{ html: string }>("SELECT coalesce(content, summary, '') AS html FROM article WHERE feed_id = $1 ORDER BY id DESC LIMIT $2",
    [feedId, limit])).rows.map((r) => r.html);
}

export async function storeFullText(c: Client, articleId: number, html: string, text: string, lang: string | null): Promise<void> {
  await c.query('UPDATE article SET full_html = $2, text = $3, lang = coalesce(lang, $4) WHERE id = $1', [articleId, clean(html), clean(text), lang]);
}

export async function storedFullText(c: Client, articleId: number): Promise<{ text: string | null; html: string | null } | undefined> {
  return (await c.query<{ text: string | null; html: string | null }>('SELECT text, full_html AS html FROM article WHERE id = $1', [articleId])).rows[0];
}

/** Replaces the article's last full-text outcome. */
export async function storeFullTextState(c: Client, state: FullTextState): Promise<void> {
  await c.query(`INSERT INTO fulltext_status (article_id, status, reason, message, attempts, tried_at, next_retry_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
    ON CONFLICT (article_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, message = excluded.message,
    attempts = excluded.attempts, tried_at = excluded.tried_at, next_retry_at = excluded.next_retry_at`,
  [state.articleId, state.status, clean(state.reason), clean(state.message), state.attempts, state.triedAt, state.nextRetryAt]);
}

/** The article's last full-text outcome; undefined when full text was never tried for it. */
export async function fullTextState(c: Client, articleId: number): Promise<FullTextState | undefined> {
  return (await c.query<FullTextState>(`SELECT article_id AS "articleId", status, reason, message, attempts, tried_at AS "triedAt",
    next_retry_at AS "nextRetryAt" FROM fulltext_status WHERE article_id = $1`, [articleId])).rows[0];
}

/** The feed's articles whose failed full text is due for another try at `now`, longest waiting first. */
export async function dueFullTextRetries(c: Client, feedId: number, now: string, limit: number): Promise<number[]> {
  return (await c.query<{ id: number }>(`SELECT s.article_id AS id FROM fulltext_status s JOIN article a ON a.id = s.article_id
    WHERE a.feed_id = $1 AND s.next_retry_at IS NOT NULL AND s.next_retry_at <= $2 ORDER BY s.next_retry_at, s.article_id LIMIT $3`,
  [feedId, now, limit])).rows.map((r) => r.id);
}

// Raw captures on the team library: responses kept as received, for the evidence export, as on SQLite (the body
// gzip-compressed in bytea; its SHA-256 and size are of the bytes as received, so a reader checks them on what the
// export gives back).
import { gunzipSync, gzipSync } from 'node:zlib';
import type pg from 'pg';
import type { RawCapture } from '../../model.ts';
import type { StoredCapture } from '../records.ts';
import { clean } from './values.ts';

type Client = pg.ClientBase;

export interface CaptureOwner {
  kind: StoredCapture['kind'];
  feedId?: number | null;
  articleId?: number | null;
}

export async function insertCapture(c: Client, owner: CaptureOwner, r: RawCapture): Promise<number> {
  const row = (await c.query<{ id: number }>(`INSERT INTO capture (feed_id, article_id, kind, url, final_url, status, fetched_at, request_head, response_head,
      body, size, sha256, truncated) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
  [owner.feedId ?? null, owner.articleId ?? null, owner.kind, clean(r.url), clean(r.finalUrl), r.status, r.fetchedAt, Buffer.from(r.requestHead),
    Buffer.from(r.responseHead), gzipSync(r.body), r.body.length, r.sha256, r.truncated])).rows[0];
  return row?.id as number;
}

/** A feed capture that made no version (every item unchanged) proves nothing an article needs: not kept. */
export async function dropUnusedFeedCapture(c: Client, captureId: number): Promise<void> {
  await c.query('DELETE FROM capture WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM article_version WHERE capture_id = $1)', [captureId]);
}

const COLUMNS = `id, kind, url, final_url AS "finalUrl", status, fetched_at AS "fetchedAt", request_head AS "requestHead",
  response_head AS "responseHead", body, sha256, truncated`;

/** The captures that are evidence of one article, oldest first: its page fetches and re-checks, and the feed
 * fetches that made one of its versions. */
export async function capturesOfArticle(c: Client, articleId: number): Promise<StoredCapture[]> {
  const rows = (await c.query<StoredCapture>(`SELECT ${COLUMNS} FROM capture WHERE article_id = $1
    OR id IN (SELECT capture_id FROM article_version WHERE article_id = $1 AND capture_id IS NOT NULL)
    ORDER BY fetched_at, id`, [articleId])).rows;
  return rows.map((r) => ({ ...r, body: gunzipSync(r.body) }));
}

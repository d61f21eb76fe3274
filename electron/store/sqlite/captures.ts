// Raw captures (schema 6): responses kept as received, for the evidence export. The body is stored gzip-compressed
// (like page bodies); its SHA-256 and size are of the bytes as received, so a reader checks them on what the
// export gives back, not on what this file keeps.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import type { RawCapture } from '../../model.ts';
import type { StoredCapture } from '../records.ts';

export type CaptureKind = 'feed' | 'page' | 'recheck';

export interface CaptureOwner {
  kind: CaptureKind;
  feedId?: number | null;
  articleId?: number | null;
}


export function insertCapture(db: Db, owner: CaptureOwner, c: RawCapture): number {
  return Number(prepared(db, `INSERT INTO capture (feed_id, article_id, kind, url, final_url, status, fetched_at, request_head, response_head, body, size, sha256, truncated)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(owner.feedId ?? null, owner.articleId ?? null, owner.kind, c.url, c.finalUrl, c.status, c.fetchedAt,
    Buffer.from(c.requestHead), Buffer.from(c.responseHead), gzipSync(c.body), c.body.length, c.sha256, c.truncated ? 1 : 0).lastInsertRowid);
}

interface CaptureRow {
  id: number; kind: CaptureKind; url: string; finalUrl: string; status: number; fetchedAt: string;
  requestHead: Buffer; responseHead: Buffer; body: Buffer; sha256: string; truncated: number;
}

const COLUMNS = `id, kind, url, final_url AS finalUrl, status, fetched_at AS fetchedAt, request_head AS requestHead,
  response_head AS responseHead, body, sha256, truncated`;

function fromRow(r: CaptureRow): StoredCapture {
  return { ...r, body: gunzipSync(r.body), truncated: r.truncated === 1 };
}

/** The captures that are evidence of one article, oldest first: its page fetches and re-checks, and the feed
 * fetches that made one of its versions. */
export function capturesOfArticle(db: Db, articleId: number): StoredCapture[] {
  const rows = prepared(db, `SELECT ${COLUMNS} FROM capture WHERE article_id = ?
    UNION SELECT ${COLUMNS} FROM capture WHERE id IN (SELECT capture_id FROM article_version WHERE article_id = ? AND capture_id IS NOT NULL)
    ORDER BY fetchedAt, id`).all(articleId, articleId) as CaptureRow[];
  return rows.map(fromRow);
}

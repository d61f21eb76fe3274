// One row per feed fetch: what was asked, what came back, what it stored. For "why is this feed stuck?".
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import type { FetchLogEntry } from '../records.ts';

export function logFetch(db: Db, e: FetchLogEntry): void {
  prepared(db, `INSERT INTO fetch_log (feed_id, started_at, url, status, outcome, bytes, duration_ms, new_count, updated_count, error)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(e.feedId, e.startedAt, e.url, e.status, e.outcome, e.bytes, e.durationMs, e.newCount, e.updatedCount, e.error);
}

export function recentFetches(db: Db, feedId: number, limit = 20): FetchLogEntry[] {
  return prepared(db, `SELECT feed_id AS feedId, started_at AS startedAt, url, status, outcome, bytes, duration_ms AS durationMs,
    new_count AS newCount, updated_count AS updatedCount, error FROM fetch_log WHERE feed_id = ? ORDER BY id DESC LIMIT ?`).all(feedId, limit) as FetchLogEntry[];
}

// Subscriptions: the feed table, as FeedRecord (what the API shows) and StoredFeed (what the poller needs).
import type { Db } from './db.ts';
import type { FeedRecord } from '../../model.ts';
import { prepared } from './prepared.ts';
import type { AddedFeed, FeedSettings, FeedState, NewSubscription, StoredFeed } from '../records.ts';
import { ensureFolder } from './folders.ts';

const stateColumns: Record<keyof FeedState, string> = {
  url: 'url', siteUrl: 'site_url', title: 'title', description: 'description', language: 'language',
  floorMinutes: 'floor_minutes', status: 'status', etag: 'etag', lastModified: 'last_modified',
  lastFetchedAt: 'last_fetched_at', lastSuccessAt: 'last_success_at', nextFetchAt: 'next_fetch_at',
  retryReason: 'retry_reason', errorCount: 'error_count', lastError: 'last_error',
};

const storedSelect = `SELECT id, url, typed_url AS typedUrl, site_url AS siteUrl, title, folder_id AS folderId,
  interval_minutes AS intervalMinutes, floor_minutes AS floorMinutes, full_text AS fullText, status, etag,
  last_modified AS lastModified, last_fetched_at AS lastFetchedAt, last_success_at AS lastSuccessAt,
  next_fetch_at AS nextFetchAt, retry_reason AS retryReason, error_count AS errorCount, last_error AS lastError
  FROM feed`;

type StoredRow = Omit<StoredFeed, 'fullText'> & { fullText: number | null };

function toStored(row: StoredRow | undefined): StoredFeed | undefined {
  return row && { ...row, fullText: row.fullText === null ? null : row.fullText === 1 };
}

export function getStoredFeed(db: Db, id: number): StoredFeed | undefined {
  return toStored(prepared(db, `${storedSelect} WHERE id = ?`).get(id) as StoredRow | undefined);
}

/** The feed fetched from `url` now, or first typed as `url`. */
export function findFeedByUrl(db: Db, url: string): StoredFeed | undefined {
  return toStored(prepared(db, `${storedSelect} WHERE url = ? OR typed_url = ? ORDER BY url = ? DESC LIMIT 1`).get(url, url, url) as StoredRow | undefined);
}

export function listStoredFeeds(db: Db, ids?: number[]): StoredFeed[] {
  const rows = prepared(db, `${storedSelect} ORDER BY id`).all() as StoredRow[];
  const wanted = ids ? new Set(ids) : null;
  return rows.filter((r) => !wanted || wanted.has(r.id)).map((r) => toStored(r) as StoredFeed);
}

export interface NewFeed {
  url: string;
  typedUrl: string;
  title?: string | null;
  siteUrl?: string | null;
  folderId?: number | null;
  intervalMinutes: number;
  createdAt: string;
}

export function insertFeed(db: Db, feed: NewFeed): number {
  return Number(prepared(db, `INSERT INTO feed (url, typed_url, title, site_url, folder_id, interval_minutes, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`).run(feed.url, feed.typedUrl, feed.title ?? null, feed.siteUrl ?? null, feed.folderId ?? null,
    feed.intervalMinutes, feed.createdAt).lastInsertRowid);
}

/** Writes the given state columns of one feed. */
export function updateFeedState(db: Db, id: number, patch: Partial<FeedState>): void {
  const keys = (Object.keys(patch) as (keyof FeedState)[]).filter((k) => Object.hasOwn(stateColumns, k));
  if (keys.length === 0) return;
  const sql = `UPDATE feed SET ${keys.map((k) => `${stateColumns[k]} = ?`).join(', ')} WHERE id = ?`;
  prepared(db, sql).run(...keys.map((k) => patch[k] ?? null), id);
}

/** The settings columns: FeedSettings with its folder as an id. */
type SettingsColumns = Omit<FeedSettings, 'folder'> & { folderId?: number | null | undefined };

export function updateFeedSettings(db: Db, id: number, s: SettingsColumns): void {
  const sets: string[] = [];
  const values: (string | number | null)[] = [];
  if (s.title !== undefined) { sets.push('title = ?'); values.push(s.title); }
  if (s.folderId !== undefined) { sets.push('folder_id = ?'); values.push(s.folderId); }
  if (s.intervalMinutes !== undefined) {
    sets.push('interval_minutes = ?');
    values.push(s.intervalMinutes);
    // A new interval applies from the last fetch at once, unless the feed is waiting for a server or backing off.
    sets.push(`next_fetch_at = CASE WHEN retry_reason IS NULL AND last_fetched_at IS NOT NULL
      THEN strftime('%Y-%m-%dT%H:%M:%fZ', last_fetched_at, '+' || max(?, coalesce(floor_minutes, 0)) || ' minutes') ELSE next_fetch_at END`);
    values.push(s.intervalMinutes);
  }
  if (s.fullText !== undefined) { sets.push('full_text = ?'); values.push(s.fullText === null ? null : s.fullText ? 1 : 0); }
  if (sets.length === 0) return;
  prepared(db, `UPDATE feed SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
}

/** Subscribes (creating the folder if needed) unless a feed with that address is there already; one transaction. */
export function addSubscription(db: Db, s: NewSubscription): AddedFeed {
  return db.transaction((): AddedFeed => {
    const existing = findFeedByUrl(db, s.url);
    if (existing) return { added: false, existing: { id: existing.id, url: existing.url } };
    const folderId = s.folder ? ensureFolder(db, s.folder) : null;
    const id = insertFeed(db, { url: s.url, typedUrl: s.typedUrl, title: s.title, siteUrl: s.siteUrl, folderId, intervalMinutes: s.intervalMinutes, createdAt: s.createdAt });
    updateFeedState(db, id, { description: s.description ?? null, language: s.language ?? null, floorMinutes: s.floorMinutes ?? null });
    return { added: true, id };
  })();
}

/** Subscribes to each feed whose address is not there yet, in one transaction; returns how many were added. */
export function addSubscriptions(db: Db, feeds: NewSubscription[]): number {
  let added = 0;
  db.transaction(() => {
    for (const s of feeds) if (addSubscription(db, s).added) added++;
  })();
  return added;
}

/** Changes what the analyst may change about a feed (the folder is created if needed); one transaction. */
export function changeFeed(db: Db, id: number, s: FeedSettings): FeedRecord | undefined {
  return db.transaction(() => {
    if (!getStoredFeed(db, id)) return undefined;
    const folderId = s.folder === undefined ? undefined : s.folder === null ? null : ensureFolder(db, s.folder);
    updateFeedSettings(db, id, { title: s.title, folderId, intervalMinutes: s.intervalMinutes, fullText: s.fullText });
    return getFeedRecord(db, id);
  })();
}

/** Removes a feed with its articles, their versions, tags and labels (ON DELETE CASCADE), in one transaction. */
export function deleteFeed(db: Db, id: number): boolean {
  return db.transaction(() => prepared(db, 'DELETE FROM feed WHERE id = ?').run(id).changes > 0)();
}

const recordSelect = `SELECT f.id, f.url, f.site_url AS siteUrl, f.title, f.description, f.language, d.name AS folder,
  f.interval_minutes AS intervalMinutes, f.full_text AS fullText, f.status, f.last_error AS lastError,
  f.last_fetched_at AS lastFetchedAt, f.last_success_at AS lastSuccessAt, f.next_fetch_at AS nextFetchAt,
  f.error_count AS errorCount,
  (SELECT count(*) FROM article a WHERE a.feed_id = f.id) AS articleCount,
  (SELECT count(*) FROM article a WHERE a.feed_id = f.id AND a.is_read = 0) AS unreadCount,
  f.created_at AS createdAt
  FROM feed f LEFT JOIN folder d ON d.id = f.folder_id`;

type RecordRow = Omit<FeedRecord, 'fullText'> & { fullText: number | null };

function toRecord(row: RecordRow): FeedRecord {
  return { ...row, fullText: row.fullText === null ? null : row.fullText === 1 };
}

export function listFeedRecords(db: Db): FeedRecord[] {
  return (prepared(db, `${recordSelect} ORDER BY d.position, d.name, lower(coalesce(f.title, f.url))`).all() as RecordRow[]).map(toRecord);
}

export function getFeedRecord(db: Db, id: number): FeedRecord | undefined {
  const row = prepared(db, `${recordSelect} WHERE f.id = ?`).get(id) as RecordRow | undefined;
  return row && toRecord(row);
}

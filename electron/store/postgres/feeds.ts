// Subscriptions on the team library: the feed table as FeedRecord and StoredFeed, folders, the fetch log. Unread
// counts are the analyst's own. feed.match_keys (what feed: filters compare) follow title and addresses.
import type pg from 'pg';
import type { FeedRecord } from '../../model.ts';
import { foldWord } from '../../text/fold.ts';
import type { AddedFeed, FeedSettings, FeedState, FetchLogEntry, FolderRecord, NewSubscription, StoredFeed } from '../records.ts';
import { clean } from './values.ts';

type Client = pg.ClientBase;

const stateColumns: Record<keyof FeedState, string> = {
  url: 'url', siteUrl: 'site_url', title: 'title', description: 'description', language: 'language',
  floorMinutes: 'floor_minutes', status: 'status', etag: 'etag', lastModified: 'last_modified',
  lastFetchedAt: 'last_fetched_at', lastSuccessAt: 'last_success_at', nextFetchAt: 'next_fetch_at',
  retryReason: 'retry_reason', errorCount: 'error_count', lastError: 'last_error',
};

const storedSelect = `SELECT id, url, typed_url AS "typedUrl", site_url AS "siteUrl", title, folder_id AS "folderId",
  interval_minutes AS "intervalMinutes", floor_minutes AS "floorMinutes", full_text AS "fullText", status, etag,
  last_modified AS "lastModified", last_fetched_at AS "lastFetchedAt", last_success_at AS "lastSuccessAt",
  next_fetch_at AS "nextFetchAt", retry_reason AS "retryReason", error_count AS "errorCount", last_error AS "lastError"
  FROM feed`;

export async function getStoredFeed(c: Client, id: number): Promise<StoredFeed | undefined> {
  return (await c.query<StoredFeed>(`${storedSelect} WHERE id = $1`, [id])).rows[0];
}

export async function findFeedByUrl(c: Client, url: string): Promise<StoredFeed | undefined> {
  return (await c.query<StoredFeed>(`${storedSelect} WHERE url = $1 OR typed_url = $1 ORDER BY url = $1 DESC LIMIT 1`, [url])).rows[0];
}

export async function listStoredFeeds(c: Client, ids?: number[]): Promise<StoredFeed[]> {
  return ids
    ? (await c.query<StoredFeed>(`${storedSelect} WHERE id = ANY($1) ORDER BY id`, [ids])).rows
    : (await c.query<StoredFeed>(`${storedSelect} ORDER BY id`)).rows;
}

/** The folder's id, creating it at the end of the list; two clients creating one folder at once get the same. */
export async function ensureFolder(c: Client, name: string): Promise<number> {
  const r = await c.query<{ id: number }>(`INSERT INTO folder (name, position) VALUES ($1, (SELECT coalesce(max(position), -1) + 1 FROM folder))
    ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id`, [name]);
  return r.rows[0]?.id as number;
}

export async function listFolders(c: Client): Promise<FolderRecord[]> {
  return (await c.query<FolderRecord>(`SELECT f.id, f.name, f.position, (SELECT count(*) FROM feed WHERE folder_id = f.id) AS "feedCount"
    FROM folder f ORDER BY f.position, f.name`)).rows;
}

/** What feed: filters compare: the feed's title and addresses, folded by the app. */
async function refreshMatchKeys(c: Client, id: number): Promise<void> {
  const row = (await c.query<{ title: string | null; url: string; site_url: string | null }>('SELECT title, url, site_url FROM feed WHERE id = $1', [id])).rows[0];
  if (!row) return;
  const keys = [row.title, row.url, row.site_url].filter((v): v is string => v !== null).map(foldWord);
  await c.query('UPDATE feed SET match_keys = $2 WHERE id = $1', [id, keys]);
}

export async function updateFeedState(c: Client, id: number, patch: Partial<FeedState>): Promise<void> {
  const keys = (Object.keys(patch) as (keyof FeedState)[]).filter((k) => Object.hasOwn(stateColumns, k));
  if (keys.length === 0) return;
  await c.query(`UPDATE feed SET ${keys.map((k, i) => `${stateColumns[k]} = $${i + 2}`).join(', ')} WHERE id = $1`,
    [id, ...keys.map((k) => clean(patch[k] ?? null))]);
  if (keys.some((k) => k === 'url' || k === 'title' || k === 'siteUrl')) await refreshMatchKeys(c, id);
}

export async function addSubscription(c: Client, s: NewSubscription, analystId: number): Promise<AddedFeed> {
  const existing = await findFeedByUrl(c, s.url);
  if (existing) return { added: false, existing: { id: existing.id, url: existing.url } };
  const folderId = s.folder ? await ensureFolder(c, s.folder) : null;
  // A feed another client added meanwhile (same url) is found, not doubled.
  const r = await c.query<{ id: number }>(`INSERT INTO feed (url, typed_url, title, site_url, folder_id, interval_minutes, description, language,
      floor_minutes, created_by, created_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (url) DO NOTHING RETURNING id`,
  [s.url, s.typedUrl, clean(s.title), clean(s.siteUrl), folderId, s.intervalMinutes, clean(s.description ?? null), s.language ?? null,
    s.floorMinutes ?? null, analystId, s.createdAt]);
  const id = r.rows[0]?.id;
  if (id === undefined) {
    const other = await findFeedByUrl(c, s.url);
    return { added: false, existing: { id: other?.id ?? 0, url: s.url } };
  }
  await refreshMatchKeys(c, id);
  return { added: true, id };
}

export async function changeFeed(c: Client, id: number, s: FeedSettings): Promise<boolean> {
  if (!(await getStoredFeed(c, id))) return false;
  const sets: string[] = [];
  const values: unknown[] = [id];
  const add = (v: unknown): string => `$${values.push(v)}`;
  if (s.title !== undefined) sets.push(`title = ${add(clean(s.title))}`);
  if (s.folder !== undefined) sets.push(`folder_id = ${add(s.folder === null ? null : await ensureFolder(c, s.folder))}`);
  if (s.intervalMinutes !== undefined) {
    const p = add(s.intervalMinutes);
    sets.push(`interval_minutes = ${p}`);
    // A new interval applies from the last fetch at once, unless the feed is waiting for a server or backing off.
    sets.push(`next_fetch_at = CASE WHEN retry_reason IS NULL AND last_fetched_at IS NOT NULL
      THEN last_fetched_at + make_interval(mins => greatest(${p}::int, coalesce(floor_minutes, 0))) ELSE next_fetch_at END`);
  }
  if (s.fullText !== undefined) sets.push(`full_text = ${add(s.fullText)}`);
  if (sets.length > 0) await c.query(`UPDATE feed SET ${sets.join(', ')} WHERE id = $1`, values);
  if (s.title !== undefined) await refreshMatchKeys(c, id);
  return true;
}

function recordSelect(analyst: string): string {
  return `SELECT f.id, f.url, f.site_url AS "siteUrl", f.title, f.description, f.language, d.name AS folder,
  f.interval_minutes AS "intervalMinutes", f.full_text AS "fullText", f.status, f.last_error AS "lastError",
  f.last_fetched_at AS "lastFetchedAt", f.last_success_at AS "lastSuccessAt", f.next_fetch_at AS "nextFetchAt",
  f.error_count AS "errorCount",
  (SELECT count(*) FROM article a WHERE a.feed_id = f.id) AS "articleCount",
  (SELECT count(*) FROM article a WHERE a.feed_id = f.id AND NOT EXISTS
    (SELECT 1 FROM article_state st WHERE st.article_id = a.id AND st.analyst_id = ${analyst} AND st.read_at IS NOT NULL)) AS "unreadCount",
  f.created_at AS "createdAt"
  FROM feed f LEFT JOIN folder d ON d.id = f.folder_id`;
}

export async function listFeedRecords(c: Client, analystId: number): Promise<FeedRecord[]> {
  return (await c.query<FeedRecord>(`${recordSelect('$1')} ORDER BY d.position NULLS FIRST, d.name NULLS FIRST, lower(coalesce(f.title, f.url))`, [analystId])).rows;
}

export async function getFeedRecord(c: Client, id: number, analystId: number): Promise<FeedRecord | undefined> {
  return (await c.query<FeedRecord>(`${recordSelect('$2')} WHERE f.id = $1`, [id, analystId])).rows[0];
}

export async function logFetch(c: Client, e: FetchLogEntry, analystId: number): Promise<void> {
  await c.query(`INSERT INTO fetch_log (feed_id, polled_by, started_at, url, status, outcome, bytes, duration_ms, new_count, updated_count, error)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
  [e.feedId, analystId, e.startedAt, e.url, e.status, e.outcome, e.bytes, e.durationMs, e.newCount, e.updatedCount, clean(e.error)]);
}

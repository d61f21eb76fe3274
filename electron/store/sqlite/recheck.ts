// Re-checks of recent articles (issue 13, item 3): which to fetch again, with the validators of their last page
// fetch (conditional GET) and their latest page version; and the deletion record when a re-check finds the
// article taken down. The article itself is never removed: deletion is a mark with its evidence.
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import { insertCapture } from './captures.ts';
import type { VersionLabel } from '../../articles/versions.ts';
import type { RecheckOutcome, RecheckTarget } from '../records.ts';

interface TargetRow {
  id: number; link: string; feedUrl: string; typedUrl: string; siteUrl: string | null; etag: string | null; lastModified: string | null;
  source: 'feed' | 'page' | null; title: string | null; text: string | null; labels: string | null;
}

/** Articles first seen since `since` (or the one with `id`), not already found deleted, with a link; oldest
 * check first, so that an interrupted run resumes where it stopped. */
export function recheckTargets(db: Db, since: string, id: number | null): RecheckTarget[] {
  const rows = prepared(db, `SELECT a.id, a.link, f.url AS feedUrl, f.typed_url AS typedUrl, f.site_url AS siteUrl,
      a.page_etag AS etag, a.page_last_modified AS lastModified, v.source, v.title, v.text, v.labels
    FROM article a JOIN feed f ON f.id = a.feed_id
    LEFT JOIN article_version_read v ON v.article_id = a.id AND v.n = a.version_count
    WHERE a.link IS NOT NULL AND a.deleted_at IS NULL AND (CASE WHEN ? IS NULL THEN a.first_seen_at >= ? ELSE a.id = ? END)
    ORDER BY coalesce(a.rechecked_at, ''), a.id`).all(id, since, id) as TargetRow[];
  return rows.map((r) => ({
    id: r.id, link: r.link, feedUrl: r.feedUrl, typedUrl: r.typedUrl, siteUrl: r.siteUrl, etag: r.etag, lastModified: r.lastModified,
    stored: r.source === 'page' ? { title: r.title, text: r.text ?? '', labels: JSON.parse(r.labels ?? '[]') as VersionLabel[] } : null,
  }));
}

/** What a re-check found, in one transaction: the time, the validators, and for a deletion the mark and its
 * evidence (the response, when captured). */
export function recordRecheck(db: Db, articleId: number, o: RecheckOutcome): void {
  prepared(db, `UPDATE article SET rechecked_at = ?, page_etag = coalesce(?, page_etag), page_last_modified = coalesce(?, page_last_modified)
    WHERE id = ?`).run(o.at, o.etag, o.lastModified, articleId);
  if (o.state !== 'deleted') return;
  const captureId = o.capture ? insertCapture(db, { kind: 'recheck', articleId }, o.capture) : null;
  prepared(db, `UPDATE article SET deleted_at = ?, deleted_reason = ?, deleted_status = ?, deleted_final_url = ?, deleted_capture_id = ?
    WHERE id = ? AND deleted_at IS NULL`).run(o.at, o.reason, o.status, o.finalUrl, captureId, articleId);
}

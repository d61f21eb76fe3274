// Evidence on the team library, as the SQLite engine's recheck.ts, dossier.ts and prune.ts keep it: which recent
// articles to fetch again and what a re-check found (a deletion is a mark with its evidence, never a removal), one
// article's evidence for the export, and retention (store/RETENTION.md).
import type pg from 'pg';
import type { ArticleDossier, RecheckOutcome, RecheckTarget } from '../records.ts';
import type { VersionLabel } from '../../articles/versions.ts';
import { insertCapture, capturesOfArticle } from './captures.ts';
import { versionsOf } from './versions.ts';
import { labelsForArticle } from './labels.ts';
import { articleTags } from './tags.ts';
import { clean } from './values.ts';
import { dossierFrom, type DossierRow } from '../shared.ts';

type Client = pg.ClientBase;

interface TargetRow {
  id: number; link: string; feedUrl: string; typedUrl: string; siteUrl: string | null; etag: string | null; lastModified: string | null;
  source: 'feed' | 'page' | null; title: string | null; text: string | null; labels: VersionLabel[] | null;
}

/** Articles first seen since `since` (or the one with `id`), not already found deleted, with a link; oldest check
 * first, so that an interrupted run resumes where it stopped. */
export async function recheckTargets(c: Client, since: string, id: number | null): Promise<RecheckTarget[]> {
  const rows = (await c.query<TargetRow>(`SELECT a.id, a.link, f.url AS "feedUrl", f.typed_url AS "typedUrl", f.site_url AS "siteUrl",
      a.page_etag AS etag, a.page_last_modified AS "lastModified", v.source, v.title, v.text, v.labels
    FROM article a JOIN feed f ON f.id = a.feed_id
    LEFT JOIN article_version v ON v.article_id = a.id AND v.n = a.version_count
    WHERE a.link IS NOT NULL AND a.deleted_at IS NULL AND (CASE WHEN $2::bigint IS NULL THEN a.first_seen_at >= $1::timestamptz ELSE a.id = $2 END)
    ORDER BY a.rechecked_at NULLS FIRST, a.id`, [since, id])).rows;
  return rows.map((r) => ({
    id: r.id, link: r.link, feedUrl: r.feedUrl, typedUrl: r.typedUrl, siteUrl: r.siteUrl, etag: r.etag, lastModified: r.lastModified,
    stored: r.source === 'page' ? { title: r.title, text: r.text ?? '', labels: r.labels ?? [] } : null,
  }));
}

/** What a re-check found: the time, the validators, and for a deletion the mark and its evidence. */
export async function recordRecheck(c: Client, articleId: number, o: RecheckOutcome): Promise<void> {
  await c.query(`UPDATE article SET rechecked_at = $2, page_etag = coalesce($3, page_etag), page_last_modified = coalesce($4, page_last_modified)
    WHERE id = $1`, [articleId, o.at, clean(o.etag), clean(o.lastModified)]);
  if (o.state !== 'deleted') return;
  const captureId = o.capture ? await insertCapture(c, { kind: 'recheck', articleId }, o.capture) : null;
  await c.query(`UPDATE article SET deleted_at = $2, deleted_reason = $3, deleted_status = $4, deleted_final_url = $5, deleted_capture_id = $6
    WHERE id = $1 AND deleted_at IS NULL`, [articleId, o.at, clean(o.reason), o.status, clean(o.finalUrl), captureId]);
}

export async function articleDossier(c: Client, articleId: number): Promise<ArticleDossier | undefined> {
  const a = (await c.query<DossierRow>(`SELECT coalesce(a.link, a.canonical_link) AS url, a.title, f.url AS "feedUrl", a.deleted_at AS "deletedAt",
      a.deleted_reason AS reason, a.deleted_status AS status, a.deleted_final_url AS "finalUrl"
    FROM article a JOIN feed f ON f.id = a.feed_id WHERE a.id = $1`, [articleId])).rows[0];
  if (!a) return undefined;
  return dossierFrom(articleId, a, {
    versions: (await versionsOf(c, articleId)) ?? [], labels: await labelsForArticle(c, articleId), tags: await articleTags(c, articleId),
    captures: await capturesOfArticle(c, articleId),
  });
}

/** Untagged, unstarred (by anyone in the team), unflagged, unreviewed, unedited, not found deleted, and older than
 * the cutoff: the SQLite engine's policy (store/RETENTION.md). */
const PRUNABLE = `coalesce(a.published_at, a.first_seen_at) < $1
  AND NOT EXISTS (SELECT 1 FROM article_state st WHERE st.article_id = a.id AND st.starred_at IS NOT NULL)
  AND a.version_count <= 1
  AND a.deleted_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id)
  AND NOT EXISTS (SELECT 1 FROM label l WHERE l.article_id = a.id
    AND ((l.removed_at IS NULL AND l.review <> 'rejected') OR l.review <> 'unreviewed' OR l.origin = 'manual' OR l.removed_at IS NOT NULL))`;

export async function pruneArticles(c: Client, cutoff: string, dryRun: boolean): Promise<{ candidates: number; pruned: number }> {
  const candidates = (await c.query<{ n: number }>(`SELECT count(*) AS n FROM article a WHERE ${PRUNABLE}`, [cutoff])).rows[0]?.n ?? 0;
  if (dryRun || candidates === 0) return { candidates, pruned: 0 };
  const pruned = (await c.query(`DELETE FROM article WHERE id IN (SELECT a.id FROM article a WHERE ${PRUNABLE})`, [cutoff])).rowCount ?? 0;
  // A feed's raw capture is kept for the versions it made; once none of them is left, its bytes go too.
  await c.query(`DELETE FROM capture WHERE kind = 'feed' AND NOT EXISTS (SELECT 1 FROM article_version v WHERE v.capture_id = capture.id)`);
  return { candidates, pruned };
}

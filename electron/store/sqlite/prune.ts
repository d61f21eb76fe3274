// Retention (issue 13, item 5; the policy is store/RETENTION.md): the articles that may be pruned, and pruning
// them with everything that hangs on them (versions, labels, pages, raw captures) in one transaction. Never
// called by polling: only the prune action of the API and the CLI runs it.
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';

/** Untagged, unstarred, unflagged, unreviewed, unedited, not found deleted, and older than the cutoff. Everything
 * an analyst marked, and every sign of an outlet's edit or deletion, keeps an article for ever. */
const PRUNABLE = `coalesce(a.published_at, a.first_seen_at) < ?
  AND a.is_starred = 0
  AND a.version_count <= 1
  AND a.deleted_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id)
  AND NOT EXISTS (SELECT 1 FROM label l WHERE l.article_id = a.id
    AND ((l.removed_at IS NULL AND l.review <> 'rejected') OR l.review <> 'unreviewed' OR l.origin = 'manual' OR l.removed_at IS NOT NULL))`;

export interface PruneResult {
  /** Articles the policy allows to prune. */
  candidates: number;
  /** Articles removed (0 on a dry run). */
  pruned: number;
}

export function pruneArticles(db: Db, cutoff: string, dryRun: boolean): PruneResult {
  const candidates = (prepared(db, `SELECT count(*) AS n FROM article a WHERE ${PRUNABLE}`).get(cutoff) as { n: number }).n;
  if (dryRun || candidates === 0) return { candidates, pruned: 0 };
  const pruned = prepared(db, `DELETE FROM article WHERE id IN (SELECT a.id FROM article a WHERE ${PRUNABLE})`).run(cutoff).changes;
  // A feed's raw capture is kept for the versions it made; once none of them is left, its bytes go too.
  prepared(db, `DELETE FROM capture WHERE kind = 'feed'
    AND NOT EXISTS (SELECT 1 FROM article_version v WHERE v.capture_id = capture.id)`).run();
  return { candidates, pruned };
}

/** A feed capture that made no version (every item unchanged) proves nothing an article needs: not kept. */
export function dropUnusedFeedCapture(db: Db, captureId: number): void {
  prepared(db, 'DELETE FROM capture WHERE id = ? AND NOT EXISTS (SELECT 1 FROM article_version WHERE capture_id = ?)').run(captureId, captureId);
}

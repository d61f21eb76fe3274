// One article's evidence as the export reads it (issue 13, item 4): its versions, labels with their evidence and
// offsets, tags, the analyst's reviews, the deletion record and the raw captures of its fetches.
import type { Db } from './db.ts';
import { prepared } from './prepared.ts';
import { versionsOf } from './versions.ts';
import { labelsForArticle } from './labels.ts';
import { articleTags } from './tags.ts';
import { capturesOfArticle } from './captures.ts';
import type { ArticleDossier } from '../records.ts';
import { dossierFrom, type DossierRow } from '../shared.ts';

export function articleDossier(db: Db, articleId: number): ArticleDossier | undefined {
  const a = prepared(db, `SELECT coalesce(a.link, a.canonical_link) AS url, a.title, f.url AS feedUrl, a.deleted_at AS deletedAt, a.deleted_reason AS reason,
      a.deleted_status AS status, a.deleted_final_url AS finalUrl
    FROM article a JOIN feed f ON f.id = a.feed_id WHERE a.id = ?`).get(articleId) as DossierRow | undefined;
  if (!a) return undefined;
  return dossierFrom(articleId, a, {
    versions: versionsOf(db, articleId) ?? [], labels: labelsForArticle(db, articleId), tags: articleTags(db, articleId),
    captures: capturesOfArticle(db, articleId),
  });
}

// The labels enricher of the ingest pipeline (electron/articles/ingest.ts): detects the labels in every new or
// updated article's text and records them, so that a label appearing or vanishing between versions is kept.
import type { Db } from '../store/db.ts';
import { articleSeenAt, syncDetectedLabels } from '../store/labels.ts';
import { detectLabels } from './footnotes.ts';

/** The article fields the enricher reads: a structural subset of ingest's EnrichedArticle. */
export interface LabelledArticle {
  id: number;
  text: string;
}

/** Labels are dated by the ingest that wrote this version of the article (its last_seen_at). */
export function labelsEnricher(db: Db, article: LabelledArticle): void {
  const now = articleSeenAt(db, article.id) ?? new Date().toISOString();
  syncDetectedLabels(db, article.id, detectLabels(article.text ?? ''), now);
}

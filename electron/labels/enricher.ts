// The labels enricher of the ingest pipeline: detects the labels in every new or updated article's text. The store
// records them, so that a label appearing or vanishing between versions is kept, dated by the ingest that saw it.
import type { Enricher } from '../articles/enrichment.ts';
import { detectLabels } from './footnotes.ts';

export const labelsEnricher: Enricher = function labelsEnricher(article) {
  return { labels: detectLabels(article.text ?? '') };
};

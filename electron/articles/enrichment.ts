// What ingest learns about an article besides what the feed said: the contract between the enrichers (labels/,
// tags/, chosen by the engine and handed to ingest as a list) and the store, which writes what they return.
// Enrichers never touch the library: each one reads the article and returns data; the store writes the merged
// result in the same transaction as the article, so an article is never stored half-enriched.
import type { Label } from '../model.ts';

/** A new or changed article, as stored by this ingest. */
export interface EnrichedArticle {
  id: number;
  feedId: number;
  url: string | null;
  /** The plain text search and labels read. */
  text: string;
  isNew: boolean;
}

export interface Enrichment {
  /** The labels the detector finds in the text; they replace the article's detected labels (vanished ones are
   * dated, not deleted; reviews and manual labels stay). Left out, the stored labels are not touched. */
  labels?: Label[];
  /** Apply the auto-tag rules to the article as stored, after its labels (rules may ask for label:). The store
   * evaluates the rules, which are queries, in its own query engine. */
  autoTag?: boolean;
}

/** Runs on each new or changed article. One that throws loses only its own contribution (ingest reports it). */
export type Enricher = (article: EnrichedArticle) => Enrichment | void;

/** Several enrichers' results as one: labels are concatenated, autoTag is on when any asked for it. */
export function mergeEnrichments(parts: Enrichment[]): Enrichment {
  const out: Enrichment = {};
  for (const p of parts) {
    if (p.labels) out.labels = [...(out.labels ?? []), ...p.labels];
    if (p.autoTag) out.autoTag = true;
  }
  return out;
}

// The auto-tag enricher of the ingest pipeline: every new or edited article is matched against the auto-tag
// rules, and gets the tag of each rule it matches; an edited article that no longer matches loses that rule's tag
// (never a person's). Rules are queries, so the store runs them in its own query engine, after the article's labels
// are written (a rule may ask for label:).
import type { Enricher } from '../articles/enrichment.ts';

export const autoTagEnricher: Enricher = function autoTagEnricher() {
  return { autoTag: true };
};

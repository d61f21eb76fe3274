// The enrichers a poll runs on each new or changed article unless told otherwise: state-media labels, then the
// auto-tag rules (which may ask for label:, so they come after). The engine hands this list to ingest and full text.
import type { Enricher } from '../articles/enrichment.ts';
import { labelsEnricher } from '../labels/enricher.ts';
import { autoTagEnricher } from '../tags/auto-tag.ts';

export const enrichers: Enricher[] = [labelsEnricher, autoTagEnricher];

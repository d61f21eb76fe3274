// The Flags view's data: current labels grouped by kind, entity and outlet (the article's outlet as stored at
// ingest, or its feed's own title when the registry knows none), with counts per day or week.
import type { LabelKind, LabelReview } from '../model.ts';
import { entityKey } from './names.ts';

/** Which labels the Flags view counts. */
export interface FlagFilter {
  interval: 'day' | 'week';
  kind?: LabelKind;
  review?: LabelReview;
  /** Only labels on articles published (or first seen) on or after / before these ISO dates. */
  after?: string;
  before?: string;
}

/** One cell of the Flags counts, as the store returns them: labels of one kind and entity, in one feed, in one
 * period (a day, or the Monday of a week), in one review state. */
export interface FlagCount {
  kind: LabelKind;
  entity: string;
  /** The canonical entity the cell counts (the analyst's aliases applied). */
  canonical: string;
  /** Every form of it as written in these labels. */
  forms: string[];
  feedId: number;
  feedTitle: string | null;
  feedUrl: string;
  siteUrl: string | null;
  /** The articles' outlet (stored at ingest), null when the registry knows none. */
  outlet: string | null;
  outletCountry: string | null;
  outletCategory: string | null;
  period: string;
  review: LabelReview;
  count: number;
}

export interface FlagGroup {
  kind: LabelKind;
  entity: string;
  /** The canonical entity: the Flags view's groups are by this, across languages and scripts. */
  canonical: string;
  /** The entity as written in the texts counted here, in every form seen. */
  forms: string[];
  outlet: string;
  country: string | null;
  category: string | null;
  total: number;
  unreviewed: number;
  confirmed: number;
  rejected: number;
  /** Labels per period (a day, or the Monday of a week), oldest first. */
  series: { period: string; count: number }[];
}

/**
 * Groups the store's counts by kind, canonical entity and outlet: "The Taliban", «Талибан» and «طالبان» are counted
 * together, with each form as written kept in `forms`. `entity` keeps the groups whose canonical name, or any form
 * as written, is that name, or is what `canonicalOf` (the library's canonicaliser) makes of it.
 */
export function labelFlags(counts: FlagCount[], entity?: string, canonicalOf?: (name: string) => string): FlagGroup[] {
  const groups = new Map<string, FlagGroup>();
  const wanted = entity === undefined ? null : new Set([entityKey(entity), entityKey(canonicalOf?.(entity) ?? entity)]);
  for (const c of counts) {
    if (wanted !== null && !wanted.has(entityKey(c.canonical)) && !c.forms.some((f) => wanted.has(entityKey(f)))) continue;
    const name = c.outlet ?? c.feedTitle ?? c.feedUrl;
    const key = `${c.kind}\u0000${entityKey(c.canonical)}\u0000${name}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        kind: c.kind, entity: c.entity, canonical: c.canonical, forms: [], outlet: name, country: c.outletCountry, category: c.outletCategory,
        total: 0, unreviewed: 0, confirmed: 0, rejected: 0, series: [],
      };
      groups.set(key, g);
    }
    for (const f of c.forms) if (!g.forms.includes(f)) g.forms.push(f);
    g.total += c.count;
    g[c.review] += c.count;
    const last = g.series.at(-1);
    if (last?.period === c.period) last.count += c.count;
    else g.series.push({ period: c.period, count: c.count });
  }
  return [...groups.values()].sort((a, b) => b.total - a.total || a.entity.localeCompare(b.entity));
}

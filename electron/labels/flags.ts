// The Flags view's data: current labels grouped by kind, entity and outlet (the registry's name for the feed's
// site, or the feed's own title when the outlet is not in the registry), with counts per day or week.
import type { LabelKind, LabelReview } from '../model.ts';
import { outletOfArticle, type OutletRegistry } from './outlets.ts';
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
  feedId: number;
  feedTitle: string | null;
  feedUrl: string;
  siteUrl: string | null;
  period: string;
  review: LabelReview;
  count: number;
}

export interface FlagGroup {
  kind: LabelKind;
  entity: string;
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
 * Groups the store's counts by kind, entity and outlet. Names of one entity ("The Taliban", "Taliban", «Талибан»
 * aside) are counted together; `entity` keeps the groups of any of its names.
 */
export function labelFlags(counts: FlagCount[], registry: OutletRegistry, entity?: string): FlagGroup[] {
  const groups = new Map<string, FlagGroup>();
  const wanted = entity === undefined ? null : entityKey(entity);
  for (const c of counts) {
    if (wanted !== null && entityKey(c.entity) !== wanted) continue;
    const outlet = outletOfArticle(registry, [c.siteUrl, c.feedUrl]);
    const name = outlet?.name ?? c.feedTitle ?? c.feedUrl;
    const key = `${c.kind}\u0000${entityKey(c.entity)}\u0000${name}`;
    let g = groups.get(key);
    if (!g) {
      g = { kind: c.kind, entity: c.entity, outlet: name, country: outlet?.country ?? null, category: outlet?.category ?? null, total: 0, unreviewed: 0, confirmed: 0, rejected: 0, series: [] };
      groups.set(key, g);
    }
    g.total += c.count;
    g[c.review] += c.count;
    const last = g.series.at(-1);
    if (last?.period === c.period) last.count += c.count;
    else g.series.push({ period: c.period, count: c.count });
  }
  return [...groups.values()].sort((a, b) => b.total - a.total || a.entity.localeCompare(b.entity));
}

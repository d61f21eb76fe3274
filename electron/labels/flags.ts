// The Flags view's data: current labels grouped by kind, entity and outlet (the registry's name for the feed's
// site, or the feed's own title when the outlet is not in the registry), with counts per day or week.
import type { Db } from '../store/db.ts';
import type { LabelKind } from '../model.ts';
import { flagCounts, type FlagFilter } from '../store/labels.ts';
import { outletOfArticle, registryFor } from './outlets.ts';
import { entityKey } from './names.ts';

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

/** Names of one entity ("The Taliban", "Taliban", «Талибан» aside) are counted together; the filter matches any of them. */
export function labelFlags(db: Db, filter: FlagFilter & { entity?: string }): FlagGroup[] {
  const registry = registryFor(db);
  const groups = new Map<string, FlagGroup>();
  const wanted = filter.entity === undefined ? null : entityKey(filter.entity);
  for (const c of flagCounts(db, filter)) {
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

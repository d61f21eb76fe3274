// The outlet registry (labels/) as search's outlet resolver, for outlet: and country: filters, the outlet column
// of exports and the outlet split of volume charts. store/ cannot import labels/, so it is passed in from here.
import type { Db } from '../store/db.ts';
import type { OutletResolver } from '../store/search/search.ts';
import { outletOfArticle, registryFor } from '../labels/outlets.ts';

export function outletResolver(db: Db): OutletResolver {
  const registry = registryFor(db);
  return (urls) => outletOfArticle(registry, urls);
}

// The outlet registry: which outlets are state-controlled, state-affiliated, proxies, or publicly funded but
// independent (assets/outlets.json, with its public sources), merged with the analyst's own entries from the
// library. An article's outlet is found by the host of its URL, its feed's site or the feed itself: the host
// and each parent domain down to the registrable domain are looked up, so subdomains and language editions
// (de.rt.com, english.news.cn) match their outlet, and a more specific entry wins over its parent domain.
import { getDomain } from 'tldts';
// Imported, not read from disk: the bundler of the desktop app then carries the registry inside the build.
import shippedFile from '../../assets/outlets.json' with { type: 'json' };
import type { Outlet } from '../model.ts';

/** An analyst's registry entry, kept in the library (or the hiding of a shipped one: `removed`). */
export interface OutletOverride {
  name: string;
  domains: string[];
  country: string;
  category: string;
  source: string;
  date: string | null;
  removed: boolean;
  updatedAt: string;
}

/**
 * A registry entry: `country` is the ISO 3166-1 alpha-2 code of the state the outlet is affiliated with;
 * `category` is state_controlled | state_affiliated | state_proxy | public_independent, or an analyst's own word;
 * `source` the public reference for the classification and `date` when it classified it (YYYY-MM-DD);
 * `origin` says whether it comes from the shipped file, the analyst, or the analyst's edit of a shipped entry.
 */
export type OutletEntry = Omit<OutletOverride, 'removed' | 'updatedAt'> & { origin: 'shipped' | 'user' | 'edited' };

let shipped: OutletEntry[] | undefined;

/** The registry as shipped (assets/outlets.json). */
export function shippedOutlets(): OutletEntry[] {
  shipped ??= (shippedFile.outlets as Omit<OutletEntry, 'origin'>[]).map((o) => ({ ...o, domains: o.domains.map(normaliseDomain), origin: 'shipped' as const }));
  return shipped;
}

export interface OutletRegistry {
  entries: OutletEntry[];
  match: (url: string | null | undefined) => Outlet | null;
}

export function createRegistry(entries: OutletEntry[]): OutletRegistry {
  const byDomain = new Map<string, OutletEntry>();
  for (const e of entries) for (const d of e.domains) byDomain.set(d, e);
  const match = (url: string | null | undefined): Outlet | null => {
    const host = hostOf(url);
    if (!host) return null;
    const registrable = getDomain(host, { allowPrivateDomains: true }) ?? host;
    // The host, then each parent down to the registrable domain: the most specific entry wins.
    for (let h = host; ; h = h.slice(h.indexOf('.') + 1)) {
      const e = byDomain.get(h);
      if (e) return { name: e.name, domain: h, country: e.country, category: e.category, source: e.date ? `${e.source} (${e.date})` : e.source };
      if (h === registrable || h.indexOf('.') < 0) return null;
    }
  };
  return { entries, match };
}

/** Shipped entries with the analyst's additions, edits (same name) and removals applied. */
export function mergeOutlets(base: OutletEntry[], overrides: OutletOverride[]): OutletEntry[] {
  const byName = new Map(overrides.map((o) => [o.name.toLowerCase(), o]));
  const merged: OutletEntry[] = [];
  for (const e of base) {
    const o = byName.get(e.name.toLowerCase());
    if (!o) merged.push(e);
    else if (!o.removed) merged.push({ ...o, domains: o.domains.map(normaliseDomain), origin: 'edited' });
  }
  const shippedNames = new Set(base.map((e) => e.name.toLowerCase()));
  for (const o of overrides) {
    if (!o.removed && !shippedNames.has(o.name.toLowerCase())) merged.push({ ...o, domains: o.domains.map(normaliseDomain), origin: 'user' });
  }
  // An analyst's entry claims its domains: a shipped entry keeps only the ones nobody else claimed.
  const claimed = new Set(merged.filter((e) => e.origin !== 'shipped').flatMap((e) => e.domains));
  return merged.map((e) => (e.origin === 'shipped' ? { ...e, domains: e.domains.filter((d) => !claimed.has(d)) } : e));
}

let defaultRegistry: OutletRegistry | undefined;

/** The outlet of a URL by the shipped registry alone: for text checked outside any library (`footnote labels`). */
export function matchOutlet(url: string | null | undefined): Outlet | null {
  return (defaultRegistry ??= createRegistry(shippedOutlets())).match(url);
}

/** The registry of a library: the shipped entries with its overrides. */
export function libraryRegistry(overrides: OutletOverride[]): OutletRegistry {
  return createRegistry(mergeOutlets(shippedOutlets(), overrides));
}

/** The first outlet found for an article: its own URL, then its feed's site, then the feed's URL. */
export function outletOfArticle(registry: OutletRegistry, urls: (string | null | undefined)[]): Outlet | null {
  for (const u of urls) {
    const o = registry.match(u);
    if (o) return o;
  }
  return null;
}

export function normaliseDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`);
    return u.hostname ? normaliseDomain(u.hostname) : null;
  } catch {
    return null;
  }
}

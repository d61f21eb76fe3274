// Subscribing: one feed from what the user typed (with discovery), or a whole OPML file; and the OPML export.
// Nothing here stores articles: the next poll fetches them, so that a first poll saves the ETag it then sends.
import type { Store } from '../store/store.ts';
import type { NewSubscription } from '../store/records.ts';
import { discoverFeeds, noFeedMessage, type DiscoverOptions, type Discovery, type FeedCandidate } from '../feeds/discover.ts';
import { FetchError } from '../net/fetch.ts';
import { keepForFirstPoll } from '../poll/first-poll.ts';
import { parseOpml, serialiseOpml, type OpmlFeed } from '../feeds/opml.ts';
import { SubscribeError, typedToUrl } from '../feeds/subscribe.ts';
import { shortUrl } from '../text/short-url.ts';

function alreadySubscribed(url: string, id: number): SubscribeError {
  return new SubscribeError('exists', `You are already subscribed to ${url} (feed ${id}).`);
}

export interface AddOptions {
  folder?: string | null;
  intervalMinutes: number;
  discover?: DiscoverOptions;
  now?: Date;
}

// The add dialog discovers first (to offer a choice when a site declares several feeds), then adds the one picked.
// What discovery parsed is kept for a minute, taken once by the add, so that subscribing does not fetch it again.
const RECENT_MS = 60_000;
const recent = new Map<string, { at: number; discovery: Discovery }>();

function remember(typedUrl: string, d: Discovery, now = Date.now()): void {
  for (const [url, entry] of recent) if (now - entry.at > RECENT_MS) recent.delete(url);
  recent.set(typedUrl, { at: now, discovery: d });
  const chosen = d.chosen;
  const candidate = chosen && d.candidates.find((c) => c.url === chosen.url);
  if (chosen && candidate) recent.set(chosen.url, { at: now, discovery: { candidates: [candidate], chosen } });
}

function takeRecent(url: string, now = Date.now()): Discovery | null {
  const entry = recent.get(url);
  recent.delete(url);
  return entry && now - entry.at <= RECENT_MS ? entry.discovery : null;
}

/** Discovery for the add dialog's first step: the result is kept for the add that follows. */
export async function discoverForAdd(typedUrl: string, opts?: DiscoverOptions): Promise<Discovery> {
  const found = await discoverAt(typedUrl, opts);
  remember(typedUrl, found);
  return found;
}

/** Discovery on an address, a failed fetch said in words that name the address and what to do next. */
export async function discoverAt(typedUrl: string, opts?: DiscoverOptions): Promise<Discovery> {
  try {
    return await discoverFeeds(typedUrl, opts);
  } catch (err) {
    if (err instanceof FetchError && err.kind !== 'aborted') {
      // An HTTP status already says what to do ("check the URL"); a network failure does not.
      const next = err.kind === 'http' ? '' : ' Check the address, or try again when the site is up.';
      throw new SubscribeError('unreachable', `Could not fetch ${shortUrl(typedUrl)}: ${err.message}${next}`);
    }
    throw err;
  }
}

export async function addFeed(store: Store, typed: string, opts: AddOptions): Promise<{ feedId: number; candidates: FeedCandidate[] }> {
  const typedUrl = typedToUrl(typed);
  const known = await store.feeds.findByUrl(typedUrl);
  if (known) throw alreadySubscribed(known.url, known.id);
  const found = takeRecent(typedUrl) ?? await discoverAt(typedUrl, opts.discover);
  if (!found.chosen) throw new SubscribeError('no_feed', noFeedMessage(typedUrl, found));
  const { url, feed, response } = found.chosen;
  // The store checks the address again in its own transaction: another client may have added it meanwhile.
  const added = await store.feeds.add({
    url, typedUrl, title: feed.title, siteUrl: feed.link, folder: opts.folder ?? null, intervalMinutes: opts.intervalMinutes,
    description: feed.description, language: feed.language, floorMinutes: feed.ttlMinutes, createdAt: (opts.now ?? new Date()).toISOString(),
  });
  if (!added.added) throw alreadySubscribed(url, added.existing.id);
  keepForFirstPoll(added.id, response);
  return { feedId: added.id, candidates: found.candidates };
}

/** Subscribes to every feed of an OPML file, folders kept, without fetching; known and unusable URLs are skipped. */
export async function importOpml(store: Store, xml: string, opts: { intervalMinutes: number; now?: Date }): Promise<{ added: number; skipped: number }> {
  const { feeds } = parseOpml(xml);
  const createdAt = (opts.now ?? new Date()).toISOString();
  const usable: NewSubscription[] = [];
  for (const f of feeds) {
    let url: string;
    try {
      url = typedToUrl(f.url);
    } catch {
      continue;
    }
    usable.push({ url, typedUrl: url, title: f.title, siteUrl: f.siteUrl, folder: f.folder, intervalMinutes: opts.intervalMinutes, createdAt });
  }
  const added = await store.feeds.addMany(usable);
  return { added, skipped: feeds.length - added };
}

export async function exportOpml(store: Store): Promise<string> {
  const [folders, stored] = [await store.folders.list(), await store.feeds.stored()];
  const folderNames = new Map(folders.map((f) => [f.id, f.name]));
  const feeds: OpmlFeed[] = stored.map((f) => ({
    url: f.url, title: f.title, siteUrl: f.siteUrl, folder: f.folderId === null ? null : folderNames.get(f.folderId) ?? null,
  }));
  // Folders in their sidebar order: serialiseOpml keeps the order in which it first meets each folder.
  const order = [...folderNames.values()];
  feeds.sort((a, b) => (a.folder === null ? -1 : order.indexOf(a.folder)) - (b.folder === null ? -1 : order.indexOf(b.folder)));
  return serialiseOpml(feeds);
}

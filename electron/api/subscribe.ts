// Subscribing: one feed from what the user typed (with discovery), or a whole OPML file; and the OPML export.
// Nothing here stores articles: the next poll fetches them, so that a first poll saves the ETag it then sends.
import type { Db } from '../store/sqlite/db.ts';
import { findFeedByUrl, insertFeed, listStoredFeeds, updateFeedState } from '../store/sqlite/feeds.ts';
import { ensureFolder, listFolders } from '../store/sqlite/folders.ts';
import { discoverFeeds, noFeedMessage, type DiscoverOptions, type FeedCandidate } from '../feeds/discover.ts';
import { FetchError } from '../net/fetch.ts';
import { parseOpml, serialiseOpml, type OpmlFeed } from '../feeds/opml.ts';
import { SubscribeError, typedToUrl } from '../feeds/subscribe.ts';

function alreadySubscribed(url: string, id: number): SubscribeError {
  return new SubscribeError('exists', `You are already subscribed to ${url} (feed ${id}).`);
}

export interface AddOptions {
  folder?: string | null;
  intervalMinutes: number;
  discover?: DiscoverOptions;
  now?: Date;
}

export async function addFeed(db: Db, typed: string, opts: AddOptions): Promise<{ feedId: number; candidates: FeedCandidate[] }> {
  const typedUrl = typedToUrl(typed);
  const known = findFeedByUrl(db, typedUrl);
  if (known) throw alreadySubscribed(known.url, known.id);
  let found;
  try {
    found = await discoverFeeds(typedUrl, opts.discover);
  } catch (err) {
    if (err instanceof FetchError && err.kind !== 'aborted') throw new SubscribeError('unreachable', `Could not fetch ${typedUrl}: ${err.message}`);
    throw err;
  }
  if (!found.chosen) throw new SubscribeError('no_feed', noFeedMessage(typedUrl, found));
  const { url, feed } = found.chosen;
  const feedId = db.transaction(() => {
    const existing = findFeedByUrl(db, url);
    if (existing) throw alreadySubscribed(url, existing.id);
    const folderId = opts.folder ? ensureFolder(db, opts.folder) : null;
    const id = insertFeed(db, { url, typedUrl, title: feed.title, siteUrl: feed.link, folderId, intervalMinutes: opts.intervalMinutes,
      createdAt: (opts.now ?? new Date()).toISOString() });
    updateFeedState(db, id, { description: feed.description, language: feed.language, floorMinutes: feed.ttlMinutes });
    return id;
  })();
  return { feedId, candidates: found.candidates };
}

/** Subscribes to every feed of an OPML file, folders kept, without fetching; known and unusable URLs are skipped. */
export function importOpml(db: Db, xml: string, opts: { intervalMinutes: number; now?: Date }): { added: number; skipped: number } {
  const { feeds } = parseOpml(xml);
  const createdAt = (opts.now ?? new Date()).toISOString();
  let added = 0;
  db.transaction(() => {
    for (const f of feeds) {
      let url: string;
      try {
        url = typedToUrl(f.url);
      } catch {
        continue;
      }
      if (findFeedByUrl(db, url)) continue;
      const folderId = f.folder ? ensureFolder(db, f.folder) : null;
      insertFeed(db, { url, typedUrl: url, title: f.title, siteUrl: f.siteUrl, folderId, intervalMinutes: opts.intervalMinutes, createdAt });
      added++;
    }
  })();
  return { added, skipped: feeds.length - added };
}

export function exportOpml(db: Db): string {
  const folderNames = new Map(listFolders(db).map((f) => [f.id, f.name]));
  const feeds: OpmlFeed[] = listStoredFeeds(db).map((f) => ({
    url: f.url, title: f.title, siteUrl: f.siteUrl, folder: f.folderId === null ? null : folderNames.get(f.folderId) ?? null,
  }));
  // Folders in their sidebar order: serialiseOpml keeps the order in which it first meets each folder.
  const order = [...folderNames.values()];
  feeds.sort((a, b) => (a.folder === null ? -1 : order.indexOf(a.folder)) - (b.folder === null ? -1 : order.indexOf(b.folder)));
  return serialiseOpml(feeds);
}

// The library as the sidebar shows it: counts per view, feed, folder and tag, and the saved searches. A refresh
// reloads them and bumps the tick that makes the article list fetch its pages again.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api-client.ts';
import { errorMessage } from './format.ts';
import type { Counts, Row, SavedSearch } from './types.ts';

export interface Library {
  counts: Counts | null;
  saved: SavedSearch[];
  /** Bumped by every refresh: the article list fetches its pages again. */
  refreshTick: number;
  loadCounts: () => void;
  refresh: () => void;
  /** The counts after the window marked one article read or unread, without asking the library. */
  countRead: (row: Row, read: boolean) => void;
  countStarred: (starred: boolean) => void;
}

export function useLibrary(onError: (message: string) => void): Library {
  const [counts, setCounts] = useState<Counts | null>(null);
  const [saved, setSaved] = useState<SavedSearch[]>([]);
  const [refreshTick, setRefreshTick] = useState(0);

  // Several refreshes may be in flight (a tag renamed, then merged) and their answers may come back out of order:
  // only the latest request's answer is shown, or a stale one would put a merged tag back in the sidebar.
  const latest = useRef(0);
  const loadCounts = useCallback(() => {
    const request = ++latest.current;
    api.call('sidebar.counts', {}).then((c) => { if (request === latest.current) setCounts(c); }, (err: unknown) => onError(errorMessage(err)));
    api.call('searches.list', {}).then((s) => { if (request === latest.current) setSaved(s); }, () => setSaved([]));
  }, [onError]);

  const refresh = useCallback(() => {
    loadCounts();
    setRefreshTick((t) => t + 1);
  }, [loadCounts]);

  useEffect(() => loadCounts(), [loadCounts]);

  // Whatever the engine says changed the library (a poll, new articles, subscriptions) is shown at once.
  useEffect(() => api.onEvent((event) => {
    if (event.type === 'poll-finished' || event.type === 'articles-new' || event.type === 'feeds-changed' || event.type === 'library-changed') refresh();
  }), [refresh]);

  const countRead = useCallback((row: Row, read: boolean) => {
    setCounts((c) => {
      if (!c) return c;
      const delta = read ? -1 : 1;
      return {
        ...c,
        unread: c.unread + delta,
        feeds: c.feeds.map((f) => (f.id === row.feedId ? { ...f, unread: f.unread + delta } : f)),
      };
    });
  }, []);

  const countStarred = useCallback((starred: boolean) => {
    setCounts((c) => (c ? { ...c, starred: c.starred + (starred ? 1 : -1) } : c));
  }, []);

  return { counts, saved, refreshTick, loadCounts, refresh, countRead, countStarred };
}

// The reader: sidebar, article list, reader pane, the toolbar above them, dialogs and the keyboard.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiCallError, isMissingMethod } from './api-client.ts';
import { Sidebar } from './Sidebar.tsx';
import { ArticleList, ROW_HEIGHT, SNIPPET_ROW_HEIGHT } from './ArticleList.tsx';
import { Reader } from './Reader.tsx';
import { AddFeedDialog } from './AddFeedDialog.tsx';
import { FeedSettingsDialog } from './FeedSettingsDialog.tsx';
import { HelpOverlay } from './HelpOverlay.tsx';
import { PromptDialog } from './PromptDialog.tsx';
import { ChartDialog } from './ChartDialog.tsx';
import { FlagsDialog } from './FlagsDialog.tsx';
import { OutletsDialog } from './OutletsDialog.tsx';
import { TagsDialog } from './TagsDialog.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useArticleWindows, type FetchWindow } from './use-article-windows.ts';
import { useKeyboard } from './use-keyboard.ts';
import { errorMessage } from './format.ts';
import type { Article, Counts, Outlet, PollSummary, Prefs, Progress, Row, SavedSearch, Scope, SearchResult } from './types.ts';

type DialogState = null | { kind: 'add' } | { kind: 'help' } | { kind: 'feed'; feedId: number } | { kind: 'save-search' } | { kind: 'tag-results' } | { kind: 'chart' } | { kind: 'flags' }
  | { kind: 'outlets' } | { kind: 'tags' };

const SEARCH_DEBOUNCE_MS = 250;

/** Outlets of the given URLs by the state-affiliation registry; nulls when that part of the app is not there. */
async function outletsOf(urls: (string | null)[]): Promise<(Outlet | null)[]> {
  try {
    return await api.callByName<(Outlet | null)[]>('outlets.match', { urls });
  } catch (err) {
    if (isMissingMethod(err)) return urls.map(() => null);
    throw err;
  }
}

const fetchLibrary = (scope: Scope): FetchWindow => async (offset, limit) => {
  const r = await api.call('articles.list', {
    view: scope.view, offset, limit,
    ...(scope.feedId !== undefined ? { feedId: scope.feedId } : {}),
    ...(scope.folder !== undefined ? { folder: scope.folder } : {}),
    ...(scope.tag !== undefined ? { tag: scope.tag } : {}),
  });
  const outlets = await outletsOf(r.items.map((i) => i.link));
  return { total: r.total, items: r.items.map((item, i) => ({ ...item, outlet: outlets[i]?.name ?? null })) };
};

const fetchSearch = (q: string): FetchWindow => async (offset, limit) => {
  try {
    const r = await api.callByName<SearchResult>('search.query', { q, offset, limit, sort: 'date' });
    const items: Row[] = r.hits.map((h) => ({
      id: h.id, title: h.title, feedTitle: h.feed, published: h.published, link: h.url, snippet: h.snippet, tags: h.tags,
      labelKinds: [...new Set(h.labels.map((l) => (typeof l === 'string' ? l : (l as { kind?: string }).kind ?? '')).filter(Boolean))],
      // Search hits do not say whether they were read: shown plain until opened.
      isRead: true, isStarred: false,
    }));
    return { total: r.total, items, warnings: r.warnings ?? [] };
  } catch (err) {
    if (isMissingMethod(err)) throw new Error('Search is not available in this build yet.', { cause: err });
    throw err;
  }
};

async function loadArticle(id: number): Promise<Article> {
  const a = await api.call('articles.get', { id });
  const outlets = await outletsOf([a.link, a.siteUrl, a.feedUrl]);
  return { ...a, outlet: outlets.find((o) => o !== null) ?? null };
}

function emptyText(scope: Scope, hasFeeds: boolean): string {
  if (!hasFeeds) return 'No subscriptions yet. Click “Add feed” (or press a) to subscribe to a feed or a site, or import an OPML file.';
  if (scope.query) return `Nothing matches “${scope.query}”. Check the spelling, or widen the query with OR or a wildcard (sanction*).`;
  if (scope.view === 'unread') return 'Nothing unread here. Press r to check the feeds for new articles.';
  if (scope.view === 'starred') return 'No starred articles yet. Press s on an article to star it.';
  if (scope.view === 'flagged') return 'No flagged articles: none carries a state-media label that has not been rejected.';
  return 'No articles here yet. Press r to fetch the feeds now.';
}

export function App() {
  const [counts, setCounts] = useState<Counts | null>(null);
  const [saved, setSaved] = useState<SavedSearch[]>([]);
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [scope, setScope] = useState<Scope>({ view: 'all', title: 'All articles' });
  const [searchText, setSearchText] = useState('');
  const [query, setQuery] = useState('');
  const [refreshTick, setRefreshTick] = useState(0);
  const [selectedIndex, setSelectedIndex] = useState(-1);
  const [article, setArticle] = useState<Article | null>(null);
  const [articleState, setArticleState] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });
  const [dialog, setDialog] = useState<DialogState>(null);
  const [progress, setProgress] = useState<Progress>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);

  const effective: Scope = query ? { view: 'all', query, title: `Search: ${query}` } : scope;
  const scopeKey = JSON.stringify([effective.view, effective.feedId, effective.folder, effective.tag, effective.query]);
  // scopeKey stands for the scope's fields: a new object with the same fields keeps the same fetcher.
  const fetchWindow = useMemo(() => (effective.query ? fetchSearch(effective.query) : fetchLibrary(effective)), [scopeKey]);
  const windows = useArticleWindows(fetchWindow, scopeKey, refreshTick);

  const loadCounts = useCallback(() => {
    api.call('sidebar.counts', {}).then(setCounts, (err: unknown) => setNotice(errorMessage(err)));
    api.callByName<SavedSearch[]>('searches.list', {}).then((list) => setSaved(Array.isArray(list) ? list : []), () => setSaved([]));
  }, []);

  const refresh = useCallback(() => {
    loadCounts();
    setRefreshTick((t) => t + 1);
  }, [loadCounts]);

  useEffect(() => {
    loadCounts();
    api.call('settings.get', {}).then(setPrefs, (err: unknown) => setNotice(errorMessage(err)));
  }, [loadCounts]);

  useEffect(() => {
    if (prefs && prefs.theme !== 'system') document.documentElement.dataset['theme'] = prefs.theme;
    else delete document.documentElement.dataset['theme'];
  }, [prefs]);

  useEffect(() => api.onEvent((event) => {
    if (event.type === 'poll-progress') setProgress({ done: event.done, total: event.total });
    else if (event.type === 'poll-finished') {
      setProgress(null);
      refresh();
    } else if (event.type === 'articles-new' || event.type === 'feeds-changed') refresh();
  }), [refresh]);

  useEffect(() => {
    const t = setTimeout(() => setQuery(searchText.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [searchText]);

  // A new scope starts with nothing selected.
  useEffect(() => {
    setSelectedIndex(-1);
    setArticle(null);
  }, [scopeKey]);

  const changeCounts = useCallback((row: Row, read: boolean) => {
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

  const setRead = useCallback(async (row: Row, read: boolean) => {
    await api.call('articles.mark', { ids: [row.id], read });
    windows.patch([row.id], { isRead: read });
    setArticle((a) => (a && a.id === row.id ? { ...a, isRead: read } : a));
    changeCounts(row, read);
  }, [windows, changeCounts]);

  const open = useCallback(async (index: number, row: Row) => {
    setSelectedIndex(index);
    setArticleState({ loading: true, error: null });
    try {
      const a = await loadArticle(row.id);
      setArticle(a);
      setArticleState({ loading: false, error: null });
      if (!a.isRead) await setRead({ ...row, isRead: false }, true);
    } catch (err) {
      setArticle(null);
      setArticleState({ loading: false, error: errorMessage(err) });
    }
  }, [setRead]);

  const move = useCallback((step: 1 | -1) => {
    const total = windows.total ?? 0;
    const next = selectedIndex < 0 ? 0 : selectedIndex + step;
    if (next < 0 || next >= total) return;
    const row = windows.rowAt(next);
    if (row) void open(next, row);
    else windows.ensure(next, next);
  }, [windows, selectedIndex, open]);

  const selectedRow = selectedIndex >= 0 ? windows.rowAt(selectedIndex) : undefined;

  const toggleStar = useCallback(async () => {
    if (!selectedRow) return;
    const starred = !(article?.id === selectedRow.id ? article.isStarred : selectedRow.isStarred);
    try {
      await api.call('articles.mark', { ids: [selectedRow.id], starred });
      windows.patch([selectedRow.id], { isStarred: starred });
      setArticle((a) => (a && a.id === selectedRow.id ? { ...a, isStarred: starred } : a));
      setCounts((c) => (c ? { ...c, starred: c.starred + (starred ? 1 : -1) } : c));
    } catch (err) {
      setNotice(errorMessage(err));
    }
  }, [selectedRow, article, windows]);

  const toggleRead = useCallback(() => {
    if (!selectedRow) return;
    const isRead = article?.id === selectedRow.id ? article.isRead : selectedRow.isRead;
    setRead(selectedRow, !isRead).catch((err: unknown) => setNotice(errorMessage(err)));
  }, [selectedRow, article, setRead]);

  const openOriginal = useCallback(() => {
    const link = article?.link ?? selectedRow?.link;
    if (link && /^https?:/i.test(link)) window.open(link, '_blank', 'noopener,noreferrer');
  }, [article, selectedRow]);

  const poll = useCallback(async (ids?: number[]) => {
    setProgress({ done: 0, total: 0 });
    try {
      const summary = await api.callByName<PollSummary>('feeds.poll', ids ? { ids } : {});
      const failed = summary.failed.length ? `; ${summary.failed.length} failed: ${summary.failed.map((f) => `${f.url} (${f.error})`).join('; ')}` : '';
      setNotice(`Checked ${summary.feeds} feed${summary.feeds === 1 ? '' : 's'}: ${summary.new} new, ${summary.updated} updated${failed}.`);
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'conflict') setNotice('A refresh is already running.');
      else setNotice(errorMessage(err));
    } finally {
      setProgress(null);
      refresh();
    }
  }, [refresh]);

  const markAll = useCallback(async () => {
    if (effective.query) return;
    try {
      const { changed } = await api.call('articles.markAll', {
        view: effective.view,
        ...(effective.feedId !== undefined ? { feedId: effective.feedId } : {}),
        ...(effective.folder !== undefined ? { folder: effective.folder } : {}),
        ...(effective.tag !== undefined ? { tag: effective.tag } : {}),
      });
      setNotice(`Marked ${changed} article${changed === 1 ? '' : 's'} read in ${effective.title}.`);
      refresh();
    } catch (err) {
      setNotice(errorMessage(err));
    }
  }, [effective, refresh]);

  useKeyboard({
    enabled: dialog === null,
    next: () => move(1),
    previous: () => move(-1),
    open: openOriginal,
    toggleRead,
    star: () => void toggleStar(),
    search: () => searchBox.current?.focus(),
    refresh: () => void poll(),
    add: () => setDialog({ kind: 'add' }),
    help: () => setDialog({ kind: 'help' }),
  });

  useEffect(() => api.onCommand((c) => {
    if (c === 'add-feed') setDialog({ kind: 'add' });
    else if (c === 'refresh') void poll();
    else if (c === 'search') searchBox.current?.focus();
    else if (c === 'help') setDialog({ kind: 'help' });
    else if (c === 'mark-all-read') void markAll();
  }), [poll, markAll]);

  /** Something the article shows changed (its tags, labels, outlet): read it again, and the list and counts. */
  const reloadArticle = () => {
    if (article) loadArticle(article.id).then(setArticle, (err: unknown) => setNotice(errorMessage(err)));
    refresh();
  };

  const folders = (counts?.folders ?? []).map((f) => f.name);
  const feedForDialog = dialog?.kind === 'feed' ? counts?.feeds.find((f) => f.id === dialog.feedId) : undefined;

  const changeScope = (s: Scope) => {
    setSearchText(s.query ?? '');
    setQuery(s.query ?? '');
    setScope(s);
  };

  const setPref = async (patch: Partial<Prefs>) => {
    try {
      setPrefs(await api.call('settings.set', patch));
      // Web mode: the page's Content-Security-Policy decides about remote images, and it comes with the page.
      if (patch.allowRemoteImages !== undefined && api.mode === 'web') location.reload();
    } catch (err) {
      setNotice(errorMessage(err));
    }
  };

  return (
    <div className="app">
      <Toolbar
        searchBox={searchBox}
        searchText={searchText}
        onSearchText={setSearchText}
        progress={progress}
        prefs={prefs}
        onPref={(p) => void setPref(p)}
        onAdd={() => setDialog({ kind: 'add' })}
        onRefresh={() => void poll()}
        onMarkAll={() => void markAll()}
        canMarkAll={!effective.query}
        onHelp={() => setDialog({ kind: 'help' })}
        onNotice={setNotice}
        onImported={refresh}
        onSaveSearch={effective.query ? () => setDialog({ kind: 'save-search' }) : undefined}
        onTagResults={effective.query ? () => setDialog({ kind: 'tag-results' }) : undefined}
        onChart={effective.query ? () => setDialog({ kind: 'chart' }) : undefined}
        exportQuery={effective.query ?? null}
        onFlags={() => setDialog({ kind: 'flags' })}
        onOutlets={() => setDialog({ kind: 'outlets' })}
        onTags={() => setDialog({ kind: 'tags' })}
      />
      {notice && (
        <div className="notice" role="status" data-testid="notice">
          <span>{notice}</span>
          <button type="button" aria-label="Dismiss" onClick={() => setNotice(null)}>×</button>
        </div>
      )}
      <div className="panes">
        <Sidebar counts={counts} saved={saved} scope={effective} onScope={changeScope} onFeedSettings={(feedId) => setDialog({ kind: 'feed', feedId })} />
        <ArticleList windows={windows} selectedIndex={selectedIndex} onSelect={(i, row) => void open(i, row)}
          emptyText={emptyText(effective, (counts?.feeds.length ?? 0) > 0)} title={effective.title}
          rowHeight={effective.query ? SNIPPET_ROW_HEIGHT : ROW_HEIGHT} />
        <Reader article={article} loading={articleState.loading} error={articleState.error} allowRemoteImages={prefs?.allowRemoteImages ?? false}
          onStar={() => void toggleStar()} onToggleRead={toggleRead}
          onChanged={reloadArticle} />
      </div>
      {dialog?.kind === 'add' && (
        <AddFeedDialog folders={folders} onClose={() => setDialog(null)} onAdded={(feedId) => {
          setDialog(null);
          refresh();
          void poll([feedId]);
        }} />
      )}
      {dialog?.kind === 'help' && <HelpOverlay onClose={() => setDialog(null)} />}
      {dialog?.kind === 'flags' && (
        <FlagsDialog onClose={() => setDialog(null)} onShow={(q) => {
          setDialog(null);
          changeScope({ view: 'all', query: q, title: `Search: ${q}` });
        }} />
      )}
      {dialog?.kind === 'outlets' && <OutletsDialog onClose={() => setDialog(null)} onChanged={reloadArticle} />}
      {dialog?.kind === 'tags' && <TagsDialog feeds={counts?.feeds ?? []} onClose={() => setDialog(null)} onChanged={reloadArticle} />}
      {dialog?.kind === 'chart' && effective.query && <ChartDialog query={effective.query} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'save-search' && effective.query && (
        <PromptDialog title="Save this search" label={`Name for “${effective.query}”`} submitText="Save" onClose={() => setDialog(null)}
          onSubmit={async (name) => {
            await api.callByName('searches.save', { name, query: effective.query });
            setDialog(null);
            loadCounts();
          }} />
      )}
      {dialog?.kind === 'tag-results' && effective.query && (
        <PromptDialog title="Tag every result" label={`Tag for the ${windows.total ?? 0} results of “${effective.query}”`} submitText="Tag them"
          onClose={() => setDialog(null)}
          onSubmit={async (tag) => {
            const r = await api.callByName<{ tag: string; applied: number }>('tags.apply', { tag, query: effective.query });
            setDialog(null);
            setNotice(`Tagged ${r.applied} article${r.applied === 1 ? '' : 's'} “${r.tag}”.`);
            refresh();
          }} />
      )}
      {feedForDialog && (
        <FeedSettingsDialog feed={feedForDialog} folders={folders} onClose={() => setDialog(null)} onChanged={(removed) => {
          setDialog(null);
          if (removed && scope.feedId === feedForDialog.id) changeScope({ view: 'all', title: 'All articles' });
          refresh();
        }} />
      )}
    </div>
  );
}

// The reader: sidebar, article list, reader pane, the toolbar above them, dialogs and the keyboard. The state of
// each concern lives in its hook (use-library, use-prefs, use-search-text, use-poll, use-reader); this file wires
// them to the views.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from './api-client.ts';
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
import { LibraryDialog } from './LibraryDialog.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useArticleWindows } from './use-article-windows.ts';
import { useKeyboard } from './use-keyboard.ts';
import { useLibrary } from './use-library.ts';
import { usePrefs } from './use-prefs.ts';
import { useSearchText } from './use-search-text.ts';
import { usePoll } from './use-poll.ts';
import { useReader } from './use-reader.ts';
import { fetchLibrary, fetchSearch } from './article-sources.ts';
import { errorMessage } from './format.ts';
import type { Scope } from './types.ts';

type DialogState = null | { kind: 'add' } | { kind: 'help' } | { kind: 'feed'; feedId: number } | { kind: 'save-search' } | { kind: 'tag-results' } | { kind: 'chart' } | { kind: 'flags' }
  | { kind: 'outlets' } | { kind: 'tags' } | { kind: 'library' };

function emptyText(scope: Scope, hasFeeds: boolean): string {
  if (!hasFeeds) return 'No subscriptions yet. Click “Add feed” (or press a) to subscribe to a feed or a site, or import an OPML file.';
  if (scope.query) return `Nothing matches “${scope.query}”. Check the spelling, or widen the query with OR or a wildcard (sanction*).`;
  if (scope.view === 'unread') return 'Nothing unread here. Press r to check the feeds for new articles.';
  if (scope.view === 'starred') return 'No starred articles yet. Press s on an article to star it.';
  if (scope.view === 'flagged') return 'No flagged articles: none carries a state-media label that has not been rejected.';
  return 'No articles here yet. Press r to fetch the feeds now.';
}

export function App() {
  const [scope, setScope] = useState<Scope>({ view: 'all', title: 'All articles' });
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const library = useLibrary(setNotice);
  const { counts, saved, refresh, loadCounts } = library;
  const { prefs, setPref } = usePrefs(setNotice);
  const { searchText, setSearchText, query, showQuery } = useSearchText();
  const { progress, poll } = usePoll(refresh, setNotice);

  // The language filter stays as the analyst moves between feeds and views; a search says lang: itself.
  const [lang, setLang] = useState('');
  const effective: Scope = query ? { view: 'all', query, title: `Search: ${query}` } : lang ? { ...scope, lang } : scope;
  const scopeKey = JSON.stringify([effective.view, effective.feedId, effective.folder, effective.tag, effective.lang, effective.query]);
  // scopeKey stands for the scope's fields: a new object with the same fields keeps the same fetcher.
  const fetchWindow = useMemo(() => (effective.query ? fetchSearch(effective.query) : fetchLibrary(effective)), [scopeKey]);
  const windows = useArticleWindows(fetchWindow, scopeKey, library.refreshTick);
  const reader = useReader(windows, scopeKey, library, setNotice);
  const { article, move, toggleStar, toggleRead, openOriginal } = reader;

  const markAll = useCallback(async () => {
    if (effective.query) return;
    try {
      const { changed } = await api.call('articles.markAll', {
        view: effective.view,
        ...(effective.feedId !== undefined ? { feedId: effective.feedId } : {}),
        ...(effective.folder !== undefined ? { folder: effective.folder } : {}),
        ...(effective.tag !== undefined ? { tag: effective.tag } : {}),
        ...(effective.lang !== undefined ? { lang: effective.lang } : {}),
      });
      setNotice(`Marked ${changed} article${changed === 1 ? '' : 's'} read in ${effective.title}.`);
      refresh();
    } catch (err) {
      setNotice(errorMessage(err));
    }
  }, [effective, refresh]);

  /** y/n: the first label of the open article still waiting for review gets the verdict; the next key press the next. */
  async function reviewNext(review: 'confirmed' | 'rejected') {
    const label = article?.labels.find((l) => l.review === 'unreviewed');
    if (!label) {
      setNotice(article ? 'This article has no label waiting for review.' : 'Open an article to review its labels.');
      return;
    }
    try {
      await api.call('labels.review', { id: label.id, review });
      reloadArticle();
    } catch (err) {
      setNotice(`Could not review the label "${label.entity}": ${errorMessage(err)}`);
    }
  }

  useKeyboard({
    enabled: dialog === null,
    next: () => move(1),
    previous: () => move(-1),
    open: openOriginal,
    toggleRead,
    star: () => void toggleStar(),
    tag: () => document.querySelector<HTMLInputElement>('[data-testid="tag-input"]')?.focus(),
    confirmLabel: () => void reviewNext('confirmed'),
    rejectLabel: () => void reviewNext('rejected'),
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
    reader.reload();
    refresh();
  };

  const folders = (counts?.folders ?? []).map((f) => f.name);
  const feedForDialog = dialog?.kind === 'feed' ? counts?.feeds.find((f) => f.id === dialog.feedId) : undefined;

  const changeScope = (s: Scope) => {
    showQuery(s.query ?? '');
    setScope(s);
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
        onLibrary={() => setDialog({ kind: 'library' })}
      />
      {notice && (
        <div className="notice" role="status" data-testid="notice">
          <span>{notice}</span>
          <button type="button" aria-label="Dismiss" onClick={() => setNotice(null)}>×</button>
        </div>
      )}
      <div className="panes">
        <Sidebar counts={counts} saved={saved} scope={effective} onScope={changeScope} onFeedSettings={(feedId) => setDialog({ kind: 'feed', feedId })} />
        <ArticleList windows={windows} selectedIndex={reader.selectedIndex} onSelect={(i, row) => void reader.open(i, row)}
          emptyText={emptyText(effective, (counts?.feeds.length ?? 0) > 0)} title={effective.title}
          rowHeight={effective.query ? SNIPPET_ROW_HEIGHT : ROW_HEIGHT} lang={effective.query ? null : lang} onLang={setLang} />
        <Reader article={article} loading={reader.loading} error={reader.error} allowRemoteImages={prefs?.allowRemoteImages ?? false} searchQuery={effective.query ?? null}
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
      {dialog?.kind === 'library' && <LibraryDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'chart' && effective.query && <ChartDialog query={effective.query} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'save-search' && effective.query && (
        <PromptDialog title="Save this search" label={`Name for “${effective.query}”`} submitText="Save" onClose={() => setDialog(null)}
          onSubmit={async (name) => {
            await api.call('searches.save', { name, query: effective.query ?? '' });
            setDialog(null);
            loadCounts();
          }} />
      )}
      {dialog?.kind === 'tag-results' && effective.query && (
        <PromptDialog title="Tag every result" label={`Tag for the ${windows.total ?? 0} results of “${effective.query}”`} submitText="Tag them"
          onClose={() => setDialog(null)}
          onSubmit={async (tag) => {
            const r = await api.call('tags.apply', { tag, query: effective.query });
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

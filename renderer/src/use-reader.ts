// The reader pane: which row is selected, the article it shows, and what the keys and buttons do to it (open, move,
// read/unread, star, open the original). A new scope starts with nothing selected.
import { useCallback, useEffect, useState } from 'react';
import { api } from './api-client.ts';
import { errorMessage } from './format.ts';
import { loadArticle } from './article-sources.ts';
import type { ArticleWindows } from './use-article-windows.ts';
import type { Library } from './use-library.ts';
import type { Article, Row } from './types.ts';

export interface ReaderState {
  selectedIndex: number;
  selectedRow: Row | undefined;
  article: Article | null;
  loading: boolean;
  error: string | null;
  open: (index: number, row: Row) => Promise<void>;
  move: (step: 1 | -1) => void;
  toggleStar: () => Promise<void>;
  toggleRead: () => void;
  openOriginal: () => void;
  /** Something the article shows changed (its tags, labels, outlet): read it again. */
  reload: () => void;
}

export function useReader(windows: ArticleWindows, scopeKey: string, library: Library, notify: (message: string) => void): ReaderState {
  const [selectedIndex, setSelectedIndex] = useState(-1);
  const [article, setArticle] = useState<Article | null>(null);
  const [articleState, setArticleState] = useState<{ loading: boolean; error: string | null }>({ loading: false, error: null });
  const { countRead, countStarred } = library;

  useEffect(() => {
    setSelectedIndex(-1);
    setArticle(null);
  }, [scopeKey]);

  const setRead = useCallback(async (row: Row, read: boolean) => {
    await api.call('articles.mark', { ids: [row.id], read });
    windows.patch([row.id], { isRead: read });
    setArticle((a) => (a && a.id === row.id ? { ...a, isRead: read } : a));
    countRead(row, read);
  }, [windows, countRead]);

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
      countStarred(starred);
    } catch (err) {
      notify(errorMessage(err));
    }
  }, [selectedRow, article, windows, countStarred, notify]);

  const toggleRead = useCallback(() => {
    if (!selectedRow) return;
    const isRead = article?.id === selectedRow.id ? article.isRead : selectedRow.isRead;
    setRead(selectedRow, !isRead).catch((err: unknown) => notify(errorMessage(err)));
  }, [selectedRow, article, setRead, notify]);

  const openOriginal = useCallback(() => {
    const link = article?.link ?? selectedRow?.link;
    if (link && /^https?:/i.test(link)) window.open(link, '_blank', 'noopener,noreferrer');
  }, [article, selectedRow]);

  const reload = (): void => {
    if (article) loadArticle(article.id).then(setArticle, (err: unknown) => notify(errorMessage(err)));
  };

  return { selectedIndex, selectedRow, article, ...articleState, open, move, toggleStar, toggleRead, openOriginal, reload };
}

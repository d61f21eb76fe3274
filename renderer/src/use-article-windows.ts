// The article list's data: fetched in pages of PAGE rows as the virtual list scrolls to them, so a list of
// 100,000 articles costs only the rows on screen. A new scope or a refresh starts a new generation; answers
// for an older generation are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Row } from './types.ts';

export const PAGE = 100;

export type FetchWindow = (offset: number, limit: number) => Promise<{ total: number; items: Row[]; warnings?: string[] }>;

export interface ArticleWindows {
  /** null until the first page has answered. */
  total: number | null;
  rowAt: (index: number) => Row | undefined;
  indexOf: (id: number) => number;
  ensure: (first: number, last: number) => void;
  patch: (ids: number[], change: Partial<Row>) => void;
  error: string | null;
  /** What the search engine warns about the query (a precedence a Lexis user may misread, …). */
  warnings: string[];
}

export function useArticleWindows(fetchWindow: FetchWindow, key: string, refreshTick: number): ArticleWindows {
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, Row[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const fetchRef = useRef(fetchWindow);
  fetchRef.current = fetchWindow;

  // Pages from before a refresh stay on screen until their fresh copy lands.
  const stale = useRef(new Set<number>());

  const loadPage = useCallback((page: number) => {
    if ((pages.current.has(page) && !stale.current.has(page)) || loading.current.has(page)) return;
    loading.current.add(page);
    const gen = generation.current;
    fetchRef.current(page * PAGE, PAGE).then((r) => {
      if (gen !== generation.current) return;
      loading.current.delete(page);
      stale.current.delete(page);
      pages.current.set(page, r.items);
      setTotal(r.total);
      setError(null);
      if (page === 0) setWarnings(r.warnings ?? []);
      setVersion((v) => v + 1);
    }, (err: unknown) => {
      if (gen !== generation.current) return;
      loading.current.delete(page);
      setError(err instanceof Error ? err.message : String(err));
      setTotal((t) => t ?? 0);
    });
  }, []);

  // A new scope empties the list; a refresh of the same scope reloads the pages already seen.
  const lastKey = useRef<string | null>(null);
  useEffect(() => {
    generation.current++;
    loading.current = new Set();
    if (lastKey.current !== key) {
      pages.current = new Map();
      stale.current = new Set();
      setTotal(null);
      setError(null);
      setWarnings([]);
      loadPage(0);
    } else {
      stale.current = new Set(pages.current.keys());
      for (const p of stale.current.size ? [...stale.current] : [0]) loadPage(p);
    }
    lastKey.current = key;
  }, [key, refreshTick, loadPage]);

  const rowAt = useCallback((index: number): Row | undefined => pages.current.get(Math.floor(index / PAGE))?.[index % PAGE], []);

  const indexOf = useCallback((id: number): number => {
    for (const [page, rows] of pages.current) {
      const i = rows.findIndex((r) => r.id === id);
      if (i >= 0) return page * PAGE + i;
    }
    return -1;
  }, []);

  const ensure = useCallback((first: number, last: number) => {
    for (let p = Math.floor(Math.max(0, first) / PAGE); p <= Math.floor(Math.max(0, last) / PAGE); p++) loadPage(p);
  }, [loadPage]);

  const patch = useCallback((ids: number[], change: Partial<Row>) => {
    const wanted = new Set(ids);
    for (const [page, rows] of pages.current) pages.current.set(page, rows.map((r) => (wanted.has(r.id) ? { ...r, ...change } : r)));
    setVersion((v) => v + 1);
  }, []);

  return { total, rowAt, indexOf, ensure, patch, error, warnings };
}

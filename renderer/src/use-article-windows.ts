// The article list's data: fetched in pages of PAGE rows as the virtual list scrolls to them, so a list of
// 100,000 articles costs only the rows on screen. At most MAX_IN_FLIGHT pages load at once, and only pages still
// on screen when a slot frees up: a fast fling across the list never queues up the hundreds of pages it passed.
// A new scope or a refresh starts a new generation; answers for an older generation are dropped.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Row } from './types.ts';

export const PAGE = 100;
const MAX_IN_FLIGHT = 2;

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

  // The pages on screen now (first and last page index), as the list last said.
  const wanted = useRef<[number, number]>([0, 0]);

  // Only refs and state setters inside: created once, they never go stale.
  const pump = useMemo(() => {
    function loadPage(page: number): void {
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
        next();
      }, (err: unknown) => {
        if (gen !== generation.current) return;
        loading.current.delete(page);
        setError(err instanceof Error ? err.message : String(err));
        setTotal((t) => t ?? 0);
      });
    }
    function next(): void {
      while (loading.current.size < MAX_IN_FLIGHT) {
        const [from, to] = wanted.current;
        let page = -1;
        for (let p = from; p <= to && page < 0; p++) {
          if ((!pages.current.has(p) || stale.current.has(p)) && !loading.current.has(p)) page = p;
        }
        if (page < 0) return;
        loadPage(page);
      }
    }
    return next;
  }, []);

  // A new scope empties the list; a refresh of the same scope reloads the pages already seen.
  const lastKey = useRef<string | null>(null);
  useEffect(() => {
    generation.current++;
    loading.current = new Set();
    if (lastKey.current !== key) {
      pages.current = new Map();
      stale.current = new Set();
      wanted.current = [0, 0];
      setTotal(null);
      setError(null);
      setWarnings([]);
    } else {
      stale.current = new Set(pages.current.keys());
    }
    lastKey.current = key;
    pump();
  }, [key, refreshTick, pump]);

  const rowAt = useCallback((index: number): Row | undefined => pages.current.get(Math.floor(index / PAGE))?.[index % PAGE], []);

  const indexOf = useCallback((id: number): number => {
    for (const [page, rows] of pages.current) {
      const i = rows.findIndex((r) => r.id === id);
      if (i >= 0) return page * PAGE + i;
    }
    return -1;
  }, []);

  const ensure = useCallback((first: number, last: number) => {
    wanted.current = [Math.floor(Math.max(0, first) / PAGE), Math.floor(Math.max(0, last) / PAGE)];
    pump();
  }, [pump]);

  const patch = useCallback((ids: number[], change: Partial<Row>) => {
    const wanted = new Set(ids);
    for (const [page, rows] of pages.current) pages.current.set(page, rows.map((r) => (wanted.has(r.id) ? { ...r, ...change } : r)));
    setVersion((v) => v + 1);
  }, []);

  return { total, rowAt, indexOf, ensure, patch, error, warnings };
}

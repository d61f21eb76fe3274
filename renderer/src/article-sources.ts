// Where the article list and the reader get their data: windows of the library or of a search's hits, one article
// with its outlet.
import { api } from './api-client.ts';
import type { FetchWindow } from './use-article-windows.ts';
import type { Article, Outlet, Row, Scope } from './types.ts';

/** Outlets of the given URLs by the library's state-affiliation registry. */
function outletsOf(urls: (string | null)[]): Promise<(Outlet | null)[]> {
  return api.call('outlets.match', { urls });
}

export const fetchLibrary = (scope: Scope): FetchWindow => async (offset, limit) => {
  const r = await api.call('articles.list', {
    view: scope.view, offset, limit,
    ...(scope.feedId !== undefined ? { feedId: scope.feedId } : {}),
    ...(scope.folder !== undefined ? { folder: scope.folder } : {}),
    ...(scope.tag !== undefined ? { tag: scope.tag } : {}),
  });
  const outlets = await outletsOf(r.items.map((i) => i.link));
  return { total: r.total, items: r.items.map((item, i) => ({ ...item, outlet: outlets[i]?.name ?? null })) };
};

export const fetchSearch = (q: string): FetchWindow => async (offset, limit) => {
  const r = await api.call('search.query', { q, offset, limit, sort: 'date' });
  const items: Row[] = r.hits.map((h) => ({
    id: h.id, title: h.title, feedTitle: h.feed, published: h.published, link: h.url, snippet: h.snippet, tags: h.tags,
    labelKinds: [...new Set(h.labels.map((l) => l.kind))],
    // Search hits do not say whether they were read: shown plain until opened.
    isRead: true, isStarred: false,
  }));
  return { total: r.total, items, warnings: r.warnings };
};

export async function loadArticle(id: number): Promise<Article> {
  const a = await api.call('articles.get', { id });
  const outlets = await outletsOf([a.link, a.siteUrl, a.feedUrl]);
  return { ...a, outlet: outlets.find((o) => o !== null) ?? null };
}

// Where the article list and the reader get their data: windows of the library or of a search's hits, one article.
// Each comes with its outlet (stored at ingest), so no view asks for outlets per row.
import { api } from './api-client.ts';
import type { FetchWindow } from './use-article-windows.ts';
import type { Article, Row, Scope } from './types.ts';

export const fetchLibrary = (scope: Scope): FetchWindow => async (offset, limit) => {
  const r = await api.call('articles.list', {
    view: scope.view, offset, limit,
    ...(scope.feedId !== undefined ? { feedId: scope.feedId } : {}),
    ...(scope.folder !== undefined ? { folder: scope.folder } : {}),
    ...(scope.tag !== undefined ? { tag: scope.tag } : {}),
    ...(scope.lang !== undefined ? { lang: scope.lang } : {}),
  });
  return { total: r.total, items: r.items };
};

export const fetchSearch = (q: string): FetchWindow => async (offset, limit) => {
  const r = await api.call('search.query', { q, offset, limit, sort: 'date' });
  const items: Row[] = r.hits.map((h) => ({
    id: h.id, title: h.title, feedTitle: h.feed, published: h.published, link: h.url, snippet: h.snippet, tags: h.tags,
    labelKinds: [...new Set(h.labels.map((l) => l.kind))], outlet: h.outlet ?? null,
    // Search hits do not say whether they were read: shown plain until opened.
    isRead: true, isStarred: false,
  }));
  return { total: r.total, items, warnings: r.warnings };
};

export function loadArticle(id: number): Promise<Article> {
  return api.call('articles.get', { id });
}

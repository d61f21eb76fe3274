// Shapes the UI reads. Reader types come from the API itself; the others mirror the agreed contracts of methods
// that other parts of the app provide (feeds, OPML, search), called by name so the UI builds without them.
import type { ApiArgs, ApiResult } from '../../electron/api/methods.ts';

export type View = 'all' | 'unread' | 'starred' | 'flagged';
export type Counts = ApiResult<'sidebar.counts'>;
export type ListItem = ApiResult<'articles.list'>['items'][number];
/** An article as the reader shows it: the API's record plus its outlet from the registry, when known. */
export type Article = ApiResult<'articles.get'> & { outlet?: Outlet | null };
export interface Outlet { name: string; domain: string; country: string; category: string; source: string }
export type Prefs = ApiResult<'settings.get'>;

/** What the list shows: a window of the library, or of a search's hits. */
export interface Row {
  id: number;
  /** Unknown for search hits. */
  feedId?: number;
  title: string | null;
  feedTitle: string | null;
  outlet?: string | null;
  published: string | null;
  isRead: boolean;
  isStarred: boolean;
  tags: string[];
  labelKinds: string[];
  link: string | null;
  snippet?: string;
}

/** Which articles the list shows. */
export interface Scope {
  view: View;
  feedId?: number;
  folder?: string;
  tag?: string;
  /** A search query (from the box or a saved search): the list shows its hits. */
  query?: string;
  title: string;
}

export interface FeedCandidate { url: string; title: string | null; type: string }
export interface SearchHit { id: number; title: string | null; url: string | null; feed: string | null; published: string | null; snippet: string; tags: string[]; labels: unknown[] }
export interface SearchResult { total: number; hits: SearchHit[]; warnings?: string[] }
export interface SavedSearch { id: number; name: string; query: string; count: number | null }
export interface PollSummary { feeds: number; new: number; updated: number; failed: { url: string; error: string }[] }

/** A poll under way: feeds done out of total (total 0 until the first event says). */
export type Progress = null | { done: number; total: number };

export type LabelKind = ApiArgs<'labels.add'>['kind'];
export type OutletEntry = ApiResult<'outlets.list'>[number];
export type Tag = ApiResult<'tags.list'>[number];
export type Rule = ApiResult<'rules.list'>[number];

// Shapes the UI reads: every record comes from the API's own types (ApiResult, ApiArgs), none is declared again
// here; the rest are the UI's own (which articles the list shows, a row of it).
import type { ApiArgs, ApiResult } from '../../electron/api/methods.ts';

export type View = 'all' | 'unread' | 'starred' | 'flagged';
export type Counts = ApiResult<'sidebar.counts'>;
export type ListItem = ApiResult<'articles.list'>['items'][number];
/** An article's outlet as the API sends it with every list item, search hit and article. */
export type OutletBadge = NonNullable<ListItem['outlet']>;
export type Article = ApiResult<'articles.get'>;
export type Prefs = ApiResult<'settings.get'>;
export type LibraryState = ApiResult<'library.current'>;
export type LibraryTest = ApiResult<'library.testConnection'>;
export type TeamLibraryForm = ApiArgs<'library.testConnection'>;

/** What the list shows: a window of the library, or of a search's hits. */
export interface Row {
  id: number;
  /** Unknown for search hits. */
  feedId?: number;
  title: string | null;
  feedTitle: string | null;
  outlet: OutletBadge | null;
  /** The article's language (ISO 639-1), told from its text at ingest; search hits leave it out. */
  lang?: string | null;
  published: string | null;
  isRead: boolean;
  isStarred: boolean;
  tags: string[];
  labelKinds: string[];
  link: string | null;
  snippet?: string;
  /** Versions of the article (more than one: edited); unknown for search hits. */
  versions?: number;
  deletedAt?: string | null;
}

/** Which articles the list shows. */
export interface Scope {
  view: View;
  feedId?: number;
  folder?: string;
  tag?: string;
  /** Only articles in this language (ISO 639-1, told from each article's text at ingest). */
  lang?: string;
  /** A search query (from the box or a saved search): the list shows its hits. */
  query?: string;
  title: string;
}

export type FeedCandidate = ApiResult<'feeds.discover'>['candidates'][number];
export type SavedSearch = ApiResult<'searches.list'>[number];
export type FlagGroup = ApiResult<'labels.flags'>[number];
export type ReviewStats = ApiResult<'labels.reviewStats'>;
export type EntityAlias = ApiResult<'labels.aliases'>[number];
export type RejectReason = NonNullable<ApiArgs<'labels.review'>['reason']>;
export type FeedRecord = ApiResult<'feeds.list'>[number];

/** A poll under way: feeds done out of total (total 0 until the first event says). */
export type Progress = null | { done: number; total: number };

export type LabelKind = ApiArgs<'labels.add'>['kind'];
export type LabelReview = ApiArgs<'labels.review'>['review'];
export type OutletEntry = ApiResult<'outlets.list'>[number];
export type Tag = ApiResult<'tags.list'>[number];
export type Rule = ApiResult<'rules.list'>[number];
export type ExportFormat = NonNullable<ApiArgs<'export.run'>['format']>;

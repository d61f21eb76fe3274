// The records the store hands out and takes in: the contract of store/store.ts, the same for every engine.
// Types only.
import type { FeedStatus, LabelKind, LabelOrigin, LabelReview, RejectReason } from '../model.ts';
import type { RawCapture } from '../model.ts';
import type { StoredVersion, VersionContent } from '../articles/versions.ts';

// ---- Subscriptions

/** Everything the poller reads and writes about a feed. */
export interface StoredFeed {
  id: number;
  url: string;
  typedUrl: string;
  siteUrl: string | null;
  title: string | null;
  folderId: number | null;
  intervalMinutes: number;
  floorMinutes: number | null;
  fullText: boolean | null;
  status: FeedStatus;
  etag: string | null;
  lastModified: string | null;
  lastFetchedAt: string | null;
  lastSuccessAt: string | null;
  nextFetchAt: string | null;
  retryReason: string | null;
  errorCount: number;
  lastError: string | null;
}

/** The columns a poll may change, by their camelCase names. */
export type FeedState = Omit<StoredFeed, 'id' | 'typedUrl' | 'folderId' | 'intervalMinutes' | 'fullText'> & {
  description: string | null;
  language: string | null;
};

/** What the analyst may change about a subscription (undefined: unchanged; the folder by name, null for none). */
export interface FeedSettings {
  title?: string | null | undefined;
  folder?: string | null | undefined;
  intervalMinutes?: number | undefined;
  fullText?: boolean | null | undefined;
}

/** A subscription to store, as discovery (or an OPML file) found it. */
export interface NewSubscription {
  url: string;
  /** What the user typed: its host:port may be loopback (feed bridges). */
  typedUrl: string;
  title: string | null;
  siteUrl: string | null;
  folder: string | null;
  intervalMinutes: number;
  description?: string | null;
  language?: string | null;
  floorMinutes?: number | null;
  createdAt: string;
}

/** Adding a subscription either adds it or finds the feed already there (by its address or the one typed). */
export type AddedFeed = { added: true; id: number } | { added: false; existing: { id: number; url: string } };

export interface FolderRecord {
  id: number;
  name: string;
  position: number;
  feedCount: number;
}

export type FetchOutcome = 'ok' | 'not_modified' | 'error' | 'gone' | 'retry_later';

export interface FetchLogEntry {
  feedId: number;
  startedAt: string;
  url: string;
  status: number | null;
  outcome: FetchOutcome;
  bytes: number | null;
  durationMs: number | null;
  newCount: number;
  updatedCount: number;
  error: string | null;
}

// ---- Articles and the reader

export interface IngestResult {
  newIds: number[];
  updatedIds: number[];
  unchanged: number;
  /** Items left for the next poll because of MAX_WRITES_PER_POLL. */
  deferred: number;
  /** Items repeating an earlier item of the same document (same guid, link or title+date): the first one wins. */
  repeated: number;
  /** Enrichers that failed, in words; what they would have added is missing, the articles were kept. */
  warnings: string[];
}

export type ListView = 'all' | 'unread' | 'starred' | 'flagged';

export interface ListFilter {
  view: ListView;
  feedId?: number | undefined;
  folder?: string | undefined;
  tag?: string | undefined;
  /** ISO 639-1 code: articles in that language (told from their text at ingest). */
  lang?: string | undefined;
}

/** An article's outlet in the registry, as stored on the article at ingest: what a state-affiliation badge shows. */
export interface OutletBadge {
  name: string;
  /** ISO 3166-1 alpha-2 code of the state it is affiliated with. */
  country: string;
  category: string;
}

export interface ListItem {
  id: number;
  feedId: number;
  feedTitle: string | null;
  title: string | null;
  link: string | null;
  /** When the outlet says it published the article; null when the feed gave no date. */
  published: string | null;
  /** When Footnote first saw it. */
  seenAt: string;
  isRead: boolean;
  isStarred: boolean;
  tags: string[];
  labelKinds: string[];
  /** ISO 639-1 code of the article's language, told from its text at ingest; null when unknown. */
  lang: string | null;
  /** Null when the registry knows no outlet for the article. */
  outlet: OutletBadge | null;
  /** How many versions the article has: more than one means the outlet edited it. */
  versions: number;
  /** When a re-check found it taken down; null while it is online. */
  deletedAt: string | null;
}

export interface ArticleTag {
  name: string;
  color: string | null;
  /** True when a rule, not a person, applied it. */
  byRule: boolean;
}

export type ArticleLabel = Pick<LabelRecord, 'id' | 'kind' | 'entity' | 'canonical' | 'rule' | 'marker' | 'evidence' | 'start' | 'end' | 'origin'
  | 'review' | 'note' | 'rejectReason'>;

export interface ArticleDetail {
  id: number;
  feedId: number;
  feedTitle: string | null;
  feedUrl: string;
  siteUrl: string | null;
  title: string | null;
  link: string | null;
  author: string | null;
  published: string | null;
  updated: string | null;
  seenAt: string;
  lang: string | null;
  summary: string | null;
  /** The feed's HTML. */
  content: string | null;
  /** The page's main text, extracted when full text is on for the feed. */
  fullHtml: string | null;
  categories: string[];
  isRead: boolean;
  isStarred: boolean;
  tags: ArticleTag[];
  labels: ArticleLabel[];
  /** With the registry's public source for its classification. */
  outlet: (OutletBadge & { source: string }) | null;
  versions: number;
  deletedAt: string | null;
  deletedReason: string | null;
}

export interface FeedCount {
  id: number;
  title: string | null;
  url: string;
  siteUrl: string | null;
  folder: string | null;
  status: string;
  lastError: string | null;
  errorCount: number;
  total: number;
  unread: number;
}

export interface SidebarCounts {
  all: number;
  unread: number;
  starred: number;
  flagged: number;
  feeds: FeedCount[];
  folders: { name: string; unread: number; total: number }[];
  tags: { name: string; color: string | null; count: number }[];
}

// ---- Versions and evidence (issue 13)

/** One stored version: what significant-change.ts compared, and where it came from. */
export interface ArticleVersionRecord extends StoredVersion {
  source: 'feed' | 'page';
}

/** A raw capture as stored, with its bytes. */
export interface StoredCapture extends RawCapture {
  id: number;
  kind: 'feed' | 'page' | 'recheck';
}

/** Everything the evidence export says of one article. */
export interface ArticleDossier {
  id: number;
  url: string;
  title: string | null;
  feedUrl: string;
  versions: ArticleVersionRecord[];
  labels: LabelRecord[];
  tags: string[];
  deletion: { at: string; reason: string; status: number | null; finalUrl: string | null } | null;
  /** Oldest first: page fetches, re-checks, and the feed fetches that made one of its versions. */
  captures: StoredCapture[];
}

/** An article a re-check fetches again. */
export interface RecheckTarget {
  id: number;
  link: string;
  feedUrl: string;
  typedUrl: string;
  siteUrl: string | null;
  /** Validators of the last page fetch: the re-check is a conditional GET. */
  etag: string | null;
  lastModified: string | null;
  /** The latest version when it was read from the page; null when the article has only its feed text. */
  stored: VersionContent | null;
}

/** What one re-check found. */
export interface RecheckOutcome {
  at: string;
  state: 'live' | 'edited' | 'deleted' | 'unknown';
  reason: string;
  status: number | null;
  finalUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  /** The response as received (kept with a deletion as its evidence). */
  capture: RawCapture | null;
}

// ---- Full text

export interface NewPage {
  articleId: number;
  url: string;
  finalUrl: string | null;
  fetchedAt: string;
  status: number | null;
  contentType: string | null;
  /** The bytes as served; null when the fetch failed. */
  bytes: Uint8Array | null;
  error: string | null;
  /** The response as received, when raw capture is on. */
  capture?: RawCapture | null;
  /** What the capture was for: a full-text fetch (default) or a re-check. */
  captureKind?: 'page' | 'recheck';
}

/** A stored page without its body. */
export type PageRecord = Omit<NewPage, 'bytes' | 'capture' | 'captureKind'> & { id: number; size: number | null; sha256: string | null };

/** What happened the last time full text was tried for an article (articles/outcome.ts, stored by schema 7). */
export interface FullTextState {
  articleId: number;
  status: 'saved' | 'failed' | 'blocked';
  /** failed: outcome.ts's FailureReason; blocked: the wall ('consent' or 'paywall'); saved: null. */
  reason: string | null;
  /** What happened and what to do next, in words; null when saved. */
  message: string | null;
  /** Tries in a row that ended this way (a saved copy starts the count again). */
  attempts: number;
  triedAt: string;
  /** When the poller tries again on its own; null when it will not (saved, blocked, or retries used up). */
  nextRetryAt: string | null;
}

/** What full text needs to know about an article. */
export interface FullTextTarget {
  id: number;
  feedId: number;
  link: string | null;
  lang: string | null;
}

// ---- Search

export type SearchSort = 'relevance' | 'date';

export interface SearchHit {
  id: number;
  title: string | null;
  url: string | null;
  feed: string;
  published: string | null;
  /** Plain text with matches between \u0002 and \u0003 (MARK_START, MARK_END). */
  snippet: string;
  tags: string[];
  labels: { kind: LabelKind; entity: string }[];
  /** The article's outlet as stored at ingest (null: none); the library's searches carry it, a search of a bare
   * database (no stored outlets) leaves it out. */
  outlet?: OutletBadge | null;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  warnings: string[];
}

export type VolumeInterval = 'day' | 'week';

export type VolumeSplit = 'outlet' | 'tag' | 'label';

export interface VolumeSeries {
  key: string;
  counts: number[];
  total: number;
}

export interface VolumeData {
  interval: VolumeInterval;
  split: VolumeSplit | null;
  /** First day (YYYY-MM-DD) of each period; weeks start on Monday. */
  periods: string[];
  series: VolumeSeries[];
  /** Matching articles (an article with two tags counts once here, once in each tag's series). */
  total: number;
  warnings: string[];
}

export interface ExportRow {
  id: number;
  date: string;
  outlet: string;
  title: string | null;
  url: string | null;
  tags: string[];
  labels: { kind: LabelKind; entity: string }[];
  snippet: string;
}

export interface SavedSearch {
  id: number;
  name: string;
  query: string;
  createdAt: string;
  /** Matching articles now; null when the query cannot run here (outlet: without the registry). */
  count: number | null;
}

// ---- Tags, rules, labels

export interface TagRecord {
  id: number;
  name: string;
  color: string | null;
  /** Articles carrying the tag. */
  count: number;
}

/** Articles named one by one (each must exist), or every result of a query. */
export type ArticleTarget = { ids: number[]; query?: undefined } | { query: string; ids?: undefined };

export interface RuleRecord {
  id: number;
  query: string;
  tagId: number;
  tag: string;
  /** null: every feed. */
  feedIds: number[] | null;
  createdAt: string;
  /** Articles carrying the tag because of this rule. */
  count: number;
}

export interface ApplyProgress {
  done: number;
  total: number;
}

export interface ApplyResult {
  rules: number;
  matched: number;
  tagged: number;
}

export interface LabelRecord {
  id: number;
  articleId: number;
  kind: LabelKind;
  /** As the text names it. */
  entity: string;
  /** One name across inflections, scripts and languages (DESIGN.md §2), the library's aliases applied. */
  canonical: string;
  /** The detector's rule and phrase ("footnote:ru:иноагент"); null for a manual label. */
  rule: string | null;
  marker: string | null;
  evidence: string;
  start: number | null;
  end: number | null;
  origin: LabelOrigin;
  review: LabelReview;
  note: string | null;
  /** Why the analyst rejected it; null unless rejected. */
  rejectReason: RejectReason | null;
  reviewNote: string | null;
  reviewedAt: string | null;
  firstSeenAt: string;
  /** Set when a later version of the article no longer carries the label. */
  removedAt: string | null;
}

/** An alias the analyst keeps in the library: `alias` as written means the entity `canonical`. */
export interface EntityAlias {
  id: number;
  alias: string;
  canonical: string;
  lang: string | null;
  createdAt: string;
}

/** Reviewed detections counted by rule, language, verdict and reason (the raw figures of review precision). */
export interface ReviewCount {
  rule: string | null;
  /** The article's language, when the rule names none. */
  lang: string | null;
  review: 'confirmed' | 'rejected';
  reason: RejectReason | null;
  count: number;
}

export interface ManualLabel {
  articleId: number;
  kind: LabelKind;
  entity: string;
  note: string | null;
}

// ---- A shared library

/** What another client changed: the reader reloads what shows it. */
export interface LibraryChange {
  what: 'articles' | 'tags' | 'labels' | 'marks' | 'feeds' | 'rules' | 'outlets' | 'searches';
  /** The analyst whose client made the change. */
  by: string;
}

// ---- The library file

export interface BackupResult {
  file: string;
  bytes: number;
}

// The library as everything above store/ sees it: one object of coarse, asynchronous domain operations. Nothing
// above this line writes SQL or holds a connection; the engine opens a Store (store/sqlite/ today) and hands it to
// the API, the poller and the CLI. Types only.
//
// The contract a second engine (PostgreSQL, issue 14) must meet:
// - One method is one transaction. A method that writes either commits all of its writes or none; nothing a caller
//   does needs a transaction across two calls (where it did, the two steps became one method here).
// - Several writers at once. Other clients may write between two calls, so a method checks what it depends on
//   inside its own transaction (ingest looks each item up again; add refuses a feed added meanwhile) and stores an
//   article once whoever ingests it first (unique keys and ON CONFLICT, not a read then a write).
// - Every method is async, even where SQLite answers synchronously, so callers are written once for both.
// - Errors with a meaning for the user are TagError (tags/tag-names.ts) and QuerySyntaxError (query/errors.ts), with
//   the same codes and sentences on every engine; anything else is a failure of the library itself.
// - The query language is parsed by query/ and compiled by the store: the same query finds the same articles on
//   every engine. Outlet filters use the library's registry, which the store builds from its overrides.
// - Enrichers (articles/enrichment.ts) are handed in by the caller and run on each new or changed article during
//   ingest; the store writes what they return in the article's transaction. They never see the library.
import type { FeedObject, FeedRecord, RejectReason } from '../model.ts';
import type { Enricher } from '../articles/enrichment.ts';
import type { PreparedItems } from '../articles/prepare.ts';
import type { DetectLanguage } from '../text/language.ts';
import type { OutletOverride, OutletRegistry } from '../labels/outlets.ts';
import type { FlagCount, FlagFilter } from '../labels/flags.ts';
import type { TagRef } from '../tags/tag-names.ts';
import type { RawCapture } from '../model.ts';
import type {
  AddedFeed, ApplyProgress, ApplyResult, ArticleDetail, ArticleTarget, BackupResult, EntityAlias, ExportRow, FeedSettings, FeedState,
  FetchLogEntry, FolderRecord, FullTextState, FullTextTarget, IngestResult, LabelRecord, LibraryChange, ListFilter, ListItem, ManualLabel, NewPage,
  NewSubscription, PageRecord, ReviewCount, RuleRecord, SavedSearch, SearchResult, SearchSort, SidebarCounts, StoredFeed, TagRecord,
  VolumeData, VolumeInterval, VolumeSplit, ArticleVersionRecord, RecheckOutcome, RecheckTarget, ArticleDossier,
} from './records.ts';

export interface IngestOptions {
  /** When this ingest saw the items (ISO instant); default now. */
  now?: string;
  /** At most this many new or changed articles are written; the rest are `deferred` to the next poll. */
  maxWrites?: number;
  /** What runs on each new or changed article. */
  enrichers: Enricher[];
  /** Tells each new or changed article's language from its own title and text, the feed's declaration only a
   * hint (text/language.ts); without it the declared language is stored. */
  detectLanguage?: DetectLanguage;
  /** The raw capture of the feed fetch these items came from: the evidence of the versions they make. */
  captureId?: number | null;
  /** What the parse worker computed for the feed's items (articles/prepare.ts); ingest computes the rest itself. */
  prepared?: PreparedItems;
}

/** A successful fetch of a feed, stored in one transaction: its items, its new state and the fetch log entry. */
export interface PolledFeed {
  feed: FeedObject;
  ingest: IngestOptions;
  /** The feed's new state; when items were deferred the store drops the validators (etag, lastModified) so that the
   * next poll downloads the whole feed again. */
  state: Partial<FeedState>;
  /** The fetch as logged; the store fills in the counts and notes the deferral. */
  log: Omit<FetchLogEntry, 'newCount' | 'updatedCount'>;
  /** The response as received, when raw capture is on: kept with the items, in the same transaction. */
  capture?: RawCapture | null;
}

export interface FeedStore {
  /** Every subscription with its counts, as `footnote feeds --json` shows them. */
  list(): Promise<FeedRecord[]>;
  get(id: number): Promise<FeedRecord | undefined>;
  /** What the poller needs about the given feeds (default: all). */
  stored(ids?: number[]): Promise<StoredFeed[]>;
  /** The feed fetched from `url` now, or first typed as `url`. */
  findByUrl(url: string): Promise<StoredFeed | undefined>;
  /** Subscribes, creating its folder if needed, unless a feed with that address is there already. */
  add(feed: NewSubscription): Promise<AddedFeed>;
  /** Subscribes to all of them in one transaction, skipping addresses already there; returns how many were added. */
  addMany(feeds: NewSubscription[]): Promise<number>;
  /** Changes title, folder, interval or full text; undefined when there is no such feed. */
  update(id: number, settings: FeedSettings): Promise<FeedRecord | undefined>;
  /** Removes the feed with its articles, versions, tags and labels; returns it as it was, or undefined. */
  remove(id: number): Promise<FeedRecord | undefined>;
  /** A fetch that stored no items (not modified, failed, gone): the feed's new state and the log entry together. */
  recordFetch(feedId: number, state: Partial<FeedState>, log: FetchLogEntry): Promise<void>;
  /** A fetch that brought items: see PolledFeed. */
  recordPoll(feedId: number, poll: PolledFeed): Promise<IngestResult>;
  /**
   * The right to fetch this feed now, or null while another client of the same library fetches it (a poll lock per
   * feed: two clients never download one feed together). Release it when the feed's poll is stored or failed.
   */
  claim(feedId: number): Promise<{ release(): Promise<void> } | null>;
}

export interface FolderStore {
  list(): Promise<FolderRecord[]>;
}

export interface ArticleStore {
  /** Stores a parsed feed's items (new, changed, seen again) with what the enrichers say, in one transaction. */
  ingest(feedId: number, feed: FeedObject, options: IngestOptions): Promise<IngestResult>;
  /** A window of the article list, newest first. */
  list(filter: ListFilter, offset: number, limit: number): Promise<{ total: number; items: ListItem[] }>;
  get(id: number): Promise<ArticleDetail | undefined>;
  exists(id: number): Promise<boolean>;
  /** Sets read and/or starred; returns how many articles changed. */
  mark(ids: number[], marks: { read?: boolean | undefined; starred?: boolean | undefined }): Promise<number>;
  /** Marks every unread article the filter selects as read; returns how many. */
  markAllRead(filter: ListFilter): Promise<number>;
  sidebarCounts(): Promise<SidebarCounts>;
  /** How many of these articles carry a live label (the reader's "flagged"). */
  countFlagged(ids: number[]): Promise<number>;
}

export interface PageStore {
  /** What full text needs about these articles (missing ones left out). */
  targets(articleIds: number[]): Promise<FullTextTarget[]>;
  /** The feed's articles whose page was never fetched, newest first. */
  backlog(feedId: number, limit: number): Promise<number[]>;
  /** The feed's own HTML (content, else summary) of its latest articles. */
  recentFeedHtml(feedId: number, limit: number): Promise<string[]>;
  /**
   * One fetch of an article's page, in one transaction: the page kept as evidence and, when an article was
   * extracted from it, its HTML and text with the enrichers run again on the new text; and the article's
   * full-text outcome (`state`) replacing the last one. A re-check (evidence) records its fetch without an outcome:
   * it is not a full-text attempt.
   */
  record(page: NewPage, extracted: { html: string; text: string; lang: string | null } | null, enrichers: Enricher[], state?: FullTextState): Promise<PageRecord>;
  /** The article's last full-text outcome; undefined when full text was never tried for it. */
  state(articleId: number): Promise<FullTextState | undefined>;
  /** The feed's articles whose failed full text is due for another try at `now`, longest waiting first. */
  dueRetries(feedId: number, now: string, limit: number): Promise<number[]>;
  /** Every fetch of the article's page, oldest first. */
  list(articleId: number): Promise<PageRecord[]>;
  /** The article's stored text and full HTML; undefined when there is no such article. */
  fullText(articleId: number): Promise<{ text: string | null; html: string | null } | undefined>;
}

export interface SearchStore {
  query(q: string, options: { limit: number; offset: number; sort: SearchSort }): Promise<SearchResult>;
  volume(q: string, interval: VolumeInterval, split: VolumeSplit | null): Promise<VolumeData>;
  /** Every article (or a query's matches), newest first, in batches: an export never holds every text at once. A
   * malformed query rejects the first step, before any row. */
  exportRows(query: string | null): AsyncIterable<ExportRow>;
  savedList(): Promise<SavedSearch[]>;
  /** Saving under an existing name replaces its query. */
  save(name: string, query: string): Promise<SavedSearch>;
  removeSaved(id: number): Promise<void>;
}

export interface TagStore {
  list(): Promise<TagRecord[]>;
  create(name: string, color: string | null): Promise<TagRecord>;
  rename(tag: TagRef, name: string): Promise<TagRecord>;
  merge(from: TagRef[], into: TagRef): Promise<TagRecord>;
  setColor(tag: TagRef, color: string | null): Promise<TagRecord>;
  delete(tag: TagRef): Promise<void>;
  /** Tags the articles as a person would; a tag named but not there yet is created. */
  apply(tag: TagRef, target: ArticleTarget): Promise<{ tag: string; matched: number; applied: number }>;
  remove(tag: TagRef, target: ArticleTarget): Promise<{ tag: string; removed: number }>;
  /** The article's tag names; undefined when there is no such article. */
  ofArticle(articleId: number): Promise<string[] | undefined>;
}

export interface RuleStore {
  list(): Promise<RuleRecord[]>;
  /** Adds a rule; a tag named but not there yet is created. */
  add(query: string, tag: TagRef, feedIds: number[] | null): Promise<RuleRecord>;
  /** Deletes the rule and the tags it applied (a person's stay); returns how many articles lost the tag. */
  remove(id: number): Promise<{ untagged: number }>;
  /** Runs one rule (or every rule) over the stored articles. */
  apply(id: number | null, onProgress: (p: ApplyProgress) => void): Promise<ApplyResult>;
}

export interface LabelStore {
  /** Every label of the article and the text their offsets refer to; undefined when there is no such article. */
  forArticle(articleId: number): Promise<{ text: string; labels: LabelRecord[] } | undefined>;
  /** Undefined when there is no such label. A rejection keeps its reason (default 'other') and note. */
  review(id: number, review: LabelRecord['review'], why?: { reason?: RejectReason | undefined; note?: string | undefined }): Promise<LabelRecord | undefined>;
  /** An analyst's label, confirmed by definition; undefined when there is no such article. */
  addManual(label: ManualLabel, now: string): Promise<LabelRecord | undefined>;
  flagCounts(filter: FlagFilter): Promise<FlagCount[]>;
  /** The analyst's entity aliases, layered on the shipped alias table. */
  aliases(): Promise<EntityAlias[]>;
  /** Adds (or re-points) an alias and re-canonicalises the stored labels in the same transaction. */
  addAlias(alias: { alias: string; canonical: string; lang: string | null }, now: string): Promise<{ alias: EntityAlias; relabelled: number }>;
  /** Undefined when there is no such alias. */
  removeAlias(id: number): Promise<{ relabelled: number } | undefined>;
  /** The analyst's verdicts on detections, counted by rule, language and reason. */
  reviewCounts(): Promise<ReviewCount[]>;
}

export interface OutletStore {
  /** The registry as this library sees it: the shipped entries with the analyst's overrides. */
  registry(): Promise<OutletRegistry>;
  saveOverride(override: Omit<OutletOverride, 'updatedAt'>, now: string): Promise<void>;
  /** Forgets the analyst's entry of that name; false when there was none. */
  deleteOverride(name: string): Promise<boolean>;
}

export interface EvidenceStore {
  /** Every version of the article, oldest first; undefined when there is no such article. */
  versions(articleId: number): Promise<ArticleVersionRecord[] | undefined>;
  /** Articles first seen since `since` (ISO instant), or only article `id`, not yet found deleted. */
  recheckTargets(since: string, id: number | null): Promise<RecheckTarget[]>;
  recordRecheck(articleId: number, outcome: RecheckOutcome): Promise<void>;
  /** Every article's id (null) or a query's matches, newest first: what an evidence export walks. */
  articleIds(query: string | null): Promise<number[]>;
  /** One article's evidence with the bytes of its captures; undefined when there is no such article. */
  dossier(articleId: number): Promise<ArticleDossier | undefined>;
  /** Retention (store/RETENTION.md): counts, and unless `dryRun` removes, the unprotected articles dated before
   * `cutoff` (ISO instant) with their versions, labels, pages and raw bytes. */
  prune(cutoff: string, dryRun: boolean): Promise<{ candidates: number; pruned: number }>;
}

export interface Store {
  readonly evidence: EvidenceStore;
  readonly feeds: FeedStore;
  readonly folders: FolderStore;
  readonly articles: ArticleStore;
  readonly pages: PageStore;
  readonly search: SearchStore;
  readonly tags: TagStore;
  readonly rules: RuleStore;
  readonly labels: LabelStore;
  readonly outlets: OutletStore;
  /**
   * Changes other clients of a shared library made (tags, reviews, marks, articles, feeds), as they commit; returns
   * the function that stops listening. A library only this process writes (SQLite) reports none.
   */
  watch(listener: (change: LibraryChange) => void): () => void;
  /** The library's schema version. */
  schemaVersion(): Promise<number>;
  /** A consistent copy of the library in a new file (SQLite) or wherever the engine keeps copies. */
  backup(file: string): Promise<BackupResult>;
  close(): Promise<void>;
}

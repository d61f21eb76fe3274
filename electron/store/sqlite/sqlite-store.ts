// The Store of store/store.ts on one SQLite file, through better-sqlite3. The repositories beside this file stay
// synchronous (better-sqlite3 is, and a transaction cannot span an await); this class gives them the async,
// one-method-one-transaction shape every caller uses. Where a method makes several writes it runs them in one
// db.transaction().
import type { Db } from './db.ts';
import { openLibrary } from './db.ts';
import { schemaVersion } from './migrate.ts';
import { backupLibrary } from './backup.ts';
import {
  addSubscription, addSubscriptions, changeFeed, deleteFeed, findFeedByUrl, getFeedRecord, listFeedRecords, listStoredFeeds,
  updateFeedState,
} from './feeds.ts';
import { listFolders } from './folders.ts';
import { logFetch } from './fetch-log.ts';
import { ingestFeed, enrichArticle, inWriteOf, planIngest } from './ingest.ts';
import { articleExists, countFlagged } from './articles.ts';
import { getArticle, listArticles, markAllRead, markArticles, sidebarCounts } from './reader.ts';
import { articlesWithoutPage, dueFullTextRetries, fullTextState, fullTextTargets, getPage, insertPage, pagesOf, recentFeedHtml, storedFullText, storeFullText,
  storeFullTextState } from './pages.ts';
import { insertCapture } from './captures.ts';
import { recordVersion, versionsOf } from './versions.ts';
import { recheckTargets, recordRecheck } from './recheck.ts';
import { search } from './search/search.ts';
import { volume } from './search/volume.ts';
import { exportRows, matchingIds } from './search/export.ts';
import { articleDossier } from './dossier.ts';
import { dropUnusedFeedCapture, pruneArticles } from './prune.ts';
import { listSavedSearches, removeSavedSearch, saveSearch } from './saved-searches.ts';
import {
  applyTag, articleTags, createTag, deleteTag, ensureTag, getTag, listTags, mergeTags, removeTag, renameTag, setTagColor, targetArticles,
} from './tags.ts';
import { addRule, getRule, listRules } from './rules.ts';
import { applyRules, removeRule } from './auto-tag.ts';
import { addManualLabel, articleText, flagCounts, getLabel, labelsForArticle, reviewCounts, setLabelReview } from './labels.ts';
import { addAlias, listAliases, removeAlias } from './entity-aliases.ts';
import { deleteOutletOverride, forgetRegistry, registryFor, storedOutlets, reresolveOutlets, upsertOutletOverride } from './outlets.ts';
import type {
  ArticleStore, EvidenceStore, FeedStore, FolderStore, LabelStore, OutletStore, PageStore, RuleStore, SearchStore, Store, TagStore,
} from '../store.ts';
import type { ExportRow, PageRecord } from '../records.ts';
import type { OutletSource } from './search/search.ts';

export class SqliteStore implements Store {
  /** The connection, for tests that check the file itself and for the engine's maintenance; callers use the methods. */
  readonly db: Db;
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

  /** Opens (creating if needed) the library in `dataDir` and brings its schema up to date. */
  static open(dataDir: string): SqliteStore {
    return new SqliteStore(openLibrary(dataDir));
  }

  constructor(db: Db) {
    this.db = db;
    const tx = <T>(fn: () => T): T => db.transaction(fn)();
    // outlet: and country: read the outlet each article was given at ingest.
    // Read per call: an edit of the registry replaces the library's registry.
    const outletOf = (): OutletSource => storedOutlets(db);

    this.feeds = {
      list: async () => listFeedRecords(db),
      get: async (id) => getFeedRecord(db, id),
      stored: async (ids) => listStoredFeeds(db, ids),
      findByUrl: async (url) => findFeedByUrl(db, url),
      add: async (feed) => addSubscription(db, feed),
      addMany: async (feeds) => addSubscriptions(db, feeds),
      update: async (id, settings) => changeFeed(db, id, settings),
      remove: async (id) => tx(() => {
        const record = getFeedRecord(db, id);
        if (record) deleteFeed(db, id);
        return record;
      }),
      recordFetch: async (feedId, state, log) => tx(() => {
        updateFeedState(db, feedId, state);
        logFetch(db, log);
      }),
      recordPoll: async (feedId, poll) => {
        // The items' work is computed before the transaction; the transaction only writes.
        const write = planIngest(db, feedId, poll.feed, poll.ingest);
        return inWriteOf(db, write, () => tx(() => {
          const captureId = poll.capture ? insertCapture(db, { kind: 'feed', feedId }, poll.capture) : null;
          const result = write(captureId);
          if (captureId !== null) dropUnusedFeedCapture(db, captureId);
          // Items left for the next poll: keep no validators, so that the next poll gets the whole feed again.
          const deferred = result.deferred > 0;
          updateFeedState(db, feedId, deferred ? { ...poll.state, etag: null, lastModified: null } : poll.state);
          const note = deferred ? `${result.deferred} items left for the next poll.` : null;
          logFetch(db, {
            ...poll.log, newCount: result.newIds.length, updatedCount: result.updatedIds.length,
            error: [poll.log.error, note, ...result.warnings].filter(Boolean).join(' ') || null,
          });
          return result;
        }));
      },
      // One process writes an SQLite library, and its PollLock already runs one poll at a time.
      claim: async () => ({ release: async () => undefined }),
    };

    this.folders = { list: async () => listFolders(db) };

    this.evidence = {
      versions: async (articleId) => versionsOf(db, articleId),
      recheckTargets: async (since, id) => recheckTargets(db, since, id),
      recordRecheck: async (articleId, outcome) => tx(() => recordRecheck(db, articleId, outcome)),
      articleIds: async (query) => matchingIds(db, query, outletOf()).ids,
      dossier: async (articleId) => tx(() => articleDossier(db, articleId)),
      prune: async (cutoff, dryRun) => tx(() => pruneArticles(db, cutoff, dryRun)),
    };

    this.articles = {
      ingest: async (feedId, feed, options) => ingestFeed(db, feedId, feed, options),
      list: async (filter, offset, limit) => listArticles(db, filter, offset, limit),
      get: async (id) => getArticle(db, id),
      exists: async (id) => articleExists(db, id),
      mark: async (ids, marks) => markArticles(db, ids, marks),
      markAllRead: async (filter) => markAllRead(db, filter),
      sidebarCounts: async () => sidebarCounts(db),
      countFlagged: async (ids) => countFlagged(db, ids),
    };

    this.pages = {
      targets: async (ids) => fullTextTargets(db, ids),
      backlog: async (feedId, limit) => articlesWithoutPage(db, feedId, limit),
      recentFeedHtml: async (feedId, limit) => recentFeedHtml(db, feedId, limit),
      record: async (page, extracted, enrichers, state) => tx((): PageRecord => {
        const id = insertPage(db, page);
        if (state) storeFullTextState(db, state);
        const [article] = fullTextTargets(db, [page.articleId]);
        const captureId = page.capture && article ? insertCapture(db, { kind: page.captureKind ?? 'page', articleId: article.id }, page.capture) : null;
        if (extracted && article) {
          storeFullText(db, page.articleId, extracted.html, extracted.text, extracted.lang);
          // An enricher that fails loses only its own contribution; the text stays stored.
          enrichArticle(db, enrichers, { id: article.id, feedId: article.feedId, url: page.url, text: extracted.text, isNew: false }, [],
            () => recordVersion(db, article.id, 'page', page.fetchedAt, captureId));
        }
        return getPage(db, id) as PageRecord;
      }),
      list: async (articleId) => pagesOf(db, articleId),
      state: async (articleId) => fullTextState(db, articleId),
      dueRetries: async (feedId, now, limit) => dueFullTextRetries(db, feedId, now, limit),
      fullText: async (articleId) => storedFullText(db, articleId),
    };

    this.search = {
      query: async (q, options) => search(db, q, { ...options, outletOf: outletOf() }),
      volume: async (q, interval, split) => volume(db, q, interval, split, outletOf()),
      exportRows: (query) => asyncRows(() => exportRows(db, query, outletOf())),
      savedList: async () => listSavedSearches(db, outletOf()),
      save: async (name, query) => saveSearch(db, name, query, outletOf()),
      removeSaved: async (id) => removeSavedSearch(db, id),
    };

    this.tags = {
      list: async () => listTags(db),
      create: async (name, color) => createTag(db, name, color),
      rename: async (tag, name) => renameTag(db, tag, name),
      merge: async (from, into) => mergeTags(db, from, into),
      setColor: async (tag, color) => setTagColor(db, tag, color),
      delete: async (tag) => deleteTag(db, tag),
      apply: async (tag, target) => tx(() => {
        const ids = targetArticles(db, target, outletOf());
        const tagId = typeof tag === 'number' ? getTag(db, tag).id : ensureTag(db, tag);
        return { tag: getTag(db, tagId).name, matched: ids.length, applied: applyTag(db, tagId, ids, null) };
      }),
      remove: async (tag, target) => tx(() => {
        const found = getTag(db, tag);
        return { tag: found.name, removed: removeTag(db, found.id, targetArticles(db, target, outletOf())) };
      }),
      ofArticle: async (id) => (articleExists(db, id) ? articleTags(db, id) : undefined),
    };

    this.rules = {
      list: async () => listRules(db),
      add: async (query, tag, feedIds) => tx(() => getRule(db, addRule(db, query, typeof tag === 'number' ? tag : ensureTag(db, tag), feedIds).id)),
      remove: async (id) => removeRule(db, id, outletOf()),
      apply: async (id, onProgress) => applyRules(db, id, onProgress, outletOf()),
    };

    this.labels = {
      forArticle: async (articleId) => {
        const text = articleText(db, articleId);
        return text === undefined ? undefined : { text, labels: labelsForArticle(db, articleId) };
      },
      review: async (id, review, why) => (setLabelReview(db, id, review, why) ? getLabel(db, id) : undefined),
      addManual: async (label, now) => tx(() => (articleExists(db, label.articleId) ? addManualLabel(db, label, now) : undefined)),
      flagCounts: async (filter) => flagCounts(db, filter),
      aliases: async () => listAliases(db),
      addAlias: async (alias, now) => tx(() => addAlias(db, alias, now)),
      removeAlias: async (id) => tx(() => removeAlias(db, id)),
      reviewCounts: async () => reviewCounts(db),
    };

    // An edit of the registry and the stored outlets it changes are one transaction.
    const editRegistry = <T>(edit: () => T): T => tx(() => {
      const before = registryFor(db);
      const result = edit();
      forgetRegistry(db);
      reresolveOutlets(db, before);
      return result;
    });
    this.outlets = {
      registry: async () => registryFor(db),
      saveOverride: async (override, now) => editRegistry(() => upsertOutletOverride(db, override, now)),
      deleteOverride: async (name) => editRegistry(() => deleteOutletOverride(db, name)),
    };
  }

  /** No other client writes this library. */
  watch(): () => void {
    return () => undefined;
  }

  async schemaVersion(): Promise<number> {
    return schemaVersion(this.db);
  }

  backup(file: string): ReturnType<Store['backup']> {
    return backupLibrary(this.db, file);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** The synchronous export generator as an async one: its first step (parsing the query) runs on the first next(). */
async function* asyncRows(rows: () => Generator<ExportRow>): AsyncGenerator<ExportRow> {
  yield* rows();
}

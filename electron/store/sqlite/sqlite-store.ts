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
import { ingestFeed, enrichArticle } from './ingest.ts';
import { articleExists, countFlagged } from './articles.ts';
import { getArticle, listArticles, markAllRead, markArticles, sidebarCounts } from './reader.ts';
import { articlesWithoutPage, fullTextTargets, getPage, insertPage, pagesOf, recentFeedHtml, storedFullText, storeFullText } from './pages.ts';
import { search } from './search/search.ts';
import { volume } from './search/volume.ts';
import { exportRows } from './search/export.ts';
import { listSavedSearches, removeSavedSearch, saveSearch } from './saved-searches.ts';
import {
  applyTag, articleTags, createTag, deleteTag, ensureTag, getTag, listTags, mergeTags, removeTag, renameTag, setTagColor, targetArticles,
} from './tags.ts';
import { addRule, getRule, listRules } from './rules.ts';
import { applyRules, removeRule } from './auto-tag.ts';
import { addManualLabel, articleText, flagCounts, getLabel, labelsForArticle, reviewCounts, setLabelReview } from './labels.ts';
import { addAlias, listAliases, removeAlias } from './entity-aliases.ts';
import { deleteOutletOverride, forgetRegistry, outletResolver, registryFor, upsertOutletOverride } from './outlets.ts';
import type {
  ArticleStore, FeedStore, FolderStore, LabelStore, OutletStore, PageStore, RuleStore, SearchStore, Store, TagStore,
} from '../store.ts';
import type { ExportRow, PageRecord } from '../records.ts';

export class SqliteStore implements Store {
  /** The connection, for tests that check the file itself and for the engine's maintenance; callers use the methods. */
  readonly db: Db;
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
    const outletOf = (): ReturnType<typeof outletResolver> => outletResolver(db);

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
      recordPoll: async (feedId, poll) => tx(() => {
        const result = ingestFeed(db, feedId, poll.feed, poll.ingest);
        // Items left for the next poll: keep no validators, so that the next poll gets the whole feed again.
        const deferred = result.deferred > 0;
        updateFeedState(db, feedId, deferred ? { ...poll.state, etag: null, lastModified: null } : poll.state);
        const note = deferred ? `${result.deferred} items left for the next poll.` : null;
        logFetch(db, {
          ...poll.log, newCount: result.newIds.length, updatedCount: result.updatedIds.length,
          error: [poll.log.error, note, ...result.warnings].filter(Boolean).join(' ') || null,
        });
        return result;
      }),
    };

    this.folders = { list: async () => listFolders(db) };

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
      record: async (page, extracted, enrichers) => tx((): PageRecord => {
        const id = insertPage(db, page);
        const [article] = fullTextTargets(db, [page.articleId]);
        if (extracted && article) {
          storeFullText(db, page.articleId, extracted.html, extracted.text, extracted.lang);
          // An enricher that fails loses only its own contribution; the text stays stored.
          enrichArticle(db, enrichers, { id: article.id, feedId: article.feedId, url: page.url, text: extracted.text, isNew: false }, []);
        }
        return getPage(db, id) as PageRecord;
      }),
      list: async (articleId) => pagesOf(db, articleId),
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

    this.outlets = {
      registry: async () => registryFor(db),
      saveOverride: async (override, now) => {
        upsertOutletOverride(db, override, now);
        forgetRegistry(db);
      },
      deleteOverride: async (name) => {
        const deleted = deleteOutletOverride(db, name);
        forgetRegistry(db);
        return deleted;
      },
    };
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

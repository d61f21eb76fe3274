// The Store of store/store.ts on a team library in PostgreSQL, through node-postgres. Every method is one
// transaction on a pooled connection (transaction.ts: a lost connection fails the method with a clear error and
// leaves nothing half-written). The pool starts at once; the schema is migrated and the analyst registered on the
// first call, so that opening stays synchronous like the SQLite engine's and a refused schema (newer than this
// app) fails that first call with migrate.ts's sentence.
//
// Who: the analyst's name (settings, FOOTNOTE_ANALYST, else the OS user) is a row of `analyst`; read and starred
// state are theirs, tags, reviews, rules, outlets and saved searches are the team's and record who made them.
import type pg from 'pg';
import { libraryRegistry, outletOfArticle, type OutletRegistry } from '../../labels/outlets.ts';
import { LibraryError, type OutletResolver } from '../shared.ts';
import type {
  ArticleStore, EvidenceStore, FeedStore, FolderStore, LabelStore, OutletStore, PageStore, RuleStore, SearchStore, Store, TagStore,
} from '../store.ts';
import type { BackupResult, ExportRow, IngestResult, LibraryChange } from '../records.ts';
import { LiveLink, notifyChange } from './live.ts';
import { createPool, type TeamLibraryOptions } from './connection.ts';
import { DEFAULT_SCHEMA, migrate, schemaVersionOf } from './migrate.ts';
import { inTransaction } from './transaction.ts';
import {
  addSubscription, changeFeed, findFeedByUrl, getFeedRecord, listFeedRecords, listFolders, listStoredFeeds, logFetch, updateFeedState,
} from './feeds.ts';
import { enrichArticles, ingestFeed, reindex, type WriteContext } from './ingest.ts';
import { countFlagged, getArticle, listArticles, markAllRead, markArticles, sidebarCounts } from './reader.ts';
import {
  articlesWithoutPage, dueFullTextRetries, fullTextState, fullTextTargets, insertPage, pagesOf, recentFeedHtml, storedFullText, storeFullText,
  storeFullTextState,
} from './pages.ts';
import { dropUnusedFeedCapture, insertCapture } from './captures.ts';
import { recordVersion, versionsOf } from './versions.ts';
import { articleDossier, pruneArticles, recheckTargets, recordRecheck } from './evidence.ts';
import { addAlias, listAliases, removeAlias } from './entity-aliases.ts';
import { backfillOutlets, reresolveOutlets } from './outlets.ts';
import { parseQuery } from '../../query/parser.ts';
import { searchPostgres } from './search.ts';
import { exportRows, matchingIds, volume } from './volume-export.ts';
import {
  addRule, applyRules, applyTag, articleTags, createTag, deleteTag, ensureTag, getRule, getTag, listRules, listTags, mergeTags, removeRule,
  removeTag, renameTag, setTagColor, targetArticles,
} from './tags.ts';
import { addManualLabel, articleText, backfillLabelEntities, flagCounts, getLabel, labelsForArticle, reviewCounts, setLabelReview } from './labels.ts';
import {
  deleteOutletOverride, listOutletOverrides, listSavedSearches, removeSavedSearch, saveSearch, upsertOutletOverride,
} from './library-extras.ts';

/** What a method changed, for the other clients: fixed, or read from its result (null: nothing). */
type Change<T> = LibraryChange['what'] | ((result: T) => LibraryChange['what'] | null);

export interface PostgresStoreOptions extends TeamLibraryOptions {
  /** The analyst this client acts for. */
  analyst: string;
}

export class PostgresStore implements Store {
  readonly pool: pg.Pool;
  readonly schema: string;
  readonly analyst: string;
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
  #ready: Promise<number> | null = null;
  #registry: OutletRegistry | null = null;
  readonly #live: LiveLink;
  #listening: Promise<void> = Promise.resolve();

  static open(options: PostgresStoreOptions): PostgresStore {
    return new PostgresStore(options);
  }

  constructor(options: PostgresStoreOptions) {
    this.schema = options.schema ?? DEFAULT_SCHEMA;
    this.analyst = options.analyst.trim() || 'analyst';
    this.pool = createPool(options);
    this.#live = new LiveLink({ connectionString: options.url, application_name: 'footnote' }, this.schema);
    const tx = <T>(what: string, work: (c: pg.PoolClient, analystId: number) => Promise<T>, change?: Change<T>): Promise<T> =>
      this.#transaction(what, work, change);
    const write = <T>(what: string, work: (w: WriteContext) => Promise<T>, change?: Change<T>): Promise<T> =>
      tx(what, async (c, analystId) => work({ c, analystId, registry: await this.#registryOn(c) }), change);
    const articlesChanged = (r: IngestResult): LibraryChange['what'] | null => (r.newIds.length + r.updatedIds.length > 0 ? 'articles' : null);

    this.feeds = {
      list: () => tx('listing feeds', (c, a) => listFeedRecords(c, a)),
      get: (id) => tx(`reading feed ${id}`, (c, a) => getFeedRecord(c, id, a)),
      stored: (ids) => tx('reading feeds', (c) => listStoredFeeds(c, ids)),
      findByUrl: (u) => tx(`looking up feed ${u}`, (c) => findFeedByUrl(c, u)),
      add: (feed) => tx(`adding feed ${feed.url}`, (c, a) => addSubscription(c, feed, a), 'feeds'),
      addMany: (feeds) => tx(`adding ${feeds.length} feeds`, async (c, a) => {
        let added = 0;
        for (const f of feeds) if ((await addSubscription(c, f, a)).added) added++;
        return added;
      }, 'feeds'),
      update: (id, settings) => tx(`changing feed ${id}`, async (c, a) => ((await changeFeed(c, id, settings)) ? getFeedRecord(c, id, a) : undefined), 'feeds'),
      remove: (id) => tx(`removing feed ${id}`, async (c, a) => {
        const record = await getFeedRecord(c, id, a);
        if (record) await c.query('DELETE FROM feed WHERE id = $1', [id]);
        return record;
      }, 'feeds'),
      recordFetch: (feedId, state, log) => tx(`recording the fetch of feed ${feedId}`, async (c, a) => {
        await this.#lockFeed(c, feedId);
        await updateFeedState(c, feedId, state);
        await logFetch(c, log, a);
      }),
      recordPoll: (feedId, poll) => write(`storing the poll of ${poll.log.url}`, async (w) => {
        // Two clients storing the same feed's poll at once take turns: the second sees the first one's articles.
        await this.#lockFeed(w.c, feedId);
        const captureId = poll.capture ? await insertCapture(w.c, { kind: 'feed', feedId }, poll.capture) : null;
        const result = await ingestFeed(w, feedId, poll.feed, { ...poll.ingest, captureId });
        if (captureId !== null) await dropUnusedFeedCapture(w.c, captureId);
        const deferred = result.deferred > 0;
        await updateFeedState(w.c, feedId, deferred ? { ...poll.state, etag: null, lastModified: null } : poll.state);
        const note = deferred ? `${result.deferred} items left for the next poll.` : null;
        await logFetch(w.c, {
          ...poll.log, newCount: result.newIds.length, updatedCount: result.updatedIds.length,
          error: [poll.log.error, note, ...result.warnings].filter(Boolean).join(' ') || null,
        }, w.analystId);
        return result;
      }, articlesChanged),
      claim: (feedId) => this.#live.claim(feedId),
    };

    this.evidence = {
      versions: (articleId) => tx(`reading the versions of article ${articleId}`, (c) => versionsOf(c, articleId)),
      recheckTargets: (since, id) => tx('choosing articles to re-check', (c) => recheckTargets(c, since, id)),
      recordRecheck: (articleId, outcome) => tx(`recording the re-check of article ${articleId}`, (c) => recordRecheck(c, articleId, outcome),
        outcome.state === 'deleted' ? 'articles' : undefined),
      articleIds: (query) => tx('choosing articles to export', (c, a) => matchingIds(c, parseQuery(query ?? '').root, { analystId: a })),
      dossier: (articleId) => tx(`reading the evidence of article ${articleId}`, (c) => articleDossier(c, articleId)),
      prune: (cutoff, dryRun) => tx('pruning old articles', (c) => pruneArticles(c, cutoff, dryRun), (r) => (r.pruned > 0 ? 'articles' : null)),
    };
    this.folders = { list: () => tx('listing folders', (c) => listFolders(c)) };

    this.articles = {
      ingest: (feedId, feed, options) => write(`storing the items of feed ${feedId}`, (w) => ingestFeed(w, feedId, feed, options), articlesChanged),
      list: (filter, offset, limit) => tx('listing articles', (c, a) => listArticles(c, a, filter, offset, limit)),
      get: (id) => tx(`reading article ${id}`, async (c, a) => getArticle(c, a, id, await this.#registryOn(c))),
      exists: (id) => tx(`reading article ${id}`, async (c) => ((await c.query('SELECT 1 FROM article WHERE id = $1', [id])).rowCount ?? 0) > 0),
      mark: (ids, marks) => tx('marking articles', (c, a) => markArticles(c, a, ids, marks), 'marks'),
      markAllRead: (filter) => tx('marking articles read', (c, a) => markAllRead(c, a, filter), 'marks'),
      sidebarCounts: () => tx('counting articles', (c, a) => sidebarCounts(c, a)),
      countFlagged: (ids) => tx('counting flagged articles', (c) => countFlagged(c, ids)),
    };

    this.pages = {
      targets: (ids) => tx('reading articles', (c) => fullTextTargets(c, ids)),
      backlog: (feedId, limit) => tx(`reading feed ${feedId}`, (c) => articlesWithoutPage(c, feedId, limit)),
      recentFeedHtml: (feedId, limit) => tx(`reading feed ${feedId}`, (c) => recentFeedHtml(c, feedId, limit)),
      record: (page, extracted, enrichers, state) => write(`storing the page of article ${page.articleId}`, async (w) => {
        const stored = await insertPage(w.c, page);
        if (state) await storeFullTextState(w.c, state);
        const [article] = await fullTextTargets(w.c, [page.articleId]);
        const captureId = page.capture && article ? await insertCapture(w.c, { kind: page.captureKind ?? 'page', articleId: article.id }, page.capture) : null;
        if (extracted && article) {
          await storeFullText(w.c, page.articleId, extracted.html, extracted.text, extracted.lang);
          await reindex(w.c, page.articleId);
          await enrichArticles(w, enrichers, [{ id: article.id, feedId: article.feedId, url: page.url, text: extracted.text, isNew: false }], [],
            () => recordVersion(w.c, article.id, 'page', page.fetchedAt, captureId).then(() => undefined));
        }
        return stored;
      }, 'articles'),
      list: (articleId) => tx(`reading article ${articleId}`, (c) => pagesOf(c, articleId)),
      fullText: (articleId) => tx(`reading article ${articleId}`, (c) => storedFullText(c, articleId)),
      state: (articleId) => tx(`reading article ${articleId}`, (c) => fullTextState(c, articleId)),
      dueRetries: (feedId, now, limit) => tx(`reading feed ${feedId}`, (c) => dueFullTextRetries(c, feedId, now, limit)),
    };

    this.search = {
      query: (q, options) => tx('searching', (c, a) => searchPostgres(c, q, { analystId: a }, options)),
      volume: (q, interval, split) => tx('counting matches', async (c, a) => volume(c, q, interval, split, { analystId: a }, this.#resolver(await this.#registryOn(c)))),
      exportRows: (query) => this.#exportRows(query),
      savedList: () => tx('listing saved searches', (c, a) => listSavedSearches(c, a)),
      save: (name, query) => tx(`saving search ${name}`, (c, a) => saveSearch(c, name, query, a), 'searches'),
      removeSaved: (id) => tx(`removing saved search ${id}`, (c) => removeSavedSearch(c, id), 'searches'),
    };

    this.tags = {
      list: () => tx('listing tags', (c) => listTags(c)),
      create: (name, color) => tx(`creating tag ${name}`, (c, a) => createTag({ c, analystId: a }, name, color), 'tags'),
      rename: (tag, name) => tx(`renaming tag ${tag}`, (c) => renameTag(c, tag, name), 'tags'),
      merge: (from, into) => tx(`merging tags into ${into}`, (c) => mergeTags(c, from, into), 'tags'),
      setColor: (tag, color) => tx(`colouring tag ${tag}`, (c) => setTagColor(c, tag, color), 'tags'),
      delete: (tag) => tx(`deleting tag ${tag}`, (c) => deleteTag(c, tag), 'tags'),
      apply: (tag, target) => tx(`applying tag ${tag}`, async (c, a) => {
        const t = { c, analystId: a };
        const ids = await targetArticles(t, target);
        const tagId = await ensureTag(t, tag);
        return { tag: (await getTag(c, tagId)).name, matched: ids.length, applied: await applyTag(t, tagId, ids, null) };
      }, 'tags'),
      remove: (tag, target) => tx(`removing tag ${tag}`, async (c, a) => {
        const found = await getTag(c, tag);
        return { tag: found.name, removed: await removeTag(c, found.id, await targetArticles({ c, analystId: a }, target)) };
      }, 'tags'),
      ofArticle: (id) => tx(`reading article ${id}`, async (c) => (((await c.query('SELECT 1 FROM article WHERE id = $1', [id])).rowCount ?? 0) > 0 ? articleTags(c, id) : undefined)),
    };

    this.rules = {
      list: () => tx('listing rules', (c) => listRules(c)),
      add: (query, tag, feedIds) => tx('adding a rule', (c, a) => addRule({ c, analystId: a }, query, tag, feedIds), 'rules'),
      remove: (id) => tx(`removing rule ${id}`, (c, a) => removeRule({ c, analystId: a }, id), 'rules'),
      apply: (id, onProgress) => tx(id === null ? 'applying the rules' : `applying rule ${id}`, async (c, a) => {
        if (id !== null) await getRule(c, id);
        return applyRules({ c, analystId: a }, id, onProgress);
      }, 'tags'),
    };

    this.labels = {
      forArticle: (articleId) => tx(`reading the labels of article ${articleId}`, async (c) => {
        const text = await articleText(c, articleId);
        return text === undefined ? undefined : { text, labels: await labelsForArticle(c, articleId) };
      }),
      review: (id, review, why) => tx(`reviewing label ${id}`, async (c, a) => ((await setLabelReview(c, id, review, a, why)) ? getLabel(c, id) : undefined), 'labels'),
      addManual: (label, now) => tx(`labelling article ${label.articleId}`, async (c, a) =>
        (((await c.query('SELECT 1 FROM article WHERE id = $1', [label.articleId])).rowCount ?? 0) > 0 ? addManualLabel(c, label, now, a) : undefined), 'labels'),
      flagCounts: (filter) => tx('counting labels', (c) => flagCounts(c, filter)),
      aliases: () => tx('listing entity aliases', (c) => listAliases(c)),
      addAlias: (alias, now) => tx(`adding the alias ${alias.alias}`, (c, a) => addAlias(c, alias, now, a), 'labels'),
      removeAlias: (id) => tx(`removing alias ${id}`, (c) => removeAlias(c, id), (r) => (r ? 'labels' : null)),
      reviewCounts: () => tx('counting label reviews', (c) => reviewCounts(c)),
    };

    this.outlets = {
      registry: () => tx('reading the outlet registry', (c) => this.#registryOn(c)),
      // An edit of the registry and the stored outlets it changes are one transaction.
      saveOverride: (override, now) => tx(`saving outlet ${override.name}`, (c, a) => this.#editRegistry(c, () => upsertOutletOverride(c, override, now, a)), 'outlets'),
      deleteOverride: (name) => tx(`removing outlet ${name}`, (c) => this.#editRegistry(c, () => deleteOutletOverride(c, name)), 'outlets'),
    };
  }

  /** Migrates and registers the analyst once; the analyst's id. A failure is retried on the next call. */
  #analystId(): Promise<number> {
    this.#ready ??= (async () => {
      const client = await this.pool.connect();
      try {
        const migrated = await migrate(client, this.schema);
        const r = await client.query<{ id: number }>(`INSERT INTO ${this.schema}.analyst (name) VALUES ($1)
          ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id`, [this.analyst]);
        // Articles and labels stored before migration 4 get the outlet a badge shows and their canonical names and
        // rules: the registry and the detector are the app's, not SQL.
        if (migrated.from > 0 && migrated.from < 4) {
          await inTransaction(this.pool, 'filling in outlets and canonical names stored before migration 4', async (c) => {
            await backfillOutlets(c, libraryRegistry(await listOutletOverrides(c)));
            await backfillLabelEntities(c);
          });
        }
        return r.rows[0]?.id as number;
      } finally {
        client.release();
      }
    })().catch((err: unknown) => {
      this.#ready = null;
      throw err;
    });
    return this.#ready;
  }

  /** One method's transaction; what it changed is announced to the other clients when it commits. */
  async #transaction<T>(what: string, work: (c: pg.PoolClient, analystId: number) => Promise<T>, change?: Change<T>): Promise<T> {
    const analystId = await this.#analystId();
    return inTransaction(this.pool, what, async (c) => {
      const result = await work(c, analystId);
      const changed = typeof change === 'function' ? change(result) : change;
      if (changed) await notifyChange(c, this.schema, { what: changed, by: this.analyst }, this.#live.sender);
      return result;
    });
  }

  watch(listener: (change: LibraryChange) => void): () => void {
    const { ready, stop } = this.#live.watch(listener);
    // A server out of reach fails the methods with a clear error; here it only means no live updates yet.
    ready.catch(() => undefined);
    this.#listening = ready;
    return stop;
  }

  /** Settles once the listener of watch() receives what other clients commit from now on. */
  async listening(): Promise<void> {
    await this.#listening;
  }

  /** The poll lock of one feed for the rest of the transaction, keyed by schema so libraries never share one. */
  async #lockFeed(c: pg.ClientBase, feedId: number): Promise<void> {
    await c.query("SELECT pg_advisory_xact_lock(hashtextextended('footnote.poll.' || $1, $2))", [this.schema, feedId]);
  }

  async #editRegistry<T>(c: pg.ClientBase, edit: () => Promise<T>): Promise<T> {
    const before = await this.#registryOn(c);
    const result = await edit();
    this.#registry = null;
    await reresolveOutlets(c, before, await this.#registryOn(c));
    return result;
  }

  async #registryOn(c: pg.ClientBase): Promise<OutletRegistry> {
    this.#registry ??= libraryRegistry(await listOutletOverrides(c));
    return this.#registry;
  }

  #resolver(registry: OutletRegistry): OutletResolver {
    return (urls) => outletOfArticle(registry, urls);
  }

  async *#exportRows(query: string | null): AsyncGenerator<ExportRow> {
    yield* exportRows(this.pool, query, { analystId: await this.#analystId() });
  }

  async schemaVersion(): Promise<number> {
    await this.#analystId();
    const client = await this.pool.connect();
    try {
      return await schemaVersionOf(client, this.schema);
    } finally {
      client.release();
    }
  }

  async backup(): Promise<BackupResult> {
    throw new LibraryError('A team library is backed up on its server (pg_dump, or the server\'s own backups), not by Footnote: ask whoever runs the PostgreSQL server.');
  }

  async close(): Promise<void> {
    await this.#live.close();
    await this.pool.end();
  }
}

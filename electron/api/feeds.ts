// Methods about subscriptions: list, add (with discovery), update, remove, poll; folders; OPML.
import { z } from 'zod';
import { ApiError, method, type ApiContext } from './define.ts';
import type { FeedRecord } from '../model.ts';
import { deleteFeed, getFeedRecord, getStoredFeed, listFeedRecords, updateFeedSettings } from '../store/sqlite/feeds.ts';
import { ensureFolder, listFolders } from '../store/sqlite/folders.ts';
import { discoverFeeds } from '../feeds/discover.ts';
import { typedToUrl } from '../feeds/subscribe.ts';
import { addFeed, exportOpml, importOpml } from './subscribe.ts';
import { pollFeeds, type PollSummary } from '../poll/poller.ts';
import { parseInWorker } from '../feeds/parse-in-worker.ts';

const id = z.number().int().positive();

function feedRecord(ctx: ApiContext, feedId: number): FeedRecord {
  const record = getFeedRecord(ctx.db, feedId);
  if (!record) throw new ApiError('not_found', `There is no feed ${feedId}; "footnote feeds" lists them.`);
  return record;
}

/** One poll at a time per library connection; its AbortController lets the app cancel it. */
const runningPolls = new WeakMap<ApiContext, AbortController>();

export const feedsApi = {
  'feeds.list': method(z.object({}).strict(), (ctx): FeedRecord[] => listFeedRecords(ctx.db)),

  'feeds.add': method(z.object({ url: z.string().min(1), folder: z.string().trim().min(1).nullish() }).strict(), async (ctx, a) => {
    const { feedId, candidates } = await addFeed(ctx.db, a.url, {
      folder: a.folder ?? null, intervalMinutes: ctx.settings.get('refreshMinutes'), discover: { parse: parseInWorker },
    });
    ctx.events.emit({ type: 'feeds-changed' });
    return { feed: feedRecord(ctx, feedId), candidates };
  }),

  'feeds.discover': method(z.object({ url: z.string().min(1) }).strict(), async (_ctx, a) => {
    const { candidates } = await discoverFeeds(typedToUrl(a.url), { parse: parseInWorker });
    return { candidates };
  }),

  'feeds.update': method(z.object({
    id,
    title: z.string().trim().min(1).nullish(),
    folder: z.string().trim().min(1).nullish(),
    intervalMinutes: z.number().int().min(5).max(7 * 24 * 60).optional(),
    fullText: z.boolean().nullable().optional(),
  }).strict(), (ctx, a): FeedRecord => {
    if (!getStoredFeed(ctx.db, a.id)) throw new ApiError('not_found', `There is no feed ${a.id}; "footnote feeds" lists them.`);
    ctx.db.transaction(() => {
      const folderId = a.folder === undefined ? undefined : a.folder === null ? null : ensureFolder(ctx.db, a.folder);
      updateFeedSettings(ctx.db, a.id, { title: a.title, folderId, intervalMinutes: a.intervalMinutes, fullText: a.fullText });
    })();
    ctx.events.emit({ type: 'feeds-changed' });
    return feedRecord(ctx, a.id);
  }),

  'feeds.remove': method(z.object({ id }).strict(), (ctx, a) => {
    const record = feedRecord(ctx, a.id);
    deleteFeed(ctx.db, a.id);
    ctx.events.emit({ type: 'feeds-changed' });
    return { removed: record };
  }),

  'feeds.poll': method(z.object({ ids: z.array(id).optional(), due: z.boolean().optional() }).strict(), async (ctx, a): Promise<PollSummary> => {
    if (runningPolls.has(ctx)) throw new ApiError('conflict', 'A poll is already running; wait for it to finish or cancel it.');
    const controller = new AbortController();
    runningPolls.set(ctx, controller);
    try {
      // Parsing on a worker thread: in the app, a 5 MB feed never blocks the window's main process.
      return await pollFeeds(ctx.db, { ids: a.ids, due: a.due, signal: controller.signal, parse: parseInWorker, emit: (e) => ctx.events.emit(e) });
    } finally {
      runningPolls.delete(ctx);
    }
  }),

  'feeds.cancelPoll': method(z.object({}).strict(), (ctx) => {
    const controller = runningPolls.get(ctx);
    controller?.abort();
    return { cancelled: controller !== undefined };
  }),

  'folders.list': method(z.object({}).strict(), (ctx) => listFolders(ctx.db)),

  'opml.import': method(z.object({ xml: z.string() }).strict(), (ctx, a) => {
    const result = importOpml(ctx.db, a.xml, { intervalMinutes: ctx.settings.get('refreshMinutes') });
    ctx.events.emit({ type: 'feeds-changed' });
    return result;
  }),

  'opml.export': method(z.object({}).strict(), (ctx) => ({ xml: exportOpml(ctx.db) })),
};

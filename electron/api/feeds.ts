// Methods about subscriptions: list, add (with discovery), update, remove, poll; folders; OPML.
import { z } from 'zod';
import { ApiError, method, type ApiContext } from './define.ts';
import type { FeedRecord } from '../model.ts';
import { typedToUrl } from '../feeds/subscribe.ts';
import { parseForIngestInWorker, parseInWorker, startParseWorker } from '../poll/parse-in-worker.ts';
import { addFeed, discoverForAdd, exportOpml, importOpml } from './subscribe.ts';
import { pollFeeds, type PollSummary } from '../poll/poller.ts';
import { captureSetting } from '../settings.ts';

const id = z.number().int().positive();

function noFeed(feedId: number): ApiError {
  return new ApiError('not_found', `There is no feed ${feedId}; "footnote feeds" lists them.`);
}

async function feedRecord(ctx: ApiContext, feedId: number): Promise<FeedRecord> {
  const record = await ctx.store.feeds.get(feedId);
  if (!record) throw noFeed(feedId);
  return record;
}

export const feedsApi = {
  'feeds.list': method(z.object({}).strict(), (ctx): Promise<FeedRecord[]> => ctx.store.feeds.list()),

  'feeds.add': method(z.object({ url: z.string().min(1), folder: z.string().trim().min(1).nullish() }).strict(), async (ctx, a) => {
    const { feedId, candidates } = await addFeed(ctx.store, a.url, {
      folder: a.folder ?? null, intervalMinutes: ctx.settings.get('refreshMinutes'), discover: { parse: parseInWorker },
    });
    ctx.events.emit({ type: 'feeds-changed' });
    return { feed: await feedRecord(ctx, feedId), candidates };
  }),

  'feeds.discover': method(z.object({ url: z.string().min(1) }).strict(), async (_ctx, a) => {
    const { candidates } = await discoverForAdd(typedToUrl(a.url), { parse: parseInWorker });
    return { candidates };
  }),

  'feeds.update': method(z.object({
    id,
    title: z.string().trim().min(1).nullish(),
    folder: z.string().trim().min(1).nullish(),
    intervalMinutes: z.number().int().min(5).max(7 * 24 * 60).optional(),
    fullText: z.boolean().nullable().optional(),
  }).strict(), async (ctx, a): Promise<FeedRecord> => {
    const record = await ctx.store.feeds.update(a.id, { title: a.title, folder: a.folder, intervalMinutes: a.intervalMinutes, fullText: a.fullText });
    if (!record) throw noFeed(a.id);
    ctx.events.emit({ type: 'feeds-changed' });
    return record;
  }),

  'feeds.remove': method(z.object({ id }).strict(), async (ctx, a) => {
    const removed = await ctx.store.feeds.remove(a.id);
    if (!removed) throw noFeed(a.id);
    ctx.events.emit({ type: 'feeds-changed' });
    return { removed };
  }),

  'feeds.poll': method(z.object({ ids: z.array(id).optional(), due: z.boolean().optional() }).strict(), async (ctx, a): Promise<PollSummary> => {
    const controller = ctx.polls.acquire();
    if (!controller) throw new ApiError('conflict', 'A poll is already running; wait for it to finish or cancel it.');
    try {
      // Parsing on a worker thread: in the app, a 5 MB feed never blocks the window's main process.
      return await pollFeeds(ctx.store, {
        ids: a.ids, due: a.due, signal: controller.signal, parse: parseForIngestInWorker, startParser: startParseWorker, enrichers: ctx.enrichers, emit: (e) => ctx.events.emit(e),
        capture: captureSetting(ctx.settings),
      });
    } finally {
      ctx.polls.release(controller);
    }
  }),

  'feeds.cancelPoll': method(z.object({}).strict(), (ctx) => ({ cancelled: ctx.polls.cancel() })),

  'folders.list': method(z.object({}).strict(), (ctx) => ctx.store.folders.list()),

  'opml.import': method(z.object({ xml: z.string() }).strict(), async (ctx, a) => {
    const result = await importOpml(ctx.store, a.xml, { intervalMinutes: ctx.settings.get('refreshMinutes') });
    ctx.events.emit({ type: 'feeds-changed' });
    return result;
  }),

  'opml.export': method(z.object({}).strict(), async (ctx) => ({ xml: await exportOpml(ctx.store) })),
};

// The reader's methods: windows of the article list, one article, read/star marks, mark-all and sidebar counts.
import { z } from 'zod';
import { ApiError, method } from './define.ts';

const view = z.enum(['all', 'unread', 'starred', 'flagged']);
const id = z.number().int().positive();
const filter = {
  view,
  feedId: id.optional(),
  folder: z.string().min(1).max(500).optional(),
  tag: z.string().min(1).max(500).optional(),
};

export const readerApi = {
  'articles.list': method(
    z.object({ ...filter, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) }).strict(),
    (ctx, { offset, limit, ...f }) => ctx.store.articles.list(f, offset, limit),
  ),
  'articles.get': method(z.object({ id }).strict(), async (ctx, { id: articleId }) => {
    const article = await ctx.store.articles.get(articleId);
    if (!article) throw new ApiError('not_found', `Article ${articleId} does not exist (it may have been removed with its feed).`);
    return article;
  }),
  'articles.mark': method(
    z.object({ ids: z.array(id).min(1).max(100_000), read: z.boolean().optional(), starred: z.boolean().optional() }).strict()
      .refine((a) => a.read !== undefined || a.starred !== undefined, { message: 'say read and/or starred' }),
    async (ctx, { ids, read, starred }) => {
      const changed = await ctx.store.articles.mark(ids, { read, starred });
      if (changed === 0 && ids.length === 1 && !(await ctx.store.articles.exists(ids[0] as number))) {
        throw new ApiError('not_found', `Article ${ids[0]} does not exist.`);
      }
      return { changed };
    },
  ),
  'articles.markAll': method(z.object(filter).strict(), async (ctx, f) => ({ changed: await ctx.store.articles.markAllRead(f) })),
  'sidebar.counts': method(z.object({}).strict(), (ctx) => ctx.store.articles.sidebarCounts()),
};

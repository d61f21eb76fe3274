// The reader's methods: windows of the article list, one article, read/star marks, mark-all and sidebar counts.
import { z } from 'zod';
import { ApiError, method } from './define.ts';
import { getArticle, listArticles, markAllRead, markArticles, sidebarCounts } from '../store/sqlite/reader.ts';
import { articleExists } from '../store/sqlite/articles.ts';

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
    (ctx, { offset, limit, ...f }) => listArticles(ctx.db, f, offset, limit),
  ),
  'articles.get': method(z.object({ id }).strict(), (ctx, { id: articleId }) => {
    const article = getArticle(ctx.db, articleId);
    if (!article) throw new ApiError('not_found', `Article ${articleId} does not exist (it may have been removed with its feed).`);
    return article;
  }),
  'articles.mark': method(
    z.object({ ids: z.array(id).min(1).max(100_000), read: z.boolean().optional(), starred: z.boolean().optional() }).strict()
      .refine((a) => a.read !== undefined || a.starred !== undefined, { message: 'say read and/or starred' }),
    (ctx, { ids, read, starred }) => {
      const changed = markArticles(ctx.db, ids, { read, starred });
      if (changed === 0 && ids.length === 1 && !articleExists(ctx.db, ids[0] as number)) {
        throw new ApiError('not_found', `Article ${ids[0]} does not exist.`);
      }
      return { changed };
    },
  ),
  'articles.markAll': method(z.object(filter).strict(), (ctx, f) => ({ changed: markAllRead(ctx.db, f) })),
  'sidebar.counts': method(z.object({}).strict(), (ctx) => sidebarCounts(ctx.db)),
};

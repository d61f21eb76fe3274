// Methods about an article's full text: fetch (or refresh) it now, and list the pages kept as evidence.
import { z } from 'zod';
import { ApiError, method, type ApiContext } from './define.ts';
import { refreshFullText } from '../poll/fulltext.ts';
import type { PageRecord } from '../store/records.ts';

const id = z.number().int().positive();

async function mustExist(ctx: ApiContext, articleId: number): Promise<void> {
  if (!(await ctx.store.articles.exists(articleId))) throw new ApiError('not_found', `There is no article ${articleId}.`);
}

export const fullTextApi = {
  /** Fetches the article's page now, whatever its feed's full-text setting; fails with the reason in words. */
  'articles.fullText': method(z.object({ id }).strict(), async (ctx, a): Promise<{ id: number; text: string; html: string; page: PageRecord }> => {
    await mustExist(ctx, a.id);
    const outcome = await refreshFullText(ctx.store, a.id, { enrichers: ctx.enrichers });
    if (outcome.error !== null || outcome.page === null) throw new ApiError('failed', outcome.error ?? `No page was fetched for article ${a.id}.`);
    const stored = await ctx.store.pages.fullText(a.id);
    return { id: a.id, text: stored?.text ?? '', html: stored?.html ?? '', page: outcome.page };
  }),

  /** Every fetch of the article's page, oldest first (the evidence: URL, time, status, SHA-256, errors). */
  'articles.pages': method(z.object({ id }).strict(), async (ctx, a): Promise<PageRecord[]> => {
    await mustExist(ctx, a.id);
    return ctx.store.pages.list(a.id);
  }),
};

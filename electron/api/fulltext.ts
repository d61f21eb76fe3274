// Methods about an article's full text: fetch (or refresh) it now, what happened the last time (saved / failed
// with the reason / blocked by a wall), try again by hand, and list the pages kept as evidence.
import { z } from 'zod';
import { ApiError, method, type ApiContext } from './define.ts';
import { refreshFullText } from '../poll/fulltext.ts';
import { captureSetting } from '../settings.ts';
import type { FullTextState, PageRecord } from '../store/records.ts';

const id = z.number().int().positive();

async function mustExist(ctx: ApiContext, articleId: number): Promise<void> {
  if (!(await ctx.store.articles.exists(articleId))) throw new ApiError('not_found', `There is no article ${articleId}.`);
}

export const fullTextApi = {
  /** Fetches the article's page now, whatever its feed's full-text setting; fails with the reason in words. */
  'articles.fullText': method(z.object({ id }).strict(), async (ctx, a): Promise<{ id: number; text: string; html: string; page: PageRecord }> => {
    await mustExist(ctx, a.id);
    const outcome = await refreshFullText(ctx.store, a.id, { enrichers: ctx.enrichers, capture: captureSetting(ctx.settings) });
    if (outcome.error !== null || outcome.page === null) throw new ApiError('unreachable', outcome.error ?? `No page was fetched for article ${a.id}: try again later.`);
    const stored = await ctx.store.pages.fullText(a.id);
    return { id: a.id, text: stored?.text ?? '', html: stored?.html ?? '', page: outcome.page };
  }),

  /** What happened the last time full text was tried for the article; null when it never was. */
  'articles.fullTextStatus': method(z.object({ id }).strict(), async (ctx, a): Promise<FullTextState | null> => {
    await mustExist(ctx, a.id);
    return (await ctx.store.pages.state(a.id)) ?? null;
  }),

  /** The user's "Retry": fetches the page now, whatever its feed's setting or the retry schedule, and answers
   * with the new outcome. A failure or a wall is an answer (status failed or blocked, the reason in words), not
   * an error; the poller's schedule starts from it. */
  'articles.retryFullText': method(z.object({ id }).strict(), async (ctx, a): Promise<FullTextState> => {
    await mustExist(ctx, a.id);
    const outcome = await refreshFullText(ctx.store, a.id, { enrichers: ctx.enrichers });
    if (outcome.state === null) throw new ApiError('failed', outcome.error ?? `Full text of article ${a.id} could not be tried: try again later.`);
    return outcome.state;
  }),

  /** Every fetch of the article's page, oldest first (the evidence: URL, time, status, SHA-256, errors). */
  'articles.pages': method(z.object({ id }).strict(), async (ctx, a): Promise<PageRecord[]> => {
    await mustExist(ctx, a.id);
    return ctx.store.pages.list(a.id);
  }),
};

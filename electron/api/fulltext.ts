// Methods about an article's full text: fetch (or refresh) it now, and list the pages kept as evidence.
import { z } from 'zod';
import { ApiError, method } from './define.ts';
import type { Db } from '../store/sqlite/db.ts';
import { refreshFullText } from '../poll/fulltext.ts';
import { pagesOf, storedFullText, type PageRecord } from '../store/sqlite/pages.ts';

const id = z.number().int().positive();

function mustExist(db: Db, articleId: number): void {
  if (!storedFullText(db, articleId)) throw new ApiError('not_found', `There is no article ${articleId}.`);
}

export const fullTextApi = {
  /** Fetches the article's page now, whatever its feed's full-text setting; fails with the reason in words. */
  'articles.fullText': method(z.object({ id }).strict(), async (ctx, a): Promise<{ id: number; text: string; html: string; page: PageRecord }> => {
    mustExist(ctx.db, a.id);
    const outcome = await refreshFullText(ctx.db, a.id);
    if (outcome.error !== null || outcome.page === null) throw new ApiError('failed', outcome.error ?? `No page was fetched for article ${a.id}.`);
    const stored = storedFullText(ctx.db, a.id);
    return { id: a.id, text: stored?.text ?? '', html: stored?.html ?? '', page: outcome.page };
  }),

  /** Every fetch of the article's page, oldest first (the evidence: URL, time, status, SHA-256, errors). */
  'articles.pages': method(z.object({ id }).strict(), (ctx, a): PageRecord[] => {
    mustExist(ctx.db, a.id);
    return pagesOf(ctx.db, a.id);
  }),
};

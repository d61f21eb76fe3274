// Evidence of edits and deletions (issue 13): an article's versions and the word diff between two of them.
import { z } from 'zod';
import { ApiError, method, type ApiContext } from './define.ts';
import { summariseVersion, type VersionSummary } from '../articles/versions.ts';
import { diffVersions, type VersionDiff } from '../articles/version-diff.ts';
import type { ArticleVersionRecord } from '../store/records.ts';
import { recheckArticles, type RecheckSummary } from '../poll/recheck.ts';
import { captureSetting } from '../settings.ts';
import { exportLibraryEvidence, type LibraryExportResult } from '../evidence/library-export.ts';
import { APP_VERSION } from '../version.ts';

const id = z.number().int().positive();
const n = z.number().int().positive();

async function versionsOf(ctx: ApiContext, articleId: number): Promise<ArticleVersionRecord[]> {
  const versions = await ctx.store.evidence.versions(articleId);
  if (!versions) throw new ApiError('not_found', `Article ${articleId} does not exist (it may have been removed with its feed).`);
  return versions;
}

export const evidenceApi = {
  /** The stored versions of one article, oldest first (the `versions` contract of DESIGN.md §2). */
  'articles.versions': method(z.object({ id }).strict(), async (ctx, a): Promise<VersionSummary[]> =>
    (await versionsOf(ctx, a.id)).map(summariseVersion)),

  /** Word diff of title and text and the label changes between two versions (default: the last two). */
  'articles.diff': method(z.object({ id, from: n.optional(), to: n.optional() }).strict(), async (ctx, a): Promise<VersionDiff> => {
    const versions = await versionsOf(ctx, a.id);
    const last = versions.length;
    const to = a.to ?? last;
    const from = a.from ?? Math.max(1, to - 1);
    const pick = (k: number): ArticleVersionRecord => {
      const v = versions.find((x) => x.n === k);
      if (!v) throw new ApiError('not_found', `Article ${a.id} has no version ${k}: it has ${last === 1 ? 'one version' : `versions 1 to ${last}`}.`);
      return v;
    };
    return diffVersions(pick(from), pick(to));
  }),

  /** Fetches recent articles' pages again (default: the recheckDays setting) to catch edits and deletions. Shares
   * the poll lock: a re-check and a poll never hammer one site together. */
  'articles.recheck': method(z.object({ days: z.number().int().min(1).max(3650).optional(), id: id.optional() }).strict(),
    async (ctx, a): Promise<RecheckSummary> => {
      if (a.id !== undefined && !(await ctx.store.articles.exists(a.id))) throw new ApiError('not_found', `There is no article ${a.id}.`);
      const controller = ctx.polls.acquire();
      if (!controller) throw new ApiError('conflict', 'A poll or re-check is already running; wait for it to finish or cancel it.');
      try {
        return await recheckArticles(ctx.store, {
          days: a.days ?? ctx.settings.get('recheckDays'), id: a.id ?? null, signal: controller.signal,
          capture: captureSetting(ctx.settings), enrichers: ctx.enrichers,
        });
      } finally {
        ctx.polls.release(controller);
      }
    }),

  /** Retention (store/RETENTION.md): prunes the unprotected articles older than `olderThanDays` (default: the
   * retentionDays setting; with neither, nothing) and says how many. A visible action, never run by polling. */
  'library.prune': method(z.object({ olderThanDays: z.number().int().min(1).max(36_500).optional(), dryRun: z.boolean().default(false) }).strict(),
    async (ctx, a): Promise<{ olderThanDays: number | null; candidates: number; pruned: number; dryRun: boolean }> => {
      const days = a.olderThanDays ?? ctx.settings.get('retentionDays');
      if (days === null) return { olderThanDays: null, candidates: 0, pruned: 0, dryRun: a.dryRun };
      const cutoff = new Date(Date.now() - days * 86_400_000).toISOString();
      const r = await ctx.store.evidence.prune(cutoff, a.dryRun);
      if (r.pruned > 0) ctx.events.emit({ type: 'feeds-changed' });
      return { olderThanDays: days, ...r, dryRun: a.dryRun };
    }),

  /** Evidence: a WARC 1.1 file (gzip when it ends in .gz) of the stored fetches of all articles or a query's,
   * with a metadata record per article and the manifests beside it. The path is the user's choice (the app's
   * save dialog, the CLI's --warc); only WARC names are accepted, so the method cannot overwrite other files. */
  'evidence.exportWarc': method(z.object({
    path: z.string().min(1).max(4000).regex(/\.warc(?:\.gz)?$/i, 'a file name ending in .warc or .warc.gz'),
    query: z.string().max(10_000).optional(),
  }).strict(), (ctx, a): Promise<LibraryExportResult> =>
    exportLibraryEvidence(ctx.store, { warcPath: a.path, query: a.query ?? null, software: `Footnote ${APP_VERSION}` })),
};

// Methods for state-media labels and the outlet registry: detect labels in any text, list an article's labels,
// review them (confirm, reject), add one by hand, count them for the Flags view, and edit the registry.
import { z } from 'zod';
import { ApiError, method } from './define.ts';
import { LABEL_KINDS, LABEL_REVIEWS, REJECT_REASONS, type LabelReport } from '../model.ts';
import { detectLabels } from '../labels/footnotes.ts';
import { mentionSpans, type Span } from '../labels/mentions.ts';
import { labelFlags, type FlagGroup } from '../labels/flags.ts';
import { outletOfArticle, shippedOutlets, type OutletEntry } from '../labels/outlets.ts';
import { libraryCanonical } from '../labels/library-canonical.ts';
import { withExtraAliases } from '../labels/canonical.ts';
import { reviewStats, type ReviewStats } from '../labels/review-stats.ts';
import type { EntityAlias, LabelRecord } from '../store/records.ts';

const id = z.number().int().positive();
const kind = z.enum(LABEL_KINDS);
const review = z.enum(LABEL_REVIEWS);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD date');
const outletName = z.string().trim().min(1).max(200);
const outlet = z.object({
  name: outletName,
  domains: z.array(z.string().trim().min(3).max(253).regex(/^[^\s/]+\.[^\s/]+$/, 'a domain such as example.com')).min(1).max(200),
  country: z.string().trim().max(10),
  category: z.string().trim().min(1).max(50),
  source: z.string().trim().min(1).max(500),
  date: day.nullable().optional(),
}).strict();

export const labelsApi = {
  /** Labels in a text, and the outlet of its URL (by this library's registry). */
  'labels.detect': method(z.object({ text: z.string().max(20_000_000), url: z.string().max(4000).optional() }).strict(),
    async (ctx, a): Promise<LabelReport> => {
      // The library's own aliases apply to a detection here as they do at ingest.
      const canonicalOf = libraryCanonical(await ctx.store.labels.aliases());
      const labels = detectLabels(a.text).map((l) => ({ ...l, canonical: canonicalOf(l.entity, l.canonical) }));
      return { outlet: (await ctx.store.outlets.registry()).match(a.url), labels };
    }),
  /** Every label of the article (removed ones last), each with the spans of its entity's mentions in article.text. */
  'labels.forArticle': method(z.object({ id }).strict(), async (ctx, a): Promise<(LabelRecord & { mentions: Span[] })[]> => {
    const found = await ctx.store.labels.forArticle(a.id);
    if (!found) throw new ApiError('not_found', `There is no article ${a.id}.`);
    return found.labels.map((l) => ({ ...l, mentions: mentionSpans(found.text, l.entity, l.marker) }));
  }),
  /** Confirms or rejects a label; a rejection is kept with its reason (one of REJECT_REASONS) and the analyst's words. */
  'labels.review': method(z.object({ id, review, reason: z.enum(REJECT_REASONS).optional(), note: z.string().max(2000).optional() }).strict(), async (ctx, a): Promise<LabelRecord> => {
    if (a.reason && a.review !== 'rejected') throw new ApiError('bad_request', 'A reason goes with a rejection only; leave it out to confirm or reopen a label.');
    const l = await ctx.store.labels.review(a.id, a.review, { reason: a.reason, note: a.note });
    if (!l) throw new ApiError('not_found', `There is no label ${a.id}.`);
    return l;
  }),
  'labels.add': method(z.object({ articleId: id, kind, entity: z.string().trim().min(1).max(300), note: z.string().max(5000).optional() }).strict(),
    async (ctx, a): Promise<LabelRecord> => {
      const added = await ctx.store.labels.addManual({ articleId: a.articleId, kind: a.kind, entity: a.entity, note: a.note ?? null }, new Date().toISOString());
      if (!added) throw new ApiError('not_found', `There is no article ${a.articleId}.`);
      return added;
    }),
  /** Current labels grouped by kind, entity and outlet, with counts per day or week; filters narrow them. */
  'labels.flags': method(z.object({
    interval: z.enum(['day', 'week']).default('week'), kind: kind.optional(), entity: z.string().max(300).optional(),
    review: review.optional(), after: day.optional(), before: day.optional(),
  }).strict(), async (ctx, a): Promise<FlagGroup[]> => {
    const canonicaliser = withExtraAliases(await ctx.store.labels.aliases());
    return labelFlags(await ctx.store.labels.flagCounts(a), a.entity, (name) => canonicaliser.canonical(name).canonical);
  }),
  /** Precision per rule, language and phrase from the analyst's own reviews (confirmed / (confirmed + rejected)). */
  'labels.reviewStats': method(z.object({}).strict(), async (ctx): Promise<ReviewStats> => reviewStats(await ctx.store.labels.reviewCounts())),
  /** The analyst's entity aliases (the shipped table is read-only; these are layered on it). */
  'labels.aliases': method(z.object({}).strict(), async (ctx): Promise<EntityAlias[]> => ctx.store.labels.aliases()),
  /** An alias as written → a canonical entity (by its canonical name or any alias; an unknown name makes a new
   * entity). Applies at once to stored labels and to every later detection. */
  'labels.addAlias': method(z.object({
    alias: z.string().trim().min(1).max(300), canonical: z.string().trim().min(1).max(300), lang: z.string().trim().max(12).optional(),
  }).strict(), async (ctx, a) => ctx.store.labels.addAlias({ alias: a.alias, canonical: a.canonical, lang: a.lang || null }, new Date().toISOString())),
  'labels.removeAlias': method(z.object({ id }).strict(), async (ctx, a) => {
    const removed = await ctx.store.labels.removeAlias(a.id);
    if (!removed) throw new ApiError('not_found', `There is no alias ${a.id}.`);
    return removed;
  }),

  /** The registry as this library sees it: shipped entries with the analyst's edits (origin says which). */
  'outlets.list': method(z.object({}).strict(), async (ctx): Promise<OutletEntry[]> => (await ctx.store.outlets.registry()).entries),
  /** The outlet of each URL (null where none), for addresses that are not stored articles (those carry theirs). */
  'outlets.match': method(z.object({ urls: z.array(z.string().max(4000).nullable()).max(10_000) }).strict(), async (ctx, a) => {
    const registry = await ctx.store.outlets.registry();
    return a.urls.map((u) => outletOfArticle(registry, [u]));
  }),
  /** Adds an outlet, or replaces the one of the same name (a shipped one included) for this library. */
  'outlets.upsert': method(outlet, async (ctx, a): Promise<OutletEntry> => {
    await ctx.store.outlets.saveOverride({ ...a, date: a.date ?? null, removed: false }, new Date().toISOString());
    const entry = (await ctx.store.outlets.registry()).entries.find((e) => e.name.toLowerCase() === a.name.toLowerCase());
    if (!entry) throw new ApiError('failed', `Outlet "${a.name}" was saved but cannot be read back.`);
    return entry;
  }),
  /** Removes the analyst's outlet, or hides a shipped one in this library; `restore` brings a shipped one back. */
  'outlets.remove': method(z.object({ name: outletName, restore: z.boolean().optional() }).strict(), async (ctx, a) => {
    const shipped = shippedOutlets().find((e) => e.name.toLowerCase() === a.name.toLowerCase());
    if (a.restore || !shipped) {
      if (!(await ctx.store.outlets.deleteOverride(a.name)) && !shipped) throw new ApiError('not_found', `There is no outlet "${a.name}".`);
    } else {
      await ctx.store.outlets.saveOverride({ ...shipped, removed: true }, new Date().toISOString());
    }
    return { removed: !a.restore };
  }),
};

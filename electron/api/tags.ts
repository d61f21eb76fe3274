// Methods for tags, auto-tag rules and tagging articles by hand (a selection, or every result of a query).
import { z } from 'zod';
import { ApiError, method, type ApiContext } from './define.ts';
import type { ApplyResult, ArticleTarget, RuleRecord, TagRecord } from '../store/records.ts';

const id = z.number().int().positive();
const tagRef = z.union([id, z.string().min(1).max(100)]);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a #rrggbb colour').nullable();
/** Articles named one by one, or every result of a query. */
const target = z.object({ tag: tagRef, ids: z.array(id).max(100_000).optional(), query: z.string().max(10_000).optional() }).strict()
  .refine((a) => (a.ids === undefined) !== (a.query === undefined), 'give either ids or query');

function articles(a: { ids?: number[] | undefined; query?: string | undefined }): ArticleTarget {
  return a.ids ? { ids: a.ids } : { query: a.query ?? '' };
}

export const tagsApi = {
  'tags.list': method(z.object({}).strict(), (ctx): Promise<TagRecord[]> => ctx.store.tags.list()),
  'tags.create': method(z.object({ name: z.string().min(1).max(100), color: color.optional() }).strict(), (ctx, a) => ctx.store.tags.create(a.name, a.color ?? null)),
  'tags.rename': method(z.object({ tag: tagRef, name: z.string().min(1).max(100) }).strict(), (ctx, a) => ctx.store.tags.rename(a.tag, a.name)),
  'tags.merge': method(z.object({ from: z.array(tagRef).min(1), into: tagRef }).strict(), (ctx, a) => ctx.store.tags.merge(a.from, a.into)),
  'tags.color': method(z.object({ tag: tagRef, color }).strict(), (ctx, a) => ctx.store.tags.setColor(a.tag, a.color)),
  'tags.delete': method(z.object({ tag: tagRef }).strict(), async (ctx, a) => {
    await ctx.store.tags.delete(a.tag);
    return { deleted: true };
  }),
  /** Creates the tag when no tag has that name yet. */
  'tags.apply': method(target, (ctx, a) => ctx.store.tags.apply(a.tag, articles(a))),
  'tags.remove': method(target, (ctx, a) => ctx.store.tags.remove(a.tag, articles(a))),
  'tags.article': method(z.object({ id }).strict(), async (ctx, a) => {
    const tags = await ctx.store.tags.ofArticle(a.id);
    if (!tags) throw new ApiError('not_found', `There is no article ${a.id}.`);
    return { id: a.id, tags };
  }),

  'rules.list': method(z.object({}).strict(), (ctx): Promise<RuleRecord[]> => ctx.store.rules.list()),
  /** Adds a rule (creating its tag if needed); with apply, tags the articles already stored too. */
  'rules.add': method(z.object({ query: z.string().min(1).max(10_000), tag: tagRef, feedIds: z.array(id).optional(), apply: z.boolean().default(false) }).strict(),
    async (ctx, a): Promise<RuleRecord> => {
      const rule = await ctx.store.rules.add(a.query, a.tag, a.feedIds ?? null);
      if (!a.apply) return rule;
      await applyWithProgress(ctx, rule.id);
      return (await ctx.store.rules.list()).find((r) => r.id === rule.id) ?? rule;
    }),
  'rules.remove': method(z.object({ id }).strict(), (ctx, a) => ctx.store.rules.remove(a.id)),
  /** Runs one rule, or every rule, over the stored articles; emits 'progress' events (task 'rules.apply'). */
  'rules.apply': method(z.object({ id: id.optional() }).strict(), (ctx, a) => applyWithProgress(ctx, a.id ?? null)),
};

function applyWithProgress(ctx: ApiContext, ruleId: number | null): Promise<ApplyResult> {
  return ctx.store.rules.apply(ruleId, (p) => ctx.events.emit({ type: 'progress', task: 'rules.apply', done: p.done, total: p.total }));
}

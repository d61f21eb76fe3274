// Methods for tags, auto-tag rules and tagging articles by hand (a selection, or every result of a query).
import { z } from 'zod';
import { ApiError, method, type ApiContext } from './define.ts';
import {
  applyTag, articleTags, createTag, deleteTag, ensureTag, getTag, listTags, mergeTags, removeTag, renameTag, setTagColor, targetArticles,
  type TagRecord,
} from '../store/sqlite/tags.ts';
import { articleExists } from '../store/sqlite/articles.ts';
import { addRule, listRules, type RuleRecord } from '../store/sqlite/rules.ts';
import { applyRules, removeRule } from '../store/sqlite/auto-tag.ts';
import { outletResolver } from '../store/sqlite/outlets.ts';

const id = z.number().int().positive();
const tagRef = z.union([id, z.string().min(1).max(100)]);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a #rrggbb colour').nullable();
/** Articles named one by one, or every result of a query. */
const target = z.object({ tag: tagRef, ids: z.array(id).max(100_000).optional(), query: z.string().max(10_000).optional() }).strict()
  .refine((a) => (a.ids === undefined) !== (a.query === undefined), 'give either ids or query');

export const tagsApi = {
  'tags.list': method(z.object({}).strict(), (ctx): TagRecord[] => listTags(ctx.db)),
  'tags.create': method(z.object({ name: z.string().min(1).max(100), color: color.optional() }).strict(),
    (ctx, a) => createTag(ctx.db, a.name, a.color ?? null)),
  'tags.rename': method(z.object({ tag: tagRef, name: z.string().min(1).max(100) }).strict(), (ctx, a) => renameTag(ctx.db, a.tag, a.name)),
  'tags.merge': method(z.object({ from: z.array(tagRef).min(1), into: tagRef }).strict(), (ctx, a) => mergeTags(ctx.db, a.from, a.into)),
  'tags.color': method(z.object({ tag: tagRef, color }).strict(), (ctx, a) => setTagColor(ctx.db, a.tag, a.color)),
  'tags.delete': method(z.object({ tag: tagRef }).strict(), (ctx, a) => { deleteTag(ctx.db, a.tag); return { deleted: true }; }),
  /** Creates the tag when no tag has that name yet. */
  'tags.apply': method(target, (ctx, a) => {
    const ids = targetArticles(ctx.db, a, outletResolver(ctx.db));
    const tagId = typeof a.tag === 'number' ? getTag(ctx.db, a.tag).id : ensureTag(ctx.db, a.tag);
    return { tag: getTag(ctx.db, tagId).name, matched: ids.length, applied: applyTag(ctx.db, tagId, ids, null) };
  }),
  'tags.remove': method(target, (ctx, a) => {
    const tag = getTag(ctx.db, a.tag);
    return { tag: tag.name, removed: removeTag(ctx.db, tag.id, targetArticles(ctx.db, a, outletResolver(ctx.db))) };
  }),
  'tags.article': method(z.object({ id }).strict(), (ctx, a) => {
    if (!articleExists(ctx.db, a.id)) throw new ApiError('not_found', `There is no article ${a.id}.`);
    return { id: a.id, tags: articleTags(ctx.db, a.id) };
  }),

  'rules.list': method(z.object({}).strict(), (ctx): RuleRecord[] => listRules(ctx.db)),
  /** Adds a rule (creating its tag if needed); with apply, tags the articles already stored too. */
  'rules.add': method(z.object({ query: z.string().min(1).max(10_000), tag: tagRef, feedIds: z.array(id).optional(), apply: z.boolean().default(false) }).strict(),
    (ctx, a) => {
      const tagId = typeof a.tag === 'number' ? a.tag : ensureTag(ctx.db, a.tag);
      const rule = addRule(ctx.db, a.query, tagId, a.feedIds ?? null);
      if (a.apply) applyWithProgress(ctx, rule.id);
      return listRules(ctx.db).find((r) => r.id === rule.id) as RuleRecord;
    }),
  'rules.remove': method(z.object({ id }).strict(), (ctx, a) => removeRule(ctx.db, a.id, outletResolver(ctx.db))),
  /** Runs one rule, or every rule, over the stored articles; emits 'progress' events (task 'rules.apply'). */
  'rules.apply': method(z.object({ id: id.optional() }).strict(), (ctx, a) => applyWithProgress(ctx, a.id ?? null)),
};

function applyWithProgress(ctx: ApiContext, ruleId: number | null): ReturnType<typeof applyRules> {
  const progress = (p: { done: number; total: number }): void => ctx.events.emit({ type: 'progress', task: 'rules.apply', done: p.done, total: p.total });
  return applyRules(ctx.db, ruleId, progress, outletResolver(ctx.db));
}

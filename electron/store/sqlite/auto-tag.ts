// Auto-tag rules at work: on each new or edited article at ingest (when the auto-tag enricher asks), over the whole
// library on demand (with progress), and when a rule is deleted (its tags go, a person's stay).
import type { Db } from './db.ts';
import { applyTag } from './tags.ts';
import { compileRule, deleteRule, getRule, listRules, ruleMatchesAll, ruleMatchesAmong } from './rules.ts';
import type { OutletSource } from './search/search.ts';
import { storedOutlets } from './outlets.ts';
import type { ApplyProgress, ApplyResult, RuleRecord } from '../records.ts';

/** A rule ready to run over the articles of one ingest; a rule whose query no longer compiles fails when run. */
export interface CompiledRule {
  id: number;
  query: string;
  tagId: number;
  matchAmong: (articleIds: number[]) => number[];
}

/** Every rule, compiled once (for one ingest: not once per article). */
export function compileRules(db: Db): CompiledRule[] {
  const outletOf = storedOutlets(db);
  return listRules(db).map((rule) => {
    let matchAmong: CompiledRule['matchAmong'];
    try {
      matchAmong = compileRule(db, rule, outletOf);
    } catch (err) {
      matchAmong = () => { throw err; };
    }
    return { id: rule.id, query: rule.query, tagId: rule.tagId, matchAmong };
  });
}

/**
 * Tags just-written articles with the rule's tag where it matches. An edited article (in `updatedIds`) that no
 * longer matches loses that rule's tag (never a person's).
 */
export function tagByRules(db: Db, rule: CompiledRule, ids: number[], updatedIds: number[]): void {
  const matches = rule.matchAmong(ids);
  applyTag(db, rule.tagId, matches, rule.id);
  const matched = new Set(matches);
  const lost = updatedIds.filter((id) => !matched.has(id));
  if (lost.length > 0) db.prepare('DELETE FROM article_tag WHERE rule_id = ? AND article_id IN (SELECT value FROM json_each(?))').run(rule.id, JSON.stringify(lost));
}

const CHUNK = 1000;

/** Runs one rule (or all) over every stored article, reporting progress per chunk of articles. */
export function applyRules(db: Db, ruleId: number | null, onProgress: (p: ApplyProgress) => void = () => {}, outletOf?: OutletSource): ApplyResult {
  const rules: RuleRecord[] = ruleId === null ? listRules(db) : [getRule(db, ruleId)];
  const work = rules.map((rule) => ({ rule, ids: ruleMatchesAll(db, rule, outletOf) }));
  const total = work.reduce((n, w) => n + w.ids.length, 0);
  let done = 0;
  let tagged = 0;
  onProgress({ done, total });
  for (const { rule, ids } of work) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      tagged += applyTag(db, rule.tagId, chunk, rule.id);
      done += chunk.length;
      onProgress({ done, total });
    }
  }
  return { rules: rules.length, matched: total, tagged };
}

/** Deletes a rule and its tags; another rule giving the same tag re-tags the articles it matches. */
export function removeRule(db: Db, ruleId: number, outletOf?: OutletSource): { untagged: number } {
  const rule = getRule(db, ruleId);
  return db.transaction(() => {
    const affected = deleteRule(db, ruleId);
    let retagged = 0;
    for (const other of listRules(db).filter((r) => r.tagId === rule.tagId)) {
      retagged += applyTag(db, other.tagId, ruleMatchesAmong(db, other, affected, outletOf), other.id);
    }
    return { untagged: affected.length - retagged };
  })();
}

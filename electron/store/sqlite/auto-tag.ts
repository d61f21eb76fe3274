// Auto-tag rules at work: on each new or edited article at ingest (when the auto-tag enricher asks), over the whole
// library on demand (with progress), and when a rule is deleted (its tags go, a person's stay).
import type { Db } from './db.ts';
import { applyTag } from './tags.ts';
import { deleteRule, getRule, listRules, ruleMatchesAll, ruleMatchesAmong } from './rules.ts';
import type { OutletResolver } from './search/search.ts';
import { outletResolver } from './outlets.ts';
import type { ApplyProgress, ApplyResult, RuleRecord } from '../records.ts';

/**
 * Tags a just-written article for every rule it matches. An edited article that no longer matches loses that rule's
 * tag (never a person's). Each rule is probed on this one article through the index.
 */
export function tagByRules(db: Db, article: { id: number; isNew: boolean }): void {
  const rules = listRules(db);
  if (rules.length === 0) return;
  const outletOf = outletResolver(db);
  for (const rule of rules) {
    const matches = ruleMatchesAmong(db, rule, [article.id], outletOf).length > 0;
    if (matches) applyTag(db, rule.tagId, [article.id], rule.id);
    else if (!article.isNew) db.prepare('DELETE FROM article_tag WHERE article_id = ? AND rule_id = ?').run(article.id, rule.id);
  }
}

const CHUNK = 1000;

/** Runs one rule (or all) over every stored article, reporting progress per chunk of articles. */
export function applyRules(db: Db, ruleId: number | null, onProgress: (p: ApplyProgress) => void = () => {}, outletOf?: OutletResolver): ApplyResult {
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
export function removeRule(db: Db, ruleId: number, outletOf?: OutletResolver): { untagged: number } {
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

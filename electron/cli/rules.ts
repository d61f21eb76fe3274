// `footnote rules add|list|remove|apply`: auto-tag rules (a query plus a tag, optionally for some feeds).
import { printJson, stringOption, UsageError, type CliCommand, type CliIo } from './command.ts';
import type { ApiResult } from '../api/methods.ts';

function ruleId(text: string | undefined): number {
  if (text === undefined || !/^\d+$/.test(text)) throw new UsageError(`give a rule id (a number)${text ? `, not "${text}"` : ''}; "footnote rules list" shows them.`);
  return Number(text);
}

function feedIds(io: CliIo): number[] | undefined {
  const raw = io.values['feed'];
  const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
  for (const f of list) if (!/^\d+$/.test(f)) throw new UsageError(`--feed takes a feed id (a number), not "${f}"; "footnote feeds" lists them.`);
  return list.length > 0 ? list.map(Number) : undefined;
}

function describe(r: ApiResult<'rules.list'>[number]): string {
  return `${String(r.id).padStart(4)}  ${r.tag}  ← ${r.query}${r.feedIds ? `  (feeds ${r.feedIds.join(', ')})` : ''}  ${r.count} tagged`;
}

export const rulesCommand: CliCommand = {
  name: 'rules',
  usage: 'rules add <query> --tag T [--feed ID…] | list | remove <id> | apply [<id>]',
  summary: 'auto-tag rules: new articles matching the query get the tag',
  options: { tag: { type: 'string' }, feed: { type: 'string', multiple: true } },
  async run(io) {
    const [action, ...rest] = io.positionals;
    switch (action) {
      case 'add': {
        const tag = stringOption(io, 'tag');
        if (rest.length === 0 || !tag) throw new UsageError('rules add needs a query and --tag.');
        const rule = await io.api.call('rules.add', { query: rest.join(' '), tag, feedIds: feedIds(io) });
        if (io.json) printJson(io, rule);
        else io.out(`Rule ${rule.id} added: "${rule.query}" tags new articles "${rule.tag}"; "footnote rules apply ${rule.id}" tags the stored ones.`);
        return;
      }
      case 'list':
      case undefined: {
        const rules = await io.api.call('rules.list', {});
        if (io.json) return printJson(io, rules);
        if (rules.length === 0) {
          io.out('No rules yet: "footnote rules add <query> --tag T" adds one.');
          return;
        }
        for (const r of rules) io.out(describe(r));
        return;
      }
      case 'remove': {
        const result = await io.api.call('rules.remove', { id: ruleId(rest[0]) });
        if (io.json) printJson(io, result);
        else io.out(`Rule removed; ${result.untagged} articles lost its tag (tags applied by hand stay).`);
        return;
      }
      case 'apply': {
        const id = rest[0] === undefined ? undefined : ruleId(rest[0]);
        const result = await io.api.call('rules.apply', id === undefined ? {} : { id });
        if (io.json) printJson(io, result);
        else io.out(`${result.rules} ${result.rules === 1 ? 'rule' : 'rules'} matched ${result.matched} articles; ${result.tagged} newly tagged.`);
        return;
      }
      default:
        throw new UsageError(`unknown action "${action}": use add, list, remove or apply.`);
    }
  },
};

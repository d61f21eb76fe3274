// `footnote versions <id>` and `footnote diff <id> [--from N] [--to M]`: an article's versions, and the word diff
// between two of them (DESIGN.md §2). Without --json the diff reads as wdiff does: [-removed-]{+added+}, in colour
// on a terminal.
import { printJson, stringOption, UsageError, type CliCommand, type CliIo } from './command.ts';
import type { DiffPart } from '../articles/version-diff.ts';
import type { ContractLabel } from '../articles/versions.ts';

function articleId(io: CliIo, usage: string): number {
  const text = io.positionals[0];
  if (text === undefined || !/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`give an article id, e.g. footnote ${usage}`);
  return Number(text);
}

function versionOption(io: CliIo, name: string): number | undefined {
  const text = stringOption(io, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--${name} takes a version number (1, 2, …), not "${text}".`);
  return Number(text);
}

const labelText = (l: ContractLabel): string => `${l.kind} — ${l.canonical ?? l.entity}`;

export const versionsCommand: CliCommand = {
  name: 'versions',
  usage: 'versions <id>',
  summary: 'the stored versions of one article, oldest first (when seen, SHA-256 of the text, title, labels)',
  async run(io) {
    const versions = await io.api.call('articles.versions', { id: articleId(io, 'versions 42') });
    if (io.json) return printJson(io, versions);
    for (const v of versions) {
      io.out(`v${v.n}  ${v.firstSeen} … ${v.lastSeen}  sha256:${v.sha256}`);
      io.out(`    ${v.title ?? '(untitled)'}`);
      for (const l of v.labels) io.out(`    label: ${labelText(l)}`);
    }
  },
};

function render(parts: DiffPart[], tty: boolean): string {
  return parts.map((p) => {
    if (p.op === 'equal') return p.text;
    if (tty) return p.op === 'insert' ? `\x1b[32m${p.text}\x1b[0m` : `\x1b[31m\x1b[9m${p.text}\x1b[0m`;
    return p.op === 'insert' ? `{+${p.text}+}` : `[-${p.text}-]`;
  }).join('');
}

export const diffCommand: CliCommand = {
  name: 'diff',
  usage: 'diff <id> [--from N] [--to M]',
  summary: 'word diff of title and text between two versions of an article (default: the last two), with label changes',
  options: { from: { type: 'string' }, to: { type: 'string' } },
  async run(io) {
    const d = await io.api.call('articles.diff', { id: articleId(io, 'diff 42 --from 1 --to 2'), from: versionOption(io, 'from'), to: versionOption(io, 'to') });
    if (io.json) return printJson(io, d);
    io.out(`Version ${d.from} → ${d.to}`);
    io.out(`Title: ${render(d.title, io.stdoutIsTTY)}`);
    io.out('');
    io.out(render(d.text, io.stdoutIsTTY));
    for (const k of d.labels.kindChanged) io.out(`label changed: ${k.after.canonical ?? k.after.entity} was ${k.before.kind}, now ${k.after.kind}`);
    // A kind change is listed once above, not again as a removal and an addition.
    const changed = new Set(d.labels.kindChanged.flatMap((k) => [labelText(k.before), labelText(k.after)]));
    for (const l of d.labels.removed) if (!changed.has(labelText(l))) io.out(`label removed: ${labelText(l)}`);
    for (const l of d.labels.added) if (!changed.has(labelText(l))) io.out(`label added: ${labelText(l)}`);
  },
};

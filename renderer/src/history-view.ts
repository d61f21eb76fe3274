// The History tab's view of one diff (issue 13, item 1): the `diff` JSON turned into paragraphs of runs for an
// inline red/green rendering, long unchanged stretches folded, and the label changes as call-outs ("label
// removed", "label added", "kind changed"). Pure: the component only maps runs to <span>s.
import type { VersionDiff, DiffPart } from '../../electron/articles/version-diff.ts';
import type { ContractLabel } from '../../electron/articles/versions.ts';
import { labelNames } from './format.ts';

export type RunKind = 'same' | 'added' | 'removed';

export interface Run {
  kind: RunKind;
  text: string;
}

/** A paragraph with its runs, or a fold of unchanged paragraphs the reader can open. */
export type ViewParagraph = { kind: 'text'; runs: Run[] } | { kind: 'folded'; count: number };

export interface LabelCallout {
  kind: 'added' | 'removed' | 'kind-changed';
  /** What the call-out says: "Label removed: terrorist — The Taliban". */
  text: string;
}

export interface HistoryDiffView {
  title: Run[];
  paragraphs: ViewParagraph[];
  callouts: LabelCallout[];
  /** "12 words added, 3 removed": the line above the diff. */
  summary: string;
}

const RUN_KIND: Record<DiffPart['op'], RunKind> = { equal: 'same', insert: 'added', delete: 'removed' };

/** Unchanged paragraphs kept around each change; longer unchanged stretches are folded. */
export const CONTEXT_PARAGRAPHS = 1;

export function historyDiffView(diff: VersionDiff, context = CONTEXT_PARAGRAPHS): HistoryDiffView {
  const paragraphs = splitParagraphs(diff.text);
  return {
    title: diff.title.map((p) => ({ kind: RUN_KIND[p.op], text: p.text })),
    paragraphs: fold(paragraphs, context),
    callouts: callouts(diff.labels),
    summary: summary(diff),
  };
}

/** Runs cut at line breaks: each paragraph's runs, a deleted paragraph as one removed run on its own. */
function splitParagraphs(parts: DiffPart[]): Run[][] {
  const out: Run[][] = [[]];
  for (const part of parts) {
    const pieces = part.text.split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0) out.push([]);
      if (piece !== '') (out[out.length - 1] as Run[]).push({ kind: RUN_KIND[part.op], text: piece });
    });
  }
  return out.filter((runs) => runs.length > 0);
}

function fold(paragraphs: Run[][], context: number): ViewParagraph[] {
  const changed = paragraphs.map((runs) => runs.some((r) => r.kind !== 'same'));
  const keep = changed.map((_, i) => {
    for (let d = -context; d <= context; d++) if (changed[i + d]) return true;
    return false;
  });
  const out: ViewParagraph[] = [];
  paragraphs.forEach((runs, i) => {
    if (keep[i]) {
      out.push({ kind: 'text', runs });
      return;
    }
    const last = out[out.length - 1];
    if (last?.kind === 'folded') last.count++;
    else out.push({ kind: 'folded', count: 1 });
  });
  return out;
}

const kindName = (l: ContractLabel): string => labelNames[l.kind] ?? l.kind;
const describe = (l: ContractLabel): string => `${kindName(l)} — ${l.entity}`;

function callouts(labels: VersionDiff['labels']): LabelCallout[] {
  const out: LabelCallout[] = [];
  const paired = new Set<string>();
  const key = (l: ContractLabel): string => `${l.kind}\u0000${l.entity}\u0000${l.canonical ?? ''}`;
  for (const { before, after } of labels.kindChanged) {
    out.push({ kind: 'kind-changed', text: `Label changed: ${after.entity} was ${kindName(before)}, now ${kindName(after)}` });
    paired.add(key(before)).add(key(after));
  }
  for (const l of labels.removed) if (!paired.has(key(l))) out.push({ kind: 'removed', text: `Label removed: ${describe(l)}` });
  for (const l of labels.added) if (!paired.has(key(l))) out.push({ kind: 'added', text: `Label added: ${describe(l)}` });
  return out;
}

function summary(diff: VersionDiff): string {
  const count = (op: DiffPart['op']): number => diff.text.filter((p) => p.op === op)
    .reduce((n, p) => n + (p.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
  const added = count('insert');
  const removed = count('delete');
  const words = added === 0 && removed === 0 ? 'text unchanged' : `${added} ${added === 1 ? 'word' : 'words'} added, ${removed} removed`;
  const titled = diff.title.some((p) => p.op !== 'equal') ? 'title changed; ' : '';
  return `Version ${diff.from} → ${diff.to}: ${titled}${words}`;
}

// Word diffs between two versions of an article (issue 13, item 1; the `diff` contract of DESIGN.md §2): the
// title and the text as runs of {op, text}, and the label changes (added, removed, kind changed).
//
// The diff itself is jsdiff's (`diff` on npm). Its own word tokenisers know only Latin letters: Cyrillic or
// Chinese would be diffed a character at a time. So the text is cut into words by Intl.Segmenter (ICU: spaces
// and punctuation for alphabetic scripts, a dictionary for Chinese and Japanese) and jsdiff runs on those
// tokens through its documented extension point, a Diff subclass with its own tokenize. The tokens cover the
// text exactly, so `equal`+`delete` runs give back the old text and `equal`+`insert` runs the new, byte for byte.
import { Diff } from 'diff';
import type { LabelKind } from '../model.ts';
import { contractLabel, entityKey, labelIdentity, type ContractLabel, type VersionContent, type VersionLabel } from './versions.ts';

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** The same entity labelled with another kind in the later version ("foreign agent" became "undesirable"). */
export interface LabelKindChange {
  entity: string;
  canonical: string | null;
  from: LabelKind;
  to: LabelKind;
}

export interface LabelChanges {
  /** Labels (by kind and canonical entity) the later version has and the earlier lacks. */
  added: ContractLabel[];
  removed: ContractLabel[];
  /** Pairs among `added` and `removed` that are one entity whose kind changed: the reader shows them as one. */
  kindChanged: LabelKindChange[];
}

/** The `footnote diff --json` object. */
export interface VersionDiff {
  from: number;
  to: number;
  title: DiffPart[];
  text: DiffPart[];
  labels: LabelChanges;
}

export interface DiffableVersion extends VersionContent {
  n: number;
}

const SEGMENTER = new Intl.Segmenter('und', { granularity: 'word' });
const HORIZONTAL_SPACE = /^[^\S\r\n\u2028\u2029\u0085]+$/u;

/**
 * Words, punctuation marks and line breaks, each a token; a run of spaces rides on the token before it ("word "),
 * so a replaced word reads as one change and not as words around a kept space (jsdiff's issue #160).
 */
export function wordTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const { segment } of SEGMENTER.segment(text)) {
    if (HORIZONTAL_SPACE.test(segment) && tokens.length > 0 && !/[\r\n\u2028\u2029\u0085]$/u.test(tokens[tokens.length - 1] as string)) {
      tokens[tokens.length - 1] += segment;
    } else if (/\s/u.test(segment) && !HORIZONTAL_SPACE.test(segment)) {
      // Whitespace holding line breaks: each break its own token, spaces between them kept in order.
      for (const piece of segment.split(/(\r\n|[\r\n\u2028\u2029\u0085])/u)) if (piece) tokens.push(piece);
    } else {
      tokens.push(segment);
    }
  }
  return tokens;
}

class SegmentedWordDiff extends Diff<string, string> {
  override tokenize(value: string): string[] {
    return wordTokens(value);
  }
}

/** Lines, each with its line break: the first, cheap pass that finds which paragraphs changed. */
class ParagraphDiff extends Diff<string, string> {
  override tokenize(value: string): string[] {
    return value.split(/(?<=\n)/u);
  }
}

const wordDiffer = new SegmentedWordDiff();
const paragraphDiffer = new ParagraphDiff();

/**
 * Within one changed stretch of paragraphs, past this many changed words the stretch is a rewrite, not an edit:
 * it is shown as deleted and inserted whole, since a word diff would cost O(N·D) for nothing readable.
 */
export const MAX_WORD_EDITS = 1000;

/**
 * The word diff of two texts, as `{op, text}` runs that reassemble both texts exactly. Paragraphs are diffed
 * first and words only inside each changed stretch: an edit costs the size of the paragraphs it touches, not of
 * the article, and a word is never matched to a like word three paragraphs away.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (op: DiffOp, text: string): void => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  if (before === after) {
    push('equal', before);
    return parts;
  }
  const paragraphs = paragraphDiffer.diff(before, after);
  for (let i = 0; i < paragraphs.length; i++) {
    const c = paragraphs[i] as (typeof paragraphs)[number];
    if (!c.added && !c.removed) {
      push('equal', c.value);
      continue;
    }
    // One changed stretch: the deleted paragraphs and the inserted ones that replace them.
    let removed = '';
    let added = '';
    for (; i < paragraphs.length && (paragraphs[i]?.added || paragraphs[i]?.removed); i++) {
      const p = paragraphs[i] as (typeof paragraphs)[number];
      if (p.removed) removed += p.value;
      else added += p.value;
    }
    i--;
    const words = removed && added ? wordDiffer.diff(removed, added, { maxEditLength: MAX_WORD_EDITS }) : undefined;
    if (words === undefined) {
      push('delete', removed);
      push('insert', added);
    } else {
      for (const w of words) push(w.added ? 'insert' : w.removed ? 'delete' : 'equal', w.value);
    }
  }
  return parts;
}

/** Added, removed and kind-changed labels between two versions, by (kind, canonical entity). */
export function labelChanges(before: readonly VersionLabel[], after: readonly VersionLabel[]): LabelChanges {
  const index = (labels: readonly VersionLabel[]): Map<string, VersionLabel> => {
    const m = new Map<string, VersionLabel>();
    for (const l of labels) if (!m.has(labelIdentity(l))) m.set(labelIdentity(l), l);
    return m;
  };
  const was = index(before);
  const now = index(after);
  const removed = [...was].filter(([k]) => !now.has(k)).map(([, l]) => l);
  const added = [...now].filter(([k]) => !was.has(k)).map(([, l]) => l);
  // A kind change: an entity that lost a kind and gained another. Paired in order of kind; any surplus stays a
  // plain addition or removal ("terrorist and extremist" becoming "terrorist" only removed one).
  const kindChanged: LabelKindChange[] = [];
  const lost = groupByEntity(removed);
  for (const [entity, gained] of groupByEntity(added)) {
    const dropped = lost.get(entity) ?? [];
    for (let i = 0; i < Math.min(dropped.length, gained.length); i++) {
      const from = dropped[i] as VersionLabel;
      const to = gained[i] as VersionLabel;
      kindChanged.push({ entity: to.entity, canonical: to.canonical ?? null, from: from.kind, to: to.kind });
    }
  }
  return { added: added.map(contractLabel), removed: removed.map(contractLabel), kindChanged };
}

function groupByEntity(labels: VersionLabel[]): Map<string, VersionLabel[]> {
  const m = new Map<string, VersionLabel[]>();
  for (const l of [...labels].sort((a, b) => a.kind.localeCompare(b.kind))) {
    const key = entityKey(l);
    m.set(key, [...(m.get(key) ?? []), l]);
  }
  return m;
}

/** The full diff between two versions: `from` is the earlier, `to` the later. */
export function diffVersions(from: DiffableVersion, to: DiffableVersion): VersionDiff {
  return {
    from: from.n,
    to: to.n,
    title: wordDiff(from.title ?? '', to.title ?? ''),
    text: wordDiff(from.text, to.text),
    labels: labelChanges(from.labels, to.labels),
  };
}

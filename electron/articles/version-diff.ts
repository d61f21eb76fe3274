// Word diffs between two versions of an article (issue 13, item 1; the `diff` contract of DESIGN.md §2): the
// title and the text as runs of {op, text}, and the label changes (added, removed, kind changed).
//
// The diff itself is jsdiff's (`diff` on npm). Its own word tokenisers know only Latin letters: Cyrillic or
// Chinese would be diffed a character at a time. So the text is cut into words by Intl.Segmenter (ICU: spaces
// and punctuation for alphabetic scripts, a dictionary for Chinese and Japanese) and jsdiff's diffArrays runs
// on those tokens (its documented way to bring your own tokeniser). The tokens cover the text exactly, so
// `equal`+`delete` runs give back the old text and `equal`+`insert` runs the new, byte for byte.
import { diffArrays, type ChangeObject } from 'diff';
import { contractLabel, entityKey, labelIdentity, type ContractLabel, type VersionContent, type VersionLabel } from './versions.ts';

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** The same entity labelled with another kind in the later version ("foreign agent" became "undesirable"):
 * the label as `removed` lists it, and as `added` lists it. */
export interface LabelKindChange {
  before: ContractLabel;
  after: ContractLabel;
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

/**
 * Within one changed stretch of paragraphs, past this many changed words the stretch is a rewrite, not an edit:
 * it is shown as deleted and inserted whole, since a word diff would cost O(N·D) for nothing readable.
 */
export const MAX_WORD_EDITS = 1000;

/** A word with or without the space after it is the same word ("Doha" ending a title, "Doha " before a new
 * word); a line break or a run of spaces is only ever equal to itself. */
const sameWord = (a: string, b: string): boolean => a === b || (a.trimEnd() === b.trimEnd() && a.trimEnd() !== '');

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
    else if (op === 'delete' && last?.op === 'insert') {
      // Deletions before insertions within one change, as a reader expects "old → new" (either text still
      // reassembles: a delete and an insert side by side do not overlap in either).
      const prev = parts[parts.length - 2];
      if (prev?.op === 'delete') prev.text += text;
      else parts.splice(parts.length - 1, 0, { op, text });
    } else parts.push({ op, text });
  };
  const lines = (text: string): string[] => (text === '' ? [] : text.split(/(?<=\n)/u));
  const paragraphs = diffArrays(lines(before), lines(after));
  for (let i = 0; i < paragraphs.length; i++) {
    const c = paragraphs[i] as ChangeObject<string[]>;
    if (!c.added && !c.removed) {
      push('equal', c.value.join(''));
      continue;
    }
    // One changed stretch: the deleted paragraphs and the inserted ones that replace them.
    let removed = '';
    let added = '';
    for (; i < paragraphs.length && (paragraphs[i]?.added || paragraphs[i]?.removed); i++) {
      const p = paragraphs[i] as ChangeObject<string[]>;
      if (p.removed) removed += p.value.join('');
      else added += p.value.join('');
    }
    i--;
    if (!removed || !added || !pushWords(removed, added, push)) {
      push('delete', removed);
      push('insert', added);
    }
  }
  return parts;
}

/** The word diff of one changed stretch through `push`; false (nothing pushed) past MAX_WORD_EDITS. */
function pushWords(before: string, after: string, push: (op: DiffOp, text: string) => void): boolean {
  const a = wordTokens(before);
  const b = wordTokens(after);
  const changes = diffArrays(a, b, { comparator: sameWord, maxEditLength: MAX_WORD_EDITS });
  if (changes === undefined) return false;
  // jsdiff gives an equal run the new text's tokens; both sides are walked here so each text stays exact.
  let i = 0;
  let j = 0;
  for (const c of changes) {
    if (c.added) push('insert', b.slice(j, (j += c.count)).join(''));
    else if (c.removed) push('delete', a.slice(i, (i += c.count)).join(''));
    else {
      for (let k = 0; k < c.count; k++) {
        const x = a[i++] as string;
        const y = b[j++] as string;
        const word = x === y ? x : x.trimEnd();
        push('equal', word);
        push('delete', x.slice(word.length));
        push('insert', y.slice(word.length));
      }
    }
  }
  return true;
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
      kindChanged.push({ before: contractLabel(dropped[i] as VersionLabel), after: contractLabel(gained[i] as VersionLabel) });
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

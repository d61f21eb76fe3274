// Snippets cut in JavaScript (the index is contentless, and FTS5's snippet() could not highlight a stemmed
// match in the raw text anyway). Matches are wrapped in \u0002 … \u0003: control characters that never occur
// in article text, so the UI splits on them and renders the pieces as text, with no HTML to escape or trust.
import type { QueryNode } from './ast.ts';
import { foldWord, indexFold, words } from '../text/fold.ts';
import { stemWord } from '../text/stem.ts';

export const MARK_START = '\u0002';
export const MARK_END = '\u0003';
const WINDOW_WORDS = 30;
const SCAN_CHARS = 50_000;

/** Decides whether one word of a text is a match of the query, for highlighting. */
export type WordMatcher = (word: string) => boolean;

/** The words the query looks for (everything not under a NOT; author: terms are not in the text). */
export function highlighter(root: QueryNode | null): WordMatcher {
  const stems = new Set<string>();
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const visit = (n: QueryNode): void => {
    switch (n.kind) {
      case 'and': case 'or': n.children.forEach(visit); return;
      case 'near': n.operands.forEach(visit); return;
      case 'not': case 'filter': return;
      case 'term': case 'phrase': {
        if (n.field === 'author') return;
        const ws = words(indexFold(n.text)).map((w) => foldWord(w.word));
        ws.forEach((w, i) => {
          if (n.prefix && i === ws.length - 1) prefixes.push(w);
          else if (n.kind === 'term') stems.add(stemWord(w));
          else exact.add(w);
        });
      }
    }
  };
  if (root) visit(root);
  // Words repeat within and across snippets: each distinct word is decided once.
  const decided = new Map<string, boolean>();
  return (word) => {
    let hit = decided.get(word);
    if (hit === undefined) {
      const folded = foldWord(word);
      hit = exact.has(folded) || stems.has(stemWord(folded)) || prefixes.some((p) => folded.startsWith(p));
      if (decided.size < 100_000) decided.set(word, hit);
    }
    return hit;
  };
}

/** About WINDOW_WORDS words around the densest run of matches, with the matches marked. */
export function makeSnippet(text: string, matches: WordMatcher): string {
  const scanned = text.length > SCAN_CHARS ? text.slice(0, SCAN_CHARS) : text;
  const ws = words(scanned);
  if (ws.length === 0) return '';
  const hit = ws.map((w) => matches(w.word));
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < ws.length; i++) {
    if (hit[i]) count++;
    if (i >= WINDOW_WORDS && hit[i - WINDOW_WORDS]) count--;
    const start = Math.max(0, i - WINDOW_WORDS + 1);
    if (count > bestCount) { bestCount = count; best = start; }
  }
  // Start a little before the first match of the window, so the match is not the snippet's first word.
  const firstHit = hit.indexOf(true, best);
  const from = firstHit >= 0 && firstHit - best > 5 ? Math.max(0, firstHit - 5) : best;
  const to = Math.min(ws.length, from + WINDOW_WORDS);
  let out = '';
  let cursor = (ws[from] as { start: number }).start;
  for (let i = from; i < to; i++) {
    const w = ws[i] as { word: string; start: number; end: number };
    out += scanned.slice(cursor, w.start);
    out += hit[i] ? `${MARK_START}${w.word}${MARK_END}` : w.word;
    cursor = w.end;
  }
  const lead = from > 0 ? '… ' : '';
  const tail = to < ws.length || scanned.length < text.length ? ' …' : '';
  return `${lead}${out.replace(/\s+/g, ' ').trim()}${tail}`;
}

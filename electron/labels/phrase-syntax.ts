// The phrase syntax of assets/labels/phrases/*.json (described in its README.md): parsing a phrase and matching
// it at one place of a text. Hand-written rather than compiled to regular expressions: thousands of phrases with
// Unicode word classes cost seconds to compile and scan slowly (phrase-index.ts finds the places; this checks them).
// Letters are compared folded (case, е/ё, Arabic and Persian variants, Turkish İ: foldCode), except in a word
// written in capitals ("US", "РФ", "UN"), which matches only in capitals.
import { foldCode, isDigitCode, isSpaceCode, isUnspacedCode, isWordCode } from './fold.ts';

export interface Token {
  /** Folded letters of the word, without its stars; empty for a gap. */
  core: string;
  /** `*word`: letters may precede, within the same word. */
  lead: boolean;
  /** `word*`: letters may follow. */
  trail: boolean;
  /** Written in capitals: matches only capitals. */
  capitals: boolean;
  gap: boolean;
}

export interface Phrase {
  text: string;
  tokens: Token[];
}

/** A word of two or more letters, all of them capitals. */
function isCapitalWord(core: string): boolean {
  const letters = [...core].filter((c) => c.toLowerCase() !== c.toUpperCase());
  return letters.length >= 2 && letters.every((c) => c === c.toUpperCase());
}

/** The folded form of a string, code unit by code unit (same length). */
export function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldCode(s.charCodeAt(i)));
  return out;
}

/** Parses a phrase; throws, naming it, when it holds no word. */
export function parsePhrase(text: string): Phrase {
  const words = text.trim().split(/\s+/).filter((t) => t.length > 0);
  if (words.length === 0 || words.every((t) => t === '…') || words[0] === '…' || words.at(-1) === '…') {
    throw new Error(`label phrase ${JSON.stringify(text)} must start and end with a word: fix it in its phrase file`);
  }
  const tokens = words.map((w): Token => {
    if (w === '…') return { core: '', lead: false, trail: false, capitals: false, gap: true };
    const lead = w.length > 1 && w.startsWith('*');
    const trail = w.length > 1 && w.endsWith('*');
    const core = w.slice(lead ? 1 : 0, trail ? -1 : undefined);
    return { core: fold(core), lead, trail, capitals: isCapitalWord(core), gap: false };
  });
  return { text, tokens };
}

/** The folded literal a phrase starts with (up to its first star or gap): what phrase-index.ts searches for. */
export function anchorOf(p: Phrase): { anchor: string; infix: boolean } {
  const first = p.tokens[0];
  if (!first) return { anchor: '', infix: false };
  let anchor = first.core;
  if (!first.trail) {
    for (const t of p.tokens.slice(1)) {
      if (t.gap || t.lead) break;
      anchor += ` ${t.core}`;
      if (t.trail) break;
    }
  }
  return { anchor, infix: first.lead };
}

const isSpace = isSpaceCode;
const isUpperCode = (c: number): boolean => {
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase() || ch === ch.toUpperCase();
};

/** Matches token `k` and the rest at `pos`; returns the end of the match or -1. */
function matchFrom(tokens: Token[], k: number, text: string, pos: number, to: number): number {
  const t = tokens[k];
  if (!t) return pos;
  if (t.gap) {
    // Up to four words, then the next token (shortest first); in a script without spaces, up to twelve characters.
    if (isUnspacedCode(text.charCodeAt(pos))) {
      for (let p = pos; p <= Math.min(to, pos + 12); p++) {
        if (p > pos && /[\s.,!?;:、。，！？；：]/.test(text[p - 1] ?? '')) return -1;
        const end = matchFrom(tokens, k + 1, text, p, to);
        if (end >= 0) return end;
      }
      return -1;
    }
    let p = pos;
    for (let words = 0; words <= 4; words++) {
      const end = matchFrom(tokens, k + 1, text, p, to);
      if (end >= 0) return end;
      let q = p;
      while (q < to && !isSpace(text.charCodeAt(q)) && !'.!?;'.includes(text[q] ?? '\0')) q++;
      if (q === p || q >= to || !isSpace(text.charCodeAt(q))) return -1;
      while (q < to && isSpace(text.charCodeAt(q))) q++;
      p = q;
    }
    return -1;
  }
  const start = pos;
  if (t.lead) {
    // The core may sit anywhere in the word that starts at pos.
    let wordEnd = pos;
    while (wordEnd < to && isWordCode(text.charCodeAt(wordEnd))) wordEnd++;
    for (let s = pos; s + t.core.length <= wordEnd; s++) {
      const end = matchWord(t, tokens, k, text, s, to);
      if (end >= 0) return end;
    }
    return -1;
  }
  return matchWord(t, tokens, k, text, start, to);
}

function matchWord(t: Token, tokens: Token[], k: number, text: string, start: number, to: number): number {
  const core = t.core;
  if (start + core.length > to) return -1;
  for (let i = 0; i < core.length; i++) {
    const c = text.charCodeAt(start + i);
    if (foldCode(c) !== core.charCodeAt(i)) return -1;
    if (t.capitals && !isUpperCode(c)) return -1;
  }
  let p = start + core.length;
  const lastCore = core.charCodeAt(core.length - 1);
  if (t.trail) while (p < to && isWordCode(text.charCodeAt(p)) && !footnoteNumberAt(text, p)) p++;
  else if (isWordCode(lastCore) && !isUnspacedCode(lastCore) && p < to && isWordCode(text.charCodeAt(p)) && !footnoteNumberAt(text, p)) return -1;
  const next = tokens[k + 1];
  if (!next) return p;
  // Between words: spaces; none needed next to a parenthesis ("сообщение(материал)").
  const tight = /[()]$/.test(core) || (!next.gap && next.core.startsWith('('));
  let q = p;
  while (q < to && isSpace(text.charCodeAt(q))) q++;
  if (q === p && !tight && !isUnspacedCode(lastCore)) return -1;
  return matchFrom(tokens, k + 1, text, q, to);
}

/** A footnote number glued to the word before it ("terrorist group1 once again", "Meta2."): one or two digits, then no word character. */
function footnoteNumberAt(text: string, p: number): boolean {
  if (!isDigitCode(text.charCodeAt(p))) return false;
  const q = isDigitCode(text.charCodeAt(p + 1)) ? p + 2 : p + 1;
  return q >= text.length || !isWordCode(text.charCodeAt(q));
}

/** The end of phrase `p` matched at `pos` (its first word starting there), or -1. */
export function matchAt(p: Phrase, text: string, pos: number, to = text.length): number {
  const first = p.tokens[0];
  if (!first) return -1;
  const c = text.charCodeAt(pos);
  const before = pos > 0 ? text.charCodeAt(pos - 1) : 32;
  // A phrase starts at a word start, except an infix one or one in a script written without spaces; a letter after
  // a digit starts a word (a footnote's number glued to its text: "1Организация признана…").
  if (!first.lead && isWordCode(before) && !isDigitCode(before) && !isUnspacedCode(c) && isWordCode(c)) return -1;
  return matchFrom(p.tokens, 0, text, pos, to);
}

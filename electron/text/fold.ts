// Text folding shared by the index and the query side, so that both see the same words.
// SQLite's unicode61 tokenizer (remove_diacritics 2) already folds case and Latin diacritics; what it leaves
// alone and readers treat as the same letter is folded here: Russian ё/е, Arabic vowel marks, tatweel and the
// forms of alef.

const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const ARABIC_ALEF = /[\u0622\u0623\u0625\u0671]/g;
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
/** Precomposed Latin letters with diacritics, and combining marks. */
const LATIN_WITH_MARKS = /[\u00C0-\u024F\u1E00-\u1EFF\u0300-\u036F]/;
/** What unicode61 counts as a word: letters, digits, marks and private-use characters; the rest separates. */
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

/** Any character indexFold changes: a text with none (most Latin text) is read once instead of five times. */
const FOLDABLE = /[ёЁ\u064B-\u065F\u0670\u0640\u0622\u0623\u0625\u0671\u0649]/;

/** Folds what the tokenizer would not; applied to every indexed column and every query term. */
export function indexFold(text: string): string {
  if (!FOLDABLE.test(text)) return text;
  return text.replace(/ё/g, 'е').replace(/Ё/g, 'Е').replace(ARABIC_MARKS, '').replace(ARABIC_ALEF, '\u0627').replace(/\u0649/g, '\u064A');
}

/** One word as the index compares it: lower case, Latin diacritics removed (like unicode61), indexFold applied. */
export function foldWord(word: string): string {
  const lower = indexFold(word).toLowerCase();
  // Unicode normalisation is the costly part: only words with Latin diacritics need it.
  return LATIN_WITH_MARKS.test(lower) ? lower.normalize('NFD').replace(LATIN_MARKS, '$1').normalize('NFC') : lower;
}

export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

/** The words of a text, split where unicode61 splits, without their offsets (the index's hot path: no object per word). */
export function wordList(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The words of a text with their offsets, split where unicode61 splits. */
export function words(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of text.matchAll(WORD)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

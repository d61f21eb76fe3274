// What the perturbation families (perturb.ts, perturb-agreement.ts, perturb-paraphrase.ts) share: the perturbed
// case, a text edited at several places at once, and the whole-word occurrences of a name.
import type { LabelCase } from './label-scoring.ts';

export interface Perturbed extends LabelCase {
  original: LabelCase;
}

export interface Family {
  name: string;
  cases: Perturbed[];
}

/** An edit of a text: at, how many characters it deletes, what it inserts. */
export type Edit = [number, number, string];

const LETTER = /[\p{L}\p{M}\p{Nd}]/u;

/** True when the character is a letter, a mark or a digit (a word goes on). */
export const isWordChar = (ch: string | undefined): boolean => LETTER.test(ch ?? ' ');

/** Every whole-word occurrence of `s` in `text` (no letter or digit on either side). */
export function occurrences(text: string, s: string): number[] {
  const out: number[] = [];
  if (s.length === 0) return out;
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
    if (isWordChar(text[i - 1]) || isWordChar(text[i + s.length])) continue;
    out.push(i);
  }
  return out;
}

/** Applies insertions and replacements from the end, so offsets hold. */
export function edited(text: string, edits: Edit[]): string {
  let out = text;
  for (const [at, del, ins] of [...edits].sort((a, b) => b[0] - a[0])) out = out.slice(0, at) + ins + out.slice(at + del);
  return out;
}

/** A string hash (FNV-1a): the families pick their variants by it, so every run perturbs alike. */
export function hash(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
  return h >>> 0;
}

export const pickOf = <T>(items: readonly T[], key: string): T => items[hash(key) % items.length] as T;

/** `word` with the letter case of `like`'s first letter. */
export const caseLike = (word: string, like: string): string =>
  /^\p{Lu}/u.test(like) ? (word[0] ?? '').toUpperCase() + word.slice(1) : word;

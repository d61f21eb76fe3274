// Quotation marks as the rules read them. Outlets quote a name in many styles: «X», „X“, „X”, "X", “X”, ‘X’, 'X'.
// The rules were written on guillemets and double quotes; the low-high and single styles are read as guillemets, in
// a copy of the text of the same length (so that every offset holds), and the labels found there are given back
// their text as printed. A single quote is a quotation mark only where it cannot be an apostrophe: it opens after
// no letter and before one, and closes after a letter (or a marker, a stop) and before no letter ("l'organisation",
// "IŞİD'in", "Jehovah’s" stay as printed); in Chinese and Japanese, written without spaces, it may touch both.
import type { Label } from '../model.ts';

const LETTER = /[\p{L}\p{M}\p{Nd}]/u;
// Scripts written without spaces have no apostrophes: a quotation mark there may touch the word before or after it.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const glued = (ch: string | undefined): boolean => LETTER.test(ch ?? ' ') && !UNSPACED.test(ch ?? ' ');
const MAX = 150;

/**
 * The text with its „…“, ‘…’ and '…' quotations printed «…» (same length), or the text itself when it has none. Beside
 * Chinese or Japanese, where the rules read “…” and 「…」, they and «…» are printed “…” instead.
 */
export function quotesAsGuillemets(text: string): string {
  if (!/[„‘'«]/u.test(text)) return text;
  const out = text.split('');
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch !== '„' && ch !== '‘' && ch !== "'" && ch !== '«') continue;
    if ((ch === '‘' || ch === "'") && (glued(text[i - 1]) || !LETTER.test(text[i + 1] ?? ' '))) continue;
    const j = ch === '«' ? text.indexOf('»', i + 1) : closing(text, i, ch);
    if (j < 0 || j - i > MAX) continue;
    const cjk = UNSPACED.test(text[i - 1] ?? '') || UNSPACED.test(text[i + 1] ?? '') || UNSPACED.test(text[j + 1] ?? '');
    if (ch === '«' && !cjk) continue;
    out[i] = cjk ? '“' : '«';
    out[j] = cjk ? '”' : '»';
    changed = true;
    if (ch === '‘' || ch === "'") i = j;
  }
  return changed ? out.join('') : text;
}

/** Where the quotation opened at `i` by `open` closes on its line, or -1. */
function closing(text: string, i: number, open: string): number {
  for (let j = i + 1; j < text.length && j - i <= MAX; j++) {
    const ch = text[j] ?? '';
    if (ch === '\n') return -1;
    if (open === '„') {
      if (ch === '“' || ch === '”' || ch === '"') return j;
      if (ch === open) return -1;
      continue;
    }
    const close = open === '‘' ? '’' : "'";
    // (A digit may follow: a footnote number, "‘Джебхат ан-Нусра’1".)
    if (ch === close && /[\p{L}\p{M}\p{Nd}.!?*✱※¹²³⁴⁵⁶⁷⁸⁹)]/u.test(text[j - 1] ?? '') && !(glued(text[j + 1]) && !/\p{Nd}/u.test(text[j + 1] ?? ''))) return j;
    // Another opening mark first: this one was no quotation ("'X … 'Y'" opens at the second).
    if (ch === open && !LETTER.test(text[j - 1] ?? ' ') && LETTER.test(text[j + 1] ?? ' ')) return -1;
  }
  return -1;
}

/** Labels found in the guillemet copy `read` of `text`, with their evidence and entity as `text` prints them. */
export function asPrinted(labels: Label[], text: string, read: string): Label[] {
  if (read === text) return labels;
  return labels.map((l) => {
    const evidence = text.slice(l.start, l.end);
    if (!/[«»“”]/u.test(l.entity)) return { ...l, evidence };
    // The entity as printed: where it stands in the evidence, else its first place in the text.
    const inEvidence = read.indexOf(l.entity, l.start);
    const at = inEvidence >= 0 && inEvidence < l.end ? inEvidence : read.indexOf(l.entity);
    return { ...l, evidence, entity: at >= 0 ? text.slice(at, at + l.entity.length) : l.entity };
  });
}

// Character tables shared by the phrase matcher and its index: how a code unit is compared (folded), and which
// code units make words. Tables of 65,536 entries, built once: a lookup per character is what keeps a scan of a
// whole article cheap.

function table(test: (ch: string, c: number) => boolean): Uint8Array {
  const t = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) if (test(String.fromCharCode(c), c)) t[c] = 1;
  return t;
}

/** Code unit → the code unit it is compared as: lower case, letter variants merged, every space one space. */
const FOLD = ((): Uint16Array => {
  const fold = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    const lower = String.fromCharCode(c).toLowerCase();
    fold[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  }
  const merge = (to: string, from: string): void => {
    for (const ch of from) fold[ch.charCodeAt(0)] = to.charCodeAt(0);
  };
  merge('е', 'ёЁ');
  merge('i', 'İIı');
  merge("'", '’ʼ`');
  merge('-', '‐‑');
  merge('ا', 'أإآ');
  merge('ي', 'ىی');
  merge('ك', 'ک');
  merge('ه', 'ة');
  merge('σ', 'ς');
  merge('ș', 'şȘŞ');
  merge('ț', 'ţȚŢ');
  merge(' ', '\t\n\r\f\v\u00a0\u202f\u2009\u2002\u2003');
  return fold;
})();

// Letters, marks, decimal digits (not the superscript digits that mark footnotes), and the joiners Persian writes
// inside words.
const WORD = table((ch) => /[\p{L}\p{M}\p{Nd}\u200c\u200d]/u.test(ch));
// Scripts written without spaces between words: no word boundaries there.
const UNSPACED = table((ch) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u.test(ch));

export const foldCode = (c: number): number => FOLD[c] ?? c;
export const isWordCode = (c: number): boolean => WORD[c] === 1;
/** ASCII digits: a footnote number glued to the word after it ("1Организация признана…") is no part of that word. */
export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
export const isUnspacedCode = (c: number): boolean => UNSPACED[c] === 1;
export const isSpaceCode = (c: number): boolean => FOLD[c] === 32;

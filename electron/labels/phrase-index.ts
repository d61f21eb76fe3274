// Finding thousands of phrases in one pass. Each phrase has an anchor (its literal start, up to the first stem or
// gap, folded: fold.ts); an Aho–Corasick automaton over the anchors finds every candidate in a single scan, and
// only a candidate's own phrase is then matched, at its place (phrase-syntax.ts).
// Hand-written: one precompiled regular expression of the same phrases scans at 5–12 MB/s in V8 (hundreds of
// alternatives tried at every position), and the multi-pattern libraries on npm neither fold case and letter
// variants without copying the text nor keep the offsets the labels report.
import { foldCode, isDigitCode, isWordCode } from './fold.ts';
import { anchorOf, matchAt, type Phrase } from './phrase-syntax.ts';

export interface Found {
  /** Index into the phrases given to the constructor. */
  phrase: number;
  index: number;
  end: number;
}

/**
 * An Aho–Corasick automaton over phrase anchors. `dense` builds the full transition table (fast, more memory: for
 * the trigger scan over whole texts); otherwise transitions follow failure links (for short notes).
 */
export class PhraseIndex {
  private readonly alpha = new Uint16Array(65536);
  private readonly size: number;
  private readonly goto: Map<number, number>[] = [new Map()];
  private readonly fail: Int32Array;
  /** Phrases whose anchor ends at a state, its own and through failure links. */
  private readonly out: number[][];
  /** The root's transitions as a table: most characters of a text are read at the root. */
  private readonly rootRow: Int32Array;
  /** Whether a state holds anchors (indexed by row in the dense table). */
  private hasOut: Uint8Array;
  /** The full transition table, rows premultiplied: delta[row + letter] is the next row. */
  private readonly delta: Int32Array | null;
  private readonly anchors: { anchor: string; infix: boolean }[];
  private readonly phrases: Phrase[];

  constructor(phrases: Phrase[], dense: boolean) {
    this.phrases = phrases;
    this.anchors = phrases.map(anchorOf);
    let letters = 1;
    for (const { anchor } of this.anchors) {
      for (let i = 0; i < anchor.length; i++) {
        const c = anchor.charCodeAt(i);
        if (this.alpha[c] === 0) this.alpha[c] = letters++;
      }
    }
    // Every code unit that folds to an anchor letter shares its index.
    for (let c = 0; c < 65536; c++) {
      const a = this.alpha[foldCode(c)];
      if (a) this.alpha[c] = a;
    }
    this.size = letters;
    // Spaces index as one letter (anchors hold plain spaces; the text any space).
    const ends: number[][] = [[]];
    this.anchors.forEach(({ anchor }, k) => {
      if (anchor.length === 0) return;
      let s = 0;
      for (let i = 0; i < anchor.length; i++) {
        const a = this.alpha[anchor.charCodeAt(i)] ?? 0;
        let next = this.goto[s]?.get(a);
        if (next === undefined) {
          next = this.goto.length;
          this.goto.push(new Map());
          ends.push([]);
          this.goto[s]?.set(a, next);
        }
        s = next;
      }
      ends[s]?.push(k);
    });
    const states = this.goto.length;
    this.fail = new Int32Array(states);
    this.out = ends;
    this.hasOut = new Uint8Array(states);
    const order: number[] = [];
    const queue: number[] = [...(this.goto[0]?.values() ?? [])];
    for (let head = 0; head < queue.length; head++) {
      const s = queue[head] ?? 0;
      order.push(s);
      for (const [a, t] of this.goto[s] ?? []) {
        let f = this.fail[s] ?? 0;
        while (f !== 0 && !this.goto[f]?.has(a)) f = this.fail[f] ?? 0;
        const ft = s === 0 ? undefined : this.goto[f]?.get(a);
        this.fail[t] = ft ?? 0;
        const inherited = this.out[this.fail[t] ?? 0] ?? [];
        if (inherited.length > 0) this.out[t] = [...(this.out[t] ?? []), ...inherited];
        queue.push(t);
      }
    }
    this.out.forEach((o, k) => {
      if (o.length > 0) this.hasOut[k] = 1;
    });
    this.rootRow = new Int32Array(letters);
    for (const [a, t] of this.goto[0] ?? []) this.rootRow[a] = t;
    if (!dense) {
      this.delta = null;
      return;
    }
    const delta = new Int32Array(states * letters);
    for (const [a, t] of this.goto[0] ?? []) delta[a] = t * letters;
    for (const s of order) {
      const f = this.fail[s] ?? 0;
      for (let a = 1; a < letters; a++) {
        const t = this.goto[s]?.get(a);
        delta[s * letters + a] = t !== undefined ? t * letters : delta[f * letters + a] ?? 0;
      }
    }
    const rowOut = new Uint8Array(states * letters);
    this.hasOut.forEach((h, k) => {
      if (h) rowOut[k * letters] = 1;
    });
    this.delta = delta;
    this.hasOut = rowOut;
  }

  /** Calls `hit(state, end)` for every state holding anchors that end just before `end`; stops when it returns true. */
  private scan(text: string, from: number, to: number, hit: (state: number, end: number) => boolean): void {
    if (this.delta) {
      scanDense(this.delta, this.alpha, this.hasOut, this.size, text, from, to, hit);
      return;
    }
    const { alpha, hasOut } = this;
    const space = alpha[32] as number;
    let s = 0;
    let last = 0;
    for (let i = from; i < to; i++) {
      const a = alpha[text.charCodeAt(i)] as number;
      // A run of spaces reads as one: "foreign  agent" is "foreign agent".
      if (a === space && last === space) continue;
      last = a;
      if (a === 0) {
        s = 0;
        continue;
      }
      let t = s === 0 ? undefined : this.goto[s]?.get(a);
      while (t === undefined && s !== 0) {
        s = this.fail[s] ?? 0;
        if (s !== 0) t = this.goto[s]?.get(a);
      }
      s = t ?? (this.rootRow[a] as number);
      if (hasOut[s] === 1 && hit(s, i + 1)) return;
    }
  }

  /** The end of the first anchor in text[from, to) (unverified: a cheap first pass), or -1. */
  firstAnchor(text: string, from = 0, to = text.length): number {
    let at = -1;
    this.scan(text, from, to, (_s, end) => {
      at = end;
      return true;
    });
    return at;
  }

  /** The ends of every anchor in text[from, to), unverified. */
  anchorEnds(text: string, from = 0, to = text.length): number[] {
    const ends: number[] = [];
    this.scan(text, from, to, (_s, end) => {
      ends.push(end);
      return false;
    });
    return ends;
  }

  /** Every phrase occurrence in text[from, to): its anchor found, then the phrase matched there. */
  find(text: string, from = 0, to = text.length): Found[] {
    const found: Found[] = [];
    this.scan(text, from, to, (s, end) => {
      for (const k of this.out[s] ?? []) {
        const p = this.phrases[k];
        const a = this.anchors[k];
        if (!p || !a) continue;
        let start = end - a.anchor.length;
        // (A footnote number glued before the word is no part of it: "1تابع لشركة ميتا …".)
        if (a.infix) while (start > from && isWordCode(text.charCodeAt(start - 1)) && !isDigitCode(text.charCodeAt(start - 1))) start--;
        if (start < from) continue;
        const stop = matchAt(p, text, start, to);
        if (stop >= 0) found.push({ phrase: k, index: start, end: stop });
      }
      return false;
    });
    return found;
  }
}

/** The scan over the dense table: a lookup and a branch per character. */
function scanDense(delta: Int32Array, alpha: Uint16Array, hasOut: Uint8Array, size: number, text: string, from: number, to: number,
  hit: (state: number, end: number) => boolean): void {
  const space = alpha[32] as number;
  let row = 0;
  let last = 0;
  for (let i = from; i < to; i++) {
    const a = alpha[text.charCodeAt(i)] as number;
    if (a === space && last === space) continue;
    last = a;
    row = a === 0 ? 0 : (delta[row + a] as number);
    if (hasOut[row] === 1 && hit(row / size, i + 1)) return;
  }
}

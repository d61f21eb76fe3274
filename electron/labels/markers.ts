// The structure of footnotes: the markers that open footnotes (at the start of a line, or after the end of a
// sentence when a page's paragraphs were run together) and the marked mentions in the body that carry the same
// marker ("Taliban*", "«Мемориал»*", "Meta1", "Meta¹", "Meta[1]", "Meta (*)").

export interface FootnoteStart {
  /** The marker as printed ("*", "**", "✱", "※", "(*)", "[1]", "¹", "1"). */
  marker: string;
  /** Where the marker starts. */
  at: number;
  /** Where the footnote's text starts (after the marker and a separating dash or colon). */
  body: number;
  /** Where the footnote ends: the end of its line, or the next footnote on the same line. */
  end: number;
  /** Where the marker stands when the footnote opens with its name ("«Талибан*» — …"): `at` and `body` are the line's start. */
  head?: number;
}

const STAR_RUN = /^(?:\*{1,4}|✱{1,3}|⁎{1,3}|＊{1,3}|※{1,2}|†{1,2}|‡)/u;
const BRACKETED = /^(?:\(\*{1,3}\)|\[\*{1,3}\]|\[\d{1,2}\]|\(\d{1,2}\))/;
const SUPERSCRIPT = /^[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}/u;
// A footnote number before its text: a space, a stop, a bracket, a dash, a quote or a letter (a superscript
// flattened to a digit: "1«Азов» — …", "1организация признана…", "1منظمة إرهابية…"). Mid-line, only before a capital.
const DIGITS = /^\d{1,2}(?=[ .)\t«»"“„\-–—:]|\p{L})/u;
const STAR_CHARS = '*✱⁎＊※†‡';
/**
 * A footnote that opens with its name, the marker on it, then a dash ("«Талибан*» — террористическая организация,
 * запрещенная в России", "イスラム国家*-ロシアで禁止されているテロ組織"): a name of up to 60 characters without sentence
 * punctuation; a hyphen unspaced only before a script without spaces (else it joins a compound: "Taliban*-Bewegung").
 */
const HEADED = /^[«"“„]?[\p{Lu}\p{Lo}][^\n.!?;:()«»"“„”*✱⁎＊※†‡]{0,58}?[»"”]?[ \t\u00a0]?(\*{1,3}|✱{1,2}|⁎|＊|※)[»"”]?(?:[ \t\u00a0]+[-–—][ \t\u00a0]+|[ \t\u00a0]*[–—][ \t\u00a0]*|-(?=\p{Lo}))(?=[\p{L}«"“„])/du;

/** The marker printed at `pos`, if one starts there. `digits`: plain digits count (a footnote line "1 …"). */
function markerAt(text: string, pos: number, digits: boolean): string | null {
  const rest = text.slice(pos, pos + 6);
  const m = STAR_RUN.exec(rest) ?? BRACKETED.exec(rest) ?? SUPERSCRIPT.exec(rest) ?? (digits ? DIGITS.exec(rest) : null);
  return m ? m[0] : null;
}

/** The text of a footnote starts with a letter, a digit, a quote or a bracket, after an optional dash or colon. */
const BODY_START = /^[ \t\u00a0]*(?:[—–\-:.)][ \t\u00a0]*)?(?=[\p{L}\p{Nd}«"“„(‹「『《'])/u;
const SENTENCE_END = /[.!?»"”)…][ \t\u00a0]*$/;

/**
 * Footnote starts in text[from, to) (one line): at the line start, or after a sentence's end. A number opens a
 * footnote only when some name in the text carries it (`numbered`): "9 июня …" is a date.
 */
export function footnoteStarts(text: string, from: number, to: number, numbered: (digits: string) => boolean = () => false): FootnoteStart[] {
  const starts: FootnoteStart[] = [];
  let lead = from;
  while (lead < to && /[ \t\u00a0•·]/.test(text[lead] ?? '')) lead++;
  // A footnote set as a list item: "- ✱ - соцсеть признана…".
  const bullet = /^[-–—][ \t\u00a0]+/.exec(text.slice(lead, lead + 6));
  if (bullet && markerAt(text, lead + bullet[0].length, false)) lead += bullet[0].length;
  const tryAt = (pos: number, digits: boolean): void => {
    const marker = markerAt(text, pos, digits);
    if (!marker || (/^\d/.test(marker) && !numbered(marker))) return;
    // A run of the same star is one marker: "**" is not "*" followed by a footnote.
    if (STAR_CHARS.includes(marker[0] ?? '\0') && text[pos + marker.length] === marker[0]) return;
    // One footnote for several markers: "¹ ² Террористические организации…", "*, ** Запрещены в РФ".
    const shared = [{ marker, at: pos }];
    let after = pos + marker.length;
    for (let k = 0; k < 4; k++) {
      const gap = /^[ \t\u00a0]*,?[ \t\u00a0]*/.exec(text.slice(after, after + 4))?.[0] ?? '';
      const next = markerAt(text, after + gap.length, false);
      if (!next || next === shared[shared.length - 1]?.marker || (gap.length === 0 && STAR_CHARS.includes(next[0] ?? '\0'))) break;
      shared.push({ marker: next, at: after + gap.length });
      after += gap.length + next.length;
    }
    const body = BODY_START.exec(text.slice(after, Math.min(to, after + 8)));
    if (!body) return;
    for (const m of shared) starts.push({ marker: m.marker, at: m.at, body: after + body[0].length, end: to });
  };
  tryAt(lead, true);
  // The name opening the line must carry the marker elsewhere too: a body sentence "Meta* — …" has its footnote below.
  const head = HEADED.exec(text.slice(lead, Math.min(to, lead + 80)));
  const mark = head?.indices?.[1];
  if (head?.[1] && mark && markedMentions(text, head[1], new Set([lead + mark[0]])).length > 0) {
    starts.push({ marker: head[1], at: lead, body: lead, end: to, head: lead + mark[0] });
  }
  // Later in the line: a star or bracket marker right after the end of a sentence ("… Kandahar. *The Taliban …").
  for (let i = lead + 1; i < to; i++) {
    const ch = text[i] ?? '';
    const digit = /\d/.test(ch);
    // A translator's note opened inside brackets: "Стратегия «Талибана» (*запрещенная в России организация — прим.)".
    if (ch === '(' && STAR_CHARS.includes(text[i + 1] ?? '\0') && /[\p{L}]/u.test(text[i + 1 + (markerAt(text, i + 1, false)?.length ?? 0)] ?? '')) {
      const marker = markerAt(text, i + 1, false) ?? '*';
      const close = text.indexOf(')', i);
      starts.push({ marker, at: i + 1, body: i + 1 + marker.length, end: close > i && close < to ? close : to });
      continue;
    }
    if (!STAR_CHARS.includes(ch) && ch !== '(' && ch !== '[' && !/[¹²³⁴⁵⁶⁷⁸⁹]/u.test(ch) && !digit) continue;
    // Footnotes run on one line without a full stop ("*признана экстремистской … в РФ **признан иноагентом в РФ",
    // "¹признана … ²признан …"): another marker after a space opens the next one when the line opened with a footnote
    // and a name carries it.
    if (starts[0]?.at === lead && !digit && /[ \t\u00a0]/.test(text[i - 1] ?? '')) {
      const run = markerAt(text, i, false);
      if (run && !starts.some((s) => s.marker === run) && (STAR_CHARS.includes(ch) ? carried(text, run) : markedMentions(text, run, new Set([i])).length > 0)) {
        tryAt(i, false);
        continue;
      }
    }
    if (!SENTENCE_END.test(text.slice(Math.max(from, i - 3), i))) continue;
    // The full stop of a legal form ends no sentence: "… der tschechische Kulturus, z. s.* Diese Organisation …" marks
    // the name (LEGAL_FORM_TAIL).
    if (text[i - 1] === '.' && LEGAL_FORM_TAIL.test(text.slice(Math.max(from, i - 20), i))) continue;
    // The marker of a mention glued to the sentence's last word is not a footnote ("… the Taliban*.").
    if (!/[ \t\u00a0]/.test(text[i - 1] ?? '') && !/[.!?…]/.test(text[i - 1] ?? '')) continue;
    // A spaced star after a closing quote, with the sentence going on in lower case, marks the quoted name
    // ("Запрещенное в России движение «Колумбайн» * внесено в …"): a quotation ends no sentence there.
    if (/[»"”)][ \t\u00a0]+$/.test(text.slice(Math.max(from, i - 3), i)) && /^[ \t\u00a0]+\p{Ll}/u.test(text.slice(i + (markerAt(text, i, false)?.length ?? 1), i + 12))) continue;
    // A number after a sentence ("… в Идлибе.1 Организация запрещена…", "… states. 1 A terrorist …", "… 1 — запрещены
    // в РФ") only right after the full stop or one space after it, before a capital or a dash, not after a number
    // ("в 2014. 5 …").
    const stop = /[.!?]/.test(text[i - 1] ?? '') ? i - 1 : /[ \u00a0]/.test(text[i - 1] ?? '') && /[.!?]/.test(text[i - 2] ?? '') ? i - 2 : -1;
    if (digit && !(stop >= 0 && /^\d{1,2}[ \t\u00a0]*(?:\p{Lu}|[—–][ \t\u00a0]*\p{L})/u.test(text.slice(i, i + 8)) && !/\d/.test(text[stop - 1] ?? ''))) continue;
    tryAt(i, digit);
  }
  starts.sort((a, b) => a.at - b.at);
  for (const s of starts) {
    // The next footnote after this one's text (markers sharing one text start before it).
    const next = starts.find((x) => x !== s && x.at >= s.body);
    if (next && next.at < s.end) s.end = next.at;
  }
  return starts;
}

/** Whether some name in `text` carries the star marker `run` exactly ("Венедиктова**" carries "**"). */
function carried(text: string, run: string): boolean {
  const star = run[0] ?? '*';
  for (let i = text.indexOf(run); i >= 0; i = text.indexOf(run, i + 1)) {
    if (isWordChar(text[i - 1]) || CLOSERS.includes(text[i - 1] ?? '\0')) {
      if (text[i + run.length] !== star) return true;
    }
  }
  return false;
}

export interface MarkedMention {
  /** Where the marker starts: the name ends before it. */
  at: number;
  marker: string;
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{M}\p{Nd}]/u.test(ch);

/** Whether a counter or an ordinal's prefix of the text's language starts at `pos` (the phrase files' `counters`: "次", "名", "第"). */
export type Counted = (pos: number) => boolean;
const UNSPACED_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * A number written without spaces between two words ("塔利班1代表团", "“伊斯兰国”1武装分子"): a footnote number glued to
 * the name before it, unless it counts or orders the word after it ("第1次", "1名", "3月").
 */
function gluedBetween(text: string, i: number, digits: string, counted: Counted): boolean {
  const before = text[i - 1] ?? '';
  return UNSPACED_CHAR.test(text[i + digits.length] ?? '') && (UNSPACED_CHAR.test(before) || '”」』》'.includes(before))
    && !counted(i + digits.length) && !counted(i - 1);
}
const CLOSERS = '»”“"’\')]」』›》';

/**
 * An organisation's abbreviated legal form ending a text ("Kulturus, z. s.", "… hinter Gittern e.V.", "Meduza Ltd"): a
 * marker after its full stop is glued to the name, and the name ends before the form, as a company's "Inc." ends an
 * owner's name (DECISIONS-B).
 */
export const LEGAL_FORM_TAIL = /(?:,[ \u00a0]*|[ \u00a0]+)(?:e\.[ \u00a0]?V\.|z\.[ \u00a0]?s\.|o\.[ \u00a0]?p\.[ \u00a0]?s\.|z\.[ \u00a0]?ú\.|g?GmbH|AG|UG|Ltd\.?|LLC|Inc\.?|S\.[ \u00a0]?A\.|AS|AB|Oy|B\.V\.|N\.V\.|plc|SIA|UAB|OÜ)$/u;

/** Every place in `text` where `marker` is glued to a name, outside the footnote starts `skip`. */
export function markedMentions(text: string, marker: string, skip: ReadonlySet<number>, counted: Counted = () => true): MarkedMention[] {
  const out: MarkedMention[] = [];
  const star = STAR_CHARS.includes(marker[0] ?? '\0');
  const digit = /^\d+$/.test(marker);
  // A run of stars stands alone too ("Taliban ** seized"), after a word's letter, never a number's digit ("4 **").
  const spacedOk = !digit;
  const spacedAfter = (ch: string | undefined): boolean => (star && marker.length > 1 ? ch !== undefined && /[\p{L}\p{M}]/u.test(ch) : isWordChar(ch));
  for (let i = text.indexOf(marker); i >= 0 && out.length < 200; i = text.indexOf(marker, i + marker.length)) {
    if (skip.has(i)) continue;
    const before = text[i - 1] ?? '\n';
    const after = text[i + marker.length] ?? '';
    // Exactly this marker: not part of a longer run ("**" is not "*"), not a number ("Meta12", "2*3").
    if (star && (before === marker[0] || after === marker[0])) continue;
    if (digit && (!numberCarrier(text, i) || (/[\p{L}\p{Nd}]/u.test(after) && !gluedBetween(text, i, marker, counted)) || (/\p{L}/u.test(before) && /\d/.test(text[i - 2] ?? '')))) continue;
    if (!digit && isWordChar(after) && !/^[(\[]/.test(marker) && !/[¹²³⁴⁵⁶⁷⁸⁹⁰]/u.test(marker)) {
      // "Meta*company" or "5*3": a star inside a token is no mention marker; in scripts written without spaces
      // the next word follows straight on ("Facebook※の投稿", "「イスラム国」*は").
      if (isWordChar(before) && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(after)) continue;
    }
    const glued = isWordChar(before) || CLOSERS.includes(before) || (before === '.' && LEGAL_FORM_TAIL.test(text.slice(Math.max(0, i - 20), i)));
    // "Талибан *", "Meta (*)", "Meta [1]": one space before a marker that stands alone.
    const spaced = spacedOk && (before === ' ' || before === '\u00a0') && (spacedAfter(text[i - 2]) || CLOSERS.includes(text[i - 2] ?? '\0'))
      && !isWordChar(after);
    if (glued || spaced) out.push({ at: spaced ? i - 1 : i, marker });
  }
  return out;
}

/**
 * Whether the number at `i` is glued to a name: to a letter, or to the closing quote or bracket of a quoted name
 * ("ИГИЛ1", "«Джебхат ан-Нусра»1"; the low-high German and Bulgarian quotes close with “, after a letter).
 */
function numberCarrier(text: string, i: number): boolean {
  const before = text[i - 1] ?? '';
  if (/[\p{L}»"”’」』›》]/u.test(before)) return true;
  // "„Медуза“3"; a bracket closing on a name or a quoted gloss ("(«Партия исламского освобождения»)1"), not on a year.
  return (before === '“' || before === ')') && /[\p{L}\p{M}.!?»"”]/u.test(text[i - 2] ?? '');
}

/** Whether a name in `text` carries the number `digits` as a footnote marker ("ИГИЛ1", "«Джебхат ан-Нусра»1"). */
export function numberedMentions(text: string, counted: Counted = () => true): (digits: string) => boolean {
  const cache = new Map<string, boolean>();
  return (digits) => {
    let found = cache.get(digits);
    if (found === undefined) {
      const re = new RegExp(`(?<!\\d)${digits}(?!\\p{Nd})`, 'gu');
      found = [...text.matchAll(re)].some((m) => numberCarrier(text, m.index) && (!/\p{L}/u.test(text[m.index + digits.length] ?? '') || gluedBetween(text, m.index, digits, counted)));
      cache.set(digits, found);
    }
    return found;
  };
}

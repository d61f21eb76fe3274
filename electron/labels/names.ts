// Finding the name a label is attached to: the words just before a marker, a parenthesis or an appositive comma,
// just after a designation ("запрещенной в России организации «ИГ»"), or at the head of a footnote. A name is a
// quoted run, capitalised words (with their connectors: "Hayat Tahrir al-Sham", "Фонд борьбы с коррупцией"), a run
// of CJK characters, or, in scripts without capitals, the words up to a function word. Titles, roles, designation
// nouns and sentence openers are left out; the phrase files say which words those are (`roles`, `nouns`,
// `stopwords`), and the caller tells, through `WordClass`, which lists a word belongs to.
import type { ListName } from './lexicon.ts';

export interface NameSpan {
  name: string;
  start: number;
  end: number;
}

/** The lists a word of the text belongs to (text[start, end) is the whole word or starts a phrase). */
export type WordClass = (start: number, end: number) => ReadonlySet<ListName>;

const NO_CLASS: WordClass = () => new Set();

/** Quote pairs, closing → opening. */
// German and Danish quote the other way round (»X«): '«' closes after '»'.
const OPEN_FOR: Record<string, string> = { '»': '«', '«': '»', '”': '“', '“': '„', '"': '"', '」': '「', '』': '『', '›': '‹', '》': '《', '〉': '〈', '’': '‘', "'": "'" };
const CLOSE_FOR: Record<string, string> = { '«': '»', '“': '”', '„': '“', '"': '"', '「': '」', '『': '』', '‹': '›', '《': '》', '〈': '〉', '‘': '’', "'": "'" };
const ALT_CLOSE: Record<string, string> = { '„': '”"', '“': '“' };
export const QUOTE_CHARS = '«»“”„"「」『』‹›《》〈〉';

/**
 * The quotation mark at `i` as it works: German and Danish quote »the other way round«, so a guillemet opening
 * before a word reads as «, one closing after a word as ».
 */
export function quoteMarkAt(text: string, i: number): string {
  const ch = text[i] ?? '';
  if (ch === '»' && /[\s(]/.test(text[i - 1] ?? ' ') && /[\p{L}\p{Nd}]/u.test(text[i + 1] ?? ' ')) return '«';
  if (ch === '«' && /[\p{L}\p{Nd}.!?]/u.test(text[i - 1] ?? ' ') && !/[\p{L}\p{Nd}]/u.test(text[i + 1] ?? ' ')) return '»';
  return ch;
}

/** Lower-case words allowed inside a capitalised name ("Voice of America", "Hayat Tahrir al-Sham", "Ansar al Islam"). */
const CONNECTORS = new Set([
  'of', 'for', 'al', 'el', 'ul', 'ut', 'ad', 'ash', 'an', 'as', 'at', 'az', 'bin', 'ibn', 'de', 'del', 'della', 'dei', 'degli', 'delle', 'di', 'da', 'do', 'dos', 'das', 'du', 'des',
  'van', 'von', 'den', 'the', 'für', 'zur', 'zum', 'pour', 'para', 'per', 'eş', 'üt', 'аль', 'аш', 'ан', 'ад', 'ат', 'ас', 'эль', 'ибн', 'бин', 'уль', 'ут', 'ар', 'аз', 'ал', 'ел',
]);
/** Connectors that join a name's head to its complement ("of", "de", "della"): a sentence's first word before one heads the name. */
const OF_CONNECTOR = /^(?:of|for|de|del|della|dei|degli|delle|di|da|do|dos|das|du|des|pour|para|per|für|zur|zum)$/;
/** Articles that may open a name as written ("The Taliban"), dropped only by the entity key. */
const ARTICLES = /^(?:the|der|die|das|la|le|les|el|los|las|il|lo|gli|o|os|as|a|an|l['’])\s+/i;

/** Where a name starts after a capitalised article opening `text` at `pos` ("The Islamic State is …"); `pos` when none. */
export function afterArticle(text: string, pos: number): number {
  const m = ARTICLES.exec(text.slice(pos, pos + 8));
  return m && /^\p{Lu}/u.test(m[0]) ? pos + m[0].length : pos;
}

const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{M}\p{Nd}\u200c\u200d]/u.test(ch);
const isUpper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isCased = (ch: string): boolean => ch.toLowerCase() !== ch.toUpperCase();
// Thai is written without spaces between words too: its names are walked like CJK runs.
const isCjk = (ch: string): boolean => /[\p{Script=Han}\p{Script=Katakana}\p{Script=Thai}ー・]/u.test(ch);
const isKana = (ch: string): boolean => /\p{Script=Hiragana}/u.test(ch);
const isHangul = (ch: string): boolean => /\p{Script=Hangul}/u.test(ch);
/** Letters of scripts without capitals, written with spaces (Arabic, Hebrew, Indic, Georgian…). */
const isCaseless = (ch: string): boolean => isLetter(ch) && !isCased(ch) && !isCjk(ch) && !isKana(ch) && !isHangul(ch);

/** Characters that end a Chinese name when walking back from a mention. */
const CJK_STOP = '的了在对與与和及是被将將向从從称稱据據说說等把让讓于於为為由中上下旗其该該此各以而并並或、';
const TURKIC_CASE = /^\p{Lu}[\p{L}\p{Nd}]*['’](?!s$)\p{Ll}{1,4}$/u;
/**
 * A Turkish or Azerbaijani locative, ablative, dative, accusative or comitative ending after an apostrophe ("Doha'da",
 * "Moskova'dan", "Suriye'ye"), not "Qa'ida"; the genitive is left out: it joins a name ("Amerika'nın Sesi").
 */
const TURKIC_CASE_ENDING = /^\p{Lu}[\p{L}\p{Nd}]*['’](?:n?[dt][aeə]n?|y?[aeə]|y?[ıiuü]|yl[ae])$/u;
const MARKER_TAIL = /[*✱※⁎＊†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+$/u;

/** A word that can be part of a capitalised name: capitalised, a digit, or a connector-prefixed part ("al-Sham"). */
/** Whether a lower-case word joins capitalised words of one name ("of", "al", "da"). */
export function isConnector(w: string): boolean {
  return CONNECTORS.has(w.toLowerCase());
}

export function isNameWord(w: string): boolean {
  const first = w[0];
  if (first === undefined) return false;
  if (isUpper(first) || /^\d/.test(w)) return true;
  const dash = w.search(/[-‐]/);
  if (dash > 0 && dash <= 4) {
    const after = w[dash + 1];
    return after !== undefined && isUpper(after);
  }
  return false;
}

function sentenceStartAt(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u00a0' || QUOTE_CHARS.includes(text[i] ?? '\0') || text[i] === '(' || text[i] === '*')) i--;
  return i < 0 || '.!?\n:;…—–-•'.includes(text[i] ?? '\0');
}

interface Word {
  w: string;
  s: number;
  e: number;
}

/** The word (letters, digits and the inner ' ’ - . &) that ends at `end`, or null. */
/** Latin next to Han or kana ends a word: "Meta公司" is "Meta" and "公司". */
const scriptBreak = (a: string, b: string): boolean => (/[A-Za-z0-9]/.test(a) && isCjkOrKana(b)) || (isCjkOrKana(a) && /[A-Za-z0-9]/.test(b));
const isCjkOrKana = (ch: string): boolean => /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u.test(ch);

function wordEndingAt(text: string, end: number): Word | null {
  let s = end;
  while (s > 0 && end - s < 60) {
    const ch = text[s - 1] ?? '';
    if (s < end && scriptBreak(ch, text[s] ?? '')) break;
    if (isWordChar(ch)) s--;
    else if ("'’-‐.&".includes(ch) && isWordChar(text[s - 2]) && isWordChar(text[s])) s--;
    else break;
  }
  if (s === end) return null;
  return { w: text.slice(s, end), s, e: end };
}

function wordStartingAt(text: string, start: number): Word | null {
  let e = start;
  while (e < text.length && e - start < 60) {
    const ch = text[e] ?? '';
    if (e > start && scriptBreak(text[e - 1] ?? '', ch)) break;
    if (isWordChar(ch)) e++;
    else if ("'’-‐&".includes(ch) && isWordChar(text[e - 1]) && isWordChar(text[e + 1])) e++;
    else if (ch === '.' && /\p{Lu}/u.test(text[e - 1] ?? '') && /\p{Lu}/u.test(text[e + 1] ?? '')) e++; // U.S.A.
    else break;
  }
  if (e === start) return null;
  return { w: text.slice(start, e), s: start, e };
}

const spaceBefore = (text: string, i: number): boolean => text[i - 1] === ' ' || text[i - 1] === '\u00a0';

/** Skips spaces backwards from `end`. */
function trimBack(text: string, end: number): number {
  let i = end;
  while (i > 0 && /[ \t\u00a0]/.test(text[i - 1] ?? '')) i--;
  return i;
}

function trimForward(text: string, start: number): number {
  let i = start;
  while (i < text.length && /[ \t\u00a0]/.test(text[i] ?? '')) i++;
  return i;
}

const STOPPING: ListName[] = ['stopwords', 'nouns', 'roles', 'states', 'predicates', 'terrorist', 'extremist', 'undesirable', 'foreign_agent', 'banned_other', 'relatives', 'distributive'];
const stops = (cls: ReadonlySet<ListName>): boolean => STOPPING.some((l) => cls.has(l));

/**
 * The name that ends at `end` (spaces before `end` skipped). `marked`: the name carries a footnote marker, so a
 * single lower-case word may stand for it ("талибов*").
 */
export function nameBefore(text: string, end: number, classOf: WordClass = NO_CLASS, marked = false): NameSpan | null {
  let i = trimBack(text, end);
  while (i > 0 && /[*✱※⁎＊†‡¹²³⁴⁵⁶⁷⁸⁹⁰]/u.test(text[i - 1] ?? '')) i--;
  // A footnote number glued to a quoted name or a word of two letters or more ("«Джебхат ан-Нусры»1 (…)"; not "G7").
  i -= /(?<=[»"”“]|\p{L}{2})\d{1,2}$/u.exec(text.slice(Math.max(0, i - 6), i))?.[0].length ?? 0;
  i = trimBack(text, i);
  const last = text[i - 1];
  if (last === undefined) return null;
  const open = OPEN_FOR[last];
  if (open !== undefined) return quotedBefore(text, i, open);
  // A case ending glued after the closing quote: "“Ҳизбут-Таҳрир”га".
  const suffix = /[»”"’]([\p{Ll}]{1,4})$/u.exec(text.slice(Math.max(0, i - 6), i));
  if (suffix?.[1]) {
    const q = i - suffix[1].length;
    const o = OPEN_FOR[text[q - 1] ?? ''];
    if (o !== undefined) return quotedBefore(text, q, o);
  }
  if (last === ')' || last === '）') {
    // "Фонд борьбы с коррупцией (ФБК)*": the name before the brackets, else the one inside.
    const o = text.lastIndexOf(last === ')' ? '(' : '（', i - 1);
    if (o >= 0 && i - o < 60) return nameBefore(text, o, classOf, marked) ?? nameBefore(text, i - 1, classOf, marked);
    return null;
  }
  if (isCjk(last) || (/[A-Za-z0-9]/.test(last) && isCjk(charBeforeLatinRun(text, i)))) return cjkBefore(text, i, classOf);
  if (isHangul(last)) return hangulBefore(text, i);
  // The script of a word is its letters', not a vowel sign or other mark it ends with ("नुसरा").
  let l = i - 1;
  while (l > 0 && /\p{M}/u.test(text[l] ?? '')) l--;
  if (isCaseless(text[l] ?? '')) return caselessBefore(text, i, classOf);
  // A designation noun hyphenated to the name with a space before the hyphen, as machine translation writes Danish
  // and Norwegian compounds ("Taliban -bevægelsen*"): the name ends before it, as in "Taliban-bevægelsen".
  const detached = /[ \u00a0][-‐](\p{Ll}+)$/u.exec(text.slice(Math.max(0, i - 40), i));
  if (detached?.[1] && classOf(i - detached[1].length, i).has('nouns')) return casedBefore(text, i - detached[0].length, classOf, marked);
  if (isWordChar(last)) return casedBefore(text, i, classOf, marked);
  return null;
}

function charBeforeLatinRun(text: string, end: number): string {
  let i = end;
  while (i > 0 && /[A-Za-z0-9]/.test(text[i - 1] ?? '')) i--;
  return text[i - 1] ?? '';
}

function quotedBefore(text: string, end: number, open: string): NameSpan | null {
  const close = text[end - 1] ?? '';
  // Nested quotations closing together ("«Легиона «Свобода России»»*", "„Legion „Freiheit Russlands““"): the name is
  // the inner one; the words before it in the outer one are its designation noun, as with a single closing mark.
  const inner = OPEN_FOR[text[end - 2] ?? ''];
  if (inner !== undefined && text[end - 2] === close) return quotedBefore(text, end - 1, inner);
  let from = text.lastIndexOf(open, end - 2);
  // "„…“" in German pairs with the same closing mark as English “…” opening, and pages close „…" with a straight
  // quote: try „ too.
  const low = text.lastIndexOf('„', end - 2);
  if ((close === '“' || close === '"' || close === '”') && low > from) from = low;
  const nl = text.lastIndexOf('\n', end - 1);
  if (from < 0 || from <= nl || end - from > 150) return null;
  const name = text.slice(from + 1, end - 1).trim();
  if (name.length === 0 || !/\p{L}|\d/u.test(name)) return null;
  // A capitalised word before the quotes is not part of the name: "Legion „Freiheit Russlands“" names "Freiheit
  // Russlands" (a wider name the alias table knows is taken by the caller: Reading.widenKnown).
  return { name, start: from + 1, end: end - 1 };
}

function cjkBefore(text: string, end: number, classOf: WordClass): NameSpan | null {
  let i = end;
  while (i > 0 && end - i < 20) {
    const ch = text[i - 1] ?? '';
    if (!(isCjk(ch) || /[A-Za-z0-9\-]/.test(ch)) || CJK_STOP.includes(ch)) break;
    i--;
  }
  return trimCjk(text, i, end, classOf);
}

/** A CJK run without the designation nouns, kinds and states it starts or ends with ("极端组织伊斯兰国" → "伊斯兰国"). */
function trimCjk(text: string, start: number, end: number, classOf: WordClass): NameSpan | null {
  let s = start;
  let e = end;
  for (let moved = true; moved && s < e;) {
    moved = false;
    for (let k = Math.min(e, s + 12); k > s; k--) {
      if (stops(classOf(s, k)) && k < e) {
        s = k;
        moved = true;
        break;
      }
    }
  }
  for (let moved = true; moved && s < e;) {
    moved = false;
    for (let k = s + 1; k < e; k++) {
      const cls = classOf(k, e);
      if (cls.has('nouns') && k > s) {
        e = k;
        moved = true;
        break;
      }
    }
  }
  const name = text.slice(s, e);
  return name.length > 0 ? { name, start: s, end: e } : null;
}

function hangulBefore(text: string, end: number): NameSpan | null {
  const w = wordEndingAt(text, end);
  return w ? { name: w.w, start: w.s, end: w.e } : null;
}

/** Words of a script without capitals, back to a function word, designation noun or punctuation: at most three. */
function caselessBefore(text: string, end: number, classOf: WordClass): NameSpan | null {
  const words: Word[] = [];
  let i = end;
  while (words.length < 4) {
    const w = wordEndingAt(text, i);
    if (!w || !isCaseless(w.w[0] ?? '') && !/\d/.test(w.w[0] ?? '')) break;
    if (stops(classOf(w.s, w.e))) break;
    words.unshift(w);
    if (!spaceBefore(text, w.s)) break;
    i = w.s - 1;
  }
  if (words.length === 0) return null;
  const kept = words.length > 3 ? words.slice(-3) : words;
  const start = kept[0]?.s ?? end;
  return { name: text.slice(start, end), start, end };
}

/** Capitalised words ending at `end`, walking back over connectors; roles, nouns and sentence openers left out. */
function casedBefore(text: string, end: number, classOf: WordClass, marked: boolean): NameSpan | null {
  const words: Word[] = [];
  let i = end;
  let lowerTail = 0;
  while (words.length < 12) {
    const w = wordEndingAt(text, i);
    if (!w) break;
    let word = w;
    const elided = /^(?:[lLdD]|dell|all|nell|dall|sull)['’](?=\p{Lu})/u.exec(word.w);
    if (elided) word = { w: word.w.slice(elided[0].length), s: word.s + elided[0].length, e: word.e };
    // "régiment Azov d'Ukraine": a state after an elided "of" ends the name before it, as "Azov da Ucrânia" does.
    if (elided && words.length === 0 && /^[dD]/.test(elided[0]) && (classOf(word.s, word.e).has('states') || classOf(word.s, word.e).has('other_states')) && spaceBefore(text, w.s)) {
      i = w.s - 1;
      continue;
    }
    // A word that ends a sentence ("Novosti.") is not part of the name after it; nor is one that carries a Turkic
    // case ending after an apostrophe ("Doha'da Taliban*"): a name's inner words take no case ending.
    if (words.length > 0 && (/\p{L}{2}\.$/u.test(word.w) || TURKIC_CASE_ENDING.test(word.w))) break;
    // A name is written in one script: a Cyrillic word before a Latin name is the sentence's ("о культуре Коми Komi
    // Daily" → Komi Daily).
    if (words.length > 0 && scriptClass(word.w) !== null && scriptClass(words[0]?.w ?? '') !== null && scriptClass(word.w) !== scriptClass(words[0]?.w ?? '')) break;
    const named = isNameWord(word.w);
    // "and" inside a name only where "of" or "for" heads it ("Institute for Defence and Security Studies").
    const andJoin = words.length > 0 && /^(?:and|&)$/i.test(word.w) && words.some((x) => /^(?:of|for)$/i.test(x.w)) === false && precededByOfFor(text, word.s);
    // "in" likewise, between capitalised words of a name that an "of"-like connector already joins ("Center for
    // Development of Democracy in Russia", "Comunità dei Russi Liberi in Italia"): the place belongs to the name.
    const inJoin = words.length > 0 && /^(?:in|en)$/.test(word.w) && isNameWord(words[0]?.w ?? '') && precededByConnector(text, word.s);
    const connector = words.length > 0 && (CONNECTORS.has(word.w.toLowerCase()) || andJoin || inJoin);
    // A lower-case adjective between a capitalised head after an elided article and an "of"-like connector is the
    // name's own ("l'Assemblée française des Peuples du Caucase*", "l'Organizzazione mondiale della Sanità"): the
    // article opens the noun phrase the name is.
    const elidedHead = !named && !connector && words.length > 0 && /^\p{Ll}{3,}$/u.test(word.w) && OF_CONNECTOR.test(words[0]?.w ?? '')
      && /^[lLdD]['’]\p{Lu}\p{Ll}+$/u.test(wordEndingAt(text, trimBack(text, word.s))?.w ?? '') && spaceBefore(text, word.s);
    if (!named && !connector && !elidedHead) {
      // Lower-case words at the end of a name whose first word is capitalised ("Фонд борьбы с коррупцией").
      if (lowerTail >= 3 || words.some((x) => isNameWord(x.w))) break;
      // A lower-case Latin word that is a state's only by its stem is a people's or an adjective ("Associação de russos
      // livres*"), no state's name: it stops nothing.
      const cls = classOf(word.s, word.e);
      const nationWord = /^\p{Ll}+$/u.test(word.w) && scriptClass(word.w) === 'Latin' && cls.has('states') && STOPPING.every((l) => l === 'states' || !cls.has(l));
      if (stops(cls) && !nationWord) {
        // A short function word inside such a tail, when a capitalised designation noun and a lower-case word open
        // it ("Фонд борьбы с коррупцией", "Комитет защиты от цензуры"): the alias table need not know the name.
        const head = lowerTail > 0 && lowerTail < 3 && [...word.w].length <= 3 ? nounHeadedBefore(text, word.s, classOf) : null;
        if (!head) break;
        words.unshift(...head, word);
        break;
      }
      lowerTail++;
    }
    words.unshift(word);
    if (!spaceBefore(text, word.s) || elided) break;
    i = word.s - 1;
  }
  // Lower-case words count only when a capitalised word opens them; alone, only at a marker ("талибов*").
  // The Arabic article written apart stays with the name it opens ("al Qaeda", "al Nusra").
  const arabicArticle = (k: number): boolean => /^al$/.test(words[k]?.w ?? '') && isNameWord(words[k + 1]?.w ?? '');
  while (words.length > 0 && !isNameWord(words[0]?.w ?? '') && !(words.length === 1 && marked) && !arabicArticle(0)) {
    if (words.length === 1) return null;
    words.shift();
  }
  // "the Qatari Taliban's political office": the possessor is the name, not what it owns.
  const possessive = words.findIndex((x, k) => k < words.length - 1 && /['’]s$/.test(x.w) && isNameWord(x.w));
  if (possessive >= 0 && words.slice(possessive + 1).every((x) => !isNameWord(x.w))) {
    words.splice(possessive + 1);
    const p = words[possessive] as Word;
    words[possessive] = { w: p.w.slice(0, -2), s: p.s, e: p.e - 2 };
    lowerTail = 0;
  }
  // A capitalised word opening a sentence starts a lower-case-tailed name only at a marker ("Фонд борьбы с
  // коррупцией*"); before a parenthesis it is more often a clause ("Навальный призывал к протестам (…)").
  const head = words[0];
  const headClass = head ? classOf(head.s, head.e) : new Set<ListName>();
  if (lowerTail > 0 && words.length > lowerTail && head && !marked
    && (sentenceStartAt(text, head.s) || ['roles', 'stopwords', 'predicates', 'states'].some((l) => headClass.has(l as ListName)))) return null;
  return trimHead(text, words, classOf);
}

/** "Фонд борьбы" before `pos`: a capitalised designation noun, then one lower-case word that stops nothing; else null. */
function nounHeadedBefore(text: string, pos: number, classOf: WordClass): Word[] | null {
  if (!spaceBefore(text, pos)) return null;
  const lower = wordEndingAt(text, trimBack(text, pos));
  if (!lower || !/^\p{Ll}{3,}$/u.test(lower.w) || stops(classOf(lower.s, lower.e)) || !spaceBefore(text, lower.s)) return null;
  const noun = wordEndingAt(text, trimBack(text, lower.s));
  if (!noun || !/^\p{Lu}\p{Ll}+$/u.test(noun.w) || !classOf(noun.s, noun.e).has('nouns')) return null;
  return [noun, lower];
}

/** Latin, Cyrillic or Greek, by a word's first letter; null for other scripts, digits and punctuation. */
function scriptClass(w: string): string | null {
  const ch = /\p{L}/u.exec(w)?.[0] ?? '';
  if (/\p{Script=Latin}/u.test(ch)) return 'Latin';
  if (/\p{Script=Cyrillic}/u.test(ch)) return 'Cyrillic';
  if (/\p{Script=Greek}/u.test(ch)) return 'Greek';
  return null;
}

/** True when "of" or "for" stands among the three capitalised words before `pos` ("… Institute for Defence and"). */
function precededByOfFor(text: string, pos: number): boolean {
  return /\b(?:of|for)\s+(?:\p{Lu}[\p{L}'’\-]*\s+){1,3}$/u.test(text.slice(Math.max(0, pos - 60), pos));
}

/** True when an "of"-like connector stands before one to three capitalised words before `pos` ("… dei Russi Liberi"). */
function precededByConnector(text: string, pos: number): boolean {
  return /(?:^|[\s\u00a0])(?:of|for|dei|degli|delle|della|del|di|de|des|du|pour|para|per|für)[ \u00a0]+(?:\p{Lu}[\p{L}'’\-]*[ \u00a0]+){1,3}$/u.test(text.slice(Math.max(0, pos - 80), pos));
}

/** Drops roles, designation nouns, openers and a leading acronym from the head of a run of name words. */
function trimHead(text: string, words: Word[], classOf: WordClass): NameSpan | null {
  let ws = words.filter((w) => w.w.length > 0);
  const cut = (): void => {
    ws = ws.slice(1);
  };
  // A number is a count before the name, never its first word ("At least 4,000 Islamic State …").
  while (ws.length > 1 && /^[\d.,]+$/.test(ws[0]?.w ?? '')) cut();
  // A chain of designation nouns before a name ("einem Dienst des Konzerns Meta"): the name starts after the last one.
  const chain = ws.findIndex((w, k) => k > 0 && classOf(w.s, w.e).has('nouns') && isNameWord(ws[k + 1]?.w ?? '')
    && ws.slice(0, k).every((x) => classOf(x.s, x.e).has('nouns') || CONNECTORS.has(x.w.toLowerCase())));
  if (chain > 0) ws = ws.slice(chain);
  for (let guard = 0; guard < 8 && ws.length > 1; guard++) {
    const head = ws[0] as Word;
    const next = ws[1] as Word;
    const cls = classOf(head.s, head.e);
    // "Duma-Abgeordnete", "экс-депутат": a role as the last part of a compound.
    const dash = head.w.search(/[-‐][^-‐]*$/);
    const compoundRole = dash > 0 && classOf(head.s + dash + 1, head.e).has('roles');
    // A capitalised article before a one-word name is written as part of it ("The Taliban", "The Insider"); the
    // entity key drops it when names are compared.
    const article = cls.has('stopwords') && !(ws.length === 2 && /^\p{Lu}\p{Ll}{1,2}$/u.test(head.w) && /^(?:the|der|die|das|la|le|el|il|lo|los|las|les)$/i.test(head.w));
    const headIsStop = compoundRole || cls.has('roles') || article || cls.has('predicates')
      || cls.has('terrorist') || cls.has('extremist') || cls.has('banned_other') || cls.has('undesirable') || cls.has('foreign_agent');
    // A designation noun heads a name it qualifies ("движение Талибан", "Die Gruppe X"), but is part of one that goes
    // on in lower case ("Фонд борьбы с коррупцией"). Cyrillic writing capitalises no common noun inside a sentence,
    // so there a capitalised one opens the name, known or not ("Како преноси Радио Слободна Европа (…)"); elsewhere
    // a name that begins with one ("Radio Liberty") is restored by the alias table (Reading.widenKnown).
    const nounHead = cls.has('nouns') && isNameWord(next.w) && !(/^\p{Script=Cyrillic}/u.test(head.w) && !sentenceStartAt(text, head.s));
    if (headIsStop || nounHead) {
      cut();
      continue;
    }
    // A state's name of two words or more before a name is the complement of the noun before it ("das
    // Justizministerium der Russischen Föderation Kala (…)", "of the Russian Federation X"); one word is not
    // ("Russian Volunteer Corps").
    const statePhrase = ws.length >= 3 && isNameWord(ws[2]?.w ?? '') && !/['’]/.test(head.w) && ['states', 'other_states'].some((l) => classOf(head.s, next.e).has(l as ListName));
    if (statePhrase) {
      cut();
      cut();
      continue;
    }
    const initial = sentenceStartAt(text, head.s);
    // "ФБК Алексей Навальный": an acronym before a person's name is another name.
    if (/^\p{Lu}{2,}$/u.test(head.w) && ws.length >= 3 && ws.slice(1).every((w) => /^\p{Lu}\p{Ll}/u.test(w.w))) {
      cut();
      continue;
    }
    // "мэр Екатеринбурга Евгений Ройзман": a Cyrillic place in the genitive before a two-word person's name.
    if (ws.length === 3 && /^[А-ЯЁ][а-яё]+(?:а|я|ы|и)$/.test(head.w) && ws.slice(1).every((x) => /^[А-ЯЁ][а-яё]+$/.test(x.w))) {
      cut();
      continue;
    }
    // The first word of a sentence is capitalised for grammar: dropped when a longer name follows, or when it is
    // written in another style than the rest ("Saldırıyı DEAŞ", "Açıklama Facebook").
    // Not when an "of"-like connector joins it to the capitalised words after it: then it heads the name ("Congreso de
    // Diputados Populares (…)"), as it would inside a sentence; a role before the connector ("Members of …") went above.
    const ofHead = OF_CONNECTOR.test(next.w) && isNameWord(ws[2]?.w ?? '');
    if (initial && !ofHead && (ws.length >= 4 || differentStyle(head.w, next.w, ws.every((w) => isNameWord(w.w))))) {
      cut();
      continue;
    }
    break;
  }
  // Leading connectors go, but not a capitalised article kept above ("The Taliban").
  while (ws.length > 0 && CONNECTORS.has((ws[0]?.w ?? '').toLowerCase()) && !(ws.length === 2 && /^\p{Lu}/u.test(ws[0]?.w ?? '')) && !(ws[0]?.w === 'al' && ws.length > 1)) ws = ws.slice(1);
  const first = ws[0];
  const lastW = ws[ws.length - 1];
  if (!first || !lastW) return null;
  const single = ws.length === 1 ? classOf(first.s, first.e) : new Set<ListName>();
  if (ws.length === 1 && (single.has('roles') || single.has('nouns') || single.has('stopwords') || single.has('states'))) return null;
  return { name: text.slice(first.s, lastW.e), start: first.s, end: lastW.e };
}

/** Letters of Turkish and Azerbaijani spelling alone: a word with them is a native one, not a foreign name. */
const TURKIC_LETTERS = /[ıİşŞğĞəƏ]/u;

/**
 * "Saldırıyı DEAŞ", "Açıklama Facebook": a native sentence opener before an acronym or a Latin brand. `capitalised`:
 * every word of the run is, as in a person's name; there Latin letters with and without diacritics are one style
 * ("Iván Petrov", "Dmitri Murátov", "Łukasz Petrov": given names carry them in every language), and only Turkic letters
 * mark the opener as a native word before a foreign name.
 */
function differentStyle(first: string, second: string, capitalised: boolean): boolean {
  if (/['’]/.test(first)) return false; // Turkish marks a proper noun's case ending with an apostrophe
  const acronym = (w: string): boolean => w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w) && w !== first.toUpperCase();
  if (acronym(second)) return true;
  const anyLatin = (w: string): boolean => /^[\p{Script=Latin}\p{M}0-9'’\-.&]+$/u.test(w);
  if (capitalised && anyLatin(first) && anyLatin(second)) return TURKIC_LETTERS.test(first) && !TURKIC_LETTERS.test(second);
  const latin = (w: string): boolean => /^[A-Za-z0-9'’\-.&]+$/.test(w);
  return latin(first) !== latin(second);
}

/** The name that starts at `start` (after spaces): a quoted name, capitalised words, a CJK run, or caseless words. */
export function nameAfter(text: string, start: number, classOf: WordClass = NO_CLASS): NameSpan | null {
  const i = trimForward(text, start);
  const ch = text[i];
  if (ch === undefined) return null;
  const close = CLOSE_FOR[ch];
  if (close !== undefined) {
    let j = text.indexOf(close, i + 1);
    for (const alt of ALT_CLOSE[ch] ?? '') {
      const k = text.indexOf(alt, i + 1);
      if (k >= 0 && (j < 0 || k < j)) j = k;
    }
    const nl = text.indexOf('\n', i);
    if (j < 0 || j - i > 150 || (nl >= 0 && nl < j)) return null;
    // A straight quote after a space opens a quotation nested in this one ("Legione "libertà della Russia"**"): the
    // words before it are the designation noun, the nested quotation the name (as with "Legion „Freiheit Russlands“").
    if (ch === '"' && /[ \u00a0]/.test(text[j - 1] ?? '') && /\p{L}/u.test(text[j + 1] ?? '')) return nameAfter(text, j, classOf);
    const inner = text.slice(i + 1, j);
    // So does the same opening guillemet after a space ("«Легион «Свобода России»**": one closing mark for both).
    const nested = ch === '«' ? inner.lastIndexOf(' «') : -1;
    if (nested >= 0 && /\p{L}/u.test(inner[nested + 2] ?? '')) return { name: inner.slice(nested + 2).trim(), start: i + 1 + nested + 2, end: j };
    return /\p{L}|\d/u.test(inner) ? { name: inner.trim(), start: i + 1, end: j } : null;
  }
  if (isCjk(ch)) {
    let j = i;
    while (j < text.length && j - i < 20 && (isCjk(text[j] ?? '') || /[A-Za-z0-9\-]/.test(text[j] ?? '')) && !CJK_STOP.includes(text[j] ?? '\0')) j++;
    return trimCjk(text, i, j, classOf);
  }
  if (isHangul(ch)) {
    const w = wordStartingAt(text, i);
    return w ? { name: w.w, start: w.s, end: w.e } : null;
  }
  if (isCaseless(ch)) {
    const words: Word[] = [];
    let j = i;
    while (words.length < 3) {
      const w = wordStartingAt(text, j);
      if (!w || stops(classOf(w.s, w.e))) break;
      words.push(w);
      if (text[w.e] !== ' ') break;
      j = w.e + 1;
    }
    const a = words[0];
    const b = words[words.length - 1];
    return a && b ? { name: text.slice(a.s, b.e), start: a.s, end: b.e } : null;
  }
  const words: Word[] = [];
  let j = i;
  // "L'organisation", "l’État islamique": an elided article is not part of the name.
  const elided = /^(?:[lLdD]|dell|all|nell|dall|sull)['’](?=\p{L})/u.exec(text.slice(j, j + 6));
  if (elided) j += elided[0].length;
  while (words.length < 8) {
    const w = wordStartingAt(text, j);
    if (!w) break;
    const connector = words.length > 0 && CONNECTORS.has(w.w.toLowerCase());
    if (!isNameWord(w.w) && !connector) break;
    const cls = classOf(w.s, w.e);
    if (words.length > 0 && !connector && (cls.has('states') || cls.has('predicates'))) break;
    words.push(w);
    if (text[w.e] !== ' ' && text[w.e] !== '\u00a0') break;
    // A case ending set off by an apostrophe closes a Turkic proper noun ("IŞİD'in Horasan kolu"); the English
    // possessive does not ("Jehovah's Witnesses").
    if (TURKIC_CASE.test(w.w)) break;
    j = w.e + 1;
  }
  while (words.length > 0 && CONNECTORS.has((words[words.length - 1]?.w ?? '').toLowerCase())) words.pop();
  if (words.length === 0) return null;
  // Lower-case words that finish a one-word start before punctuation ("организации Фонд борьбы с коррупцией (ФБК)").
  const lastW = words[words.length - 1] as Word;
  const tail: Word[] = [];
  let k = lastW.e;
  while (words.length === 1 && tail.length < 3 && text[k] === ' ') {
    const w = wordStartingAt(text, k + 1);
    if (!w || isNameWord(w.w) || stops(classOf(w.s, w.e))) break;
    tail.push(w);
    k = w.e;
  }
  const after = trimForward(text, k);
  const closes = tail.length > 0 && (after >= text.length || /[,.;:()!?—–]/.test(text[after] ?? ''));
  return trimHead(text, closes ? [...words, ...tail] : words, classOf);
}

/** A candidate name cleaned: no surrounding quotes, no marker, no trailing punctuation; null when nothing is left. */
export function cleanName(raw: string): string | null {
  let name = raw.trim().replace(MARKER_TAIL, '').replace(/^[—–\-:\s]+/, '').replace(/[\s,.;:]+$/, '');
  for (let k = 0; k < 2; k++) {
    const first = name[0] ?? '';
    const close = CLOSE_FOR[first];
    if (close !== undefined && [close, ...(ALT_CLOSE[first] ?? '')].some((c) => name.endsWith(c))) name = name.slice(1, -1).trim();
  }
  if (!/\p{L}/u.test(name) || name.length > 120) return null;
  // A footnote number glued to a word inside a quoted name ("«Меджлис1 крымско-татарского народа»").
  return name.replace(/(?<=\p{Ll}{2})\d{1,2}(?=[ \u00a0]\p{L})/gu, '');
}

/** Two names of one entity compare equal by this key: case, quotation marks and a leading article aside. */
export function entityKey(entity: string): string {
  return entity.toLowerCase().replace(/[«»“”„"'’`]/g, '').replace(ARTICLES, '').replace(/\s+/g, ' ').trim();
}

/**
 * True when two names may be one entity in different inflections or spellings ("Талибан", "талибов";
 * "Навальный", "Навальным"): every word of the shorter name starts like a word of the longer one.
 */
export function sameEntity(a: string, b: string): boolean {
  const ka = entityKey(a);
  const kb = entityKey(b);
  if (ka === kb) return true;
  // Names in scripts without spaces do not inflect, and their first characters are no stem: "俄罗斯自由" and
  // "俄罗斯志愿军" are two entities. One is the other only when it holds it whole.
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(ka + kb)) return ka.includes(kb) || kb.includes(ka);
  const wa = ka.split(/[\s-]+/).filter((w) => w.length > 0);
  const wb = kb.split(/[\s-]+/).filter((w) => w.length > 0);
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (short.length === 0) return false;
  const stem = (w: string): string => (w.length <= 3 ? w : w.slice(0, Math.max(3, Math.min(w.length - 2, 5))));
  return short.every((w) => long.some((x) => (w.length <= 3 || x.length <= 3 ? w === x : x.startsWith(stem(w)) || w.startsWith(stem(x)) || oneEdit(w, x))));
}

/** Two spellings one letter apart ("Jabhat", "Jebhat"), for words of five letters or more. */
function oneEdit(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

// Pieces shared by the footnote and inline rules: where a sentence starts and ends, the kinds named by the
// designation noun phrase around a mention ("террористической группировки «ИГ»", "the Islamic State terrorist
// group", "تنظيم داعش الإرهابي"), and the names listed before a distributive note ("X and Y (both banned…)").
import type { LabelKind } from '../model.ts';
import type { Reading } from './reading.ts';
import { cleanName, isNameWord, nameAfter, nameBefore, type NameSpan } from './names.ts';
import type { Hit, ListName } from './lexicon.ts';

const SPECIFIC: readonly ListName[] = ['terrorist', 'extremist', 'undesirable', 'foreign_agent'];
const NOUN_PHRASE: readonly ListName[] = [...SPECIFIC, 'banned_other', 'nouns', 'stopwords', 'states', 'predicates'];

/** The sentences of text[lineStart, lineEnd), as [start, end) pairs that cover it. */
export function sentencesOf(text: string, lineStart: number, lineEnd: number): [number, number][] {
  const out: [number, number][] = [];
  let s = lineStart;
  while (s < lineEnd) {
    let e = s;
    // A full stop inside a bracket that closes on the line ends no sentence: "(до 2014 г. - "…", ИГИЛ)" is an
    // abbreviation's stop within a gloss.
    let bracketEnd = -1;
    while (e < lineEnd) {
      const ch = text[e] ?? '';
      if (ch === '(' && bracketEnd < e) {
        const close = text.indexOf(')', e);
        const reopen = text.indexOf('(', e + 1);
        if (close > e && close < Math.min(lineEnd, e + 200) && (reopen < 0 || reopen > close)) bracketEnd = close;
      }
      if (e < bracketEnd) {
        e++;
        continue;
      }
      if ('。！？।'.includes(ch)) {
        e++;
        break;
      }
      // A full stop ends a sentence before a space and a capital, digit, quote or bracket; not after a capital
      // letter ("U.S.", "В. Путин"), unless it ends an abbreviation of capitals ("… the agency TASS. The …", "в РФ. …").
      // In a script without capitals a letter there starts one too ("… فالبلاد. وأوضحت …").
      if ('.!?'.includes(ch) && /\s/.test(text[e + 1] ?? ' ') && /[\p{Lu}\p{Nd}«"“(]|[^\p{L}]|[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Georgian}\p{Script=Armenian}\p{Script=Thai}]/u.test(text[e + 2] ?? 'A')
        && (!/\p{Lu}/u.test(text[e - 1] ?? '') || /(?:^|[^\p{L}.])\p{Lu}{2,}$/u.test(text.slice(Math.max(lineStart, e - 12), e)))) {
        e++;
        break;
      }
      // "…news agency.\"The ISIS…": a quotation opening straight after the full stop.
      if ('.!?'.includes(ch) && /["«“„]/.test(text[e + 1] ?? '') && /\p{Lu}/u.test(text[e + 2] ?? '')) {
        e++;
        break;
      }
      e++;
    }
    out.push([s, e]);
    s = e;
  }
  return out;
}

/** The words around a mention that belong to its designation noun phrase, and the specific kinds they name. */
export function designationKinds(r: Reading, span: { start: number; end: number }, stopAt = Infinity): LabelKind[] {
  const text = r.text;
  const kinds = new Set<LabelKind>();
  const take = (hits: Hit[]): void => {
    for (const h of hits) if ((SPECIFIC as readonly string[]).includes(h.list)) kinds.add(h.list as LabelKind);
  };
  // Before: "террористической группировки «ИГ»", "the terrorist group X", "Nhóm khủng bố IS" (at most four words,
  // all of the phrase; a phrase may span several words).
  // Up to two unlisted lower-case adjectives may stand in it ("organización terrorista internacional X", "der
  // extremistischen religiösen Organisation der Zeugen Jehovas"): they lend no ground, the listed words around do,
  // and only in a phrase a designation noun heads ("terrorists attacked X" is no noun phrase).
  let i = span.start;
  let skipped = 0;
  let sawNoun = false;
  let beforeSkip: LabelKind[] = [];
  for (let words = 0; words < 4 + skipped; words++) {
    let j = i;
    while (j > 0 && /[ \u00a0«"“„「『《]/.test(text[j - 1] ?? '')) j--;
    let k = j;
    while (k > 0 && /[\p{L}\p{M}\p{Nd}'’\-]/u.test(text[k - 1] ?? '')) k--;
    if (k === j) break;
    const hits = r.hits(Math.max(0, j - 60), j).filter((h) => h.end === j && NOUN_PHRASE.includes(h.list));
    if (skipped === 0) beforeSkip = [...kinds];
    if (hits.length === 0 && skipped < 2 && /^\p{Ll}[\p{Ll}\p{M}\-]*$/u.test(text.slice(k, j)) && r.hits(k, j).length === 0) {
      skipped++;
      i = k;
      continue;
    }
    if (hits.length === 0) break;
    // "los terroristas de Daesh", "Террористы из группировки «ИГ»": a ground standing as a noun of its own before a
    // preposition names the members, not the group; "la organización terrorista del Estado Islámico" goes on, its
    // ground being the designation noun's adjective.
    if (hits.every((h) => h.list === 'stopwords') && bareGroundBefore(r, k)) break;
    // A designation verb makes the phrase a prenominal label of its own ("признанной экстремистской компании
    // Meta*"), read as such, not a noun lending its ground to a footnote.
    if (hits.some((h) => h.list === 'predicates' || h.list === 'banned_other')) {
      kinds.clear();
      break;
    }
    take(hits);
    sawNoun ||= hits.some((h) => h.list === 'nouns');
    i = Math.min(...hits.map((h) => h.index));
    // A ground inside a compound noun ("テロ組織", "Terrororganisation") is the noun's ground.
    take(r.hits(i, j).filter((h) => h.index >= i && h.end <= j));
  }
  if (skipped > 0 && !sawNoun) {
    kinds.clear();
    for (const k of beforeSkip) kinds.add(k);
  }
  // "Киргизия признала террористической и экстремистской организацию «ИГ» (…)": a noun phrase that completes a news
  // cue's designation verb is that news (another state's here), not the name's standing designation.
  if (kinds.size > 0 && completesNews(r, i)) kinds.clear();
  // After, up to a bracket, comma or marker: "the Islamic State terrorist group (…)", "داعش الإرهابي".
  // Up to two unlisted lower-case adjectives may come first ("Hizb ut-Tahrir international terrorist organization").
  let e = span.end;
  // A gloss in brackets may stand between ("Hizb ut-Tahrir (Arabic for Party of Liberation - TASS) international …").
  const gloss = /^[ \u00a0]*\([^()]{1,80}\)/u.exec(text.slice(e, e + 90));
  if (gloss && e + gloss[0].length < stopAt) e += gloss[0].length;
  let adjectives = 0;
  // Past unlisted words only a designation noun makes a noun phrase: "«Катиба …» финансировали террористов" is a verb
  // and its object, no designation of the name.
  const before = new Set(kinds);
  let nounAfter = false;
  for (let words = 0; words < 3 + adjectives && e < stopAt; words++) {
    while (e < text.length && /[ \u00a0»"”*✱]/.test(text[e] ?? '')) e++;
    let k = e;
    while (k < text.length && /[\p{L}\p{M}\p{Nd}'’\-]/u.test(text[k] ?? '')) k++;
    if (k === e || k > stopAt) break;
    const hits = r.hits(e, k).filter((h) => h.index === e && NOUN_PHRASE.includes(h.list));
    if (hits.length === 0 && adjectives < 2 && words === adjectives && /^\p{Ll}+$/u.test(text.slice(e, k)) && r.hits(e, k).length === 0) {
      adjectives++;
      e = k;
      continue;
    }
    // A function word after the name opens a verb's complement ("«Asow»* als terroristische Organisation", the suit's
    // wording), not the name's designation noun phrase ("the Islamic State terrorist group").
    if (hits.length === 0 || hits.every((h) => h.list === 'stopwords')) break;
    take(hits);
    nounAfter ||= hits.some((h) => h.list === 'nouns');
    e = k;
  }
  if (adjectives > 0 && !nounAfter) return [...before];
  return [...kinds];
}

/** The word ending at `at`, past spaces: [start, end], or null. */
function wordBefore(text: string, at: number): [number, number] | null {
  let j = at;
  while (j > 0 && /[ \u00a0]/.test(text[j - 1] ?? '')) j--;
  let k = j;
  while (k > 0 && /[\p{L}\p{M}\p{Nd}'’\-]/u.test(text[k - 1] ?? '')) k--;
  return k < j ? [k, j] : null;
}

/** A news cue starts within the grounds and function words just before `at` ("признала террористической и …"). */
function completesNews(r: Reading, at: number): boolean {
  let i = at;
  for (let w = 0; w < 4; w++) {
    const word = wordBefore(r.text, i);
    if (!word) return false;
    const [k, j] = word;
    if (r.phraseAt(k, ['news_events']) > k) return true;
    if (r.phraseAt(k, [...SPECIFIC, 'stopwords']) < j) return false;
    i = k;
  }
  return false;
}

/** Where a designation noun phrase before `end` starts ("… group X terrorist organization (": skipped back to X). */
export function skipDesignationBack(r: Reading, end: number): number {
  const text = r.text;
  let i = end;
  for (let words = 0; words < 3; words++) {
    const word = wordBefore(text, i);
    if (!word) break;
    const [k, j] = word;
    // A capitalised noun is part of a name ("Human Rights Funders Network*"), unless it names a ground
    // ("Terrororganisation").
    const capital = /^\p{Lu}/u.test(text[k] ?? '');
    const hits = r.hits(k, j).filter((h) => h.index === k && h.end >= j && (SPECIFIC.includes(h.list) || (h.list === 'nouns' && !capital)));
    if (hits.length === 0) break;
    i = k;
  }
  // Up to two unlisted lower-case adjectives before the designation, when a name ends right before them ("the Hizb
  // ut-Tahrir (…) international terrorist organization (outlawed in Russia)").
  if (i < end) {
    const m = /(?:[\p{Lu}][\p{L}\p{M}\p{Nd}'’\-]*|[)»"”])(?:[ \u00a0]+[—–])?[ \u00a0]+((?:\p{Ll}[\p{Ll}\p{M}\-]*[ \u00a0]+){1,2})$/u.exec(text.slice(Math.max(0, i - 80), i));
    if (m?.[1] && !r.hits(i - m[1].length, i).some((h) => h.list === 'stopwords' || h.list === 'states' || h.list === 'predicates')) i -= m[1].length;
    // "«Хизб ут-Тахрир» — организации, признанной террористической …": a spaced dash sets the noun phrase off the name.
    const dash = /[ \u00a0][—–][ \u00a0]+$/u.exec(text.slice(Math.max(0, i - 4), i));
    if (dash) i -= dash[0].length;
  }
  return i;
}

/** The word ending at `end` (past spaces) is a ground, no designation noun, and no designation noun stands before it. */
function bareGroundBefore(r: Reading, end: number): boolean {
  const text = r.text;
  const w1 = wordBefore(text, end);
  if (!w1) return false;
  const lists = new Set(r.hits(Math.max(0, w1[1] - 60), w1[1]).filter((h) => h.end === w1[1]).map((h) => h.list));
  if (!(SPECIFIC as readonly string[]).some((k) => lists.has(k as ListName)) || lists.has('nouns')) return false;
  const w2 = wordBefore(text, w1[0]);
  return !w2 || !r.hits(Math.max(0, w2[1] - 60), w2[1]).some((h) => h.end === w2[1] && h.list === 'nouns');
}

/** The whitespace character at `i`, if `i` is at or after `lo`. */
const spaceAt = (text: string, i: number, lo: number): boolean => i >= lo && /\s/u.test(text[i] ?? '');

/**
 * The length of what joins the name at `start` to a name listed before it, within the 16 characters before it; 0 when
 * nothing does. The words are the phrase files' (every language's): a `glued_and` prefix after a space ("X وY"), a
 * `list_and` word right after a closing quote ("“X”和“Y”"; the enumeration comma 、 is punctuation, so code), or a
 * comma or a `joins_before` word (and, или, oraz…), then spaces and perhaps a `join_articles` word ("X and the Y").
 */
function joinBefore(r: Reading, start: number): number {
  const text = r.text;
  const lex = r.lex;
  const lo = Math.max(0, start - 16);
  for (let p = lo + 1; p < start; p++) {
    if (spaceAt(text, p - 1, lo) && lex.prefixAt('glued_and', text, p, null, start) === start - p) return start - p + 1 + (p - 2 >= lo && ',،'.includes(text[p - 2] ?? '\0') ? 1 : 0);
    if ('”"」』》'.includes(text[p - 1] ?? '\0') && ((p === start - 1 && text[p] === '、') || lex.wordAt('list_and', text, p, null, start) === start)) return start - p;
  }
  let j = start;
  while (spaceAt(text, j - 1, lo)) j--;
  if (j === start) return 0;
  // A comma or a word of `list` ending at `e` (a space before the word): where it starts, or -1.
  const joined = (e: number): number => {
    if (e - 1 >= lo && text[e - 1] === ',') return e - 1;
    for (let p = lo + 1; p < e; p++) if (spaceAt(text, p - 1, lo) && lex.wordAt('joins_before', text, p, null, e) === e) return p - 1;
    return -1;
  };
  for (let a = lo + 1; a < j; a++) {
    if (!spaceAt(text, a - 1, lo) || lex.wordAt('join_articles', text, a, null, j) !== j) continue;
    let k = a;
    while (spaceAt(text, k - 1, lo)) k--;
    const from = joined(k);
    if (from >= 0) return start - from;
  }
  const from = joined(j);
  return from >= 0 ? start - from : 0;
}

/** The names listed before `first`, joined by commas and conjunctions: "X, Y and the Z". */
export function namesListedBefore(r: Reading, first: NameSpan, classOf: Parameters<typeof nameBefore>[2]): NameSpan[] {
  const out: NameSpan[] = [];
  let start = first.start;
  // A quote just before the name's text belongs to it.
  if ('«"“„'.includes(r.text[start - 1] ?? '\0')) start--;
  for (let k = 0; k < 6; k++) {
    // "… und der Legion „Freiheit Russlands“": a designation noun may stand between the conjunction and the name.
    let join = joinBefore(r, start);
    // "… и общественное движение "Штабы Навального"": a lower-case adjective may stand before the noun; a role
    // stands there as a noun does ("Бориса Акунина и журналиста Дмитрия Быкова").
    const noun = /(?:\p{Ll}[\p{L}\p{M}\-]*[ \u00a0]+)?([\p{L}\p{M}'’\-]+)[ \u00a0]+$/u.exec(r.text.slice(Math.max(0, start - 50), start));
    const nounAt = noun?.[1] ? start - noun[0].length : -1;
    const headAt = noun?.[1] ? start - noun[0].length + noun[0].indexOf(noun[1]) : -1;
    const single = noun?.[1] && noun[0].indexOf(noun[1]) === 0;
    const head = noun?.[1];
    if (join === 0 && head && (['nouns', 'roles'] as const).some((l) => classOf?.(headAt, headAt + head.length).has(l))) {
      start = single || joinBefore(r, headAt) > 0 ? headAt : nounAt;
      join = joinBefore(r, start);
    }
    if (join === 0) break;
    let at = start - join;
    // "Daesh –que se autodenomina Estado Islámico– y el Frente al Nusra, proscritos …": an aside between dashes or in
    // brackets after a listed name belongs to it.
    const aside = /(?:[—–][^—–()\n]{1,80}[—–]|\([^()\n]{1,80}\))[ \u00a0]*$/u.exec(r.text.slice(Math.max(0, at - 90), at));
    if (aside) at -= aside[0].length;
    at -= /(?:[*✱¹²³⁴⁵⁶⁷⁸⁹]+|\(\*{1,3}\)|\[\d{1,2}\]|(?<=[\p{L}»"”])\d{1,2})$/u.exec(r.text.slice(Math.max(0, at - 6), at))?.[0].length ?? 0;
    const found = nameBefore(r.text, at, classOf, true);
    // A name in lower case the alias table knows ("Фонд борьбы с коррупцией и …"), where the cased reading is cut short.
    const known = r.knownRunBefore(at, r.lineAt(at).start);
    const prev = known && (!found || known.start < found.start) ? known : found;
    if (!prev || !cleanName(prev.name)) break;
    // A lower-case word the alias table does not know is no listed name ("… о том, что издания «Проект» и Insider").
    if (prev !== known && /\p{Ll}/u.test(prev.name) && !/\p{Lu}/u.test(prev.name) && !'«"“„'.includes(r.text[prev.start - 1] ?? '\0')) break;
    out.push(prev);
    start = prev.start;
    if ('«"“„'.includes(r.text[start - 1] ?? '\0')) start--;
  }
  return out;
}

// What may stand between a listed name and its joining word: a closing quote, a footnote marker (any style), spaces, a bracket.
const JOIN_PREFIX = /^[»"”」』》]?(?:[*✱※⁎＊¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,2}\]|\d{1,2}(?![\p{L}\p{Nd}]))?[ \u00a0]*(?:\([^()]{1,80}\)[ \u00a0]*)?/u;

/**
 * The length of what joins the name ending at `end` to a name listed after it, within 100 characters; 0 when nothing
 * does: past JOIN_PREFIX, a comma or a `joins_after` word of the phrase files (and, и, und…) and spaces, or right after
 * a closing quote a `list_and` word ("“X”和“Y”") or the enumeration comma 、.
 */
function joinAfter(r: Reading, end: number): number {
  const text = r.text;
  const hi = Math.min(text.length, end + 100);
  const p = end + (JOIN_PREFIX.exec(text.slice(end, hi))?.[0].length ?? 0);
  const spaces = (q: number): number => {
    while (q < hi && /[ \u00a0]/.test(text[q] ?? '')) q++;
    return q;
  };
  if (text[p] === ',' && spaces(p + 1) > p + 1) return spaces(p + 1) - end;
  if (p > end && /[ \u00a0]/.test(text[p - 1] ?? '')) {
    const e = r.lex.wordAt('joins_after', text, p, null, hi);
    if (e > p && spaces(e) > e) return spaces(e) - end;
  }
  if (p > end && '»"”」』》'.includes(text[p - 1] ?? '\0')) {
    if (text[p] === '、') return p + 1 - end;
    const e = r.lex.wordAt('list_and', text, p, null, hi);
    if (e > p) return e - end;
  }
  return 0;
}

/**
 * The names listed after `first` in the same style (quoted after quoted, capitalised after capitalised): "…
 * verbotenen Terrormilizen Islamischer Staat, Dschebhat-an-Nusra (…) und …", "организаций «ИГ» и «Джебхат ан-Нусра»";
 * a footnote marker may end each ("«Легион «Свобода России»** и «Айдар»**").
 */
export function namesListedAfter(r: Reading, first: NameSpan, classOf: Parameters<typeof nameBefore>[2]): NameSpan[] {
  const text = r.text;
  const out: NameSpan[] = [];
  const quoted = '«"“„「『'.includes(text[first.start - 1] ?? '\0');
  let end = first.end;
  for (let k = 0; k < 5; k++) {
    const join = joinAfter(r, end);
    if (join === 0) break;
    const at = end + join;
    const opens = '«"“„「『'.includes(text[at] ?? '\0');
    if (opens !== quoted) break;
    // "Project Media, Inc.": a company's legal form after a comma is the name's, not a second name.
    if (/^(?:Inc|Ltd|LLC|LLP|GmbH|Corp|Co|AG|S\.A|B\.V)\b/.test(text.slice(at, at + 5))) break;
    const cased = nameAfter(text, at, classOf);
    const known = opens ? null : r.knownRunAfter(at);
    const next = known && known.end > (cased?.end ?? 0) ? known : cased;
    if (!next || next.start > at + 1) break;
    // A list item is a whole name: capitalised words, a quotation or a name the alias table knows, then a comma,
    // bracket, conjunction or the end.
    if (!opens && next !== known && !next.name.split(/\s+/).every((w) => isNameWord(w) || /^(?:al|el|an|ad|ash|as|at|of|de|du|la)$/i.test(w))) break;
    const cls = classOf?.(next.start, next.end) ?? new Set();
    if (cls.has('states') || cls.has('other_states') || cls.has('stopwords') || cls.has('nouns')) break;
    out.push(next);
    end = next.end;
  }
  return out;
}

// Labels written in the running text: a parenthesis or bracket after the name ("Meta (признана экстремистской и
// запрещена в РФ)"), a prenominal phrase before it ("запрещенной в России террористической организации «ИГ»",
// "die in Russland verbotene Terrororganisation IS", "在俄罗斯被禁止的极端组织"), an appositive or relative clause
// after it ("X, listed as a terrorist group and banned in Russia", "X, which is banned in Russia"), and an
// attributive participle right after it ("تنظيم داعش الإرهابي المحظور في روسيا"). Outside brackets the note must
// name the designating state or be a Russian designation by itself, and the sentence must not be the news of the
// designation, a quote or critique of it, or the outlet speaking of itself (notes.ts).
import type { LabelKind } from '../model.ts';
import type { Candidate } from './label-set.ts';
import type { Reading } from './reading.ts';
import { KINDS, type Hit, type ListName } from './lexicon.ts';
import { readNote, type Note } from './notes.ts';
import { isNameWord, nameAfter, nameBefore, QUOTE_CHARS, type NameSpan } from './names.ts';
import type { Canonical } from './canonical-name.ts';
import { designationKinds, namesListedBefore, sentenceAround, skipDesignationBack } from './designation.ts';

type Add = (c: Candidate) => void;

const KIND_LISTS: readonly ListName[] = KINDS;
const isGround = (h: Hit): boolean => KIND_LISTS.includes(h.list);
const MARKERS = /[*✱※⁎＊†‡¹²³⁴⁵⁶⁷⁸⁹⁰]/u;

/** Labels of the inline forms in text[from, to), a run of body text within one line. */
export function readInline(r: Reading, from: number, to: number, add: Add, canonical: Canonical): void {
  const line = r.lineAt(from);
  const grounds = r.hits(from, to).filter(isGround);
  const brackets = new Set<number>();
  for (const g of grounds) {
    const br = enclosingBracket(r.text, g.index, from, to);
    if (br) {
      if (!brackets.has(br[0])) {
        brackets.add(br[0]);
        parenthetical(r, br[0], br[1], line.start, line.end, add, canonical);
      }
      continue;
    }
    if (prenominal(r, g, from, to, line.start, line.end, add, canonical)) continue;
    if (appositive(r, g, from, to, line.start, line.end, add, canonical)) continue;
    postnominal(r, g, from, to, line.start, line.end, add, canonical);
  }
}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '（': '）' };

/** The brackets around `pos` within [from, to), at most 400 characters apart. */
function enclosingBracket(text: string, pos: number, from: number, to: number): [number, number] | null {
  let depth = 0;
  let open = -1;
  for (let i = pos - 1; i >= Math.max(from, pos - 400); i--) {
    const ch = text[i] ?? '';
    if (ch === ')' || ch === ']' || ch === '）') depth++;
    else if (OPENERS[ch] !== undefined) {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return null;
  const close = OPENERS[text[open] ?? ''] ?? ')';
  depth = 0;
  for (let i = open + 1; i < Math.min(to, open + 400); i++) {
    const ch = text[i] ?? '';
    if (ch === text[open]) depth++;
    else if (ch === close) {
      if (depth === 0) return [open, i];
      depth--;
    }
  }
  return null;
}

/** The footnote marker glued to a mention that ends at `end` ("Meta*", "«Мемориал»*", "ИГИЛ1"), or null. */
function markerAfter(text: string, end: number): string | null {
  const m = /^[»"”]?([*✱※⁎＊†‡]{1,4}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}|\d{1,2}(?![\p{L}\p{N}]))/u.exec(text.slice(end, end + 6));
  if (!m?.[1]) return null;
  if (/^\d/.test(m[1]) && !/\p{Lu}/u.test(text[end - 1] ?? '')) return null;
  return m[1];
}

function emit(r: Reading, note: Note, form: string, entities: NameSpan[], evidenceStart: number, evidenceEnd: number, add: Add, canonical: Canonical, stopAt?: number): void {
  const evidence = r.text.slice(evidenceStart, evidenceEnd);
  const lang = [...note.langs][0];
  for (const span of entities) {
    const entity = r.entityOf(span);
    if (!entity) continue;
    const marker = markerAfter(r.text, span.end);
    let grounds: { kind: LabelKind; hit: Hit; noun: boolean }[] = note.grounds.map((g) => ({ ...g, noun: false }));
    // "the terrorist group X (banned in Russia)": the designation noun names the ground.
    if (grounds.every((g) => g.kind === 'banned_other')) {
      const kinds = designationKinds(r, span, stopAt);
      const g = grounds[0];
      if (kinds.length > 0 && g) grounds = kinds.map((kind) => ({ kind, hit: g.hit, noun: true }));
    }
    for (const g of grounds) {
      add({
        kind: g.kind, entity, canonical: canonical(entity).canonical, marker, evidence, start: evidenceStart,
        rule: `${form}${g.noun ? '+noun' : ''}:${note.langs.has(g.hit.lang) ? g.hit.lang : lang ?? g.hit.lang}:${g.hit.phrase}`,
      });
    }
  }
}

/** Back from `end` over spaces and a footnote marker glued to the name. */
function beforeMarker(text: string, end: number): number {
  let i = end;
  while (i > 0 && /[ \u00a0]/.test(text[i - 1] ?? '')) i--;
  while (i > 0 && MARKERS.test(text[i - 1] ?? '')) i--;
  // A footnote number glued to a name ("ИГИЛ1 (…)").
  if (/\p{Lu}[\p{L}]*\d{1,2}$/u.test(text.slice(Math.max(0, i - 12), i)) && !/\p{L}/u.test(text[i] ?? '')) while (/\d/.test(text[i - 1] ?? '')) i--;
  if (/\(\*+\)$|\[\d{1,2}\]$/.test(text.slice(Math.max(0, i - 5), i))) i = text.lastIndexOf(text[i - 1] === ')' ? '(' : '[', i - 1);
  return i;
}

function parenthetical(r: Reading, open: number, close: number, lineStart: number, lineEnd: number, add: Add, canonical: Canonical): void {
  const text = r.text;
  const inner = r.hits(open + 1, close);
  if (!inner.some(isGround)) return;
  const [ss, se] = sentenceAround(text, open, lineStart, lineEnd);
  const context = r.hits(ss, se);
  const probe = readNote(text, open, inner, context, { news: false });
  const classOf = r.classOf(probe.langs);
  const nameEnd = beforeMarker(text, skipDesignationBack(r, beforeMarker(text, open)));
  const before = nameEnd > lineStart ? nameBefore(text, nameEnd, classOf, false) : null;
  const note = readNote(text, before?.end ?? open, inner, context, { news: false });
  if (note.excluded || !(note.state || note.alone || note.predicate)) return;
  let entities: NameSpan[] = [];
  const owner = r.hits(open + 1, close, ['owners'], note.langs)[0];
  const ownerName = owner ? r.nameAfterNouns(owner.end, note.langs) : null;
  const head = innerSubject(r, open + 1, close, note);
  if (ownerName) entities = [ownerName];
  else if (head) entities = [head];
  else if (before) entities = note.distributive ? [before, ...namesListedBefore(r, before, classOf)] : [before];
  if (entities.length === 0) return;
  emit(r, note, 'parenthetical', entities, open, close + 1, add, canonical, open);
}

/** "(ФБК признан иноагентом)": a name opening the brackets that is the subject of their designation verb. */
function innerSubject(r: Reading, from: number, to: number, note: Note): NameSpan | null {
  const text = r.text;
  const classOf = r.classOf(note.langs);
  const n = nameAfter(text, from, classOf);
  if (!n || n.start > from + 2) return null;
  const cls = classOf(n.start, n.end);
  if (cls.has('states') || cls.has('other_states') || cls.has('nouns')) return null;
  let i = n.end;
  if (/[»"”]/.test(text[i] ?? '')) i++;
  while (i < to && /[ \u00a0]/.test(text[i] ?? '')) i++;
  const next = r.hits(i, to).find((h) => h.index === i);
  return next && (next.list === 'predicates' || isGround(next)) ? n : null;
}

/** Lists whose words may sit between a prenominal designation and its name. */
const PHRASE_WORDS: readonly ListName[] = [...KINDS, 'states', 'predicates', 'nouns', 'roles', 'stopwords', 'alone'];
const isCaseless = (ch: string): boolean => /\p{L}/u.test(ch) && ch.toLowerCase() === ch.toUpperCase();

function prenominal(r: Reading, g: Hit, from: number, to: number, lineStart: number, lineEnd: number, add: Add, canonical: Canonical): boolean {
  const text = r.text;
  const classOf = r.classOf();
  let pos = g.end;
  let name: NameSpan | null = null;
  for (let step = 0; step < 8 && pos < to; step++) {
    while (pos < to && /[ \u00a0]/.test(text[pos] ?? '')) pos++;
    const ch = text[pos] ?? '';
    if (ch === '' || pos >= to) return false;
    if (/[«"“„「『《]/.test(ch)) {
      name = nameAfter(text, pos, classOf);
      break;
    }
    // Japanese and Chinese glue: particles in kana, 的.
    if (/[\p{Script=Hiragana}的之]/u.test(ch)) {
      while (pos < to && /[\p{Script=Hiragana}的之]/u.test(text[pos] ?? '')) pos++;
      continue;
    }
    if (!/[\p{L}\p{N}]/u.test(ch)) return false;
    const listed = r.hits(pos, to).filter((h) => h.index === pos && PHRASE_WORDS.includes(h.list));
    if (listed.length > 0) {
      pos = Math.max(...listed.map((h) => h.end));
      continue;
    }
    let e = pos;
    while (e < to && /[\p{L}\p{M}\p{N}'’\-]/u.test(text[e] ?? '')) e++;
    const word = text.slice(pos, e);
    if (isNameWord(word) || isCaseless(ch) || /[\p{Script=Han}\p{Script=Katakana}]/u.test(ch)) {
      name = nameAfter(text, pos, classOf);
      break;
    }
    // A short function word ("в", "in", "на"); anything longer is a verb or a noun of the sentence.
    if (word.length > 3) return false;
    pos = e;
  }
  if (!name || name.end > to) return false;
  // Where the phrase starts: back from the ground over the phrase's own words ("запрещенной в России …",
  // "Rusya'da yasaklı …").
  let start = g.index;
  for (let k = 0; k < 5; k++) {
    let j = start;
    while (j > from && /[ \u00a0]/.test(text[j - 1] ?? '')) j--;
    let w = j;
    while (w > from && /[\p{L}\p{M}\p{N}'’\-]/u.test(text[w - 1] ?? '')) w--;
    if (w === j) break;
    const cls = classOf(w, j);
    if (![...cls].some((l) => PHRASE_WORDS.includes(l) && l !== 'nouns' && l !== 'roles')) break;
    start = w;
  }
  const [ss, se] = sentenceAround(text, g.index, lineStart, lineEnd);
  const note = readNote(text, start, r.hits(start, name.start), r.hits(ss, se), { news: true });
  if (note.excluded || !(note.state || note.alone)) return false;
  emit(r, note, 'prenominal', [name], start, name.end + (/[»"”」』》]/.test(text[name.end] ?? '') ? 1 : 0), add, canonical);
  return true;
}

/** A finite copula opens the sentence's predicate ("Meta, …, is banned"), not an appositive. */
const COPULA = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'ist', 'sind', 'war', 'est', 'sont', 'es', 'son', 'fue', 'è', 'é', 'são', 'je', 'су', 'је', 'является', 'являются', 'є']);

function appositive(r: Reading, g: Hit, from: number, to: number, lineStart: number, lineEnd: number, add: Add, canonical: Canonical): boolean {
  const text = r.text;
  const [ss, se] = sentenceAround(text, g.index, lineStart, lineEnd);
  const lo = Math.max(from, ss);
  // The clause opens at the nearest comma or dash before the ground, at most six words back.
  let b = -1;
  let words = 0;
  for (let i = g.index - 1; i >= lo && words <= 6; i--) {
    const ch = text[i] ?? '';
    if (ch === ',' || ch === '،' || ch === '、' || ((ch === '—' || ch === '–' || ch === '-') && /\s/.test(text[i - 1] ?? '') && /\s/.test(text[i + 1] ?? ''))) {
      b = i;
      break;
    }
    if (ch === ' ') words++;
    if (QUOTE_CHARS.includes(ch) || ch === '(' || ch === ')') return false;
  }
  if (b < 0) return false;
  let c = b + 1;
  while (c < g.index && /[ \u00a0]/.test(text[c] ?? '')) c++;
  const firstWord = /^[\p{L}\p{M}']+/u.exec(text.slice(c, c + 30))?.[0] ?? '';
  if (COPULA.has(firstWord.toLowerCase())) return false;
  const opener = r.hits(c, to).find((h) => h.index === c);
  if (c < g.index && (!opener || !(PHRASE_WORDS.includes(opener.list) || opener.list === 'relatives'))) return false;
  // The clause ends at the next comma, dash or bracket after its last ground or state.
  const clauseHits = r.hits(c, Math.min(se, to));
  let last = g.end;
  for (const h of clauseHits) if ((isGround(h) || h.list === 'states' || h.list === 'alone') && h.index - last < 40) last = Math.max(last, h.end);
  let end = last;
  while (end < Math.min(se, to) && !/[,;:—–()\[\]]/.test(text[end] ?? '') && !/[.!?]\s/.test(text.slice(end, end + 2)) && text[end] !== '.') end++;
  while (end > c && /[\s.]/.test(text[end - 1] ?? '')) end--;
  const classOf = r.classOf();
  const nameEnd = beforeMarker(text, skipDesignationBack(r, beforeMarker(text, b)));
  const name = nameBefore(text, nameEnd, classOf, false);
  if (!name) return false;
  const note = readNote(text, name.end, r.hits(c, end), r.hits(ss, se), { news: true });
  if (note.excluded || !(note.state || note.alone)) return false;
  const names = note.distributive ? [name, ...namesListedBefore(r, name, classOf)] : [name];
  const form = opener?.list === 'relatives' ? 'relative' : 'appositive';
  emit(r, note, form, names, c, end, add, canonical, b);
  return true;
}

/** "تنظيم داعش الإرهابي المحظور في روسيا", "l'organisation terroriste Daech interdite en Russie". */
function postnominal(r: Reading, g: Hit, from: number, to: number, lineStart: number, lineEnd: number, add: Add, canonical: Canonical): boolean {
  const text = r.text;
  if (g.list === 'foreign_agent' || g.list === 'undesirable') return false;
  const classOf = r.classOf();
  const nameEnd = skipDesignationBack(r, g.index);
  if (nameEnd <= from) return false;
  const name = nameBefore(text, nameEnd, classOf, false);
  if (!name) return false;
  const [ss, se] = sentenceAround(text, g.index, lineStart, lineEnd);
  let end = g.end;
  for (const h of r.hits(g.index, Math.min(se, to))) if ((h.list === 'states' || isGround(h)) && h.index - end < 20) end = Math.max(end, h.end);
  const note = readNote(text, name.end, r.hits(nameEnd, end), r.hits(ss, se), { news: true });
  if (note.excluded || !note.state) return false;
  // Attributive: a participle that carries its own article (Arabic "المحظورة"), or, in a language whose attributes
  // follow the noun, a designation noun heading the name.
  const attributive = r.hits(g.index, g.end, ['attributive']).length > 0;
  const nounBefore = r.hits(Math.max(from, name.start - 40), name.start, ['nouns']).some((h) => /^[\s«"“„]*$/.test(text.slice(h.end, name.start)));
  if (!attributive && !(nounBefore && [...note.langs].some((l) => r.lex.postnominal.has(l)))) return false;
  emit(r, note, 'postnominal', [name], g.index, end, add, canonical, g.index);
  return true;
}

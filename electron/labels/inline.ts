// Labels written in the running text: a parenthesis or bracket after the name ("Meta (признана экстремистской и
// запрещена в РФ)"), a prenominal phrase before it ("запрещенной в России террористической организации «ИГ»",
// "die in Russland verbotene Terrororganisation IS", "在俄罗斯被禁止的极端组织"), an appositive or relative clause
// after it ("X, listed as a terrorist group and banned in Russia", "X, which is banned in Russia"), a status
// sentence about it ("Daesh is a terrorist group outlawed in … Russia", "«Исламское государство» — террористическая
// организация, запрещенная в РФ"), and an attributive participle right after it ("تنظيم داعش الإرهابي المحظور في
// روسيا"). Outside brackets the note must name the designating state or be a Russian designation by itself, and
// must not be quoted, nor stand in the news of the designation, a critique of it, or the outlet's words about itself.
import type { LabelKind } from '../model.ts';
import type { Candidate } from './label-set.ts';
import type { Reading } from './reading.ts';
import { KINDS, type Hit, type ListName } from './lexicon.ts';
import { readNote, type Note } from './notes.ts';
import { afterArticle, cleanName, isConnector, isNameWord, nameAfter, nameBefore, QUOTE_CHARS, quoteMarkAt, sameEntity, type NameSpan } from './names.ts';
import type { Canonical } from './canonical-name.ts';
import { designationKinds, namesListedAfter, namesListedBefore, skipDesignationBack } from './designation.ts';

type Add = (c: Candidate) => void;

const KIND_LISTS: readonly ListName[] = KINDS;
const isGround = (h: Hit): boolean => KIND_LISTS.includes(h.list);
const MARKERS = /[*✱※⁎＊†‡¹²³⁴⁵⁶⁷⁸⁹⁰]/u;
/** Footnote markers in the body, in any style: star runs, superscripts, "(*)", "[1]", a number glued to a name ("Meta1"). */
const MARKER_RUNS = /[*✱※⁎＊†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\*{1,3}\)|\[\d{1,2}\]|(?<=[\p{L}»"”])\d{1,2}(?![\p{L}\p{Nd}])/gu;
/** A marker, in any style, right after a name (past its closing quote): its text is the group. */
const MARKER_AFTER = /^[»"”“]?([*✱※⁎＊†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\*{1,3}\)|\[\d{1,2}\]|\d{1,2}(?![\p{L}\p{Nd}]))/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

interface Context {
  r: Reading;
  from: number;
  to: number;
  lineStart: number;
  lineEnd: number;
  add: Add;
  canonical: Canonical;
  /** Records an entity owned by a designated one (LABELS.md rule 4). */
  owned: (entity: string) => void;
  /** Sentences and clause boundaries already read: several grounds of one note read it once. */
  done: Set<string>;
}

/**
 * Labels of the inline forms in text[from, to), a run of body text within one line; only the sentences holding one
 * of `triggers` (ends of the grounds' anchors) are read.
 */
export function readInline(r: Reading, from: number, to: number, triggers: number[], add: Add, canonical: Canonical, owned: (entity: string) => void): void {
  const line = r.lineAt(from);
  const cx: Context = { r, from, to, lineStart: line.start, lineEnd: line.end, add, canonical, owned, done: new Set() };
  const sentences = new Map<number, number>();
  for (const t of triggers) {
    if (t <= from || t > to) continue;
    const [s, e] = r.sentence(t - 1);
    sentences.set(s, e);
  }
  const grounds = [...sentences].flatMap(([s, e]) => r.hits(Math.max(from, s), Math.min(to, e))).filter(isGround);
  const brackets = new Set<number>();
  for (const g of grounds) {
    const br = enclosingBracket(r.text, g.index, from, to);
    if (br) {
      if (!brackets.has(br[0])) {
        brackets.add(br[0]);
        parenthetical(cx, br[0], br[1]);
      }
      continue;
    }
    if (listing(cx, g) || prenominal(cx, g) || appositive(cx, g) || status(cx, g)) continue;
    postnominal(cx, g);
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

/** One label per ground and entity; a note that only says "banned" takes the ground of the designation noun. */
function emit(cx: Context, note: Note, form: string, entities: NameSpan[], evidenceStart: number, evidenceEnd: number, stopAt?: number, marker: string | null = null, nounGround = true): void {
  const { r } = cx;
  const evidence = r.text.slice(evidenceStart, evidenceEnd);
  const lang = [...note.langs][0];
  // In a distributive note every name shares the first one's designation noun ("террористической группировки
  // «Джебхат ан-Нусра» («Хайат Тахрир аш-Шам») (обе группировки запрещены в РФ)").
  // A list may carry it before its first name instead ("التنظيمين الإرهابيين الدوليين إمارة القوقاز، وداعش المحظورين").
  const listed = entities.length > 1 ? entities[entities.length - 1] : undefined;
  const shared = [entities[0], listed].reduce<LabelKind[]>((kinds, e) => (kinds.length > 0 || !e ? kinds : designationKinds(r, e, stopAt)), []);
  for (const whole of entities) {
    const span = withoutTrailingNoun(r, whole);
    const entity = r.entityOf(span);
    if (!entity || (form !== 'parenthetical' && !nameWithoutCapitalsOk(cx, span, entity))) continue;
    let grounds: { kind: LabelKind; hit: Hit; noun: boolean }[] = note.grounds.map((g) => ({ ...g, noun: false }));
    // "the terrorist group X (banned in Russia)": the designation noun names the ground.
    if (nounGround && grounds.every((g) => g.kind === 'banned_other')) {
      const own = designationKinds(r, span, stopAt);
      const kinds = own.length > 0 ? own : shared;
      const g = grounds[0];
      if (kinds.length > 0 && g) grounds = kinds.map((kind) => ({ kind, hit: g.hit, noun: true }));
    }
    for (const g of grounds) {
      cx.add({
        kind: g.kind, entity, canonical: cx.canonical(entity, lang).canonical, marker, evidence, start: evidenceStart,
        rule: `${form}${g.noun ? '+noun' : ''}:${note.langs.has(g.hit.lang) ? g.hit.lang : lang ?? g.hit.lang}:${g.hit.phrase}`,
      });
    }
  }
}

/**
 * A name the alias table knows with a designation noun phrase after it ("IŞİD terör örgütü"), when it also knows the
 * name alone: the noun phrase is the designation (its ground counts, LABELS.md rule 1), not part of the name.
 */
function withoutTrailingNoun(r: Context['r'], span: NameSpan): NameSpan {
  const text = r.text;
  let end = span.end;
  for (let words = 0; words < 3; words++) {
    const m = /[ \u00a0]+((?!\p{Lu})\p{L}[\p{L}\p{M}'’\-]*)$/u.exec(text.slice(span.start, end));
    if (!m?.[1]) break;
    const from = end - m[1].length;
    if (!r.hits(from, end).some((h) => h.index <= from && h.end >= end && (h.list === 'nouns' || isGround(h)))) break;
    end -= m[0].length;
  }
  if (end === span.end || end <= span.start || !r.known(text.slice(span.start, end))) return span;
  return { name: text.slice(span.start, end), start: span.start, end };
}

/**
 * In scripts without capitals a word run is a name only when quoted or known to the alias table ("ګڼل کيږي" is a
 * verb, "20일" a date): nothing else tells a name from the words around it. In cased scripts a lower-case run after a
 * number is a date or count.
 */
function nameWithoutCapitalsOk(cx: Context, span: NameSpan, entity: string): boolean {
  const letters = entity.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return false;
  const text = cx.r.text;
  // A lower-case word after a number is a date or a count ("15 октября", "с 2003 года"), not a name.
  if (!/\p{Lu}/u.test(letters) && /\p{Ll}/u.test(letters) && /\p{Nd}[ \u00a0]*$/u.test(text.slice(Math.max(0, span.start - 4), span.start))) return cx.r.known(entity);
  if (/\p{Lu}|\p{Ll}/u.test(letters)) return true;
  // Written without spaces, a name is bounded by quotes, by the alias table, or by a designation noun straight after
  // it ("加德亚运动在俄罗斯…"), which ends an unknown name as a closing quote does; not a state's unit ("ウクライナ特殊部隊").
  const nounAfter = UNSPACED.test(text[span.end] ?? '') && cx.r.phraseAt(span.end, ['nouns']) > span.end
    && cx.r.phraseAt(span.start, ['states', 'other_states']) < 0;
  return /[«"“„「『《'‘]/.test(text[span.start - 1] ?? '\0') || nounAfter || cx.r.known(entity);
}

/** Back from `end` over spaces, a comma, and a footnote marker glued to the name ("Meta*", "ИГИЛ1", "X (*)"). */
function beforeMarker(text: string, end: number): number {
  let i = end;
  while (i > 0 && /[ \u00a0]/.test(text[i - 1] ?? '')) i--;
  if (text[i - 1] === ',') i--;
  while (i > 0 && MARKERS.test(text[i - 1] ?? '')) i--;
  // A footnote number glued to a name ("ИГИЛ1 (…)").
  if (/\p{Lu}[\p{L}]*\d{1,2}$/u.test(text.slice(Math.max(0, i - 12), i))) while (/\d/.test(text[i - 1] ?? '')) i--;
  if (/\(\*+\)$|\[\d{1,2}\]$/.test(text.slice(Math.max(0, i - 5), i))) i = text.lastIndexOf(text[i - 1] === ')' ? '(' : '[', i - 1);
  return i;
}

/** The name before a note that starts at `at`: past a marker and a designation noun phrase; a lower-case word only when the alias table knows it ("los talibanes (…)"). */
function nameBeforeNote(cx: Context, at: number, langs: ReadonlySet<string>): NameSpan | null {
  const { r } = cx;
  const end = beforeMarker(r.text, skipDesignationBack(r, beforeMarker(r.text, at)));
  if (end <= cx.lineStart) return null;
  const classOf = r.classOf(langs);
  const name = nameBefore(r.text, end, classOf, false);
  // A name after an article's number is the code it cites ("по статье 20.33 КоАП (участие в деятельности
  // нежелательной организации)", "ст. 284.1 УК РФ"): the bracket is the article's title, not a note on an entity.
  if (name && /\p{Nd}[.,]\p{Nd}+[ \u00a0]*$/u.test(r.text.slice(Math.max(0, name.start - 8), name.start)) && !r.known(name.name)) return null;
  // "«Тризуб» имени Степана Бандеры (…)": the person the organisation is named after qualifies the quoted name.
  const namedAfter = name ? namedAfterQuote(r, name.start) : -1;
  const quoted = name && namedAfter >= 0 ? nameBefore(r.text, namedAfter, classOf, false) : null;
  if (quoted && r.entityOf(quoted)) return quoted;
  if (name && r.entityOf(name)) return r.widenKnown(name, cx.lineStart);
  return r.knownRunBefore(end, cx.lineStart) ?? (name ? null : headedName(cx, end, langs));
}

/**
 * "La Fundación Anticorrupción de Navalni, reconocida como organización extremista …", "the Anti-Corruption Foundation
 * of Alexei Navalny, recognized as …": a person or name after an "of" right after a name the alias table knows is
 * that name's possessor; the aside is on the head, the known name. Without a known name before the "of" ("Los
 * partidarios de Navalni, reconocido …") the name stays.
 */
const OF = /^(?:of|de|del|della|di|da|do|dos|das|du|des|von|van)$/;
function ownerOfPossessor(cx: Context, name: NameSpan): NameSpan {
  const { r } = cx;
  const text = r.text;
  const from = Math.max(cx.lineStart, name.start - 8);
  // The first "of" before a capitalised word, inside the name or right before it.
  for (const m of text.slice(from, name.end).matchAll(/(?<=^|[ \u00a0])([\p{Ll}]+)[ \u00a0]+(?=\p{Lu})|(?<=^|[ \u00a0])[dD]['’](?=\p{Lu})/gu)) {
    if (m[1] !== undefined && !OF.test(m[1])) continue;
    // An "of" inside a name the alias table knows whole is the name's own ("Islamic State of Iraq and the Levant").
    if (from + m.index >= name.start && r.known(name.name)) return name;
    let p = from + m.index;
    while (p > cx.lineStart && /[ \u00a0]/.test(text[p - 1] ?? '')) p--;
    const head = r.knownRunBefore(p, cx.lineStart);
    return head && head.end === p && r.entityOf(head) ? head : name;
  }
  return name;
}

/** headedName at the end of the name before a note opening at `at` (past a marker and a designation noun). */
function headedNameBefore(cx: Context, at: number, langs: ReadonlySet<string>): NameSpan | null {
  const end = beforeMarker(cx.r.text, skipDesignationBack(cx.r, beforeMarker(cx.r.text, at)));
  return end > cx.lineStart ? headedName(cx, end, langs) : null;
}

/**
 * "Ancien partisan du Mouvement impérial russe, une organisation … classée comme terroriste en Russie": where the
 * adjective follows its noun (`postnominal` languages), a capitalised designation noun after an article or a
 * preposition and one or two lower-case words after it are a name the alias table need not know ("du Mouvement
 * impérial russe", "del Movimiento imperial ruso"). The lower-case words are of no list but a state's (no verb of
 * the phrase files, no function word), so "la Corte suprema ha deciso" opens nothing.
 */
function headedName(cx: Context, end: number, langs: ReadonlySet<string>): NameSpan | null {
  const { r } = cx;
  const text = r.text;
  if (![...langs].some((l) => r.lex.postnominal.has(l))) return null;
  const classOf = r.classOf(langs);
  let i = end;
  for (let k = 0; k < 2; k++) {
    const w = /[ \u00a0](\p{Ll}[\p{L}\p{M}]*)$/u.exec(text.slice(Math.max(cx.lineStart, i - 30), i));
    // A nationality adjective may be a state's word by its stem ("russe" → "russ*"); no other list may hold it.
    if (!w?.[1] || [...classOf(i - w[1].length, i)].some((l) => l !== 'states' && l !== 'other_states')) break;
    i -= w[1].length + 1;
    const head = /(?:^|[ \u00a0'’])(\p{Lu}[\p{Ll}\p{M}]+)$/u.exec(text.slice(Math.max(cx.lineStart, i - 30), i));
    if (!head?.[1]) continue;
    const hs = i - head[1].length;
    if (!classOf(hs, i).has('nouns')) return null;
    // An article or a preposition before the head, in the sentence: not its first word.
    const lead = /(?:^|[ \u00a0])([\p{Ll}]{1,5})[ \u00a0]$|[ \u00a0][\p{Ll}]['’]$/u.exec(text.slice(Math.max(cx.lineStart, hs - 8), hs));
    if (!lead || (lead[1] !== undefined && !classOf(hs - lead[1].length - 1, hs - 1).has('stopwords'))) return null;
    return { name: text.slice(hs, end), start: hs, end };
  }
  return null;
}

/**
 * Just after the closing quote of "«Тризуб» имени …" when a `named_after` word of the phrase files (any language:
 * the note's language need not be the name's) stands between it and the name at `at`, within 12 characters; else -1.
 */
function namedAfterQuote(r: Reading, at: number): number {
  const text = r.text;
  const lo = Math.max(0, at - 12);
  let e = at;
  while (e > lo && /[ \u00a0]/.test(text[e - 1] ?? '')) e--;
  if (e === at) return -1;
  for (let p = e - 1; p > lo; p--) {
    if (!/[ \u00a0]/.test(text[p - 1] ?? '') || r.lex.wordAt('named_after', text, p, null, e) !== e) continue;
    let q = p - 1;
    while (q > lo && /[ \u00a0]/.test(text[q - 1] ?? '')) q--;
    if (q > lo && /[»"”]/.test(text[q - 1] ?? '')) return q;
  }
  return -1;
}

function parenthetical(cx: Context, open: number, close: number): void {
  const { r } = cx;
  const inner = r.hits(open + 1, close);
  if (!inner.some(isGround)) return;
  // A bracket that names its own entity before or after its designation ("(أحد مسميات تنظيم "جبهة النصرة" الإرهابي
  // المحظور…)") is read as running text.
  const within: Context = { ...cx, from: open + 1, to: close };
  if (inner.filter(isGround).some((g) => prenominal(within, g) || postnominal(within, g))) return;
  const [ss, se] = cx.r.sentence(open);
  const context = r.hits(ss, se);
  const options = { news: false, quotedGround: true, bracketed: true };
  const probe = readNote(r, open, inner, context, options);
  const before = nameBeforeNote(cx, open, probe.langs);
  const note = readNote(r, before?.end ?? open, inner, context, options);
  if (note.excluded || !(note.state || note.alone || note.predicate)) return;
  let entities: NameSpan[] = [];
  const owner = r.ownerIn(open + 1, close, note.langs);
  const head = innerSubject(cx, open + 1, close, note, before === null);
  // Chinese marks no plural: a note after names joined by 和/与/及/、 is about each ("“伊斯蘭國”和“勝利陣線”（…被禁止）").
  const cjkList = before !== null && listJoinedBefore(r, before.start);
  const byNouns = !owner && !head && before ? namesByNouns(cx, open, close) : null;
  if (owner) {
    entities = [owner];
    if (before) cx.owned(r.entityOf(before) ?? before.name);
  } else if (head) entities = [head];
  else if (byNouns) entities = byNouns;
  else if (before && (note.distributive || cjkList)) {
    const [last, first] = splitGluedAnd(cx, before);
    entities = [last, ...aliasInBrackets(cx, last, note), ...(first ? [first, ...namesListedBefore(r, first, r.classOf(note.langs))] : namesListedBefore(r, last, r.classOf(note.langs)))];
  } else if (before) entities = [before];
  if (entities.length === 0 || (!owner && !head && possessivePart(cx, open + 1, close, note))) return;
  // "(признаны в РФ иноагентами, Борис Акунин также включен в реестр террористов и экстремистов …)": a clause after a
  // comma whose subject is one of the listed names gives its grounds to that name alone.
  const own = entities.length > 1 ? ownClause(cx, open, close, entities) : null;
  if (own) {
    const shared = readNote(r, before?.end ?? open, r.hits(open + 1, own.at), context, options);
    const single = readNote(r, own.at, r.hits(own.at, close), context, options);
    if (!shared.excluded && (shared.state || shared.alone || shared.predicate)) emit(cx, shared, 'parenthetical', entities, open, close + 1, open);
    if (!single.excluded && (single.state || single.alone || single.predicate || shared.state)) emit(cx, single, 'parenthetical', [own.entity], open, close + 1, open);
    return;
  }
  emit(cx, note, 'parenthetical', entities, open, close + 1, open);
}

/**
 * "телеканала "Дождь*" Анну Монгайт**(и телеканал, и журналистка признаны иноагентами в РФ)": a bracket whose subject
 * lists designation nouns or roles ("и телеканал, и журналистка") stands for the names those nouns head before it in
 * the sentence, each found by its noun's stem ("телеканала «…»", "журналистку …"); null unless every noun finds one.
 */
function namesByNouns(cx: Context, open: number, close: number): NameSpan[] | null {
  const { r } = cx;
  const text = r.text;
  const nouns: string[] = [];
  let pos = open + 1;
  for (let k = 0; k < 4; k++) {
    pos += /^[\s\u00a0]*(?:и[\s\u00a0]+)?/u.exec(text.slice(pos, pos + 4))?.[0].length ?? 0;
    const end = r.phraseAt(pos, ['nouns', 'roles']);
    if (end <= pos) break;
    nouns.push(text.slice(pos, end).toLowerCase());
    pos = end;
    const sep = /^[\s\u00a0]*(?:,[\s\u00a0]*|[\s\u00a0]и[\s\u00a0]+)/u.exec(text.slice(pos, pos + 5));
    if (!sep) break;
    pos += sep[0].length - (/и[\s\u00a0]+$/u.test(sep[0]) ? /и[\s\u00a0]+$/u.exec(sep[0])?.[0].length ?? 0 : 0);
  }
  if (nouns.length < 2) return null;
  // The designation follows the list straight on, past an adverb of the standing status ("официально признаны").
  while (/[\s\u00a0]/.test(text[pos] ?? '')) pos++;
  const adverb = r.lex.wordAt('adverbs', text, pos);
  if (adverb > pos) pos = adverb + (/^[\s\u00a0]*/u.exec(text.slice(adverb, adverb + 3))?.[0].length ?? 0);
  const next = r.hits(pos, close).find((h) => h.index === pos);
  if (!next || !(next.list === 'predicates' || isGround(next) || next.list === 'distributive')) return null;
  const [ss] = r.sentence(open);
  const prefix = text.slice(ss, open);
  // The names after each noun's last occurrence: the one straight after it first, else the next one no other noun
  // heads ("журналистку телеканала «Дождь» Анну Монгайт": the journalist is the name after the channel's).
  const after = (noun: string): NameSpan[] => {
    const stem = noun.slice(0, Math.max(4, noun.length - 2));
    let at = -1;
    for (const m of prefix.matchAll(/[\p{L}\-]+/gu)) if (m[0].toLowerCase().startsWith(stem)) at = ss + (m.index ?? 0) + m[0].length;
    const out: NameSpan[] = [];
    for (let i = at; at >= 0 && i < open && i < at + 80; i++) {
      if (!/[«"“„\p{Lu}]/u.test(text[i] ?? '') || /[\p{L}]/u.test(text[i - 1] ?? '')) continue;
      const n = nameAfter(text, i, r.classOf());
      if (!n || n.end > open) continue;
      out.push(n);
      i = n.end;
    }
    return out;
  };
  const candidates = nouns.map(after);
  const names: (NameSpan | null)[] = candidates.map((c) => c[0] ?? null);
  for (let k = names.length - 1; k >= 0; k--) {
    const taken = (n: NameSpan | null): boolean => n !== null && names.some((x, j) => j !== k && x?.start === n.start);
    if (taken(names[k] ?? null)) names[k] = candidates[k]?.find((n) => !names.some((x) => x?.start === n.start)) ?? null;
  }
  if (names.some((n) => n === null) || new Set(names.map((n) => n?.start)).size < names.length) return null;
  return names as NameSpan[];
}

/** A comma in the bracket (open, close) followed by a name that is one of `entities` and then its designation: where that clause starts, and whose it is. */
function ownClause(cx: Context, open: number, close: number, entities: NameSpan[]): { at: number; entity: NameSpan } | null {
  const { r } = cx;
  const text = r.text;
  for (let c = text.indexOf(',', open + 1); c > 0 && c < close; c = text.indexOf(',', c + 1)) {
    let at = c + 1;
    while (at < close && /[ \u00a0]/.test(text[at] ?? '')) at++;
    const n = nameAfter(text, at, r.classOf());
    if (!n || n.start !== at || n.end > close) continue;
    const entity = entities.find((e) => sameEntity(e.name, n.name));
    if (!entity) continue;
    // The name's own designation follows within a few words: a ground or a designation verb.
    if (!r.hits(n.end, Math.min(close, n.end + 40)).some((h) => isGround(h) || h.list === 'predicates')) continue;
    return { at: c + 1, entity };
  }
  return null;
}

/**
 * A `list_and` word of the phrase files (Chinese 和, 与, 及) or the enumeration comma 、 (punctuation, so code) ends at
 * `at` or before a quotation mark there, within two characters: the name at `at` ends a list.
 */
function listJoinedBefore(r: Reading, at: number): boolean {
  const text = r.text;
  const lo = Math.max(0, at - 2);
  const joins = (e: number): boolean => {
    if (e - 1 >= lo && text[e - 1] === '、') return true;
    for (let p = lo; p < e; p++) if (r.lex.wordAt('list_and', text, p, null, e) === e) return true;
    return false;
  };
  return joins(at) || (/[“"「『《]/.test(text[at - 1] ?? '') && joins(at - 1));
}

/**
 * "(ее боевое крыло признано в России террористической организацией)", "(его символика признана экстремистской)": a
 * possessive opening the bracket makes its subject a part or attribute of the name before it, not the name; the
 * name's own activity or organisation ("(ее деятельность запрещена)": a designation noun) is the name.
 */
function possessivePart(cx: Context, from: number, to: number, note: Note): boolean {
  const { r } = cx;
  const text = r.text;
  let pos = from;
  while (pos < to && /[ \u00a0]/.test(text[pos] ?? '')) pos++;
  const end = r.phraseAt(pos, ['possessives'], note.langs);
  if (end <= pos) return false;
  // The subject's noun phrase: up to two lower-case words before the designation, none a designation noun.
  pos = end;
  for (let w = 0; w < 2; w++) {
    while (pos < to && /[ \u00a0]/.test(text[pos] ?? '')) pos++;
    if (!/\p{Ll}/u.test(text[pos] ?? '')) return false;
    if (r.phraseAt(pos, ['nouns']) > pos) return false;
    if (r.phraseAt(pos, ['predicates', ...KIND_LISTS]) > pos) return w > 0;
    const word = /^[\p{L}\p{M}\-]+/u.exec(text.slice(pos, to))?.[0] ?? '';
    pos += word.length;
  }
  return true;
}

/**
 * A distributive note after a run of caseless words with "and" glued to one of them ("هيئة تحرير الشام وحراس الدين
 * (المحظورين في روسيا)"): two names, the last from the glued "و" on, the first before it (known to the alias table,
 * since nothing else tells where it starts). Otherwise the run is one name.
 */
function splitGluedAnd(cx: Context, name: NameSpan): [NameSpan, NameSpan | null] {
  const text = cx.r.text;
  const span = text.slice(name.start, name.end);
  // The first word of the run that opens with one; the run's own first word is the name's.
  let at = 0;
  while (at < span.length && !((at === 0 || /[ \u00a0]/.test(span[at - 1] ?? '')) && gluedAnd(cx.r, span, at) > 0)) at++;
  if (at === 0 || at >= span.length) return [name, null];
  const and = name.start + at;
  const glued = gluedAnd(cx.r, span, at);
  const last: NameSpan = { name: text.slice(and + glued, name.end), start: and + glued, end: name.end };
  const end = and - 1;
  for (let words = 5; words >= 1; words--) {
    const run = new RegExp(`((?:[\\p{L}\\p{M}]+[ \\u00a0]+){${words - 1}}[\\p{L}\\p{M}]+)$`, 'u').exec(text.slice(Math.max(0, end - 80), end))?.[1];
    if (run && cx.r.known(run)) return [last, { name: run, start: end - run.length, end }];
  }
  return [name, null];
}

/** The length of a `glued_and` prefix of the phrase files (Arabic "و") opening the word at `at` of `s`, a name of three letters or more after it; else 0. */
function gluedAnd(r: Reading, s: string, at: number): number {
  const length = r.lex.prefixAt('glued_and', s, at);
  return length > 0 && /^\p{L}{3}/u.test(s.slice(at + length, at + length + 3)) ? length : 0;
}

/** "«Джебхат ан-Нусра» («Хайат Тахрир аш-Шам») (обе группировки запрещены в РФ)": the name in brackets before the note. */
function aliasInBrackets(cx: Context, name: NameSpan, note: Note): NameSpan[] {
  const text = cx.r.text;
  const after = text.slice(name.end, name.end + 4);
  const open = text.indexOf('(', name.end);
  if (!/^[»"”]?\s*\(/.test(after) || open < 0) return [];
  const inner = nameAfter(text, open + 1, cx.r.classOf(note.langs));
  return inner ? [inner] : [];
}

/**
 * "(ФБК признан иноагентом)": a name opening the brackets that is the subject of their designation verb; with no
 * name before the brackets, also one set off by a comma ("…(IS、ロシア連邦では禁止されている)").
 */
function innerSubject(cx: Context, from: number, to: number, note: Note, alone: boolean): NameSpan | null {
  const { r } = cx;
  const text = r.text;
  const classOf = r.classOf(note.langs);
  let at = from;
  while (at < to && /[ \u00a0]/.test(text[at] ?? '')) at++;
  // "(движение «Международное движение сатанизма» признано …)": a designation noun before the quoted subject.
  const noun = r.phraseAt(at, ['nouns'], note.langs);
  const quoted = noun > at && /^[ \u00a0]+[«"“„]/u.test(text.slice(noun, noun + 3)) ? nameAfter(text, noun + (/^[ \u00a0]+/.exec(text.slice(noun, noun + 3))?.[0].length ?? 0), classOf) : null;
  let n = quoted ?? nameAfter(text, from, classOf);
  if (!n || n.start > (quoted ? to : from + 2)) return null;
  // "(Международное движение сатанизма признано …)": a name the alias table knows whole reads on in lower case.
  const whole = quoted ? null : r.knownRunAfter(n.start);
  if (whole && whole.end > n.end) n = whole;
  const cls = classOf(n.start, n.end);
  if (cls.has('states') || cls.has('other_states') || cls.has('nouns')) return null;
  // Nor is a word that names no entity: a state with a case ending joined by a hyphen ("(ОХУ-д хориглосон)", "in the RF").
  if (r.entityOf(n) === null) return null;
  let i = n.end;
  if (/[»"”」』]/.test(text[i] ?? '')) i++;
  if (alone && /^[,、，]/.test(text[i] ?? '')) return n;
  while (i < to && /[ \u00a0]/.test(text[i] ?? '')) i++;
  // "(«Свидетели Иеговы» — запрещенная в РФ организация)": a dash after the bracket's own name opens its designation.
  const dash = /^[—–][ \u00a0]*/u.exec(text.slice(i, i + 4));
  if (dash) i += dash[0].length;
  const next = r.hits(i, to).find((h) => h.index === i);
  // The designation verb may follow an adverb or the state ("(Международное движение сатанизма в РФ признано …)").
  return (next && (next.list === 'predicates' || isGround(next))) || predicateAfter(cx, i, note.langs) > i ? n : null;
}

/** Lists whose words may sit between a prenominal designation and its name. */
/**
 * A note that announces a list after a colon: "следующие экстремистские и террористические организации, запрещены в
 * Российской Федерации: «Свидетели Иеговы», Национал-Большевистская партия, …". The note names the designation noun
 * and the state (or is a designation by itself) and every listed name takes each of its grounds (LABELS.md rules 2
 * and 5). Without names after the colon it is the generic mention LABELS.md excludes, and yields nothing.
 */
function listing(cx: Context, g: Hit): boolean {
  const { r } = cx;
  const text = r.text;
  const [ss] = r.sentence(g.index);
  const colon = text.indexOf(':', g.end);
  if (colon < 0 || colon > cx.to || colon - g.end > 80) return false;
  if ([...text.slice(g.end, colon).matchAll(/[.;!?()]/gu)].some((m) => !abbreviationStop(text, g.end + m.index))) return false;
  if (cx.done.has(`listing:${colon}`)) return true;
  const hits = r.hits(ss, colon);
  if (!hits.some((h) => h.list === 'nouns' && h.index < colon)) return false;
  const note = readNote(r, colon, hits, hits, { news: true });
  if (note.excluded || !(note.state || note.alone) || quotedSentence(cx, g.index)) return false;
  const items = listedItems(cx, colon + 1);
  if (items.length < 2) return false;
  cx.done.add(`listing:${colon}`);
  const last = items[items.length - 1] as NameSpan;
  emit(cx, note, 'listed', items, ss, last.end);
  return true;
}

/** The names listed from `at` to the end of the list: quoted, or capitalised words, each with an optional bracketed gloss, joined by commas. */
function listedItems(cx: Context, at: number): NameSpan[] {
  const text = cx.r.text;
  const out: NameSpan[] = [];
  let pos = at;
  for (let k = 0; k < 30 && pos < cx.lineEnd; k++) {
    while (/[ \u00a0]/.test(text[pos] ?? '')) pos++;
    const quoted = /[«"“„]/.test(text[pos] ?? '');
    const item = quoted ? nameAfter(text, pos, cx.r.classOf()) : /^\p{Lu}[\p{L}\p{M}\p{Nd}'’\-]*(?:[ \u00a0]+[\p{L}\p{M}\p{Nd}'’\-]+){0,5}(?=[ \u00a0]*[,.(;]|$)/mu.exec(text.slice(pos, cx.lineEnd));
    if (!item) break;
    const span: NameSpan = 'name' in item ? item : { name: item[0], start: pos, end: pos + item[0].length };
    out.push(span);
    // Past the closing quote, a bracketed gloss ("(УПА)") and a word that qualifies the quoted name ("«Братство» Корчинского").
    const rest = /^[»"”]?(?:[ \u00a0]+[\p{L}\p{M}\-]+)?(?:[ \u00a0]*\([^()]{1,60}\))?[ \u00a0]*/u.exec(text.slice(span.end, span.end + 100))?.[0] ?? '';
    pos = span.end + rest.length;
    if (text[pos] !== ',') break;
    pos++;
  }
  return out;
}

const PHRASE_WORDS: readonly ListName[] = [...KINDS, 'states', 'predicates', 'nouns', 'roles', 'stopwords', 'alone'];

/** The end of the ground phrase at `g`: past phrases overlapping it ("被禁" inside "被禁止"). */
function groundEnd(cx: Context, g: Hit): number {
  let end = g.end;
  for (const h of cx.r.hits(g.index, Math.min(cx.to, g.end + 20))) if (h.index < end && PHRASE_WORDS.includes(h.list)) end = Math.max(end, h.end);
  return end;
}

/** True when a quotation opened earlier in the sentence is still open at `pos`: the label is quoted, not applied. */
function quotedSentence(cx: Context, pos: number): boolean {
  const [ss] = cx.r.sentence(pos);
  return insideQuote(cx.r.text, Math.max(cx.lineStart, ss - 1), pos);
}

function insideQuote(text: string, from: number, to: number): boolean {
  let depth = 0;
  // Straight quotes nest as typographic ones do: one after a space opens, one after a word closes, so a quoted name
  // inside a quoted statement (': "… المنظمة الدولية المتطرفة "جماعة التبليغ" المحظورة في روسيا"') leaves the statement open.
  let straight = 0;
  for (let i = from; i < to; i++) {
    const ch = quoteMarkAt(text, i);
    if ('«“„「『'.includes(ch) && !(ch === '“' && /[\p{L}\p{Nd}.,!?]/u.test(text[i - 1] ?? ' '))) depth++;
    else if ('»”」』'.includes(ch) || (ch === '“' && depth > 0)) depth = Math.max(0, depth - 1);
    else if (ch === '"') straight = /[\p{L}\p{Nd}.,!?)]/u.test(text[i - 1] ?? ' ') ? Math.max(0, straight - 1) : straight + 1;
  }
  return depth > 0 || straight > 0;
}

function prenominal(cx: Context, g: Hit): boolean {
  const { r, to } = cx;
  const text = r.text;
  const probe = r.hits(g.index, g.end).filter(isGround).map((h) => h.lang);
  if (probe.length > 0 && probe.every((l) => r.lex.noPrenominal.has(l))) return false;
  // A Russian short participle is a predicate: "на российской территории запрещены социальные сети Facebook", "В
  // Беларуси признаны экстремистскими три видео …" are clauses, not a designation before a name.
  if (shortParticipleAt(cx, g)) return false;
  let pos = groundEnd(cx, g);
  let name: NameSpan | null = null;
  let adjectives = 0;
  const russian = r.hits(g.index, g.end).some((h) => isGround(h) && h.lang === 'ru');
  // "die Terrormiliz IS": the ground may itself be the designation noun.
  let lastWasNoun = r.phraseAt(g.index, ['nouns', 'roles']) >= g.end;
  // The designation verb straight before the name: "Иностранными агентами признаны Виктор Шендерович" narrates.
  let lastWasVerb = false;
  let prepositionAfterGround = false;
  // Unlisted words after a designation noun: one genitive may stand before a quoted name ("организации исламистов
  // «Таблиги Джамаат»"); a second designation noun after them heads another phrase, which the ground does not qualify
  // ("террористического сообщества возбуждено против экс-главы нефтяной компании "ЮКОС"").
  let nounSeen = lastWasNoun;
  let afterNoun = 0;
  for (let step = 0; step < 9 && pos < to; step++) {
    while (pos < to && /[ \u00a0]/.test(text[pos] ?? '')) pos++;
    const ch = text[pos] ?? '';
    // No name after the designation noun: a demonstrative before the phrase makes it stand for a name before it.
    if (ch === '' || pos >= to || (lastWasNoun && !/[\p{L}\p{Nd}«"“„「『《'‘—–]/u.test(ch))) return lastWasNoun && anaphoricPrenominal(cx, g, pos);
    if (lastWasNoun && /\p{Ll}/u.test(ch) && r.phraseAt(pos, PHRASE_WORDS) < 0 && anaphoricPrenominal(cx, g, pos)) return true;
    if (/[«"“„「『《'‘]/.test(ch)) {
      name = nameAfter(text, pos, r.classOf());
      // A quotation made only of designation words is the quoted term, not a name: "απαγορεύθηκε ως «ανεπιθύμητη
      // οργάνωση»", "als «unerwünschte Organisation» eingestuft".
      if (name && termOnly(r, name)) return false;
      break;
    }
    // Japanese and Chinese glue: particles in kana, 的.
    if (glueAt(r, pos, to) > pos) {
      for (let e = glueAt(r, pos, to); e > pos; e = glueAt(r, pos, to)) pos = e;
      continue;
    }
    // The closing mark of a quoted status term ("「外国エージェント」に指定されている…").
    if (/[」』”»"]/.test(ch)) {
      pos++;
      continue;
    }
    // "внесенных в реестр иностранных агентов НКО — Фонда борьбы с коррупцией …": a dash after the designation noun
    // opens the names it stands for.
    if (/[—–]/.test(ch) && lastWasNoun && /[ \u00a0]/.test(text[pos - 1] ?? '')) {
      pos++;
      continue;
    }
    // An abbreviation's stop inside the phrase, a lower-case word after it ("запрещ. в РФ группировки", "запр. в РФ"),
    // ends no sentence (sentencesOf) and no phrase.
    if (abbreviationStop(text, pos)) {
      pos++;
      continue;
    }
    if (!/[\p{L}\p{Nd}]/u.test(ch)) return false;
    // In a Russian phrase only East Slavic words are the phrase's: "признали" is no Bulgarian predicate "призна*" there
    // but the finite verb of the news ("экстремистом и террористом признали журналистку телеканала «Дождь»").
    const foreign = russian && /\p{Script=Cyrillic}/u.test(ch) && !r.startingAt(pos).some((h) => PHRASE_WORDS.includes(h.list) && EAST_SLAVIC.has(h.lang));
    const listed = foreign ? -1 : r.phraseAt(pos, PHRASE_WORDS);
    // A capitalised designation noun that opens a name the alias table knows is the name ("Фонда борьбы с коррупцией").
    // Not when the words after the noun are that name by themselves: German capitalises every noun, and "Organisation
    // Memorial" is the designation noun and the name.
    const whole = /\p{Lu}/u.test(ch) && listed > pos ? r.knownRunAfter(pos) : null;
    const rest = whole ? r.knownRunAfter(listed + (/^[ \u00a0]+/.exec(text.slice(listed, listed + 3))?.[0].length ?? 0)) : null;
    if (whole && whole.end > listed && !(rest && rest.end === whole.end && r.sameKnown(rest.name, whole.name))) {
      name = whole;
      // A designation noun heads the name it opens ("Legion Freiheit Russlands"); an article ("The Bell") does not.
      lastWasNoun = r.phraseAt(pos, ['nouns']) > pos;
      break;
    }
    if (listed > pos) {
      // "Террористы из группировки «ИГ»", "terrorists of the group": a ground, a preposition and a designation noun
      // name the group's members; the group's own designation is not said.
      if (step === 1 && prepositionAfterGround && r.phraseAt(pos, ['nouns']) > pos) return false;
      if (step === 0) prepositionAfterGround = r.phraseAt(pos, ['stopwords']) >= listed && r.phraseAt(pos, [...KIND_LISTS, 'nouns', 'states']) < 0;
      // A ground adjective after its noun keeps the phrase headed by it ("organizacji terrorystycznej Państwo Islamskie").
      lastWasNoun = r.phraseAt(pos, ['nouns', 'roles']) > pos || (lastWasNoun && r.phraseAt(pos, [...KIND_LISTS]) >= listed);
      if (lastWasNoun && nounSeen && afterNoun > 0) return false;
      nounSeen ||= lastWasNoun;
      lastWasVerb = r.phraseAt(pos, ['predicates']) >= listed && r.phraseAt(pos, [...KIND_LISTS, 'alone', 'nouns', 'roles']) < listed;
      // A Russian short participle is a predicate, never an attribute: "Иноагентом признан журналист Иван Иванов" is a
      // clause (the news of the registry), whatever role or noun comes between it and the name.
      if (lastWasVerb && shortParticiple(r, text.slice(pos, listed))) return false;
      pos = listed;
      continue;
    }
    // "独立系メディア「メドゥーザ」": in Japanese and Chinese the name is the quotation that follows its description.
    const quote = UNSPACED.test(ch) ? /^[^\s、。，,.!?！？「『“"《]{0,12}[「『“"《]/u.exec(text.slice(pos, pos + 14)) : null;
    if (quote) {
      pos += quote[0].length - 1;
      lastWasNoun = true;
      continue;
    }
    let e = pos;
    while (e < to && /[\p{L}\p{M}\p{Nd}'’\-]/u.test(text[e] ?? '')) e++;
    const word = text.slice(pos, e);
    // Without capitals an unlisted word may be an adjective of the designation noun one or two words on
    // ("নিষিদ্ধ আন্তর্জাতিক জঙ্গি সংগঠন ইসলামিক স্টেটের"), not yet the name.
    const caseless = /\p{L}/u.test(ch) && ch.toLowerCase() === ch.toUpperCase() && !UNSPACED.test(ch);
    // In a caseless script a name the alias table knows may stand between the participle and its designation noun
    // ("प्रतिबंधित इस्लामिक स्टेट आतंकवादी संगठन").
    const knownHere = caseless && step === 1 ? r.knownRunAfter(pos) : null;
    if (knownHere) {
      name = knownHere;
      break;
    }
    if (caseless && adjectives < 2 && nounWithin(cx, e, 2)) {
      adjectives++;
      lastWasNoun = false;
      lastWasVerb = false;
      pos = e;
      continue;
    }
    if (isNameWord(word) || !/\p{Ll}/u.test(ch) && /\p{L}/u.test(ch)) {
      // A name in lower case the alias table knows runs on past the capitalised word ("Фонда борьбы с коррупцией").
      const cased = nameAfter(text, pos, r.classOf());
      const known = r.knownRunAfter(pos);
      // Lower-case words after a name the alias table knows are the clause's verb, not the name's end ("terroristijärjestö
      // Isis otti vastuun."), unless the table knows them with it.
      const verbAfter = known && cased && cased.end > known.end && /^(?:[ \u00a0]+\p{Ll}+)+$/u.test(text.slice(known.end, cased.end)) && !r.known(cased.name);
      // Written without spaces, the capitalised run means nothing: the name the alias table knows is the name.
      name = known && (known.end > (cased?.end ?? 0) || verbAfter || UNSPACED.test(ch)) ? known : cased;
      break;
    }
    // Short function words ("в", "in", "на") and up to two adjectives ("международной"). In Russian an unlisted word
    // before the designation noun is an adjective or participle by its ending; anything else is a verb or a noun of
    // the sentence ("в список нежелательных попали компания …"). The endings are Cyrillic: a word in another script (a
    // Latin brand) is not judged by them.
    if (russian && word.length > 3 && !nounSeen && /^\p{Script=Cyrillic}+$/u.test(word) && !r.lex.endsWith('adjective_endings', word)) return false;
    // A Russian adjective is told by its ending, so a third may stand ("запрещенного в РФ радикального
    // религиозно-политического военизированного движения «Талибан»"); elsewhere two, since nothing tells them.
    if (word.length > 3 && ++adjectives > (russian && /^[\p{Script=Cyrillic}\-]+$/u.test(word) ? 3 : 2)) return false;
    if (word.length > 3 && nounSeen) afterNoun++;
    lastWasNoun = false;
    lastWasVerb = false;
    pos = e;
  }
  if (!name || name.end > to) return false;
  // "registered as a foreign agent in the United States": a state after the phrase is where, not who.
  // A name the alias table knows may hold a state's name ("Legion Freiheit Russlands").
  const nameClass = r.classOf()(name.start, name.end);
  if ((nameClass.has('states') || nameClass.has('other_states')) && !r.known(name.name)) return false;
  // Unlisted adjectives are allowed only in a noun phrase: a designation noun must head the name.
  const quotedName = /[«"“„「『《'‘]/.test(text[name.start - 1] ?? '\0');
  if (adjectives > 0 && !lastWasNoun && !(quotedName && nounSeen && afterNoun === 1)) return false;
  const start = phraseStart(cx, g);
  const [ss, se] = cx.r.sentence(g.index);
  const note = readNote(r, start, r.hits(start, name.start), r.hits(ss, se), { news: true });
  // Another state right before a phrase that names none, past its case suffix, designates in its own right
  // ("Gürcistan'da yabancı ajan ilan edilen gazeteci …", "в Грузии признанного иноагентом …"): another jurisdiction.
  const stateBefore = r.hits(Math.max(0, start - 40), start).filter((h) => h.list === 'states' || h.list === 'other_states').at(-1);
  if (!note.state && stateBefore?.list === 'other_states' && /^[\p{L}'’]*[ \u00a0]+$/u.test(text.slice(stateBefore.end, start))) return false;
  // With no state in the phrase, one named in its sentence frames it ("Мақомоти амниятии Русия … созмони мамнӯъи
  // террористии «…»"), unless the phrase names another. Only a sentence that says banned or designated frames it: a
  // ground adjective beside an institution's name describes ("МВД России … террористическая группировка «ИГ»").
  // Nor does a sentence whose name is the subject of its own designation verb and ground ("The extremist group Islamic
  // State is officially recognized as a terrorist organization in Russia"): that predicate designates, the ground
  // adjective before the name describes.
  const after = r.hits(name.end, se);
  const verbAfter = after.find((h) => h.list === 'predicates' && h.index - name.end < 30 && !/[([]/u.test(text.slice(name.end, h.index)));
  const framed = !note.state && r.hits(ss, se).some((h) => h.list === 'states') && !r.hits(start, name.start).some((h) => h.list === 'other_states')
    && r.hits(ss, se).some((h) => h.list === 'banned_other' || h.list === 'predicates')
    && !(verbAfter && after.some((h) => SPECIFIC_KINDS.includes(h.list) && h.index > verbAfter.index));
  // Quoted words are the source's, unless the outlet marked the name in them for its own footnote.
  const marked = MARKER_AFTER.test(text.slice(name.end, name.end + 6));
  // Corner brackets that open the phrase and close inside it mark its term ("「外国エージェント」に指定されている…"), no quotation.
  const termOpen = '「『'.includes(text[start - 1] ?? '') && /[」』]/.test(text.slice(start, name.start)) ? start - 1 : start;
  if (note.excluded || !(note.state || note.alone || framed) || (quotedSentence(cx, termOpen) && !marked)) return false;
  // A state and a ground in a sentence with no ban or designation word describe ("रूस में सोमवार को आतंकी संगठन इस्लामिक
  // स्टेट …": Russia is where the arrest was), they do not designate; the ban may stand outside the phrase ("Vietato in
  // Russia, il gruppo terrorista …", "In Russland ist die Terrormiliz IS verboten").
  if (!note.predicate && !note.alone && !r.hits(ss, se).some((h) => h.list === 'banned_other' || h.list === 'predicates' || h.list === 'alone')) return false;
  // The name is the designated one: headed by a designation noun or role, quoted, known to the alias table, or a
  // capitalised name after a designation that is Russian by itself ("признанного иноагентом Льва Пономарева").
  const quoted = /[«"“„「『《'‘]/.test(text[name.start - 1] ?? '\0');
  // A name straight after "banned" is the verb's object ("Russia … banned Facebook"), not a designated name; one
  // with a designation noun fused to it is headed by it ("verboden Taliban-beweging"). Where the verb ends the
  // clause, a designation word before a capitalised name is a participle heading it ("Rusya'da yasaklanan IŞİD").
  const fused = r.entityOf(name) !== cleanName(name.name);
  // Only when the note's words are of verb-final languages alone ("ekstremiste" is Serbian and Turkish alike).
  // Where participles come first (participle_first), only a ban or designation participle right before the name heads it.
  const beforeName = /([\p{L}\p{M}'’\-]+)[ \u00a0]+$/u.exec(text.slice(Math.max(0, name.start - 40), name.start));
  const participleBefore = beforeName?.[1] !== undefined && r.hits(name.start - beforeName[0].length, name.start).some((h) => h.list === 'banned_other' || h.list === 'predicates');
  // Written without spaces, the participle is glued to the name past kana or 的 ("ロシアで活動が禁止されているイスラム国",
  // "在俄罗斯被禁止的伊斯兰国"): before a name the alias table knows it heads it, as a spaced one does in a caseless script.
  const gluedBefore = UNSPACED.test(text[name.start] ?? '') && r.hits(Math.max(0, name.start - 20), name.start)
    .some((h) => (h.list === 'banned_other' || h.list === 'predicates') && gluedTo(r, h.end, name.start));
  const caselessKnown = !/[\p{Lu}\p{Ll}]/u.test(name.name) && r.known(name.name) && (participleBefore || gluedBefore);
  const participle = note.langs.size > 0 && (/\p{Lu}/u.test(name.name[0] ?? '') || caselessKnown) && ([...note.langs].every((l) => r.lex.verbFinal.has(l))
    || ([...note.langs].every((l) => r.lex.participleFirst.has(l)) && participleBefore) || gluedBefore);
  // A capitalised name straight after a designation verb is its subject or object, the clause the news ("Иностранными
  // агентами в России признаны Виктор Шендерович, …"), not an attribute of the name.
  // "Banned" as a Russian long participle in an oblique case can only qualify a noun ("запрещенной в России Хизб ут-Тахрир"): the
  // name after it is its head, not a verb's object.
  // An abbreviated participle ("запрещ. в РФ") is the long one's abbreviation, as in "(запрещ. в РФ)": an attribute too.
  const groundWord = /^[\p{L}]+/u.exec(text.slice(g.index, g.index + 40))?.[0] ?? '';
  const longParticiple = note.state && !lastWasVerb && g.list === 'banned_other' && g.lang === 'ru'
    && (r.lex.endsWith('oblique_participle_endings', groundWord, new Set([g.lang])) || abbreviationStop(text, g.index + groundWord.length));
  if (!lastWasNoun && !quoted && !fused && !participle && !longParticiple && !(note.alone && !lastWasVerb && /\p{Lu}/u.test(name.name[0] ?? ''))) return false;
  const names = [name, ...namesListedAfter(r, name, r.classOf(note.langs))];
  emit(cx, note, 'prenominal', names, start, name.end + (/[»"”」』》']/.test(text[name.end] ?? '') ? 1 : 0));
  return true;
}

/**
 * "по факту деятельности этой запрещённой в нашей стране организации": a prenominal phrase whose designation noun a
 * demonstrative (the phrase files' `demonstratives`) leads, with no name after it, stands for the mention marked just
 * before it, else the last name before it the alias table knows, else the last quoted name of the sentence before
 * (as an anaphoric status sentence does, rule `prenominal+anaphor`). The phrase ends at `end`, past its noun.
 */
function anaphoricPrenominal(cx: Context, g: Hit, end: number): boolean {
  const { r } = cx;
  const text = r.text;
  const start = phraseStart(cx, g);
  const before = /([\p{L}]+)[ \u00a0]+$/u.exec(text.slice(Math.max(0, start - 30), start));
  if (!before?.[1]) return false;
  const at = start - before[0].length;
  const [ss, se] = r.sentence(g.index);
  const langs = new Set(r.hits(start, end).map((h) => h.lang));
  if (r.lex.wordAt('demonstratives', text, at, langs, at + before[1].length) !== at + before[1].length) return false;
  const note = readNote(r, start, r.hits(start, end), r.hits(ss, se), { news: true });
  if (note.excluded || !(note.state || note.alone) || quotedSentence(cx, start)) return false;
  const antecedent = markedBefore(cx, at) ?? knownBefore(cx, at) ?? quotedBefore(cx, ss);
  if (!antecedent) return false;
  // Where the antecedent's sentence tells the designation as news, the phrase goes on telling it.
  const [as, ae] = r.sentence(antecedent.start);
  const told = r.hits(as, ae, undefined, langs);
  if (told.some((h) => h.list === 'news_events') && told.some((h) => isGround(h) && h.list !== 'banned_other')) return false;
  const marker = MARKER_AFTER.exec(text.slice(antecedent.end, antecedent.end + 6))?.[1] ?? null;
  let e = end;
  while (e > start && /[\s,.;:]/.test(text[e - 1] ?? '')) e--;
  // The phrase's own noun gives its ground; the antecedent's epithet in another sentence does not.
  emit(cx, note, 'prenominal+anaphor', [antecedent], start, e, undefined, marker, false);
  return true;
}

/** True when every word of `span` opens with a ground or a designation noun of the phrase files: a quoted term, not a name. */
function termOnly(r: Reading, span: NameSpan): boolean {
  const hits = r.hits(span.start, span.end).filter((h) => isGround(h) || h.list === 'nouns');
  const words = [...r.text.slice(span.start, span.end).matchAll(/\p{L}[\p{L}\p{M}'’\-]*/gu)];
  return words.length > 0 && words.every((w) => {
    const at = span.start + (w.index ?? 0);
    return hits.some((h) => h.index <= at && h.end > at);
  });
}

/** True when gluing particles (kana, 的), and only they, stand between `from` and `to`: an attribute, not a verb and its object ("禁止伊斯兰国"). */
function gluedTo(r: Reading, from: number, to: number): boolean {
  let pos = from;
  if (pos >= to) return false;
  while (pos < to) {
    const e = glueAt(r, pos, to);
    if (e <= pos) return false;
    pos = e;
  }
  return pos === to;
}

/** The end of a particle at `pos` (before `to`) gluing a designation to its name: a kana (by its script) or an `attributive_particles` word (的); else -1. */
function glueAt(r: Reading, pos: number, to: number): number {
  if (pos >= to) return -1;
  return /\p{Script=Hiragana}/u.test(r.text[pos] ?? '') ? pos + 1 : r.lex.wordAt('attributive_particles', r.text, pos, null, to);
}

// A short participle ("запрещен", "признана", "внесены"): a predicate, never an attribute before a name. One word of
// letters with an ending of the phrase files' short_participle_endings (any language, as the rules reading it are).
const shortParticiple = (r: Reading, w: string): boolean => r.lex.endsWith('short_participle_endings', w) && /^\p{L}+$/u.test(w);
const EAST_SLAVIC: ReadonlySet<string> = new Set(['ru', 'uk', 'be']);

/** The ground `g`, or the predicate word just before it, is a Russian short participle ("запрещены", "признаны экстремистскими"). */
function shortParticipleAt(cx: Context, g: Hit): boolean {
  const { r } = cx;
  const text = r.text;
  const short = (w: string): boolean => shortParticiple(r, w);
  if (!r.hits(g.index, g.end).some((h) => isGround(h) && h.lang === 'ru')) return false;
  const own = /^[\p{L}\-]+/u.exec(text.slice(g.index, g.index + 40))?.[0] ?? '';
  if (g.list === 'banned_other' && short(own)) return true;
  const before = /([\p{L}\-]+)[ \u00a0]+$/u.exec(text.slice(Math.max(0, g.index - 40), g.index));
  if (!before?.[1]) return false;
  const at = g.index - before[0].length;
  return short(before[1]) && r.phraseAt(at, ['predicates']) > at;
}

/** True when a designation noun starts one of the next `words` words after `from`. */
function nounWithin(cx: Context, from: number, words: number): boolean {
  const text = cx.r.text;
  let at = from;
  for (let k = 0; k < words; k++) {
    while (at < cx.to && /[ \u00a0]/.test(text[at] ?? '')) at++;
    if (cx.r.phraseAt(at, ['nouns']) > at) return true;
    while (at < cx.to && /[\p{L}\p{M}\p{Nd}'’\-]/u.test(text[at] ?? '')) at++;
  }
  return false;
}

/** Where a prenominal phrase starts: back from its ground over its own words ("запрещенной в России …", "Rusya'da yasaklı …"). */
function phraseStart(cx: Context, g: Hit): number {
  const { r, from } = cx;
  const text = r.text;
  if (UNSPACED.test(text[g.index] ?? '')) {
    // Scripts without spaces: back to the clause's punctuation, at most 25 characters.
    let s = g.index;
    while (s > Math.max(from, g.index - 25) && !/[、。，,.!?！？；;:：（(「」『』《》\s]/.test(text[s - 1] ?? '')) s--;
    return s;
  }
  let start = g.index;
  const classOf = r.classOf();
  for (let k = 0; k < 5; k++) {
    let j = start;
    while (j > from && /[ \u00a0]/.test(text[j - 1] ?? '')) j--;
    let w = j;
    while (w > from && /[\p{L}\p{M}\p{Nd}'’\-]/u.test(text[w - 1] ?? '')) w--;
    if (w === j) break;
    const cls = classOf(w, j);
    if (![...cls].some((l) => PHRASE_WORDS.includes(l) && l !== 'nouns' && l !== 'roles')) break;
    start = w;
  }
  // "die in Russland und mehreren anderen Ländern verbotenen …": the state may stand a few words further back,
  // within the same clause.
  if (!r.hits(start, g.index).some((h) => h.list === 'states')) {
    const clause = Math.max(from, ...[',', ';', '.', '(', ')', ':', '!', '?'].map((p) => text.lastIndexOf(p, start - 1) + 1));
    const state = r.hits(clause, start, ['states']).filter((h) => start - h.end < 60).shift();
    if (state) start = state.index;
  }
  return start;
}

const CLAUSE_END = /[,;:—–()\[\]،]/;

function appositive(cx: Context, g: Hit): boolean {
  const { r } = cx;
  const text = r.text;
  if (UNSPACED.test(text[g.index] ?? '')) return false;
  const [ss, se] = cx.r.sentence(g.index);
  const lo = Math.max(cx.from, ss);
  // The clause opens at the nearest comma or dash before the ground, at most ten words back; else at a relative
  // pronoun right after a name, without a comma ("Meta yang diakui …").
  let comma = commaBefore(text, g.index, lo);
  // A relative clause may run longer before its ground ("…, которая в 2003 году была признана Решением ВС РФ в России
  // террористической"): past ten words, a comma counts when a relative pronoun opens the clause after it.
  if (comma < 0) {
    const far = commaBefore(text, g.index, lo, 16);
    const after = far >= 0 ? far + 1 + (/^[\s\u00a0—–]*/u.exec(text.slice(far + 1, far + 5))?.[0].length ?? 0) : -1;
    if (far >= 0 && r.phraseAt(after, ['relatives']) > after) comma = far;
  }
  if (comma >= 0 && cx.done.has(`clause:${comma}`)) return false;
  if (comma >= 0) cx.done.add(`clause:${comma}`);
  if (comma >= 0 && clauseAt(cx, g, comma, ss, se)) return true;
  const rel = r.hits(lo, g.index, ['relatives']).filter((h) => text.slice(h.end, g.index).split(/\s+/).length <= 6).pop();
  if (!rel || !/[\s\u00a0]/.test(text[rel.index - 1] ?? '')) return false;
  // Without a comma, a relative pronoun that is also an article or function word ("der", "die", "which") is read as
  // that word ("die Liste der in Russland verbotenen Organisationen"); only a relative word alone ("yang") opens one.
  // A name the alias table knows right before it still opens one: the word can only be the relative there (Persian
  // "گروه امارات قفقاز که در روسیه تروریستی شناخته می شود", where "که" is also "that").
  const knownBefore = r.knownRunBefore(rel.index, lo) !== null;
  if (!knownBefore && r.classOf(new Set([rel.lang]))(rel.index, rel.end).has('stopwords')) return false;
  const prev = /([\p{L}\p{M}\p{Nd}'’\-]+)[»"”]?[\s\u00a0]+$/u.exec(text.slice(Math.max(lo, rel.index - 60), rel.index));
  if (!prev?.[1] || !(isNameWord(prev[1]) || r.known(prev[1]) || knownBefore)) return false;
  return clauseAt(cx, g, rel.index - 1, ss, se);
}

/** The comma or spaced dash nearest before `pos`, at most `most` words back and with no quotation or bracket between, or -1. */
function commaBefore(text: string, pos: number, lo: number, most = 10): number {
  let words = 0;
  for (let i = pos - 1; i >= lo && words <= most; i--) {
    const ch = text[i] ?? '';
    if (ch === ',' || ch === '،' || ((ch === '—' || ch === '–' || ch === '-') && /\s/.test(text[i - 1] ?? '') && /\s/.test(text[i + 1] ?? ''))) return i;
    if (ch === ' ') words++;
    if (QUOTE_CHARS.includes(ch) || ch === '(' || ch === ')') return -1;
  }
  return -1;
}

/** The appositive or relative clause that opens after `b` and holds the ground `g`, labelling the name before `b`. */
function clauseAt(cx: Context, g: Hit, b: number, ss: number, se: number): boolean {
  const { r, to } = cx;
  const text = r.text;
  let c = b + 1;
  // ",— террористической организации, …": a dash may follow the comma.
  while (c < g.index && (/[ \u00a0]/.test(text[c] ?? '') || (c === b + 1 && text[b] === ',' && /[—–]/.test(text[c] ?? '')))) c++;
  // A copula opens the sentence's predicate ("Meta, …, is banned"), not an appositive; so does a Russian short
  // participle after a comma ("организация …, созданная под эгидой Совета Европы, признана нежелательной в России").
  if (r.phraseAt(c, ['copulas']) > c) return false;
  // Only the East Slavic participles are read by this ending: Bulgarian, Macedonian and Serbian "обявена", "забранена",
  // "забрањена" end the same way and stand after a comma as appositives ("Bellingcat, обявена за нежелана в Русия, …").
  const shortAt = (at: number): boolean => {
    const word = /^[\p{L}\-]+/u.exec(text.slice(at, at + 40))?.[0] ?? '';
    return shortParticiple(r, word) && r.hits(at, at + word.length).some((h) => h.index === at && EAST_SLAVIC.has(h.lang) && (h.list === 'predicates' || isGround(h)));
  };
  if (text[b] === ',' && shortAt(c)) return false;
  // "Утверждалось, что блокировка … заблокированными соцсетями Meta*": a conjunction after a verb of saying (the phrase
  // files' `saying`, when it is no relative pronoun) opens a complement clause, not an aside on the word before it.
  const saying = r.lex.wordAt('saying', text, c, null, g.index);
  if (text[b] === ',' && saying > c && !/\p{L}/u.test(text[saying] ?? '') && r.phraseAt(c, ['relatives']) < 0) return false;
  // Adverbs and a past auxiliary may open that predicate ("Движение «Артподготовка», созданное Мальцевым, ранее было
  // признано экстремистской …"): after up to three function words (never a relative pronoun, which opens a relative
  // clause) a short participle is still the predicate.
  if (text[b] === ',' && r.phraseAt(c, ['relatives']) < 0) {
    let p = c;
    for (let k = 0; k < 3; k++) {
      const w = r.phraseAt(p, ['stopwords']);
      if (w <= p || r.phraseAt(p, ['relatives']) > p) break;
      p = w + (/^[ \u00a0]+/.exec(text.slice(w, w + 3))?.[0].length ?? 0);
    }
    if (p > c && shortAt(p)) return false;
  }
  // "Как отмечает «Медуза», издание признано в России нежелательным": a noun and a short participle after a comma are
  // a clause of their own (subject and predicate), not an aside on the name before the comma.
  const noun = text[b] === ',' ? r.phraseAt(c, ['nouns']) : -1;
  if (noun > c && shortAt(noun + (/^[ \u00a0]+/.exec(text.slice(noun, noun + 3))?.[0].length ?? 0))) return false;
  const openers = r.hits(c, to).filter((h) => h.index === c);
  // "«Свидетелей Иеговы» — религиозная организация признана …": after a dash an adjective may open the designation
  // noun phrase; after a comma up to two may, when the noun follows ("Džamata Tabliga, globalnog sunitskog pokreta koji
  // je zabranjen u Rusiji …"), since a lone word there may be a relative ("…, чья деятельность … запрещена").
  const adjective = /[—–]/.test(text[b] ?? '') ? /^\p{Ll}[\p{L}\p{M}\-]*[ \u00a0]+/u.exec(text.slice(c, c + 40))?.[0]
    : /^(?:\p{Ll}[\p{L}\p{M}\-]*[ \u00a0]+){2}/u.exec(text.slice(c, c + 60))?.[0];
  const nounAfterAdjective = adjective ? r.hits(c + adjective.length, to, ['nouns']).find((h) => h.index === c + adjective.length) : undefined;
  const opener = openers.find((h) => h.list === 'relatives') ?? openers.find((h) => PHRASE_WORDS.includes(h.list) || h.list === 'distributive') ?? nounAfterAdjective;
  if (c < g.index && !opener) return false;
  const relative = opener?.list === 'relatives';
  // "…, die Teil der in der Russischen Föderation verbotenen al-Qaida ist": a ground word followed straight by a name
  // qualifies that name inside the clause, not the name the clause follows; not a court or state after it, the
  // designating body ("…, которая была признана террористической Приволжским окружным военным судом").
  const ground = groundEnd(cx, g);
  const after = ground + (/^[ \u00a0]+/.exec(text.slice(ground, ground + 3))?.[0].length ?? 0);
  const wordAfter = /^[\p{L}\p{M}\p{Nd}'’\-]+/u.exec(text.slice(after, after + 60))?.[0] ?? '';
  const body = r.hits(after, after + 40).some((h) => h.list === 'states' || h.list === 'other_states');
  if (relative && after > ground && isNameWord(wordAfter) && !body && r.phraseAt(after, PHRASE_WORDS) < 0) return false;
  // In scripts without capitals a function word proves nothing: the clause must open with the designation itself.
  const caseless = /\p{L}/u.test(text[c] ?? '') && (text[c] ?? '').toLowerCase() === (text[c] ?? '').toUpperCase();
  if (caseless && c < g.index && opener && ['stopwords', 'roles'].includes(opener.list)) return false;
  // The clause is an aside on the name before it: it names no one itself ("…, la organización extremista Estado
  // Islámico"), except in a relative clause ("ISIS, que se autodenomina Estado Islámico y está proscrita…").
  for (let i = c; i < g.index && !relative;) {
    const w = /^[\p{L}\p{M}\p{Nd}'’\-]+/u.exec(text.slice(i, g.index))?.[0];
    if (!w) {
      i++;
      continue;
    }
    // "…, признанном решением Красноярского краевого суда экстремистской …": a name before a court or ministry (a
    // `states` phrase) names the designating body, not a second entity.
    const body = /^[ \u00a0]+/.exec(text.slice(i + w.length, i + w.length + 3));
    const ofBody = body !== null && r.phraseAt(i + w.length + body[0].length, ['states']) > i + w.length;
    const listed = r.phraseAt(i, [...PHRASE_WORDS, 'relatives', 'other_states', 'distributive']);
    if (isNameWord(w) && !ofBody && listed < 0) return false;
    // A state of several capitalised words is read whole ("в Российской Федерации"): its later words name no one.
    i = Math.max(i + w.length, Math.min(r.phraseAt(i, ['states']), g.index));
  }
  // The clause ends at the next comma, dash or bracket; once more if it has not named the state yet.
  const stop = Math.min(se, to);
  let end = nextBoundary(text, groundEnd(cx, g), stop);
  const hasState = (e: number): boolean => r.hits(c, e).some((h) => h.list === 'states' || h.list === 'alone');
  if (!hasState(end) && end < stop && text[end] === ',') end = nextBoundary(text, end + 1, stop);
  // Without punctuation the aside ends a few words after its last designation word ("…على أنها متطرفة يجب أن …").
  const last = r.hits(c, end).filter((h) => isGround(h) || h.list === 'states' || h.list === 'alone').reduce((m, h) => Math.max(m, h.end), 0);
  if (last > 0 && end - last > 20) {
    end = last + 20;
    while (end > last && /[\p{L}\p{M}\p{Nd}]/u.test(text[end] ?? '')) end--;
  }
  while (end > c && /[\s.]/.test(text[end - 1] ?? '')) end--;
  // "Taliban'ın, Rusya'da yasaklanan terör örgütleri listesinden çıkarılması": designation words that a registry noun
  // follows (past their designation noun) name the registry, where the list noun comes last, not the name before.
  if (last > 0 && registryAfter(r, last)) return false;
  const beforeVerb = relative ? verbBeforeRelative(cx, b) : null;
  if (beforeVerb === false) return false;
  // "the followers of another Islam confession, proscribed in Russia - Nursists - are …": after a common noun, the
  // appositive stands before the name it designates, set off by spaced dashes.
  const dashed = relative || !/\p{Ll}[\s\u00a0]*$/u.test(text.slice(Math.max(ss, b - 2), b)) ? null : dashedName(cx, last, se);
  if (dashed) end = last;
  const near = dashed ?? beforeVerb ?? nameBeforeNote(cx, b, new Set());
  // Read in the note's languages, a capitalised designation noun heads a name of lower-case words ("du Mouvement
  // impérial russe, une organisation … classée comme terroriste en Russie").
  const headed = headedNameBefore(cx, b, new Set(r.hits(c, end).map((h) => h.lang)));
  const found = near ? glossedName(cx, near) : headed;
  const name = found ? ownerOfPossessor(cx, found) : null;
  if (!name) return false;
  // A state is where, not who ("нацподразделения Украины, признанные в РФ террористическими"); a run ending in a
  // lower-case word the alias table does not know ends in a common noun, the clause's real antecedent ("Госдума РФ
  // приняла законопроект, который позволяет …").
  const nameClass = r.classOf()(name.start, name.end);
  if (nameClass.has('states') || nameClass.has('other_states')) return false;
  const lastWord = /[\p{L}\p{M}]+$/u.exec(text.slice(name.start, name.end))?.[0] ?? '';
  const isHeaded = headed !== null && headed.start === name.start && headed.end === name.end;
  if (!isHeaded && name.name.includes(' ') && /^\p{Ll}/u.test(lastWord) && !/[»"”]/.test(text[name.end] ?? '') && !r.known(name.name)) return false;
  // The news that matters is told before the aside ends: "…, التي تم تصنيفها … متطرفة يجب أن … رفع الحظر" lifts a ban
  // after it.
  // Inside a relative clause a designation verb in the impersonal plural, with no subject ("…, которого в РФ признали
  // иноагентом", "…, которую в 2019 году признали экстремистской"), states the name's standing status: it is no news
  // cue there, as the same clause in the passive ("который признан …") is none.
  const context = r.hits(ss, Math.min(se, end + 1)).filter((h) => !(relative && h.list === 'news_events' && h.index >= c && h.index < end
    && /^\p{Ll}+ли(?![\p{L}])/u.test(text.slice(h.index, h.index + 30))));
  const note = readNote(r, name.end, r.hits(c, end), context, { news: true });
  if (note.excluded || !(note.state || note.alone) || quotedSentence(cx, c)) return false;
  const names = note.distributive ? [name, ...namesListedBefore(r, name, r.classOf())] : [name];
  emit(cx, note, relative ? 'relative' : 'appositive', names, c, end, b);
  return true;
}

/** A `registries` word ("listesi", "名单") right after `at`, past one designation noun ("terör örgütleri listesinden"). */
function registryAfter(r: Reading, at: number): boolean {
  const text = r.text;
  const skip = (p: number): number => p + (/^[ \u00a0]*/.exec(text.slice(p, p + 3))?.[0].length ?? 0);
  let p = skip(at);
  const noun = r.phraseAt(p, ['nouns']);
  if (noun > p) p = skip(noun + (/^[\p{L}\p{M}]*/u.exec(text.slice(noun, noun + 12))?.[0].length ?? 0));
  return r.lex.wordAt('registries', text, p, null, Math.min(text.length, p + 30)) > p;
}

/** A name between spaced dashes right after `at` (" - Nursists - "), or null. */
function dashedName(cx: Context, at: number, se: number): NameSpan | null {
  const text = cx.r.text;
  const open = /^[ \u00a0]+[-–—][ \u00a0]+/.exec(text.slice(at, at + 6));
  if (at <= 0 || !open) return null;
  const name = nameAfter(text, at + open[0].length, cx.r.classOf());
  if (!name || name.start !== at + open[0].length || name.end >= se || !/^[ \u00a0]+[-–—][ \u00a0]/.test(text.slice(name.end, name.end + 4))) return null;
  return name;
}

/**
 * The entity a gloss names again: in "Hayat Tahrir al-Sham — anteriormente conhecida como Jabhat al-Nusra, uma
 * organização terrorista proibida na Rússia —" the note after the former name is about the name before the gloss,
 * which opens after a dash, a bracket or a comma. Otherwise the name itself.
 */
function glossedName(cx: Context, name: NameSpan): NameSpan {
  const { r } = cx;
  const text = r.text;
  const lead = /[«"“„]?$/u.exec(text.slice(Math.max(cx.lineStart, name.start - 2), name.start))?.[0].length ?? 0;
  const gloss = r.hits(Math.max(cx.lineStart, name.start - 60), name.start, ['glosses'])
    .find((h) => /^[\s\u00a0]*$/u.test(text.slice(h.end, name.start - lead)));
  if (!gloss) return name;
  const opener = /([—–(,])[\s\u00a0]*$/u.exec(text.slice(Math.max(cx.lineStart, gloss.index - 4), gloss.index));
  if (!opener) return name;
  const at = gloss.index - opener[0].length;
  return nameBeforeNote(cx, at, new Set()) ?? name;
}

/**
 * A verb may end the clause between a name and the relative clause on it ("… der Vereinigung Hizb ut-Tahrir
 * angehören, die in Russland … verboten ist", "… von Nawalnys »Antikorruptionsstiftung« eingeleitet, die …"): one or
 * two lower-case Latin words before the comma are that verb, and the name stands before them (false: none does).
 */
function verbBeforeRelative(cx: Context, b: number): NameSpan | null | false {
  const text = cx.r.text;
  const m = /(?:^|[\s\u00a0])((?:\p{Ll}[\p{Ll}\-]*[ \u00a0]+){0,1}\p{Ll}[\p{Ll}\-]*)[ \u00a0]*$/u.exec(text.slice(Math.max(cx.lineStart, b - 40), b));
  if (!m?.[1] || !/^\p{Script=Latin}/u.test(m[1]) || m[1].split(/\s+/).some((w) => isConnector(w))) return null;
  const at = b - m[0].length + m[0].indexOf(m[1]);
  // A lower-case word that ends a name the alias table knows is no verb ("Pripadnici Islamske države, koja je …"); a
  // role or designation noun after the name is not part of it ("the Daesh militants, which is outlawed …").
  const known = cx.r.knownRunBefore(b, cx.lineStart);
  const after = cx.r.classOf()(at, at + m[1].length);
  if (known && known.start < at && known.end >= at + m[1].length && !after.has('roles') && !after.has('nouns')) return null;
  const prev = /([\p{L}\p{M}\p{Nd}'’\-]+)([»«"”“]?)[ \u00a0]+$/u.exec(text.slice(Math.max(cx.lineStart, at - 60), at));
  if (!prev?.[1] || !(prev[2] || isNameWord(prev[1]))) return null;
  const end = at - prev[0].length + prev[1].length + (prev[2] ?? '').length;
  // A verb after a word that names no one ("Kämpfern von terroristischen Organisationen gefunden, die …"): the relative
  // clause is on that generic noun, not on a name.
  const name = nameBeforeNote(cx, end, new Set());
  return name && name.end >= end - 1 ? name : false;
}

/** The next comma, dash or bracket after `from`, or the sentence's end; at most 60 characters on. */
/** A full stop after a word with a lower-case word after it: an abbreviation's ("запрещ. в РФ", "запр. в РФ"), no sentence's end. */
function abbreviationStop(text: string, at: number): boolean {
  return text[at] === '.' && /\p{L}/u.test(text[at - 1] ?? '') && /^[ \u00a0]+\p{Ll}/u.test(text.slice(at + 1, at + 4));
}

function nextBoundary(text: string, from: number, stop: number): number {
  let end = from;
  const cap = Math.min(stop, from + 60);
  while (end < cap && !CLAUSE_END.test(text[end] ?? '') && !(/[.!?]/.test(text[end] ?? '') && /\s/.test(text[end + 1] ?? ' ') && !abbreviationStop(text, end))) end++;
  // Cut at a word's end.
  if (end === cap && end < stop) while (end > from && /[\p{L}\p{M}\p{Nd}]/u.test(text[end] ?? '')) end--;
  return end;
}

/**
 * A status sentence: a name, then a dash or a copula and the designation as a noun phrase ("Daesh is a terrorist
 * group, outlawed in … Russia", "«Исламское государство» - террористическая организация, деятельность которой на
 * территории РФ запрещена", "“Jabhat al-Nusra” (…) - the organization was recognized as terrorist…"); in Japanese
 * and Chinese, a quoted or known name, its particle and the designation ("「ダーイシュ」はロシア領内ではその活動が
 * 禁止されている"). A designation noun as the subject ("Социальная сеть принадлежит корпорации, которая признана…")
 * stands for the mention marked just before it. A name followed straight by a designation verb ("Meta is
 * recognized as…", "МВД признало…") is more often the news than the aside, and is left out.
 */
function status(cx: Context, g: Hit): boolean {
  const { r } = cx;
  const text = r.text;
  const [ss, se] = cx.r.sentence(g.index);
  // One status per sentence, close to its start.
  if (g.index - ss > 300 || cx.done.has(`status:${ss}`)) return false;
  cx.done.add(`status:${ss}`);
  let s = ss;
  while (s < g.index && /[\s\u00a0]/.test(text[s] ?? '')) s++;
  const langs = new Set(r.hits(s, se).map((h) => h.lang));
  // "Она запрещена в России и признана экстремистской", "It is banned in Russia": a personal pronoun as the subject
  // stands for a name before the sentence, as a designation noun does.
  // A verb follows a subject pronoun; a capitalised word or a quotation after the same letters makes them an article
  // (the folded Spanish "él" is "El" in "El Estado Islámico es una organización terrorista …").
  const pronounEnd = r.phraseAt(s, ['pronouns'], langs);
  const pronoun = pronounEnd > s && !/^[ \u00a0]+[\p{Lu}«"“„]/u.test(text.slice(pronounEnd, pronounEnd + 3));
  // "В России «Хизб ут-Тахрир» признана террористической организацией": the state set before the subject says where
  // its designation holds; the sentence is the aside (an actor or a year would make it the news).
  const fronted = pronoun ? -1 : frontedState(cx, s, langs);
  if (fronted > s) s = fronted;
  else if (!pronoun) s = reminderLead(cx, s, langs);
  // A name the alias table knows whole wins over the part of it read as a name: its capitalised head ("L'État islamique
  // est …", "Исламска држава је …") or what is left after a designation noun ("La Fundación Anticorrupción es …").
  const named = pronoun ? null : nameAfter(text, s, r.classOf(langs));
  const run = pronoun ? null : knownAfter(cx, s);
  const covers = run !== null && named !== null && run.start <= named.start && run.end >= named.end && run.end - run.start > named.end - named.start;
  let subject = run && (!named || covers) ? run : named;
  // "Международное религиозное объединение "Таблиги Джамаат" признано …": a designation noun phrase before the quoted subject.
  let activityBanned = false;
  let glossedSubject = false;
  if (!pronoun) {
    const quoted = quotedAfterNoun(cx, s, g.index);
    let after = quoted ? quoted.end + (/^[»"”]?[\s\u00a0]*/.exec(text.slice(quoted.end, quoted.end + 4))?.[0].length ?? 0) : -1;
    // "… «Нурджулар», пропагандирующая исламский фундаментализм, признана экстремистской …": past an appositive.
    const comma = quoted && text[after] === ',' ? text.indexOf(',', after + 1) : -1;
    if (comma > 0 && comma - after <= 90 && comma < g.index) after = comma + 1 + (/^[\s\u00a0]*/.exec(text.slice(comma + 1, comma + 4))?.[0].length ?? 0);
    // "Деятельность «Свидетелей Иеговы» запрещена в России": the ban of a named entity's activity, with its state, is
    // the banned label's own formula.
    activityBanned = quoted !== null && r.lex.wordAt('activity', text, s, langs) > s && r.phraseAt(after, ['banned_other'], langs) > after
      && r.hits(after, se).some((h) => h.list === 'states');
    // After a fronted state or decision, the designation verb right after the quoted subject (and its bracketed
    // glosses) completes the status: "Решением Верховного суда РФ от … группировка "Исламское государство" (…, ИГИЛ)
    // признана террористической организацией".
    const glossed = after + (/^\([^()]{0,120}\)[\s\u00a0]*/.exec(text.slice(after, after + 130))?.[0].length ?? 0);
    const frontedPredicate = fronted > 0 && predicateAfter(cx, glossed, langs) > glossed;
    if (quoted && (wholeFormula(cx, after, se, langs) || activityBanned || frontedPredicate)) subject = quoted;
    glossedSubject = quoted !== null && subject === quoted && frontedPredicate && glossed > after;
  }
  const afterNoun = subject !== null && subject.start > s + 1 && quotedAfterNoun(cx, s, g.index)?.start === subject.start;
  // An unknown subject opens the sentence, after a capitalised article at most ("The Islamic State is …", renamed).
  if (subject && (subject.start > afterArticle(text, s) + 1 && !afterNoun && !r.known(subject.name) || !r.entityOf(subject) || /^[\p{Lu}.\-]{6,}$/u.test(subject.name))) subject = null; // "WASHINGTON", "INTERFAX.RU": datelines
  // "O partido da reconquista islâmica (Hizb ut-Tahrir) é considerado …": a lower-case description, then the name in
  // brackets, is the subject when the alias table knows that name.
  const bracketed = subject === null && !pronoun ? bracketedSubject(cx, s, g.index) : null;
  if (bracketed) subject = bracketed;
  let anaphoric: NameSpan | null = null;
  let frontedLink = false;
  let statusRun = false;
  let i = s;
  // "УПА*, ОУН* и УНС* признаны экстремистскими и запрещены в РФ": names listed as the subject of a designation that
  // says the footnote's whole formula; each is labelled.
  // The names in a gloss bracket are the subject's other names, not a list of subjects.
  // "Plusieurs pays, dont la Russie, considèrent l'organisation comme terroriste": the states are the subject; the
  // object is the name, or a designation noun standing for the name before, as a designation noun subject does.
  const considering = pronoun || bracketed ? null : statesConsidering(cx, s, se, langs);
  if (considering) subject = null;
  const listed = subject && !glossedSubject ? namesListedAfter(r, subject, groundLanguageClass(cx, g)) : [];
  const last = listed[listed.length - 1];
  if (considering) {
    anaphoric = considering.object ?? markedBefore(cx, ss) ?? knownBefore(cx, ss);
    if (!anaphoric) return false;
    const [as, ae] = r.sentence(anaphoric.start);
    const told = r.hits(as, ae, undefined, langs);
    if (considering.object === null && told.some((h) => h.list === 'news_events') && told.some((h) => isGround(h) && h.list !== 'banned_other')) return false;
  } else if (subject && last) {
    i = last.end + (MARKER_AFTER.exec(text.slice(last.end, last.end + 6))?.[0].length ?? (/^[»"”]/u.test(text[last.end] ?? '') ? 1 : 0));
    while (i < se && /[\s\u00a0]/.test(text[i] ?? '')) i++;
    if (!wholeFormula(cx, i, se, langs)) return false;
  } else if (subject) {
    i = bracketed ? text.indexOf(')', subject.end) + 1 : subject.end;
    if (/[»"”“」』]/.test(text[i] ?? '')) i++; // “ closes „…“ (Bulgarian, German)
    const bracket = /^[\s\u00a0]*\(/.exec(text.slice(i, i + 4));
    if (bracket) {
      const close = text.indexOf(')', i);
      if (close < 0 || close > se) return false;
      i = close + 1;
    }
    // "Meta, the parent company of Facebook and Instagram, is designated …": an appositive after the subject.
    if (/^[\s\u00a0]*,/.test(text.slice(i, i + 3))) {
      const close = text.indexOf(',', text.indexOf(',', i) + 1);
      if (close < 0 || close > g.index || close - i > 90) return false;
      i = close + 1;
    }
    while (i < se && /[\s\u00a0]/.test(text[i] ?? '')) i++;
    // "塔利班运动在…": a designation noun after the name.
    if (UNSPACED.test(text[i] ?? '')) i = Math.max(i, r.phraseAt(i, ['nouns']));
    frontedLink = fronted > 0 && predicateAfter(cx, i, langs) > i;
    // "«Русский добровольческий корпус» признан в России террористической организацией и запрещён. Денис Капустин внесён
    // в перечень экстремистов и террористов.": right after a status sentence, a name and its designation verb go on
    // with the aside (the news would name an actor or a date, or tell an event).
    // The sentence ends with its designation: a source, an actor or a reason after it ("…, сообщает Росфинмониторинг")
    // tells the listing as news.
    const said = r.hits(i, se).filter(isGround).reduce((m, h) => Math.max(m, h.end), 0);
    const tail = text.slice(said, se);
    statusRun = !frontedLink && r.phraseAt(i, ['predicates'], langs) > i && said > i && tail.length < 30 && !/[,;:(—–]/.test(tail) && statusBefore(cx, ss)
      && !r.hits(ss, se).some((h) => h.list === 'news_events');
    if (!statusLink(cx, subject, i, se) && !wholeFormula(cx, i, se, langs) && !frontedLink && !activityBanned && !statusRun) return false;
  } else {
    // "Социальная сеть …", "Este grupo terrorista …": a designation noun (after a demonstrative) standing for the
    // mention marked just before, else for the designated entity named last before the sentence.
    // "Obe organizácie sú v Rusku zakázané": a distributive word may lead the noun as a demonstrative does.
    const lead = r.phraseAt(s, ['stopwords', 'distributive']);
    const nounAt = lead > s ? lead + (/^[\s\u00a0]+/.exec(text.slice(lead, lead + 3))?.[0].length ?? 0) : s;
    if (!pronoun && r.phraseAt(nounAt, ['nouns']) < 0 && r.phraseAt(s, ['nouns']) < 0) return false;
    // A noun a restrictive relative clause defines names a class, not the name before ("Organizations that receive
    // such a classification are banned…").
    const nounEnd = Math.max(r.phraseAt(nounAt, ['nouns']), r.phraseAt(s, ['nouns']));
    if (!pronoun && /^[ \u00a0]+\S/.test(text.slice(nounEnd, nounEnd + 2)) && r.phraseAt(nounEnd + 1, ['relatives'], langs) > nounEnd + 1) return false;
    if (pronoun && !designationPredicate(cx, r.phraseAt(s, ['pronouns'], langs), langs)) return false;
    // A noun followed by its own marked name before the designation stands for that name, whose footnote labels it,
    // not for one before the sentence ("Деятельность украинской НПО \"Фонд 24.02\"*, …, признана нежелательной").
    if (!pronoun && /[\p{L}»"”](?:[*✱※⁎＊¹²³⁴⁵⁶⁷⁸⁹]|\(\*|\[\d|\d{1,2}(?![\p{L}\p{Nd}]))/u.test(text.slice(nounAt, g.index))) return false;
    // A noun heading a name of its own, past its ground adjectives ("La organización terrorista Estado Islámico (EI,
    // prohibida en Rusia) reivindicó …", "Tổ chức khủng bố Nhà nước Hồi giáo (IS, bị cấm ở Nga)"), is that name's
    // designation, read by the rules that read names: it stands for no name before the sentence.
    if (!pronoun && headsName(cx, nounEnd, se)) return false;
    // A pronoun may also stand for a name quoted in the sentence before ("…членов организации "Свидетели Иеговы". Она
    // запрещена в России…"), which the alias table need not know.
    anaphoric = markedBefore(cx, ss) ?? knownBefore(cx, ss) ?? (pronoun ? quotedBefore(cx, ss) : null);
    if (!anaphoric) return false;
    // Where the antecedent's sentence tells the designation as news ("Верховный суд РФ … признал "Правый сектор"
    // экстремистской организацией. Ее деятельность на территории России запрещена."), the status sentence goes on
    // telling it: the news, not an aside.
    const [as, ae] = r.sentence(anaphoric.start);
    const told = r.hits(as, ae, undefined, langs);
    if (told.some((h) => h.list === 'news_events') && told.some((h) => isGround(h) && h.list !== 'banned_other')) return false;
  }
  if (g.index - i > 120) return false;
  const note = readNote(r, i, r.hits(i, se), r.hits(ss, se), { news: true });
  // A note standing for a marked or named entity may leave the state to its context, if it designates
  // ("Organizația este în prezent recunoscută ca organizație teroristă și este interzisă").
  // (the footnote's whole formula: a specific ground and the ban).
  const designates = anaphoric !== null && note.grounds.some((g) => g.kind !== 'banned_other') && r.hits(i, se).some((h) => h.list === 'banned_other');
  // A status run leaves the state to the status sentence before it.
  if (note.excluded || !(note.state || note.alone || designates || frontedLink || statusRun) || quotedSentence(cx, i)) return false;
  // A status sentence that gives the year of the decision narrates it: the news, not the aside; a dash note that
  // cites the decision and its date is the footnote's form ("— the organization was recognized … dated December 29, 2014").
  // So does one that gives the day or the month (the phrase files' `decision_times`: "в прошлую пятницу", "5 мая",
  // "накануне", "on Friday"): "Он был внесен в реестр иностранных агентов в прошлую пятницу" is the news.
  if (!/^[—–-]/.test(text.slice(i, i + 1)) && (/(?<!\d)(?:19|20)\d\d(?!\d)/.test(text.slice(i, se)) || timed(r, i, se, langs))) return false;
  let end = se;
  while (end > i && /[\s.。]/.test(text[end - 1] ?? '')) end--;
  // The anaphoric note is the marked mention's unmarked footnote: it carries the mention's marker.
  const marker = anaphoric ? MARKER_AFTER.exec(text.slice(anaphoric.end, anaphoric.end + 6))?.[1] ?? null : null;
  // A distributive subject ("Both organizations …") stands for the names listed before it as well.
  const names = subject ? [subject, ...listed]
    : anaphoric && note.distributive ? [anaphoric, ...namesListedBefore(r, anaphoric, r.classOf(note.langs))] : [anaphoric as NameSpan];
  emit(cx, note, considering ? 'status+considering' : anaphoric ? 'status+anaphor' : 'status', names, s, end, undefined, marker);
  cx.done.add(`status-said:${ss}`);
  return true;
}

/** A word of the phrase files' `decision_times` (a day, a month, "вчера") opens a word of the sentence [ss, se). */
function timed(r: Reading, ss: number, se: number, langs: ReadonlySet<string>): boolean {
  for (const w of r.text.slice(ss, se).matchAll(/(?<![\p{L}\p{N}])\p{L}/gu)) if (r.lex.wordAt('decision_times', r.text, ss + w.index, langs, se) > 0) return true;
  return false;
}

/** A capitalised or known name right after `at`, past at most three ground words ("terrorista", "khủng bố"). */
function headsName(cx: Context, at: number, se: number): boolean {
  const { r } = cx;
  const text = r.text;
  let p = at;
  for (let k = 0; k < 4 && p < se; k++) {
    p += /^[ \u00a0]*/.exec(text.slice(p, p + 3))?.[0].length ?? 0;
    if (r.knownRunAfter(p, 6) !== null) return true;
    if (/^[«"“„]?\p{Lu}/u.test(text.slice(p, p + 2))) return nameAfter(text, p, r.classOf()) !== null;
    const ground = r.hits(p, Math.min(se, p + 40)).filter((h) => h.index === p && isGround(h)).reduce((m, h) => Math.max(m, h.end), -1);
    if (ground < 0) return false;
    p = ground;
  }
  return false;
}

/** The sentence right before the one at `ss`, in the same line, gave a status label. */
function statusBefore(cx: Context, ss: number): boolean {
  const text = cx.r.text;
  let p = ss;
  while (p > cx.lineStart && /[\s\u00a0]/.test(text[p - 1] ?? '')) p--;
  if (p <= cx.lineStart) return false;
  const [ps] = cx.r.sentence(p - 1);
  let q = ps;
  while (q < p && /[\s\u00a0]/.test(text[q] ?? '')) q++;
  return cx.done.has(`status-said:${ps}`) || cx.done.has(`status-said:${q}`);
}

/**
 * The position of the subject after a reminder's lead words ("Напомним, что", "Rappelons que", "Cabe recordar que",
 * "Припомняме, че": function words in the phrase files, then a comma or a complementizer), or `s` when neither a name
 * nor a designation noun follows them: the status sentence is the same aside with or without the lead.
 */
function reminderLead(cx: Context, s: number, langs: ReadonlySet<string>): number {
  const { r } = cx;
  const text = r.text;
  let p = s;
  let words = 0;
  let stop = false;
  for (let k = 0; k < 4; k++) {
    const e = r.phraseAt(p, ['stopwords'], langs);
    if (e <= p) break;
    const gap = /^[ \u00a0]*[,:]?[ \u00a0]*/.exec(text.slice(e, e + 4))?.[0] ?? '';
    words++;
    stop ||= /[,:]/.test(gap);
    p = e + gap.length;
  }
  // One word is no lead unless punctuation ends it: "Деятельность «…» запрещена" opens the status itself.
  if (words < 2 && !stop) return s;
  const name = nameAfter(text, p, r.classOf(langs));
  // An elided article ("l'État islamique") may stand between the lead and the name.
  if (name && name.start - p <= 2) return p;
  // "Напомним, что эта группировка признана …", "Rappelons que ce groupe est …": a designation noun after the lead (and
  // its demonstrative) is the anaphoric subject the sentence has without the lead.
  return r.phraseAt(p, ['nouns'], langs) > p ? p : s;
}

/**
 * The position after a sentence-opening "В России" (a function word, then a state) and its comma, or -1. The state
 * may be the designating court with its decision's date, as reference notes open ("Решением Верховного суда РФ от 29
 * декабря 2014 г. группировка …"): more states, then a function word and a date (a day and a month or a numeric
 * date, a year, an abbreviation), are part of the fronted phrase.
 */
function frontedState(cx: Context, s: number, langs: ReadonlySet<string>): number {
  const { r } = cx;
  const text = r.text;
  const lead = r.phraseAt(s, ['stopwords'], langs);
  if (lead <= s) return -1;
  let p = lead;
  while (/[ \u00a0]/.test(text[p] ?? '')) p++;
  const state = r.phraseAt(p, ['states'], langs);
  if (state <= p || !/[ \u00a0,]/.test(text[state] ?? '')) return -1;
  p = state;
  const skip = (): void => {
    while (/[ \u00a0,]/.test(text[p] ?? '')) p++;
  };
  skip();
  for (let next = r.phraseAt(p, ['states'], langs); next > p && /[ \u00a0,]/.test(text[next] ?? ''); next = r.phraseAt(p, ['states'], langs)) {
    p = next;
    skip();
  }
  const word = r.phraseAt(p, ['stopwords'], langs);
  const date = word > p ? DATED.exec(text.slice(word, word + 40)) : null;
  if (date) p = word + date[0].length;
  return p;
}

/** A date after its preposition: "29 декабря 2014 г.", "14.02.2003", "14 февраля 2003 года", with what follows. */
const DATED = /^[ \u00a0]+\d{1,2}(?:[./]\d{1,2}[./]\d{2,4}|[ \u00a0]+\p{Ll}+[ \u00a0]+\d{4})(?:[ \u00a0]*\p{Ll}{1,4}\.?)?[ \u00a0,]+/u;

/**
 * Words read in the languages of the ground `g`: another language's state is no state here (Serbian "ОУН", the UN,
 * is the Russian abbreviation of the Organisation of Ukrainian Nationalists).
 */
function groundLanguageClass(cx: Context, g: Hit): Parameters<typeof nameBefore>[2] {
  const { r } = cx;
  const langs = new Set(r.hits(g.index, g.end).filter(isGround).map((h) => h.lang));
  const classOf = r.classOf(langs);
  return (start, end) => {
    const cls = classOf(start, end);
    if (!cls.has('other_states') || r.hits(start, end).some((h) => h.list === 'other_states' && langs.has(h.lang))) return cls;
    return new Set([...cls].filter((l) => l !== 'other_states'));
  };
}

/**
 * The quoted name after a designation noun phrase that opens the sentence at `s` (adjectives, then a noun), before
 * the ground at `limit`.
 */
function quotedAfterNoun(cx: Context, s: number, limit: number): NameSpan | null {
  const { r } = cx;
  const text = r.text;
  const m = /^(?:[\p{L}\p{M}\-]+[ \u00a0]+){1,4}(?=[«"“„])/u.exec(text.slice(s, Math.min(limit, s + 80)));
  if (!m || !r.hits(s, s + m[0].length).some((h) => h.list === 'nouns')) return null;
  if (!m[0].trim().split(/[ \u00a0]+/).slice(1).every((w) => /^\p{Ll}/u.test(w))) return null;
  const name = nameAfter(text, s + m[0].length, r.classOf());
  return name && name.end < limit ? name : null;
}

/**
 * A designation verb straight after the subject is the aside when it says the footnote's whole formula: a specific
 * ground, the ban and the state ("«Таблиги Джамаат» признано экстремистским и его деятельность запрещена в РФ");
 * with less it is more often the news ("Meta признана экстремистской").
 */
function wholeFormula(cx: Context, i: number, se: number, langs: ReadonlySet<string>): boolean {
  const { r } = cx;
  const text = r.text;
  const whole = (end: number): boolean => {
    const hits = r.hits(i, end, undefined, langs);
    return hits.some((h) => SPECIFIC_KINDS.includes(h.list)) && hits.some((h) => h.list === 'banned_other') && hits.some((h) => h.list === 'states');
  };
  // A long participle there ("…, признанной в России террористической и запрещенной") is an attribute of the name
  // before it, an appositive, not the subject's predicate.
  const verbEnd = predicateAfter(cx, i, langs);
  const verb = verbEnd >= 0 ? (/[\p{L}\-]+$/u.exec(text.slice(i, verbEnd))?.[0] ?? '') : '';
  if (verbEnd >= 0) return !r.lex.endsWith('adjective_endings', verb, langs) && whole(se);
  // A present copula before the designation verb ("The Islamic State is designated as extremist and banned in Russia"),
  // the whole formula in its clause: a ban after a comma is another clause's ("Meta is recognized as an extremist
  // organization in Russia, Facebook and Instagram are banned").
  // Present only (the phrase files' `present_copulas`): "was designated" tells the decision.
  const copula = r.lex.wordAt('present_copulas', text, i, langs);
  if (copula <= i || predicateAfter(cx, copula + (/^[ \u00a0]+/.exec(text.slice(copula, copula + 3))?.[0].length ?? 0), langs) < 0) return false;
  const comma = text.slice(i, se).search(/[,;:(—–]/u);
  return whole(comma < 0 ? se : i + comma);
}

const SPECIFIC_KINDS: readonly ListName[] = ['terrorist', 'extremist', 'undesirable', 'foreign_agent'];

/**
 * The end of a designation verb at `i`, or past an adverb of the standing designation before it (the phrase files'
 * `adverbs`: "«Хизб ут-Тахрир» официально признана …"), or -1. A past auxiliary or "ранее" (earlier) before the verb
 * tells the decision ("ранее было признано …"), so only these adverbs are passed.
 */
function predicateAfter(cx: Context, i: number, langs: ReadonlySet<string>): number {
  const { r } = cx;
  const text = r.text;
  const next = (e: number): number => e + (/^[ \u00a0]+/.exec(text.slice(e, e + 3))?.[0].length ?? 0);
  let p = i;
  for (let k = 0; k < 3; k++) {
    const end = r.phraseAt(p, ['predicates'], langs);
    if (end > p) return end;
    const adverb = r.lex.wordAt('adverbs', text, p, langs);
    // The state, with its preposition, may stand before the verb too ("«X» в России признана …").
    const preposition = r.phraseAt(p, ['stopwords'], langs);
    const state = r.phraseAt(preposition > p ? next(preposition) : p, ['states'], langs);
    if (adverb > p) p = next(adverb);
    else if (state > p && /\p{Lu}/u.test(text[preposition > p ? next(preposition) : p] ?? '')) p = next(state);
    else return -1;
  }
  return -1;
}

/** What joins a status sentence's subject to its designation: a dash, a copula before a noun phrase, or a particle. */
function statusLink(cx: Context, subject: NameSpan, i: number, se: number): boolean {
  const { r } = cx;
  const text = r.text;
  const rest = text.slice(i, i + 40);
  if (/^(?:[—–]|-\s)/.test(rest)) return true;
  // "Daesh: a terrorist group banned in Russia"; a heading's colon ("Overview: The Russian Federation continued to
  // use terrorist … threats") opens no designation.
  if (/^:\s/.test(rest)) return complementIsDesignation(cx, i + 1, se);
  // A particle after the subject: a kana (by its script) or a `subject_particles` word (Chinese 在).
  const particle = /^\p{Script=Hiragana}/u.test(rest) || r.lex.wordAt('subject_particles', text, i) > i;
  if (UNSPACED.test(text[subject.start] ?? '') || particle) {
    const quoted = /[「『“"«]/.test(text[subject.start - 1] ?? '');
    // Without spaces, a name's end is known from quotes, the alias table, or a designation noun after it at the
    // sentence's start ("加德亚运动在俄罗斯被认定为恐怖组织": the noun ends an unknown name as a quote does).
    const nounEnded = i > subject.end && r.phraseAt(subject.end, ['nouns']) === i;
    return (quoted || nounEnded || r.known(subject.name)) && particle;
  }
  const copula = r.phraseAt(i, ['copulas']);
  if (copula >= 0) return complementIsDesignation(cx, copula, se);
  // "«Хизб ут-Тахрир» считается террористической организацией в ряде стран, в том числе в России": "is considered"
  // (the phrase files' `considered`) states a standing status, never the news of a decision, so it links the name to
  // its designation as a copula does.
  const considered = r.lex.wordAt('considered', text, i);
  if (considered > i) return complementIsDesignation(cx, considered, se);
  // Where the verb ends the clause the copula follows the designation ("«Իսլամական պետությունը» ահաբեկչական խմբավորում
  // է, …", "… یک سازمان تروریستی است").
  const final = r.hits(i, Math.min(se, i + 80), ['copulas']).some((h) => r.lex.verbFinal.has(h.lang));
  return final && complementIsDesignation(cx, i, se);
}

/** The complement from `from` is the designation: up to two function words, then a ground or designation noun. */
function complementIsDesignation(cx: Context, from: number, se: number): boolean {
  const { r } = cx;
  const text = r.text;
  let j = from;
  // Function words and a state may come before the ground: "ist eine in Russland verbotene Terrororganisation".
  for (let k = 0; k < 4 && j < se; k++) {
    while (j < se && /[\s\u00a0]/.test(text[j] ?? '')) j++;
    if (r.phraseAt(j, [...KINDS, 'nouns']) > j) return true;
    // "é considerado terrorista", "est considéré comme terroriste": "considered" after the copula states a standing
    // status as the copula alone does.
    const next = Math.max(r.phraseAt(j, ['stopwords', 'states']), r.lex.wordAt('considered', text, j));
    if (next < 0) return false;
    j = next;
  }
  return false;
}

/** The name carrying a footnote marker closest before `pos`, in the previous sentence of the same line. */
function markedBefore(cx: Context, pos: number): NameSpan | null {
  const text = cx.r.text;
  const [ps] = cx.r.sentence(Math.max(cx.lineStart, pos - 2));
  const runs = [...text.slice(ps, Math.max(ps, pos)).matchAll(MARKER_RUNS)];
  for (let k = runs.length - 1; k >= 0; k--) {
    const n = nameBefore(text, ps + (runs[k]?.index ?? 0), cx.r.classOf(), true);
    if (n) return n;
  }
  return null;
}

/**
 * After a pronoun subject, the designation is the predicate itself ("Она запрещена…", "It is banned…", "Ella fue
 * declarada…"): past at most two copulas or function words comes a ground, a designation verb or the state. A
 * pronoun that says something else of its antecedent ("Sie bleiben jedoch noch in der Liste…") is no label's subject.
 */
function designationPredicate(cx: Context, at: number, langs: ReadonlySet<string>): boolean {
  const { r } = cx;
  const text = r.text;
  let j = at;
  for (let k = 0; k < 3; k++) {
    while (/[\s\u00a0]/.test(text[j] ?? '')) j++;
    if (r.phraseAt(j, [...KINDS, 'predicates', 'states', 'alone']) > j) return true;
    const next = Math.max(r.phraseAt(j, ['copulas', 'stopwords'], langs), -1);
    if (next <= j) return false;
    j = next;
  }
  return false;
}

/** The last quoted name in the sentence before `pos`, in the same line. */
function quotedBefore(cx: Context, pos: number): NameSpan | null {
  const text = cx.r.text;
  const [ps] = cx.r.sentence(Math.max(cx.lineStart, pos - 2));
  for (let i = pos - 1; i > ps; i--) {
    if (!/[»"”]/.test(text[i] ?? '')) continue;
    const n = nameBefore(text, i + 1, cx.r.classOf(), false);
    if (n && /[«"“„]/.test(text[n.start - 1] ?? '') && cx.r.entityOf(n)) return n;
  }
  return null;
}

/**
 * The subject of "O partido da reconquista islâmica (Hizb ut-Tahrir) é …": at most an article, then one to six
 * lower-case words with no designation word among them (a description, not a clause), then a bracket holding only a
 * name the alias table knows.
 */
function bracketedSubject(cx: Context, s: number, limit: number): NameSpan | null {
  const { r } = cx;
  const text = r.text;
  const m = /^(?:\p{Lu}[\p{Ll}'’]{0,3}[ \u00a0]+)?(?:[\p{Ll}\p{M}'’\-]+[ \u00a0]+){1,6}\(/u.exec(text.slice(s, Math.min(limit, s + 120)));
  if (!m || r.hits(s, s + m[0].length).some((h) => isGround(h) || h.list === 'predicates' || h.list === 'states')) return null;
  const open = s + m[0].length;
  const name = nameAfter(text, open, r.classOf());
  if (!name || name.start !== open || text[name.end] !== ')' || !r.known(name.name)) return null;
  return name;
}

/**
 * "Plusieurs pays, dont la Russie, considèrent l'organisation comme terroriste": a subject made only of lower-case
 * words, function words and states, one of them the state of the label (a `states` word), then the active "consider"
 * (`considering`), then its object: a known name, or a designation noun after at most a function word (object null:
 * it stands for the name before). The ground follows in the same sentence.
 */
function statesConsidering(cx: Context, s: number, se: number, langs: ReadonlySet<string>): { object: NameSpan | null } | null {
  const { r } = cx;
  const text = r.text;
  const states = r.hits(s, Math.min(se, s + 80), ['states'], langs);
  if (states.length === 0) return null;
  for (const w of text.slice(s, Math.min(se, s + 80)).matchAll(/[\p{L}\p{M}]+/gu)) {
    const at = s + w.index;
    const verb = r.lex.wordAt('considering', text, at, langs);
    if (verb > at) {
      // Every capitalised word of the subject is a state or opens the sentence.
      for (const c of text.slice(s, at).matchAll(/\p{Lu}[\p{L}\p{M}]*/gu)) {
        const cs = s + c.index;
        if (cs > s && !states.some((h) => h.index <= cs && h.end >= cs + c[0].length)) return null;
      }
      if (!states.some((h) => h.end <= at) || r.hits(s, at).some((h) => isGround(h) || h.list === 'predicates' || h.list === 'other_states')) return null;
      let o = verb;
      while (/[\s\u00a0]/.test(text[o] ?? '')) o++;
      const object = knownAfter(cx, o);
      if (object) return { object };
      // An article before the noun, elided ("l'organisation") or not ("le groupe").
      const lead = /^\p{L}['’](?=\p{L})/u.exec(text.slice(o, o + 3)) ? o + 2 : r.phraseAt(o, ['stopwords'], langs);
      const noun = lead > o ? lead + (/^[\s\u00a0]*/.exec(text.slice(lead, lead + 3))?.[0].length ?? 0) : o;
      return r.phraseAt(noun, ['nouns']) > noun || r.phraseAt(o, ['nouns']) > o ? { object: null } : null;
    }
  }
  return null;
}

/** "I talebani restano …": after an article, a lower-case name the alias table knows. */
function knownAfter(cx: Context, s: number): NameSpan | null {
  const { r } = cx;
  const text = r.text;
  const lead = r.phraseAt(s, ['stopwords']);
  const at = lead > s ? lead + (/^[\s\u00a0]+/.exec(text.slice(lead, lead + 3))?.[0].length ?? 0) : s;
  return r.knownRunAfter(at, 3);
}

/** The last name before `pos` (within 600 characters of its line) that the alias table knows as a designated entity. */
function knownBefore(cx: Context, pos: number): NameSpan | null {
  const { r } = cx;
  const text = r.text;
  const lo = Math.max(cx.lineStart - 600, 0);
  for (let i = pos - 1; i > lo; i--) {
    if (!/[\p{L}\p{Nd}»"”」』]/u.test(text[i - 1] ?? '') || /[\p{L}\p{Nd}]/u.test(text[i] ?? '')) continue;
    const n = nameBefore(text, i, r.classOf(), false);
    if (n && r.known(n.name)) return n;
  }
  return null;
}

/** "تنظيم داعش الإرهابي المحظور في روسيا", "l'organisation terroriste Daech interdite en Russie". */
function postnominal(cx: Context, g: Hit): boolean {
  const { r, from, to } = cx;
  const text = r.text;
  if (g.list === 'foreign_agent' || g.list === 'undesirable') return false;
  // "كتيبة "آزوف" المصنفة إرهابية في روسيا": an attributive designation participle may stand before the ground.
  const lead = /(\S+)[ \u00a0]+$/u.exec(text.slice(Math.max(from, g.index - 30), g.index));
  const leadStart = lead?.[1] ? g.index - lead[0].length : g.index;
  const participle = leadStart < g.index && r.hits(leadStart, g.index, ['attributive']).some((h) => h.index === leadStart && h.end === leadStart + (lead?.[1]?.length ?? 0));
  const at = participle ? leadStart : g.index;
  const nameEnd = skipDesignationBack(r, at);
  if (nameEnd <= from) return false;
  let name = nameBefore(text, nameEnd, r.classOf(), false);
  if (!name) return false;
  // "… إمارة القوقاز، وداعش المحظورين": "and" glued to the last name of a list is no part of it.
  const and = gluedAnd(r, name.name, 0);
  if (and > 0 && r.known(name.name.slice(and))) name = { name: name.name.slice(and), start: name.start + and, end: name.end };
  const [ss, se] = cx.r.sentence(g.index);
  let end = g.end;
  // The attribute ends at a comma or a stop: a ground past it is another clause's ("حركة "طالبان" المحظورة فى روسيا، من على
  // قائمة الإرهاب": the list of terrorism is where she is taken off, not her ground).
  for (const h of r.hits(g.index, Math.min(se, to))) {
    if ((h.list === 'states' || isGround(h)) && h.index - end < 20 && !/[,;:.!?،؛]/.test(text.slice(end, h.index))) end = Math.max(end, h.end);
  }
  const note = readNote(r, name.end, r.hits(nameEnd, end), r.hits(ss, se), { news: true });
  // An epithet with a place is no status: "منظمة "التكفير فال الهجرة" المتطرفة في موسكو" (the extremist organisation, in
  // Moscow) names no designation; a ban or designation word must say one ("المحظورة في روسيا", "المصنفة إرهابية").
  if (note.excluded || !note.state || !note.predicate || quotedSentence(cx, g.index)) return false;
  // Attributive: a participle that carries its own article (Arabic "المحظورة"), or, in a language whose attributes
  // follow the noun, a designation noun heading the name.
  const attributive = participle || r.hits(g.index, g.end, ['attributive']).length > 0;
  const nounBefore = r.hits(Math.max(from, name.start - 40), name.start, ['nouns']).some((h) => /^[\s«"“„]*$/.test(text.slice(h.end, name.start)));
  // Or a designation noun after the name, where the name heads the compound ("Hizb ut-Tahrir terrorist organization
  // banned in Russia"): a ban participle after that noun is its attribute, in any language.
  const nounAfter = g.list === 'banned_other' && r.hits(nameEnd, g.index, ['nouns']).length > 0;
  if (!attributive && !nounAfter && !(nounBefore && [...note.langs].some((l) => r.lex.postnominal.has(l)))) return false;
  // A plural participle after a list ("… إمارة القوقاز، وداعش المحظورين في روسيا") is about each name of it.
  const names = note.distributive ? [name, ...namesListedBefore(r, name, r.classOf(note.langs))] : [name];
  emit(cx, note, 'postnominal', names, at, end, at);
  return true;
}

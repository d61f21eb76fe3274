// One text being read for labels: the text, its lexicon, and the phrases found in each sentence (looked up once, when
// a rule first reads the sentence, and shared by every rule that reads it).
import type { Hit, Lexicon, ListName, WordListName } from './lexicon.ts';
import type { Canonical } from './canonical-name.ts';
import { sentencesOf } from './designation.ts';
import { isUnspacedCode } from './fold.ts';
import { cleanName, isConnector, nameAfter, nameBefore, type NameSpan, type WordClass } from './names.ts';
import { baseGivenNames, isGivenNameForm } from './declension.ts';

export interface Line {
  start: number;
  end: number;
}

/** The phrases of one sentence: in text order, and by where they start. */
interface LineHits {
  sorted: Hit[];
  starts: Map<number, Hit[]>;
}

export class Reading {
  private readonly sentenceHits = new Map<number, LineHits>();
  private lineStarts: number[] | undefined;
  private readonly lineSentences = new Map<number, [number, number][]>();

  readonly text: string;
  readonly lex: Lexicon;
  readonly canonical: Canonical;

  constructor(text: string, lex: Lexicon, canonical: Canonical) {
    this.text = text;
    this.lex = lex;
    this.canonical = canonical;
  }

  /** The end of the longest phrase of `lists` that starts at the word at `pos` (as classOf reads words), or -1. */
  phraseAt(pos: number, lists: readonly ListName[], langs?: ReadonlySet<string> | null): number {
    // Without spaces a "word" is the phrase itself ("运动在俄罗斯…": the noun 运动).
    if (isUnspacedCode(this.text.charCodeAt(pos))) {
      const ends = this.startingAt(pos).filter((h) => lists.includes(h.list) && (!langs || langs.size === 0 || langs.has(h.lang) || !isFunctional(h.list))).map((h) => h.end);
      return ends.length > 0 ? Math.max(...ends) : -1;
    }
    const word = /^[\p{L}\p{M}\p{Nd}'’\-]+/u.exec(this.text.slice(pos, pos + 60))?.[0];
    if (!word) return -1;
    const cls = this.classOf(langs)(pos, pos + word.length);
    if (!lists.some((l) => cls.has(l))) return -1;
    let end = pos + word.length;
    for (const h of this.startingAt(pos)) if (lists.includes(h.list) && h.end > end) end = h.end;
    return end;
  }

  /** The line holding `pos` (line starts found once per text, then a binary search). */
  lineAt(pos: number): Line {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    const start = starts[lo] ?? 0;
    const next = starts[lo + 1];
    return { start, end: next === undefined ? this.text.length : next - 1 };
  }

  /** The sentence holding `pos`, within its line (a line's sentences are found once). */
  sentence(pos: number): [number, number] {
    const line = this.lineAt(pos);
    let all = this.lineSentences.get(line.start);
    if (!all) {
      all = sentencesOf(this.text, line.start, line.end);
      this.lineSentences.set(line.start, all);
    }
    let lo = 0;
    let hi = all.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((all[mid]?.[0] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return all[lo] ?? [line.start, line.end];
  }

  /** The phrases of the sentence holding `pos`, found when first asked for (a text's untouched sentences cost nothing). */
  private sentenceHitsAt(pos: number): LineHits {
    const [start, end] = this.sentence(pos);
    let hits = this.sentenceHits.get(start);
    if (!hits) {
      const sorted = this.lex.find(this.text, start, end);
      const starts = new Map<number, Hit[]>();
      for (const h of sorted) {
        const at = starts.get(h.index);
        if (at) at.push(h);
        else starts.set(h.index, [h]);
      }
      hits = { sorted, starts };
      this.sentenceHits.set(start, hits);
    }
    return hits;
  }

  /** Every phrase found in the line holding `pos`, in text order. */
  hitsOfLine(pos: number): Hit[] {
    const line = this.lineAt(pos);
    return this.hits(line.start, line.end);
  }

  /** The phrases that start at `pos`. */
  startingAt(pos: number): Hit[] {
    return this.sentenceHitsAt(pos).starts.get(pos) ?? [];
  }

  /** Phrases of `lists` found in text[from, to) (within one line), read sentence by sentence. */
  hits(from: number, to: number, lists?: readonly ListName[], langs?: ReadonlySet<string> | null): Hit[] {
    const line = this.lineAt(Math.max(from, to - 1));
    const out: Hit[] = [];
    for (let at = Math.max(from, line.start); at < Math.min(to, line.end);) {
      const [, sEnd] = this.sentence(at);
      const sorted = this.sentenceHitsAt(at).sorted;
      // The first hit at or after `at` (hits are sorted by where they start).
      let a = 0;
      let b = sorted.length;
      while (a < b) {
        const mid = (a + b) >> 1;
        if ((sorted[mid]?.index ?? 0) < at) a = mid + 1;
        else b = mid;
      }
      for (let k = a; k < sorted.length; k++) {
        const h = sorted[k] as Hit;
        if (h.index >= to) break;
        if (h.end <= to && (!lists || lists.includes(h.list)) && (!langs || langs.size === 0 || langs.has(h.lang))) out.push(h);
      }
      if (sEnd <= at) break;
      at = sEnd;
    }
    return out;
  }

  /**
   * The lists a word belongs to: phrases starting at the word and covering it (or all of it before an apostrophe:
   * Turkish "Rusya'da"), in `langs` when given.
   */
  classOf(langs?: ReadonlySet<string> | null): WordClass {
    return (start, end) => {
      const out = new Set<ListName>();
      // A word in capitals is an acronym ("IS", "ИГ"), not the function word it spells.
      const acronym = /^\p{Lu}{2,}$/u.test(this.text.slice(start, end));
      for (const h of this.startingAt(start)) {
        if (!(h.end >= end || "'’".includes(this.text[h.end] ?? '\0'))) continue;
        // … unless the phrase file writes it in capitals too ("CEO").
        if (acronym && isFunctional(h.list) && !/^\p{Lu}{2,}$/u.test(h.phrase)) continue;
        if (!langs || langs.size === 0 || langs.has(h.lang) || !isFunctional(h.list)) out.add(h.list);
      }
      return out;
    };
  }

  /**
   * The entity a name span stands for: cleaned (names.ts cleanName), without a designation noun joined to it
   * ("Meta-Konzern" → "Meta", "Meta公司" → "Meta").
   */
  entityOf(span: NameSpan): string | null {
    let end = span.end;
    // A gloss in brackets at the end of a quoted name is no part of it ("「イスラム国(IS)」").
    const gloss = /\S[ \u00a0]*([(（][^()（）]{1,20}[)）])$/u.exec(this.text.slice(span.start, end));
    if (gloss?.[1]) end -= gloss[0].length - 1;
    // A footnote number glued to the name ("ИГИЛ1").
    const glued = /\p{L}{2}(\d{1,2})$/u.exec(this.text.slice(span.start, end));
    if (glued?.[1]) end -= glued[1].length;
    // A case ending in another script joined by a hyphen: "Meta-ს", "Instagram-da", "ԻՊ-ի"; and one after an acronym,
    // unless the alias table knows the whole as a name ("ОВД-инфо" is OVD-Info, not "ОВД" declined).
    const suffix = /[-‐]([\p{L}\p{M}]{1,4})$/u.exec(this.text.slice(span.start, end));
    const acronymEnding = suffix?.[1] !== undefined && /^\p{Lu}{2,}$/u.test(this.text.slice(span.start, end - suffix[0].length)) && /^\p{Ll}/u.test(suffix[1]) && !this.known(this.text.slice(span.start, end));
    if (suffix?.[1] && scriptOf(suffix[1]) !== scriptOf(this.text[span.start] ?? '') || acronymEnding) end -= suffix?.[0].length ?? 0;
    // A Turkic case ending set off by an apostrophe: "IŞİD'in", "Taliban'ın" (the English "'s" is no case ending).
    const apostrophe = /\p{Lu}[\p{L}\p{Nd}]*(['’](?!s$)\p{Ll}{1,4})$/u.exec(this.text.slice(span.start, end));
    if (apostrophe?.[1]) end -= apostrophe[1].length;
    const dash = this.text.lastIndexOf('-', end - 1);
    if (dash > span.start) {
      const word = this.text.slice(dash + 1, end);
      // Unless the alias table knows the whole and not the part before the noun: "Левада-центром" is the name.
      const whole = this.known(this.text.slice(span.start, end)) && !this.known(this.text.slice(span.start, dash));
      // A compound head (the phrase files' `compound_heads`, "центр") after a capitalised part makes one name of
      // both, known or not: "Левада-центром", "Жохяса-центра".
      const compound = /^\p{Lu}/u.test(this.text.slice(span.start, dash)) && this.lex.wordAt('compound_heads', this.text, dash + 1, null, end) === end;
      if (/^\p{L}+$/u.test(word) && this.classOf()(dash + 1, end).has('nouns') && !whole && !compound) end = dash;
    }
    // A quoted name is the name as quoted ("“俄罗斯志愿军”").
    const quoted = /[«"“„「『《]/.test(this.text[span.start - 1] ?? '\0') && /[»"”“」』》]/.test(this.text[span.end] ?? '\0');
    for (let k = end - 1; k > span.start && !quoted; k--) {
      if (!/[\p{Script=Han}]/u.test(this.text[k] ?? '')) break;
      if (this.classOf()(k, end).has('nouns')) {
        end = k;
        break;
      }
    }
    // "Azov da Ucrânia", "Taliban of Afghanistan": a connector before a state's name ends the name there, unless the
    // alias table knows the whole ("Voice of America").
    const words = [...this.text.slice(span.start, end).matchAll(/[^\s\u00a0]+/g)];
    const of = words.findIndex((w, k) => k > 0 && k < words.length - 1 && isConnector(w[0])
      && words.slice(k + 1).every((y) => { const c = this.classOf()(span.start + y.index, span.start + y.index + y[0].length); return c.has('states') || c.has('other_states'); }));
    // Inside quotation marks the name is the quote ("Légion « Liberté de Russie »").
    if (of > 0 && !quoted && !this.canonical(this.text.slice(span.start, end)).known) end = span.start + (words[of]?.index ?? 0) - 1;
    let name = cleanName(this.text.slice(span.start, end));
    if (!name) return null;
    // Without capitals, a name's extent is the alias table's: the longest known run at either end
    // ("जानकारी मेडुज़ा" → "मेडुज़ा", "ইসলামিক স্টেট হামলার" → "ইসলামিক স্টেট").
    if (/\s/.test(name) && !/\p{Lu}/u.test(name) && /\p{L}/u.test(name) && !this.canonical(name).known) name = knownPart(name, (n) => this.canonical(n).known) ?? name;
    // With capitals, an unknown run that ends in a name the alias table knows is that name: the words before it are
    // a qualifier the table does not file with it ("Qatari Taliban", "Batallón Nacional Azov", "Hồi Sunni Tablighi
    // Jamaat"). Not inside quotes, and not after a given name (a person's surname is known alone).
    // An unknown person is found the same way through a given name in any case form, the one list of names the
    // detector has for people it has never seen ("В Москве Гарри Каспарова*", "Умер Алексей Навальный*",
    // "ЮКОСа Михаила Ходорковского (…)"): the capitalised words before the given name are the sentence's. Latin-script
    // given names come from the phrase files' `given_names` ("ex-deputado da Duma Ilya Ponomarev").
    // Failing both, leading words of nation or faith (the phrase files' `demonyms`: "Qatari", "Sunni", "Nacional")
    // qualify an unknown one-word name after them and are not part of it ("Qatari Taliban", "Batallón Nacional Azov");
    // before two words or more they are read as the name's own ("Syrian National Army", "Russian Volunteer Corps").
    else if (!quoted && /\s/.test(name) && /\p{Lu}/u.test(name) && !this.canonical(name).known) {
      const latinGiven = (w: string): boolean => this.isListed('given_names', w);
      name = knownTail(name, (n) => this.canonical(n).known, latinGiven) ?? givenNameOn(name, (w) => isGivenName(w) || latinGiven(w)) ?? this.withoutDemonyms(name) ?? name;
    }
    // A lone word of the phrase lists ("организация", "الإرهاب", "Media") is no name.
    const single = !/\s/.test(name) && span.start < end ? this.classOf()(span.start + this.text.slice(span.start, end).indexOf(name), end) : new Set<ListName>();
    if (NOT_A_NAME.some((l) => single.has(l)) && !this.canonical(name).known) return null;
    return name;
  }

  /**
   * A capitalised `name` without its leading `demonyms`, when one capitalised word, not a designation noun, is left, or
   * when an acronym opens what is left ("la Suisse EF Education First*": a nation's word does not open an acronym's name).
   */
  private withoutDemonyms(name: string): string | null {
    const words = name.split(/\s+/);
    let k = 0;
    while (k < words.length - 1 && this.isListed('demonyms', words[k] ?? '')) k++;
    const rest = words.slice(k).join(' ');
    const acronym = /^[\p{Lu}\p{Nd}]{2,6}$/u.test(words[k] ?? '') && /\p{Lu}/u.test(words[k] ?? '');
    return k > 0 && (k === words.length - 1 || acronym) && /^\p{Lu}/u.test(rest) && !this.lex.find(rest).some((h) => h.list === 'nouns') ? rest : null;
  }

  /** True when `word` is, whole, a word of word list `list` in any language. */
  private isListed(list: WordListName, word: string): boolean {
    return word.length > 0 && this.lex.wordAt(list, word, 0, null, word.length) === word.length;
  }

  /** Two names the alias table files under one entity ("ISIS*" … "*Autoproclamado Estado Islámico, …"). */
  sameKnown(a: string, b: string): boolean {
    const ca = this.canonical(a);
    const cb = this.canonical(b);
    return ca.known && cb.known && ca.canonical === cb.canonical;
  }

  /**
   * The span with up to five more words before it, when the alias table knows the longer name as another entity
   * ("штабов Навального✱✱" is Navalny's headquarters, not Navalny; "Fundación de Lucha contra la Corrupción (…)"
   * walks back from "Corrupción", a name with lower-case words inside).
   */
  widenKnown(span: NameSpan, lineStart: number): NameSpan {
    const own = this.canonical(span.name);
    let start = span.start;
    for (let k = 0; k < 5; k++) {
      const m = /([\p{L}\p{M}\p{Nd}'’\-]+)[ \u00a0]+$/u.exec(this.text.slice(Math.max(lineStart, start - 40), start));
      if (!m) break;
      start -= m[0].length;
      const wider = this.text.slice(start, span.end);
      const c = this.canonical(wider);
      if (c.known && (!own.known || c.canonical !== own.canonical)) return { name: wider, start, end: span.end };
    }
    return span;
  }

  /**
   * A name in lower case ending at `end`: a run of up to five words that the alias table knows ("los talibanes",
   * "Фонд защиты прав граждан"), the shortest that still names the entity the longest names ("le mouvement taliban"
   * → "taliban"), and among those that open with a capital, if any, the shortest ("Den islamske staten").
   */
  knownRunBefore(end: number, lineStart: number): NameSpan | null {
    const runs: NameSpan[] = [];
    for (let words = 5; words >= 1; words--) {
      const m = new RegExp(`((?:[\\p{L}\\p{M}'’\\-]+[ \\u00a0]+){${words - 1}}[\\p{L}\\p{M}'’\\-]+)[ \\u00a0]*$`, 'u').exec(this.text.slice(Math.max(lineStart, end - 80), end));
      // A lower-case word before a capitalised one is not the name's start ("юрлица Фонд …").
      if (m?.[1] && /^\p{Ll}\S*\s+\p{Lu}/u.test(m[1])) continue;
      if (m?.[1] && this.known(m[1])) runs.push({ name: m[1], start: end - m[0].length, end: end - m[0].length + m[1].length });
    }
    const entity = runs[0] ? this.canonical(runs[0].name).canonical : null;
    const same = runs.filter((s) => this.canonical(s.name).canonical === entity);
    const capital = same.filter((s) => /^\p{Lu}/u.test(s.name));
    return (capital.length > 0 ? capital : same).pop() ?? null;
  }

  /** The longest run of up to `most` words from `at` that the alias table knows ("Фонда защиты прав граждан"). */
  knownRunAfter(at: number, most = 5): NameSpan | null {
    // Written without spaces ("伊斯兰国武装分子", "イスラム国の戦闘員"), the words after a name run on into it: the
    // known name is a known start of the run, the shortest of those the table files under the longest one's entity
    // (the alias table also knows a name with a role or designation noun after it: "伊斯兰国武装分子" is 伊斯兰国's).
    const unspaced = /^[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー・]+/u.exec(this.text.slice(at, at + 24))?.[0];
    if (unspaced && /[\p{Script=Han}\p{Script=Katakana}]/u.test(unspaced[0] ?? '')) {
      let entity: string | null = null;
      let best = 0;
      for (let n = unspaced.length; n >= 2; n--) {
        const part = unspaced.slice(0, n);
        if (!this.known(part)) continue;
        const canonical = this.canonical(part).canonical;
        entity ??= canonical;
        if (canonical === entity) best = n;
      }
      return best > 0 ? { name: unspaced.slice(0, best), start: at, end: at + best } : null;
    }
    for (let words = most; words >= 1; words--) {
      const m = new RegExp(`^(?:[\\p{L}\\p{M}'’\\-]+[ \\u00a0]+){${words - 1}}[\\p{L}\\p{M}'’\\-]+`, 'u').exec(this.text.slice(at, at + 80));
      if (m && this.known(m[0])) return { name: m[0], start: at, end: at + m[0].length };
    }
    return null;
  }

  /** The owner a note in text[from, to) names: after "owned by", "принадлежит компании", before "şirketine ait", "傘下". */
  ownerIn(from: number, to: number, langs: ReadonlySet<string>): NameSpan | null {
    const after = this.hits(from, to, ['owners'], langs)[0];
    if (after) return this.nameAfterNouns(after.end, langs);
    const before = this.hits(from, to, ['owners_after'], langs)[0];
    if (!before) return null;
    let end = before.index;
    // Back over the designation noun the postposition follows ("Meta şirketine ait").
    const noun = /([\p{L}\p{M}'’\-]+)[ \u00a0]+$/u.exec(this.text.slice(Math.max(from, end - 40), end));
    if (noun?.[1] && this.classOf(langs)(end - noun[0].length, end - noun[0].length + noun[1].length).has('nouns')) end -= noun[0].length;
    // A company's abbreviated legal form ends the name with its own full stop ("компании Meta Platforms Inc. по
    // реализации продуктов"): the stop ends no sentence, and the name is the words before the form.
    const form = /[ \u00a0]+\p{Lu}\p{Ll}{1,3}\.[ \u00a0]*$/u.exec(this.text.slice(Math.max(from, end - 12), end));
    if (form) end -= form[0].length;
    return end > from ? nameBefore(this.text, end, this.classOf(langs), false) : null;
  }

  /** True when the alias table knows the name: then a lower-case word may be one ("talibanes", "taliban"). */
  known(name: string): boolean {
    return this.canonical(name).known;
  }

  /** The name after `pos`, past designation nouns, roles and function words ("kompanije Meta", "компании Meta"). */
  nameAfterNouns(pos: number, langs: ReadonlySet<string> | null, participles = true): NameSpan | null {
    const classOf = this.classOf(langs);
    // With participles, a whole prenominal phrase is passed, its state included ("принадлежит запрещенной в России
    // компании Meta", "պատկանում է Ռուսաստանում ծայրահեղական ճանաչված Meta ընկերությանը").
    const skipped: ListName[] = participles ? [...SKIPPED, 'states'] : SKIPPED.filter((l) => l !== 'banned_other' && l !== 'predicates');
    let at = pos;
    for (let k = 0; k < 6; k++) {
      while (at < this.text.length && /[ \u00a0]/.test(this.text[at] ?? '')) at++;
      const word = /^[\p{L}\p{M}\p{Nd}'’\-]+/u.exec(this.text.slice(at, at + 60))?.[0];
      if (!word) break;
      const cls = classOf(at, at + word.length);
      if (!skipped.some((l) => cls.has(l))) {
        // An adjective, told by its ending, before the designation noun ("принадлежит американской компании Meta").
        const next = /^[ \u00a0]+([\p{L}\p{M}\-]+)/u.exec(this.text.slice(at + word.length, at + word.length + 40));
        const nounNext = next?.[1] !== undefined && classOf(at + word.length + next[0].length - next[1].length, at + word.length + next[0].length).has('nouns');
        if (!(/^\p{Ll}/u.test(word) && nounNext && this.lex.endsWith('adjective_endings', word))) break;
        at += word.length;
        continue;
      }
      const phrase = this.startingAt(at).filter((h) => skipped.includes(h.list));
      at = Math.max(at + word.length, ...phrase.map((h) => h.end));
    }
    return nameAfter(this.text, at, classOf);
  }
}

/** The longest run of words at the start or the end of `name` that `known` accepts, or null. */
function knownPart(name: string, known: (n: string) => boolean): string | null {
  const words = name.split(/\s+/);
  for (let n = words.length - 1; n >= 1; n--) {
    const head = words.slice(0, n).join(' ');
    if (known(head)) return head;
    // A case ending glued to the last word ("ইসলামিক স্টেটের", "इस्लामिक स्टेट के" aside): the known name it inflects.
    const inflected = caseEndingOff(head, known);
    if (inflected) return inflected;
    const tail = words.slice(words.length - n).join(' ');
    if (known(tail)) return tail;
  }
  return null;
}

/** `name` without a case ending of one to three characters that a caseless script glues on, when the rest is known. */
function caseEndingOff(name: string, known: (n: string) => boolean): string | null {
  const letters = [...name];
  for (let k = 1; k <= 3 && letters.length - k >= 3; k++) {
    const base = letters.slice(0, letters.length - k).join('');
    if (!/\p{M}$/u.test(base) && known(base)) return base;
  }
  return null;
}

/** The longest known run of words at the end of a capitalised `name`, unless a capitalised given name (or a `given` one) stands before it. */
function knownTail(name: string, known: (n: string) => boolean, given: (w: string) => boolean): string | null {
  const words = name.split(/\s+/);
  for (let n = words.length - 1; n >= 1; n--) {
    const tail = words.slice(words.length - n).join(' ');
    if (!known(tail)) continue;
    const before = words[words.length - n - 1] ?? '';
    return GIVEN.has(givenKey(before)) || given(before) ? null : tail;
  }
  return null;
}

const GIVEN = baseGivenNames();

/** True when `word` is a capitalised given name of the list in some case form (declension.ts reads its cases). */
function isGivenName(word: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(word) && isGivenNameForm(givenKey(word), GIVEN);
}

/**
 * The person's name inside a longer capitalised run: from a given name (not the run's first word) followed by one or
 * two capitalised words to the end ("Москве Гарри Каспарова" → "Гарри Каспарова"); null when there is none.
 */
function givenNameOn(name: string, given: (w: string) => boolean): string | null {
  const words = name.split(/\s+/);
  for (let k = Math.max(1, words.length - 3); k < words.length - 1; k++) {
    if (given(words[k] ?? '') && words.slice(k + 1).every((w) => /^\p{Lu}\p{Ll}/u.test(w))) return words.slice(k).join(' ');
  }
  return null;
}

/** A given name as the East Slavic list spells it: Serbian and Macedonian "ј" ("Алексеј", "Јуриј") is "й", "ју" "ю". */
function givenKey(word: string): string {
  return word.toLowerCase().replace(/ё/gu, 'е').replace(/ју/gu, 'ю').replace(/ја/gu, 'я').replace(/је/gu, 'е').replace(/ј/gu, 'й');
}

/** The script of a letter, for telling a case ending from the name it is joined to. */
function scriptOf(ch: string): string {
  for (const s of ['Latin', 'Cyrillic', 'Georgian', 'Armenian', 'Arabic', 'Greek', 'Hebrew']) if (new RegExp(`\\p{Script=${s}}`, 'u').test(ch)) return s;
  return 'other';
}

/** Words before a name that are not part of it: "террористическая организация «ИГ»", "компании Meta". */
const SKIPPED: ListName[] = ['nouns', 'roles', 'stopwords', 'terrorist', 'extremist', 'undesirable', 'foreign_agent', 'banned_other', 'predicates'];
/** What a name cannot be on its own. */
const NOT_A_NAME: ListName[] = ['nouns', 'roles', 'stopwords', 'states', 'predicates', 'terrorist', 'extremist', 'undesirable', 'foreign_agent', 'banned_other', 'alone', 'distributive', 'relatives'];

/** Lists whose words differ by language in meaning ("die" is German, "my" Polish): read in the note's language only. */
export function isFunctional(list: ListName): boolean {
  return list === 'stopwords' || list === 'relatives' || list === 'self' || list === 'distributive' || list === 'news_events' || list === 'critique' || list === 'roles' || list === 'copulas' || list === 'pronouns' || list === 'possessives';
}

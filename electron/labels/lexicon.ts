// The label lexicon: every language's phrase file (assets/labels/phrases/<lang>.json, format in its README.md)
// in one index: a text is searched for every list of every language at once (a text may mix them: Serbian in two
// scripts, English names in Arabic), and each hit says its list, language and phrase, for the label's rule.
// Imported, not read from disk: the bundler of the desktop app then carries the lexicon inside the build.
import type { LabelKind } from '../model.ts';
import { anchorOf, matchAt, parsePhrase, type Phrase } from './phrase-syntax.ts';
import { foldCode } from './fold.ts';
import { PhraseIndex } from './phrase-index.ts';
import af from '../../assets/labels/phrases/af.json' with { type: 'json' };
import ar from '../../assets/labels/phrases/ar.json' with { type: 'json' };
import az from '../../assets/labels/phrases/az.json' with { type: 'json' };
import be from '../../assets/labels/phrases/be.json' with { type: 'json' };
import bg from '../../assets/labels/phrases/bg.json' with { type: 'json' };
import bn from '../../assets/labels/phrases/bn.json' with { type: 'json' };
import ca from '../../assets/labels/phrases/ca.json' with { type: 'json' };
import cs from '../../assets/labels/phrases/cs.json' with { type: 'json' };
import da from '../../assets/labels/phrases/da.json' with { type: 'json' };
import de from '../../assets/labels/phrases/de.json' with { type: 'json' };
import el from '../../assets/labels/phrases/el.json' with { type: 'json' };
import en from '../../assets/labels/phrases/en.json' with { type: 'json' };
import es from '../../assets/labels/phrases/es.json' with { type: 'json' };
import et from '../../assets/labels/phrases/et.json' with { type: 'json' };
import fa from '../../assets/labels/phrases/fa.json' with { type: 'json' };
import fi from '../../assets/labels/phrases/fi.json' with { type: 'json' };
import fr from '../../assets/labels/phrases/fr.json' with { type: 'json' };
import he from '../../assets/labels/phrases/he.json' with { type: 'json' };
import hi from '../../assets/labels/phrases/hi.json' with { type: 'json' };
import hr from '../../assets/labels/phrases/hr.json' with { type: 'json' };
import hu from '../../assets/labels/phrases/hu.json' with { type: 'json' };
import hy from '../../assets/labels/phrases/hy.json' with { type: 'json' };
import id from '../../assets/labels/phrases/id.json' with { type: 'json' };
import it from '../../assets/labels/phrases/it.json' with { type: 'json' };
import ja from '../../assets/labels/phrases/ja.json' with { type: 'json' };
import ka from '../../assets/labels/phrases/ka.json' with { type: 'json' };
import kk from '../../assets/labels/phrases/kk.json' with { type: 'json' };
import ko from '../../assets/labels/phrases/ko.json' with { type: 'json' };
import ku from '../../assets/labels/phrases/ku.json' with { type: 'json' };
import ky from '../../assets/labels/phrases/ky.json' with { type: 'json' };
import lt from '../../assets/labels/phrases/lt.json' with { type: 'json' };
import lv from '../../assets/labels/phrases/lv.json' with { type: 'json' };
import mk from '../../assets/labels/phrases/mk.json' with { type: 'json' };
import ml from '../../assets/labels/phrases/ml.json' with { type: 'json' };
import mn from '../../assets/labels/phrases/mn.json' with { type: 'json' };
import mr from '../../assets/labels/phrases/mr.json' with { type: 'json' };
import ms from '../../assets/labels/phrases/ms.json' with { type: 'json' };
import ne from '../../assets/labels/phrases/ne.json' with { type: 'json' };
import nl from '../../assets/labels/phrases/nl.json' with { type: 'json' };
import no from '../../assets/labels/phrases/no.json' with { type: 'json' };
import pl from '../../assets/labels/phrases/pl.json' with { type: 'json' };
import prs from '../../assets/labels/phrases/prs.json' with { type: 'json' };
import ps from '../../assets/labels/phrases/ps.json' with { type: 'json' };
import pt from '../../assets/labels/phrases/pt.json' with { type: 'json' };
import ro from '../../assets/labels/phrases/ro.json' with { type: 'json' };
import ru from '../../assets/labels/phrases/ru.json' with { type: 'json' };
import sk from '../../assets/labels/phrases/sk.json' with { type: 'json' };
import sl from '../../assets/labels/phrases/sl.json' with { type: 'json' };
import sq from '../../assets/labels/phrases/sq.json' with { type: 'json' };
import sr from '../../assets/labels/phrases/sr.json' with { type: 'json' };
import sv from '../../assets/labels/phrases/sv.json' with { type: 'json' };
import sw from '../../assets/labels/phrases/sw.json' with { type: 'json' };
import ta from '../../assets/labels/phrases/ta.json' with { type: 'json' };
import te from '../../assets/labels/phrases/te.json' with { type: 'json' };
import tg from '../../assets/labels/phrases/tg.json' with { type: 'json' };
import th from '../../assets/labels/phrases/th.json' with { type: 'json' };
import tl from '../../assets/labels/phrases/tl.json' with { type: 'json' };
import tr from '../../assets/labels/phrases/tr.json' with { type: 'json' };
import uk from '../../assets/labels/phrases/uk.json' with { type: 'json' };
import ur from '../../assets/labels/phrases/ur.json' with { type: 'json' };
import uz from '../../assets/labels/phrases/uz.json' with { type: 'json' };
import vi from '../../assets/labels/phrases/vi.json' with { type: 'json' };
import zh from '../../assets/labels/phrases/zh.json' with { type: 'json' };

export const KINDS: readonly LabelKind[] = ['terrorist', 'extremist', 'undesirable', 'foreign_agent', 'banned_other'];

/** The lists of a phrase file other than the kinds (README.md, "Lists"). */
export const LISTS = [
  'alone', 'predicates', 'states', 'other_states', 'nouns', 'roles', 'distributive', 'relatives', 'owners', 'owners_after',
  'news_events', 'critique', 'self', 'stopwords', 'attributive', 'copulas', 'pronouns', 'glosses', 'possessives',
] as const;
export type ListName = (typeof LISTS)[number] | LabelKind;

/**
 * Lists one rule reads at one known place (the word after a saying verb, a word's ending), not searched for in every
 * sentence: kept out of the index, they cost nothing per sentence and never vote on a note's language.
 */
export const WORD_LISTS = [
  'named_after', 'activity', 'saying', 'adjective_endings', 'short_participle_endings', 'oblique_participle_endings',
  'list_and', 'attributive_particles', 'subject_particles', 'glued_and', 'joins_before', 'joins_after', 'join_articles',
  'footnote_joins', 'notice_name_ends', 'notice_cues', 'masculine_in_a', 'in_words', 'russia_words', 'leading_articles',
  'name_particles',
  'demonyms', 'given_names', 'compound_heads', 'entry_words', 'registries',
  'demonstratives', 'considered', 'considering', 'adverbs', 'counters', 'present_copulas', 'decision_times',
] as const;
export type WordListName = (typeof WORD_LISTS)[number];
/** Word lists of endings: each entry one word with a leading star ("*ый"). */
const ENDING_LISTS: readonly WordListName[] = ['adjective_endings', 'short_participle_endings', 'oblique_participle_endings'];
/** Word lists of prefixes: each entry one word with a trailing star ("و*"). */
const PREFIX_LISTS: readonly WordListName[] = ['glued_and'];

export interface PhraseFile {
  language: string;
  name: string;
  sources?: string;
  notices?: { format: string; text: string }[];
  /** Attributes may follow the name they qualify without a comma ("l'organisation terroriste Daech interdite en Russie"). */
  postnominal?: boolean;
  /** Attributes may precede the name ("запрещенная в РФ организация X"); true unless the file says false. */
  prenominal?: boolean;
  /**
   * The verb ends the clause (Turkish, Persian, Hindi, Japanese…): a name right after a designation word is the head
   * of a prenominal participle ("Rusya'da yasaklanan IŞİD"), never the object of a verb as in "Russia banned Facebook".
   */
  verb_final?: boolean;
  /**
   * A designation participle precedes the name it qualifies and the finite verb has another form (Hungarian
   * "Oroszországban betiltott Iszlám Állam", Finnish "Venäjällä kielletty Isis"): as with verb_final, a capitalised
   * name right after it is its head, not an object.
   */
  participle_first?: boolean;
  [list: string]: unknown;
}

/** Every shipped language, by code. */
export const PHRASE_FILES: Record<string, PhraseFile> = {
  af, ar, az, be, bg, bn, ca, cs, da, de, el, en, es, et, fa, fi, fr, he, hi, hr, hu, hy, id, it, ja, ka, kk, ko, ku,
  ky, lt, lv, mk, ml, mn, mr, ms, ne, nl, no, pl, prs, ps, pt, ro, ru, sk, sl, sq, sr, sv, sw, ta, te, tg, th, tl, tr,
  uk, ur, uz, vi, zh,
};

export interface Hit {
  list: ListName;
  lang: string;
  phrase: string;
  index: number;
  end: number;
}

function listOf(file: PhraseFile, code: string, key: string): string[] {
  const v = file[key];
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`assets/labels/phrases/${code}.json: "${key}" must be a list of strings`);
  return v as string[];
}

interface Entry {
  list: ListName;
  lang: string;
  phrase: Phrase;
}

/** A phrase of a word list; an ending list takes only endings, a prefix list only prefixes. */
function wordListPhrase(code: string, list: WordListName, text: string): Phrase {
  const where = `assets/labels/phrases/${code}.json, "${list}"`;
  let phrase: Phrase;
  try {
    phrase = parsePhrase(text);
  } catch (err) {
    throw new Error(`${where}: ${(err as Error).message}`);
  }
  const t = phrase.tokens[0];
  if (ENDING_LISTS.includes(list) && (phrase.tokens.length !== 1 || !t?.lead || t.trail)) {
    throw new Error(`${where}: ${JSON.stringify(text)} must be one ending written "*ending" (a leading star): fix it in its phrase file`);
  }
  if (PREFIX_LISTS.includes(list) && (phrase.tokens.length !== 1 || t?.lead || !t?.trail)) {
    throw new Error(`${where}: ${JSON.stringify(text)} must be one prefix written "prefix*" (a trailing star): fix it in its phrase file`);
  }
  return phrase;
}

/** The phrases of word list `list` in every language of `files`. */
function wordListOf(files: Record<string, PhraseFile>, list: WordListName): { lang: string; phrase: Phrase }[] {
  return Object.entries(files).flatMap(([code, f]) => listOf(f, code, list).map((text) => ({ lang: code, phrase: wordListPhrase(code, list, text) })));
}

/** The phrases of word list `list` in every shipped language, without building the index (for code outside the rules). */
export function shippedWords(list: WordListName): Phrase[] {
  return wordListOf(PHRASE_FILES, list).map((w) => w.phrase);
}

/** A word list's entry of language `lang` is read for `langs` (every language when none or empty). */
function inLangs(lang: string, langs: ReadonlySet<string> | null | undefined): boolean {
  return !langs || langs.size === 0 || langs.has(lang);
}

/** Every phrase of every list and language, findable in one pass. */
export class Lexicon {
  private readonly entries: Entry[];
  private readonly index: PhraseIndex;
  private readonly triggerIndex: PhraseIndex;
  private readonly wordLists: Map<WordListName, { lang: string; phrase: Phrase }[]>;
  /** Per word list, the folded letters its phrases may start with (null when one starts with a star): a quick no. */
  private readonly wordListFirsts: Map<WordListName, Set<number> | null>;
  readonly notices: { lang: string; format: string; text: string }[];
  readonly languages: string[];
  /** Languages whose attributes follow the noun (PhraseFile.postnominal). */
  readonly postnominal: ReadonlySet<string>;
  /** Languages whose attributes never precede the noun (PhraseFile.prenominal false). */
  readonly noPrenominal: ReadonlySet<string>;
  /** Languages whose verbs end the clause (PhraseFile.verb_final). */
  readonly verbFinal: ReadonlySet<string>;
  /** Languages whose designation participles head the name after them (PhraseFile.verb_final or participle_first). */
  readonly participleFirst: ReadonlySet<string>;

  constructor(files: Record<string, PhraseFile>) {
    this.languages = Object.keys(files);
    this.postnominal = new Set(Object.entries(files).filter(([, f]) => f.postnominal === true).map(([code]) => code));
    this.noPrenominal = new Set(Object.entries(files).filter(([, f]) => f.prenominal === false).map(([code]) => code));
    this.verbFinal = new Set(Object.entries(files).filter(([, f]) => f.verb_final === true).map(([code]) => code));
    this.participleFirst = new Set(Object.entries(files).filter(([, f]) => f.verb_final === true || f.participle_first === true).map(([code]) => code));
    this.entries = Object.entries(files).flatMap(([code, f]) => [...KINDS, ...LISTS].flatMap((list) =>
      listOf(f, code, list).map((text) => {
        try {
          return { list, lang: code, phrase: parsePhrase(text) };
        } catch (err) {
          throw new Error(`assets/labels/phrases/${code}.json, "${list}": ${(err as Error).message}`);
        }
      })));
    this.index = new PhraseIndex(this.entries.map((e) => e.phrase), false);
    // The trigger: the grounds of every kind, and the notices' first words.
    this.notices = Object.entries(files).flatMap(([code, f]) => (f.notices ?? []).map((n) => ({ lang: code, ...n })));
    const triggers = this.entries.filter((e) => (KINDS as readonly string[]).includes(e.list)).map((e) => e.phrase);
    for (const n of this.notices) triggers.push(parsePhrase(n.text.split(/\s+/).slice(0, 2).join(' ')));
    this.triggerIndex = new PhraseIndex(triggers, true);
    this.wordLists = new Map(WORD_LISTS.map((list) => [list, wordListOf(files, list)]));
    this.wordListFirsts = new Map([...this.wordLists].map(([list, ws]) => [list,
      ws.some((w) => w.phrase.tokens[0]?.lead !== false) ? null : new Set(ws.map((w) => w.phrase.tokens[0]?.core.charCodeAt(0) ?? -1))]));
  }

  /** The phrases of word list `list` in `langs` (every language when none or empty). */
  words(list: WordListName, langs?: ReadonlySet<string> | null): Phrase[] {
    return (this.wordLists.get(list) ?? []).filter((w) => inLangs(w.lang, langs)).map((w) => w.phrase);
  }

  /** Whether a counter or an ordinal's prefix (`counters`: "次", "名", "第") starts at a position of `text`: a number
   * glued before it counts, it marks no footnote (markers.ts). */
  countedIn(text: string): (pos: number) => boolean {
    return (pos) => this.wordAt('counters', text, pos) > pos;
  }

  /** The end of the longest phrase of word list `list` (in `langs`) matched at `pos` and ending by `to`, or -1. */
  wordAt(list: WordListName, text: string, pos: number, langs?: ReadonlySet<string> | null, to = text.length): number {
    let end = -1;
    const firsts = this.wordListFirsts.get(list);
    if (firsts && !firsts.has(foldCode(text.charCodeAt(pos)))) return end;
    // A loop, not words(): some rules ask at every word they read.
    for (const w of this.wordLists.get(list) ?? []) if (inLangs(w.lang, langs)) end = Math.max(end, matchAt(w.phrase, text, pos, to));
    return end;
  }

  /** The length of the longest prefix of `list` (in `langs`) that opens the word at `pos`, the word ending by `to`; 0 when none. */
  prefixAt(list: WordListName, text: string, pos: number, langs?: ReadonlySet<string> | null, to = text.length): number {
    let length = 0;
    const firsts = this.wordListFirsts.get(list);
    if (firsts && !firsts.has(foldCode(text.charCodeAt(pos)))) return length;
    for (const w of this.wordLists.get(list) ?? []) {
      const prefix = w.phrase.tokens[0]?.core ?? '';
      if (inLangs(w.lang, langs) && prefix.length > length && matchAt(w.phrase, text, pos, to) >= 0) length = prefix.length;
    }
    return length;
  }

  /** True when `word` ends with an ending of `list` (in `langs`), compared folded as phrases are, with letters before it. */
  endsWith(list: WordListName, word: string, langs?: ReadonlySet<string> | null): boolean {
    // A loop comparing from the end, with nothing allocated: this runs for every word a prenominal phrase reads.
    for (const w of this.wordLists.get(list) ?? []) {
      if (!inLangs(w.lang, langs)) continue;
      const ending = w.phrase.tokens[0]?.core ?? '';
      if (word.length <= ending.length) continue;
      let k = 1;
      while (k <= ending.length && foldCode(word.charCodeAt(word.length - k)) === ending.charCodeAt(ending.length - k)) k++;
      if (k > ending.length) return true;
    }
    return false;
  }

  /** Every phrase of every list found in text[from, to), in text order. */
  find(text: string, from = 0, to = text.length): Hit[] {
    return this.index.find(text, from, to)
      .map((f) => {
        const e = this.entries[f.phrase] as Entry;
        return { list: e.list, lang: e.lang, phrase: e.phrase.text, index: f.index, end: f.end };
      })
      .sort((a, b) => a.index - b.index || b.end - a.end);
  }

  /** Where a text may hold a label: the ends of the grounds' anchors (unverified, cheap). */
  triggers(text: string): number[] {
    return this.triggerIndex.anchorEnds(text);
  }

  /**
   * The grounds' anchors as one precompiled regular expression (case-insensitive literals): what the trigger scan
   * finds, written the plain way. The benchmark's floor.
   */
  triggerPattern(): RegExp {
    const anchors = new Set(this.entries.filter((e) => (KINDS as readonly string[]).includes(e.list)).map((e) => anchorOf(e.phrase).anchor).filter((a) => a.length > 0));
    const escaped = [...anchors].sort((a, b) => b.length - a.length).map((a) => a.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&').replace(/ /g, '\\s+'));
    return new RegExp(escaped.join('|'), 'giu');
  }

  /** True when the text holds no ground's anchor at all: then it carries no label. */
  quiet(text: string): boolean {
    return this.triggerIndex.firstAnchor(text) < 0;
  }
}

let shipped: Lexicon | undefined;

/** The shipped lexicon, built once. */
export function lexicon(): Lexicon {
  shipped ??= new Lexicon(PHRASE_FILES);
  return shipped;
}

// The name-swap perturbation (issue 10): the positive cases of the regression set and the tune part, with every
// expected entity's name replaced by an unknown one of the same shape, to show how much of the detector's recall
// comes from names it already knows (the alias table, names seen in tuning) rather than from the label's form.
// Held-out parts are never read here: only regressionCases() and worldCases('tune').
//
// How a name is swapped: each name word of an expected entity (its capitalised or all-capital words; every word of
// more than three letters when it has none) goes through a letter cipher drawn per case from a seed: consonants to
// consonants and vowels to vowels of the same script, case kept, so the new word is pronounceable and as long as
// the old one. The inflectional tail (up to three final vowels, or "й ь м х г" in Cyrillic, "s" in Latin) is kept
// as printed, so "Навальным" and "Навальный" become "Ведорьным" and "Ведорьный": the case form, and the stem the
// detector links mention and footnote by, survive. Every word of the text whose stem is a name word's stem is
// swapped, in the body and the footnotes alike. A case is skipped (and counted) when its entity is in a script the
// cipher does not cover, or when no draw within a few gives names that are unknown to the alias table and absent
// from every text of the two sets.
//
// Scoring: the detector reads the swapped text; each label's entity is mapped back word by word to the original
// text's words and scored against the case's original expected labels, so a label counts exactly when the same
// label on the original text would (same entity span, or the same canonical entity).
import type { Label } from '../../electron/model.ts';
import { canonicalEntity } from '../../electron/labels/canonical.ts';
import { baseGivenNames } from '../../electron/labels/declension.ts';
import { lexicon } from '../../electron/labels/lexicon.ts';
import { regressionCases, worldCases, type LabelCase } from './label-scoring.ts';
import { rng } from './fuzz.ts';

/** The seed of the shipped figures; the script takes another with --seed. */
export const SWAP_SEED = 10;

interface Alphabet {
  vowels: string;
  consonants: string;
  /** Letters an inflectional tail is made of, read from the word's end. */
  tail: string;
}

const CYRILLIC: Alphabet = { vowels: 'аеиоуыэяю', consonants: 'бвгдзклмнпрстфхчшжц', tail: 'аеёиоуыэюяйьмхг' };
const LATIN: Alphabet = { vowels: 'aeiou', consonants: 'bcdfghklmnprstvz', tail: 'aeiouyáéíóúýąęěůöüäåś' };
const GREEK: Alphabet = { vowels: 'αεηιουω', consonants: 'βγδζκλμνπρστφχ', tail: 'αεηιουωάέήίόύώςν' };
// Arabic has no written short vowels: the long-vowel letters and the article stay, consonants swap.
const ARABIC: Alphabet = { vowels: '', consonants: 'بتثجحخدذرزسشصضطظعغفقكمنه', tail: 'ةى' };
// Han and katakana names are transcriptions: swap within a pool of transcription characters, keep the rest (国, 组织).
const HAN_POOL = '阿巴卡达尔斯特尼克拉马纳萨塔瓦亚扎维奥伊乌加哈莫罗索托诺波多科洛利班兰里勒德基布普图西夫戈耶列米沙谢韦';
const KATAKANA_POOL = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';

function alphabetOf(word: string): Alphabet | 'han' | 'kana' | null {
  if (/\p{Script=Cyrillic}/u.test(word)) return CYRILLIC;
  if (/\p{Script=Latin}/u.test(word)) return LATIN;
  if (/\p{Script=Greek}/u.test(word)) return GREEK;
  if (/\p{Script=Arabic}/u.test(word)) return ARABIC;
  if (/\p{Script=Han}/u.test(word)) return 'han';
  if (/\p{Script=Katakana}/u.test(word)) return 'kana';
  return null;
}

function hash(s: string): number {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
  return h >>> 0;
}

function shuffled(letters: string, next: () => number): string {
  const a = [...letters];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [a[i], a[j]] = [a[j] as string, a[i] as string];
  }
  return a.join('');
}

/** One case's cipher: a permutation of each letter class, from the seed and the case id (and the draw). */
class Cipher {
  private readonly map = new Map<string, string>();

  constructor(seed: number) {
    const next = rng(seed);
    for (const set of [CYRILLIC.vowels, CYRILLIC.consonants, LATIN.vowels, LATIN.consonants, GREEK.vowels, GREEK.consonants, ARABIC.consonants, HAN_POOL, KATAKANA_POOL]) {
      const to = shuffled(set, next);
      [...set].forEach((ch, i) => this.map.set(ch, to[i] as string));
    }
  }

  letter(ch: string): string {
    const lower = ch.toLowerCase();
    const to = this.map.get(lower);
    if (to === undefined) return ch;
    return lower === ch ? to : to.toUpperCase();
  }

  /** The word's stem swapped, its inflectional tail kept. */
  word(w: string): string {
    const [stem, tail] = splitTail(w);
    // An Arabic article stays an article: "الشام" keeps "ال".
    const article = /^(?:ال)/u.test(stem) ? 'ال' : '';
    return article + [...stem.slice(article.length)].map((ch) => this.letter(ch)).join('') + tail;
  }
}

/** A word's stem and its inflectional tail (at most three tail letters; a stem of at least two). */
function splitTail(w: string): [string, string] {
  const a = alphabetOf(w);
  if (a === null || a === 'han' || a === 'kana' || /^\p{Lu}+$/u.test(w)) return [w, ''];
  const chars = [...w];
  let cut = chars.length;
  while (cut > chars.length - 3 && cut > 2 && a.tail.includes((chars[cut - 1] as string).toLowerCase())) cut--;
  if (a === LATIN && cut === chars.length && chars.length > 4 && chars[cut - 1] === 's') cut--;
  return [chars.slice(0, cut).join(''), chars.slice(cut).join('')];
}

const WORD = /[\p{L}\p{M}]+/gu;

const GIVEN = baseGivenNames();

/**
 * A word an unknown name of the same shape keeps: a designation noun ("Фонд", "Front"), a state ("Свобода России":
 * the same word elsewhere in the text is the designating state) or a given name the detector has a list of
 * ("Алексей", "Михаила", "Ilya"): an unseen person still has a common given name, an unseen fund is a "Фонд".
 */
function kept(w: string): boolean {
  const lower = w.toLowerCase().replaceAll('ё', 'е');
  if ([0, 1, 2].some((k) => ['', 'й', 'ь', 'я', 'а'].some((end) => GIVEN.has(lower.slice(0, lower.length - k) + end)) && lower.length - k >= 3)) return true;
  // The Latin-script given names of the phrase files ("Ilya"), the same way.
  if (lexicon().wordAt('given_names', w, 0, null, w.length) === w.length) return true;
  return lexicon().find(w).some((h) => ['nouns', 'states', 'other_states'].includes(h.list) && h.index === 0 && h.end === w.length);
}

/** The name words of an entity as written: its capitalised or all-capital words, else its longer words; nouns and given names kept. */
function nameWords(entity: string): string[] {
  const words = (entity.match(WORD) ?? []).filter((w) => !kept(w));
  const capital = words.filter((w) => /^\p{Lu}/u.test(w) || /^[\p{Script=Han}\p{Script=Katakana}]/u.test(w));
  if (capital.length > 0) return capital;
  if (words.some((w) => /\p{Script=Arabic}/u.test(w))) return words.filter((w) => [...w].length > 2);
  return words.filter((w) => [...w].length > 3);
}

export interface SwappedCase extends LabelCase {
  /** The original case. */
  original: LabelCase;
  /** Swapped word → original word, to map a label's entity back. */
  back: Map<string, string>;
}

export interface SwapResult {
  swapped: SwappedCase[];
  /** Positive cases read, and why some were not swapped. */
  positives: number;
  skipped: { script: number; collision: number; notices: number };
}

/** Every word (letter run) of every text of the two sets, lower-cased: a swapped word must be none of them. */
function corpusWords(cases: LabelCase[]): Set<string> {
  const words = new Set<string>();
  for (const c of cases) for (const w of c.text.toLowerCase().match(WORD) ?? []) words.add(w);
  return words;
}

/** The swap of one case, or why there is none. */
function swapCase(c: LabelCase, seed: number, known: Set<string>): SwappedCase | 'script' | 'collision' | 'notices' {
  const named = c.expected.filter((e) => e.entity !== '<self>');
  if (named.length === 0) return 'notices';
  // The entity's other names in the text ("ФБК" beside "Фонд борьбы с коррупцией", "Estado Islámico" beside "ISIS")
  // go too: a known alias left in the text would still name it.
  const canonicals = new Set(named.map((e) => e.canonical ?? canonicalEntity(e.entity, c.lang).canonical));
  const runs = [...c.text.matchAll(/(?=(\p{Lu}[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{M}'’-]*(?:[ \u00a0]\p{Lu}[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{M}'’-]*)?))/gu)].flatMap((m) => {
    const run = m[1] ?? '';
    return [run, run.split(/[ \u00a0]/u)[0] ?? ''];
  });
  const aliases = [...new Set(runs)].filter((r) => {
    const k = canonicalEntity(r, c.lang);
    return k.known && canonicals.has(k.canonical);
  });
  const words = [...named.map((e) => e.entity), ...aliases].flatMap((e) => nameWords(e));
  if (words.length === 0 || words.some((w) => alphabetOf(w) === null)) return 'script';
  const stems = new Set(words.map((w) => splitTail(w)[0].toLowerCase()));
  const isHanLike = (w: string): boolean => /[\p{Script=Han}\p{Script=Katakana}]/u.test(w);
  for (let draw = 0; draw < 8; draw++) {
    const cipher = new Cipher(hash(`${seed}:${c.id}:${draw}`));
    const back = new Map<string, string>();
    const swapWord = (w: string): string => {
      const to = cipher.word(w);
      back.set(to, w);
      return to;
    };
    let text: string;
    if (words.some(isHanLike)) {
      // No spaces between Han words: swap the names as substrings, longest first.
      text = c.text;
      for (const w of [...new Set(words)].sort((a, b) => b.length - a.length)) text = text.split(w).join(swapWord(w));
    } else {
      text = c.text.replace(WORD, (w) => (stems.has(splitTail(w)[0].toLowerCase()) && sameCase(w, words) ? swapWord(w) : w));
    }
    const fresh = [...back.keys()].every((w) => w !== back.get(w) && !known.has(w.toLowerCase()));
    const forth = new Map([...back].map(([to, from]) => [from, to]));
    const entities = named.map((e) => mapWords(e.entity, forth, isHanLike(e.entity)));
    const unknown = entities.every((e) => !canonicalEntity(e, c.lang).known);
    if (!fresh || !unknown) continue;
    const expected = c.expected.map((e) => (e.entity === '<self>' ? e : { ...e, entity: entities[named.indexOf(e)] as string, canonical: undefined }));
    return { ...c, text, expected, original: c, back };
  }
  return 'collision';
}

/** A word of the text is a variant of a name word when it shares its stem and is capitalised like one. */
function sameCase(w: string, words: string[]): boolean {
  const upper = /^\p{Lu}/u.test(w);
  return words.some((n) => /^\p{Lu}/u.test(n) === upper || !/\p{L}/u.test(n[0] ?? ''));
}

/** Each word of `s` that the map holds replaced; in Han or kana, each substring it holds (longest first: no spaces there). */
function mapWords(s: string, map: Map<string, string>, hanLike: boolean): string {
  if (!hanLike) return s.replace(WORD, (w) => map.get(w) ?? w);
  let out = s;
  for (const [from, to] of [...map].sort((a, b) => b[0].length - a[0].length)) out = out.split(from).join(to);
  return out;
}

/** The regression set and the tune part (never a held-out part), their positive cases name-swapped. */
export function nameSwapped(seed = SWAP_SEED): SwapResult {
  const all = [...regressionCases(), ...worldCases('tune')];
  const known = corpusWords(all);
  const result: SwapResult = { swapped: [], positives: 0, skipped: { script: 0, collision: 0, notices: 0 } };
  for (const c of all) {
    if (c.expected.length === 0) continue;
    result.positives++;
    const s = swapCase(c, seed, known);
    if (typeof s === 'string') result.skipped[s]++;
    else result.swapped.push(s);
  }
  return result;
}

/** The detector's labels on a swapped text, their entities mapped back to the original's words, for scoring against the original's expected labels. */
export function mappedBack(s: SwappedCase, detect: (text: string) => Label[]): Label[] {
  const hanLike = [...s.back.keys()].some((w) => /[\p{Script=Han}\p{Script=Katakana}]/u.test(w));
  const undo = (x: string): string => mapWords(x, s.back, hanLike);
  return detect(s.text).map((l) => {
    const entity = undo(l.entity);
    const fromCanonical = canonicalEntity(undo(l.canonical), s.lang);
    return { ...l, entity, canonical: fromCanonical.known ? fromCanonical.canonical : canonicalEntity(entity, s.lang).canonical };
  });
}

/**
 * The marker swap: footnotes marked "*" (every expected marker "*", no other asterisk run and no "✱" in the text)
 * with their marker printed as `to` instead, in the mention and the footnote alike.
 */
export function markerSwapped(cases: LabelCase[], to: string): LabelCase[] {
  return cases.filter((c) => c.expected.length > 0 && c.expected.every((e) => e.marker === '*') && !/\*\*|✱/u.test(c.text))
    .map((c) => ({ ...c, text: c.text.replaceAll('*', to), expected: c.expected.map((e) => ({ ...e, marker: to })) }));
}

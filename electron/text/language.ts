// An article's language, from its own text: a feed that declares <language>en can carry Cyrillic articles, and
// `lang:ru` must find them. The feed's or page's declaration is only a hint: used when the text is too short
// to tell or the detector is unsure, and to choose within a pair the detector confuses (ru/uk/be, sr/hr/bs,
// no/da, ms/id).
//
// Detector: eld (Nito-ELD, n-gram profiles of 60 languages, no dependencies). Measured on bench/fixtures/
// language-samples.json (84 headlines and lead sentences of news in 40 languages, written for this test), on
// Node 22 here: eld 79/84 right at ~6,400 texts/s; cld3-asm 81/84 at ~900/s (one WebAssembly call costs ~1 ms
// whatever the length); tinyld 72-73/84 at 700-1,600/s; franc / franc-all 68-69/84 at 110-370/s. eld's misses
// are languages it lacks (Kazakh, Indonesian) and Serbian in Latin script (read as Croatian); the letter rule
// below and the hint mend them: this module gets 81/84 undeclared and 84/84 with the declaration
// (npm run bench language). Ingest runs this on thousands of articles a second, which only eld keeps up
// with. Its "medium" profiles (its default; the large ones score the same here for 2.5× the memory) cost ~95 MiB
// of RSS and ~0.4 s to load (read as data by language-profiles.ts, which saves the ~130 MiB that importing them
// as eld's JavaScript module costs), so each thread loads them once, and only when a text first needs them: in the
// app the parse worker tells the language of a poll's new items (articles/prepare.ts), and the engine's thread,
// handed those, never loads them (BENCHMARKS.md, ingest8).
import { profileLoader, type EldInstance } from './language-profiles.ts';

/** The language of a text as an ISO 639-1 code, or null; `hint` is the declared language (any BCP 47 or
 * `en_US` form). Synchronous: detection runs at ingest for every article. */
export type DetectLanguage = (text: string | null | undefined, hint?: string | null) => string | null;

// Fewer letters than this (a short title) is too little to tell a language by: the hint decides.
const MIN_LETTERS = 20;
// The first characters are enough to tell a language; the rest would only cost time.
const SAMPLE_CHARS = 600;
// Pairs (and triples) the detector confuses; within one, a declared language the text fits wins.
const CLOSE = [['ru', 'uk', 'be', 'bg'], ['sr', 'hr', 'bs', 'sl', 'mk'], ['no', 'da', 'sv'], ['ms', 'id'], ['cs', 'sk'], ['es', 'ca', 'gl', 'pt']];
// A close language within this much of the detector's best score is a tie the hint may break (eld scores clear
// Ukrainian 0.08 above Russian, clear Russian 0.03 above Ukrainian, a four-word headline 0.01 apart).
const CLOSE_MARGIN = 0.025;

// Scripts of languages whose text is not in Latin letters; any other language is written in Latin (Serbian
// in both).
const SCRIPTS: Record<string, RegExp> = {
  Cyrillic: /^(?:ru|uk|be|bg|sr|mk|kk|ky|tg|mn|tt|ba|cv|ce|os|uz|ab)$/,
  Greek: /^el$/,
  Arabic: /^(?:ar|fa|ur|ps|ku|sd|ug)$/,
  Hebrew: /^(?:he|yi)$/,
  Han: /^(?:zh|ja)$/,
  Hiragana: /^ja$/,
  Katakana: /^ja$/,
  Hangul: /^ko$/,
  Devanagari: /^(?:hi|mr|ne|sa)$/,
  Georgian: /^ka$/,
  Armenian: /^hy$/,
  Thai: /^th$/,
};

// Scripts one language is written in (of those Footnote's readers meet).
const ONE_LANGUAGE_SCRIPTS: Record<string, string> = { Greek: 'el', Hangul: 'ko', Georgian: 'ka', Armenian: 'hy', Thai: 'th', Hiragana: 'ja', Katakana: 'ja' };

/**
 * Cyrillic languages eld has no profile for, told by letters only they use (hand-written: no detector that
 * keeps up with ingest knows them, and Russian state media write in them). Each rule gives how many of the
 * text's letters mark its language (0 when a letter rules it out); they must be a share of the text's letters,
 * so a Kazakh name quoted in a Russian article does not count. Ukrainian and Belarusian use і and ў too, but
 * none of the other letters.
 */
const CYRILLIC_MINORITIES: [string, (count: (letters: string) => number) => number][] = [
  ['tg', (c) => c('ӣӯҷ')],
  ['ba', (c) => c('ҡҙҫ')],
  ['tt', (c) => c('җ')],
  ['uz', (c) => (c('қғҳ') > 0 && c('әіұң') === 0 ? c('ўқғҳ') : 0)],
  ['kk', (c) => (c('ұ') > 0 || (c('і') > 0 && c('әқғ') > 0) ? c('әіңғқөұүһ') : 0)],
  ['ky', (c) => (c('әіұқғһҗўҡҙҫ') === 0 ? c('ңөү') : 0)],
  ['mn', (c) => (c('ңәіұқғһҗўҡҙҫ') === 0 ? c('өү') : 0)],
];
const MINORITY_LETTERS = new Set('ӣӯҷҡҙҫҗқғҳўәіұңөүһ');
const LETTER_SHARE = 0.02;

/** 'en_US' → 'en', 'ru-RU' → 'ru', 'iw' → 'he', 'rus' → 'ru', 'nb-NO' → 'no'; null for what is not a language. */
export function normaliseLanguage(tag: string | null | undefined): string | null {
  const raw = tag?.trim().replace(/_/g, '-');
  if (!raw) return null;
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(raw)[0]; // also maps legacy and three-letter codes: iw → he, rus → ru
  } catch {
    return null;
  }
  const language = canonical?.split('-')[0]?.toLowerCase() ?? '';
  if (language === 'nb' || language === 'nn') return 'no'; // one Norwegian, as the detector sees it
  return /^[a-z]{2}$/.test(language) ? language : null;
}

function scriptOf(language: string): string {
  for (const [script, languages] of Object.entries(SCRIPTS)) if (languages.test(language)) return script;
  return 'Latin';
}

// Kana before Han, so a Japanese text counts its kana even when Han letters are the most.
const SCRIPT_NAMES = ['Latin', 'Cyrillic', 'Hiragana', 'Katakana', ...Object.keys(SCRIPTS).filter((s) => !['Cyrillic', 'Hiragana', 'Katakana'].includes(s))];
const SCRIPT_LETTERS = SCRIPT_NAMES.map((name) => new RegExp(`^\\p{Script=${name}}$`, 'u'));
const LETTER = /^\p{L}$/u;
// One Chinese, Japanese or Korean character says about as much as a short word: it counts as three letters.
const WIDE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;

/** What one character counts for: its weight as letters (1 for a letter, 2 more when wide) and its script's
 * index in SCRIPT_NAMES (-1 for none of them). */
interface CharClass {
  weight: number;
  script: number;
}
// Ingest tells thousands of texts a second: each character is classified by the Unicode regular expressions
// once per process, then looked up (a text has a few dozen distinct characters; the memo stays small).
const charClasses = new Map<number, CharClass>();
const NOT_A_LETTER: CharClass = { weight: 0, script: -1 };
const LATIN_LETTER: CharClass = { weight: 1, script: 0 };

function classify(code: number): CharClass {
  // ASCII, most of what is read, without a look-up.
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? LATIN_LETTER : NOT_A_LETTER;
  let known = charClasses.get(code);
  if (known === undefined) {
    const ch = String.fromCodePoint(code);
    known = { weight: (LETTER.test(ch) ? 1 : 0) + (WIDE.test(ch) ? 2 : 0), script: SCRIPT_LETTERS.findIndex((p) => p.test(ch)) };
    charClasses.set(code, known);
  }
  return known;
}

/** The script most of the text's letters are written in, and how many letters it has (CJK weighted). */
function dominantScript(text: string): { script: string; letters: number } {
  const counts = new Array<number>(SCRIPT_NAMES.length).fill(0);
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) as number;
    if (code > 0xffff) i++; // the low half of a surrogate pair
    const c = classify(code);
    letters += c.weight;
    if (c.script >= 0) counts[c.script] = (counts[c.script] as number) + 1;
  }
  // The first script with the most letters, in SCRIPT_NAMES order.
  let best = 'Other';
  let most = 0;
  counts.forEach((n, i) => {
    if (n > most) {
      best = SCRIPT_NAMES[i] as string;
      most = n;
    }
  });
  // Japanese mixes kana and Han; any kana makes it Japanese rather than Chinese.
  if (best === 'Han' && (counts[2] as number) + (counts[3] as number) > 0) best = 'Hiragana';
  return { script: best, letters };
}

function fits(language: string, script: string): boolean {
  if (language === 'sr') return script === 'Cyrillic' || script === 'Latin';
  if (language === 'ja') return script === 'Han' || script === 'Hiragana' || script === 'Katakana';
  return scriptOf(language) === script;
}

function cyrillicMinority(text: string, letters: number): string | null {
  const counts = new Map<string, number>();
  for (const ch of text) if (MINORITY_LETTERS.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  if (counts.size === 0) return null;
  const count = (set: string): number => [...set].reduce((sum, ch) => sum + (counts.get(ch) ?? 0), 0);
  for (const [language, rule] of CYRILLIC_MINORITIES) {
    const hits = rule(count);
    if (hits >= 2 && hits >= letters * LETTER_SHARE) return language;
  }
  return null;
}

/** eld with its profiles, and the languages they cover. */
interface Profiles {
  eld: EldInstance;
  known: Set<string>;
}

/** The detection; `profiles` gives eld with its profiles, called only for a text the rules above cannot decide. */
function detectWith(profiles: () => Profiles): DetectLanguage {
  return (input, hintTag) => {
    const hint = normaliseLanguage(hintTag);
    const sample = (input ?? '').slice(0, SAMPLE_CHARS);
    // Links and addresses are no language; most texts have none, and the pattern costs a scan per word to find so.
    const text = sample.includes('@') || sample.includes('://') ? sample.replace(/https?:\/\/\S+|\S+@\S+/g, ' ') : sample;
    const { script, letters } = dominantScript(text);
    if (letters === 0) return hint;
    const fittingHint = hint !== null && fits(hint, script) ? hint : null;
    // Too short to tell ("Путин" scores Serbian): the declaration when the text's script fits it, else the
    // language a script alone names, else nothing.
    if (letters < MIN_LETTERS) return fittingHint ?? ONE_LANGUAGE_SCRIPTS[script] ?? null;
    if (script === 'Cyrillic') {
      const minority = cyrillicMinority(text.toLowerCase(), letters);
      if (minority) return minority;
    }
    const { eld, known } = profiles();
    const result = eld.detect(text);
    const best = result.language;
    if (!best) return fittingHint;
    if (fittingHint === null || fittingHint === best) return best;
    if (!result.isReliable()) return fittingHint;
    // Within a pair the detector confuses, a declared language close enough to its pick (or one it has no
    // profile for, like Indonesian beside Malay) wins.
    if (CLOSE.find((g) => g.includes(best))?.includes(fittingHint)) {
      const scores = result.getScores();
      // eld's Serbian profile is Cyrillic: for Latin-script Serbian it has none.
      const profiled = known.has(fittingHint) && !(fittingHint === 'sr' && script === 'Latin');
      if (!profiled || (scores[best] ?? 0) - (scores[fittingHint] ?? 0) <= CLOSE_MARGIN) return fittingHint;
    }
    return best;
  };
}

let loader: Promise<() => EldInstance> | undefined;
let loaded: Profiles | undefined;

/**
 * The detector. With `when-needed` (the engine's ingest) the profiles load, synchronously, on the first text that
 * needs them, once per thread; with `now` they are loaded before it resolves (a batch of texts that all need
 * them, a benchmark that must not time the load).
 */
export async function languageDetector(load: 'now' | 'when-needed' = 'when-needed'): Promise<DetectLanguage> {
  const loadEld = await (loader ??= profileLoader());
  const profiles = (): Profiles => {
    if (!loaded) {
      const eld = loadEld();
      loaded = { eld, known: new Set(Object.values(eld.info().Languages)) };
    }
    return loaded;
  };
  if (load === 'now') profiles();
  return detectWith(profiles);
}

/** Whether this thread has loaded the profiles (a test checks that the engine, fed by the worker, does not). */
export function languageProfilesLoaded(): boolean {
  return loaded !== undefined;
}

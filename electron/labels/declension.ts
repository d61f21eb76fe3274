// Russian, Ukrainian and Belarusian case forms back to the nominative: "Алексеем Навальным" → "Алексей
// Навальный", "Юлией Навальной" → "Юлия Навальная", "Фонда борьбы с коррупцией" → "Фонд борьбы с коррупцией".
//
// Hand-written on purpose. The libraries that fit were measured (npm, 2026-12): `az` (OpenCorpora dictionaries,
// 12 MB, 300 ms asynchronous start, ~50,000 words/s, Russian only) lemmatises "Навальной" to the masculine
// "навальный" and "Дудем" to a verb; `petrovich` and `russian-nouns-js` only decline forward, from a nominative
// the caller already has. A suffix table inverts all three languages in microseconds, keeps feminine surnames
// feminine, and is checked against the alias table for known names, so over-generation costs nothing there.
// The suffix tables are morphology, not lexicon: they stay in code, not in the phrase files (issue 10's word lists).
//
// Two uses: `nominativeForms` lists every nominative a phrase may come from (the caller keeps the one the alias
// table knows); `nominativeName` picks the single most likely nominative of a person's name that the table does
// not know, scoring each reading by the endings it explains and the given names it recognises.

export type Slavic = 'ru' | 'uk' | 'be';
type WordClass = 'noun' | 'adj' | 'sur';

interface Rule {
  from: string;
  to: string;
  cases: string;
  genders: string;
  cls: WordClass;
  cond: RegExp | null;
  lang: Slavic;
}

interface Reading {
  nom: string;
  cases: string;
  genders: string;
  cls: WordClass;
  score: number;
}

// Conditions on the stem left once the ending is off.
const COND: Record<string, RegExp> = {
  H: /[бвгґджзклмнпрстфхцчшщ]$/u, // hard consonant: Фонд-а, Талибан-ом
  C: /[бвгґджзклмнпрстфхцчшщ]$/u, // consonant before a lost ь: Дуд-ем → Дудь
  V: /[аеёиоуыэюяіїє]$/u, // vowel before a lost й: Алексе-ем → Алексей
  S: /[жшчщц]$/u, // sibilant: Макаревич-ем
  K: /[кгхжшчщ]$/u, // velar or sibilant adjective stem: Русск-ого → Русский
  N: /[бвдзлмнпрстфц]$/u, // any other adjective stem: Навальн-ого → Навальный
  O: /(?:ов|ев|ёв|ин|ын)$/u, // possessive surname: Муратов-ым
  U: /(?:ов|ев|єв|ін|ин|їн)$/u, // the same in Ukrainian
};

// from>to:cases:genders:class[:condition]; cases n g d a i p v(ocative), genders m f n p(lural).
const RULES: Record<Slavic, string> = {
  ru: `
овны>овна:g:f:noun овне>овна:dp:f:noun овну>овна:a:f:noun овной>овна:i:f:noun евны>евна:g:f:noun евне>евна:dp:f:noun евну>евна:a:f:noun евной>евна:i:f:noun
ичны>ична:g:f:noun ичне>ична:dp:f:noun ичну>ична:a:f:noun ичной>ична:i:f:noun енка>енко:ga:m:noun енку>енко:d:m:noun енком>енко:i:m:noun енке>енко:p:m:noun
а>:ga:m:noun:H у>:d:m:noun:H ом>:i:m:noun:H ем>:i:m:noun:S е>:p:m:noun:H
я>ь:ga:m:noun:C ю>ь:d:m:noun:C ем>ь:i:m:noun:C ём>ь:i:m:noun:C е>ь:p:m:noun:C
я>й:ga:m:noun:V ю>й:d:m:noun:V ем>й:i:m:noun:V е>й:p:m:noun:V
ия>ий:ga:m:noun ию>ий:d:m:noun ием>ий:i:m:noun ии>ий:p:m:noun
а>:ga:m:sur:O у>:d:m:sur:O ым>:i:m:sur:O е>:p:m:sur:O ой>а:gdip:f:sur:O у>а:a:f:sur:O
ого>ый:ga:m:adj:N ого>ий:ga:m:adj:K ого>ой:ga:m:adj его>ий:ga:m:adj
ому>ый:d:m:adj:N ому>ий:d:m:adj:K ому>ой:d:m:adj ему>ий:d:m:adj
ым>ый:i:m:adj им>ий:i:m:adj:K ым>ой:i:m:adj им>ой:i:m:adj:K им>ий:i:m:adj
ом>ый:p:m:adj:N ом>ий:p:m:adj:K ом>ой:p:m:adj ем>ий:p:m:adj
ой>ая:gdip:f:adj ою>ая:i:f:adj ую>ая:a:f:adj ей>яя:gdip:f:adj юю>яя:a:f:adj
ого>ое:g:n:adj ому>ое:d:n:adj ым>ое:i:n:adj им>ое:i:n:adj:K ом>ое:p:n:adj его>ее:g:n:adj ему>ее:d:n:adj им>ее:i:n:adj ем>ее:p:n:adj
ых>ые:gap:p:adj их>ие:gap:p:adj ым>ые:d:p:adj им>ие:d:p:adj ыми>ые:i:p:adj ими>ие:i:p:adj
ы>а:g:mf:noun и>а:g:mf:noun:K е>а:dp:mf:noun у>а:a:mf:noun ой>а:i:mf:noun ою>а:i:mf:noun ей>а:i:mf:noun:S
и>я:g:mf:noun е>я:dp:mf:noun ю>я:a:mf:noun ей>я:i:mf:noun ёй>я:i:mf:noun
ии>ия:gdp:f:noun ию>ия:a:f:noun ией>ия:i:f:noun
и>ь:gdp:f:noun:C ью>ь:i:f:noun:C
а>о:g:n:noun у>о:d:n:noun ом>о:i:n:noun е>о:p:n:noun
ия>ие:g:n:noun ию>ие:d:n:noun ием>ие:i:n:noun ии>ие:p:n:noun я>е:g:n:noun ю>е:d:n:noun ем>е:i:n:noun
ов>ы:ga:p:noun ев>и:ga:p:noun ей>и:ga:p:noun ьев>ья:ga:p:noun ан>ане:ga:p:noun ян>яне:ga:p:noun
ам>ы:d:p:noun ам>и:d:p:noun:K ям>и:d:p:noun ьям>ья:d:p:noun ам>е:d:p:noun
ами>ы:i:p:noun ами>и:i:p:noun:K ями>и:i:p:noun ьями>ья:i:p:noun ами>е:i:p:noun
ах>ы:p:p:noun ах>и:p:p:noun:K ях>и:p:p:noun ьях>ья:p:p:noun ах>е:p:p:noun`,
  uk: `
івни>івна:g:f:noun івні>івна:dp:f:noun івну>івна:a:f:noun івною>івна:i:f:noun
енка>енко:ga:m:noun енку>енко:dp:m:noun енкові>енко:dp:m:noun енком>енко:i:m:noun
а>:ga:m:noun:H у>:gdpv:m:noun:H ові>:dp:m:noun:H ом>:i:m:noun:H і>:p:m:noun:H е>:v:m:noun:H ем>:i:m:noun:S
ія>ій:ga:m:noun ію>ій:dpv:m:noun ієві>ій:dp:m:noun ієм>ій:i:m:noun
а>о:ga:m:noun у>о:d:m:noun ові>о:dp:m:noun ом>о:i:m:noun і>о:p:m:noun е>о:v:m:noun
я>ь:ga:m:noun:C ю>ь:dv:m:noun:C еві>ь:dp:m:noun:C ем>ь:i:m:noun:C і>ь:p:m:noun:C
а>:ga:m:sur:U у>:d:m:sur:U ові>:dp:m:sur:U им>:i:m:sur:U і>:p:m:sur:U
ої>а:g:f:sur:U ій>а:dp:f:sur:U у>а:a:f:sur:U ою>а:i:f:sur:U
ого>ий:ga:m:adj ому>ий:dp:m:adj им>ий:i:m:adj ім>ий:p:m:adj
ої>а:g:f:adj ій>а:dp:f:adj у>а:a:f:adj ою>а:i:f:adj
ого>е:g:n:adj ому>е:dp:n:adj им>е:i:n:adj ім>е:p:n:adj
их>і:gap:p:adj им>і:d:p:adj ими>і:i:p:adj
и>а:g:mf:noun і>а:dp:mf:noun у>а:a:mf:noun ою>а:i:mf:noun о>а:v:mf:noun
ії>ія:gdp:f:noun ію>ія:a:f:noun ією>ія:i:f:noun іє>ія:v:f:noun
і>я:gdp:f:noun ю>я:a:f:noun ею>я:i:f:noun є>я:v:f:noun
і>:gdp:f:noun:C 'ю>:i:f:noun
а>о:g:n:noun у>о:d:n:noun ом>о:i:n:noun і>о:p:n:noun
ів>и:ga:p:noun ів>і:ga:p:noun ам>и:d:p:noun ами>и:i:p:noun ах>и:p:p:noun ям>і:d:p:noun ями>і:i:p:noun ях>і:p:p:noun`,
  be: `
а>:ga:m:noun:H у>:dp:m:noun:H ам>:i:m:noun:H е>:p:m:noun:H
я>й:ga:m:noun:V ю>й:d:m:noun:V ем>й:i:m:noun:V і>й:p:m:noun:V
ага>ы:ga:m:adj аму>ы:d:m:adj ым>ы:ip:m:adj яга>і:ga:m:adj яму>і:d:m:adj ім>і:ip:m:adj
ай>ая:gdip:f:adj ую>ая:a:f:adj аю>ая:i:f:adj
ава>аў:ga:m:sur аву>аў:d:m:sur авым>аў:i:m:sur аве>аў:p:m:sur ова>оў:ga:m:sur ову>оў:d:m:sur овым>оў:i:m:sur ове>оў:p:m:sur
іна>ін:ga:m:sur іну>ін:d:m:sur іным>ін:i:m:sur іне>ін:p:m:sur
ы>а:g:mf:noun і>а:g:mf:noun:K е>а:dp:mf:noun у>а:a:mf:noun ай>а:i:mf:noun ой>а:i:mf:noun ою>а:i:mf:noun аю>а:i:mf:noun
іі>ія:gdp:f:noun ію>ія:a:f:noun іяй>ія:i:f:noun іяю>ія:i:f:noun
аў>ы:ga:p:noun ам>ы:d:p:noun амі>ы:i:p:noun ах>ы:p:p:noun`,
};

const byEnding = new Map<string, Rule[]>();
let longest = 0;
for (const lang of ['ru', 'uk', 'be'] as const) {
  for (const spec of RULES[lang].trim().split(/\s+/u)) {
    const [fromTo = '', cases = '', genders = '', cls = 'noun', cond = ''] = spec.split(':');
    const [from = '', to = ''] = fromTo.split('>');
    const condition = cond ? COND[cond] : undefined;
    if (!from || (cond && !condition)) throw new Error(`declension rule "${spec}" is malformed: fix it in declension.ts`);
    const rule: Rule = { from, to, cases, genders, cls: cls as WordClass, cond: condition ?? null, lang };
    const list = byEnding.get(from) ?? [];
    list.push(rule);
    byEnding.set(from, list);
    longest = Math.max(longest, from.length);
  }
}

const VOWEL = /[аеёиоуыэюяіїє]/u;

/** Every oblique reading of one lower-case word, in rule order (preferred reading first). */
/** Given names whose vowel drops in the oblique cases (Лев → Льва, Павел → Павла), by oblique stem. */
const FLEETING = new Map([['льв', 'лев'], ['павл', 'павел']]);

function readings(word: string, langs: readonly Slavic[] | null): Reading[] {
  const out: Reading[] = [];
  for (let n = Math.min(longest, word.length - 2); n >= 1; n--) {
    const rules = byEnding.get(word.slice(-n));
    if (!rules) continue;
    const stem = word.slice(0, -n);
    const fleeting = FLEETING.get(stem);
    if (!VOWEL.test(stem) && !fleeting) continue;
    for (const r of rules) {
      if (langs && !langs.includes(r.lang)) continue;
      if (r.cond && !r.cond.test(stem)) continue;
      const nom = fleeting && r.to === '' && r.cls === 'noun' ? fleeting : stem + r.to;
      out.push({ nom, cases: r.cases, genders: r.genders, cls: r.cls, score: n });
    }
  }
  return out;
}

const CYRILLIC_WORD = /^[\p{Script=Cyrillic}'-]+$/u;

/** Readings are memoised by language and word: names repeat across articles. */
const READINGS = new Map<string, Reading[]>();
function memoReadings(word: string, lang: Slavic | null): Reading[] {
  const key = `${lang ?? '*'}:${word}`;
  let r = READINGS.get(key);
  if (!r) {
    if (READINGS.size > 20_000) READINGS.clear();
    r = readings(word, lang ? [lang] : null);
    READINGS.set(key, r);
  }
  return r;
}

/**
 * The first nominative a lookup key in Cyrillic (lower case, hyphens already spaces) may come from that `known`
 * accepts, or null. Within one reading (a case and a gender) every word may be inflected or left as it is, so a
 * head noun with its genitive complement ("фонда борьбы с коррупцией"), agreeing adjectives ("русского
 * добровольческого корпуса"), a name with an indeclinable part ("екатерине шульман") and the halves of a
 * hyphenated name ("кара мурзы") are all found. `isWord` says whether a word occurs in some alias; at most
 * `limit` forms are tried.
 */
export function findNominative(key: string, known: (form: string) => boolean, isWord: (word: string) => boolean, limit = 64): string | null {
  const words = key.split(' ');
  if (words.length > 6 || !words.every((w) => CYRILLIC_WORD.test(w))) return null;
  // Only the first four words inflect with the head; later ones are complements.
  const head = words.slice(0, 4);
  const tail = words.length > 4 ? ` ${words.slice(4).join(' ')}` : '';
  const perWord = head.map((w) => memoReadings(w, null));
  // The first word that inflects sets the readings worth trying: the others agree with it or stay as they are.
  const lead = perWord.find((rs) => rs.length > 0) ?? [];
  const tags = new Set<string>();
  for (const r of lead) for (const c of r.cases) for (const g of r.genders) tags.add(c + g);
  let tried = 0;
  const chosen: string[] = [];
  // Depth-first over the words' options, building no list of combinations: the first known form wins.
  const search = (options: readonly string[][], k: number): string | null => {
    if (k === options.length) {
      tried++;
      const form = chosen.join(' ') + tail;
      return form !== key && known(form) ? form : null;
    }
    for (const o of options[k] ?? []) {
      chosen[k] = o;
      const hit = search(options, k + 1);
      if (hit !== null || tried >= limit) return hit;
    }
    return null;
  };
  for (const tag of tags) {
    const [c = '', g = ''] = tag;
    // Only words that occur in some alias can make a known form: the rest are dropped before combining,
    // so a name the table does not know costs a few set look-ups, not a search.
    const options = perWord.map((rs, k) => {
      const o: string[] = [];
      for (const r of rs) if (r.cases.includes(c) && r.genders.includes(g) && !o.includes(r.nom) && isWord(r.nom)) o.push(r.nom);
      const w = head[k] ?? '';
      if (isWord(w)) o.push(w);
      return o;
    });
    if (options.some((o) => o.length === 0)) continue;
    const hit = search(options, 0);
    if (hit !== null || tried >= limit) return hit;
  }
  return null;
}

/** Given names and their gender, lower case, ё written е. */
export type GivenNames = ReadonlyMap<string, 'm' | 'f'>;

const BASE_GIVEN: Record<'m' | 'f', string> = {
  m: `александр алексей анатолий андрей антон аркадий арсений артем артемий артур борис вадим валентин валерий василий вениамин виктор виталий
владимир владислав всеволод вячеслав гарри геннадий георгий герман глеб григорий давид даниил данила денис дмитрий евгений егор ефим захар
иван игорь илья ильдар кирилл константин лев леонид марат марк матвей мирон михаил наум никита николай олег павел петр ринат роман руслан
рустам савва святослав семен сергей станислав степан тимофей тимур тихон федор филипп эдуард эльдар юрий яков ян ярослав айдер анзор демьян
олександр олексій андрій артем богдан валерій василь віктор віталій володимир гліб григорій данило дмитро євген ігор ілля кирило костянтин
леонід матвій микола михайло назар остап павло петро сергій станіслав тарас тимофій федір юрій аляксандр аляксей андрэй барыс віктар
уладзімір дзмітрый яўген ігар кірыл максім міхаіл мікалай раман сяргей юрый максим`,
  f: `александра алена алина алла анастасия ангелина анна антонина ася валентина валерия вера вероника виктория галина дарья диана евгения
екатерина елена елизавета жанна зинаида земфира инна ирина карина катерина кира кристина ксения лариса лидия лиза лилия любовь людмила
майя маргарита марина мария маша надежда наталья наталия нина оксана ольга полина регина саша светлана софия софья таисия тамара татьяна
ульяна эльвира юлия яна олександра ганна анастасія вікторія дарина євгенія олена єлизавета ірина ксенія людмила любов марія надія наталія
ніна поліна світлана софія тетяна уляна юлія ліза аляксандра вольга кацярына ірына марыя наталля святлана тацяна вераніка марына людміла`,
};

export function baseGivenNames(): Map<string, 'm' | 'f'> {
  const m = new Map<string, 'm' | 'f'>();
  for (const g of ['m', 'f'] as const) for (const n of BASE_GIVEN[g].split(/\s+/u)) if (n) m.set(n, g);
  return m;
}

/** True when `word` (lower case, ё written е) is a name of `given` in any case form: its readings' nominatives. */
export function isGivenNameForm(word: string, given: GivenNames): boolean {
  return given.has(word) || memoReadings(word, null).some((r) => given.has(r.nom.replace(/ё/gu, 'е')));
}

/** Which East Slavic language a name is in, from the language tag or its letters. */
export function slavicOf(text: string, lang: string | null | undefined): Slavic {
  const l = (lang ?? '').toLowerCase().slice(0, 2);
  if (l === 'ru' || l === 'uk' || l === 'be') return l;
  if (/[їєґ]/iu.test(text)) return 'uk';
  if (/ў/iu.test(text) || (/і/iu.test(text) && /[ыэ]/iu.test(text))) return 'be';
  if (/і/iu.test(text)) return 'uk';
  return 'ru';
}

const INDECLINABLE = /(?:[оеиуюэ]|ых|их|ко)$/u;
const NOMINATIVE_LOOK: Record<'m' | 'f', RegExp> = {
  m: /(?:[бвгджзклмнпрстфхцчшщ]|[ийоы]й|ь|[еоё]й|[ая]й|ій)$/u,
  f: /(?:[ая]|ая|яя|ь|на|ва)$/u,
};

interface Part {
  text: string; // as printed
  lower: string;
}

/**
 * The nominative of a Russian, Ukrainian or Belarusian person's name in an oblique case ("Алексеем Навальным"
 * → "Алексей Навальный", "Юлией Навальной" → "Юлия Навальная", "Навального" → "Навальный"), or null when the
 * text does not read as an inflected personal name (then it is left as printed). Leading roles must already be
 * off ("журналистом" is the detector's or `bareName`'s job).
 */
export function nominativeName(name: string, lang: string | null | undefined, given: GivenNames): string | null {
  const tokens = name.split(' ');
  if (tokens.length === 0 || tokens.length > 4) return null;
  if (!tokens.every((t) => CYRILLIC_WORD.test(t) && /^\p{Lu}/u.test(t) && !/^\p{Lu}{2,}$/u.test(t.replace(/[-']/gu, '')))) return null;
  const slavic = slavicOf(name, lang);
  const parts: Part[][] = tokens.map((t) => t.split('-').map((p) => ({ text: p, lower: p.toLowerCase() })));
  const flat = parts.flat();
  // Each word's best reading per case and gender, worked out once.
  const words = flat.map((p) => wordPicks(p.lower, slavic, given));
  let best: { score: number; out: string[]; inflected: number; sure: boolean } | null = null;
  for (const g of ['m', 'f'] as const) {
    for (const c of 'ngdaipv') {
      let score = 0;
      let inflected = 0;
      let sure = false;
      const out: string[] = [];
      let ok = true;
      for (const w of words) {
        let pick: Pick | undefined;
        if (c === 'n') pick = w.nominative[g];
        else {
          pick = w.oblique.get(c + g);
          if (pick) inflected++;
          else if (w.indeclinable || (g === 'f' && w.consonantEnd)) pick = { nom: w.word, score: 0, cls: 'noun', given: false };
        }
        if (!pick) {
          ok = false;
          break;
        }
        score += pick.score;
        // A lone word must read as a surname; in several, an adjective-like word is not enough ("Исламского
        // Государства Ирака" is no person): a known given name or an -ов/-ин surname must be among them.
        if (pick.given || pick.cls === 'sur' || (flat.length === 1 && pick.cls === 'adj')) sure = true;
        out.push(pick.nom);
      }
      if (!ok) continue;
      // A reading backed by a surname ending or a known given name beats one that is not.
      if (!best || (sure && !best.sure) || (sure === best.sure && score > best.score)) best = { score, out, inflected, sure };
    }
  }
  if (!best || best.inflected === 0 || !best.sure) return null;
  let k = 0;
  const rebuilt = parts.map((ps) => ps.map((p) => restoreCase(best.out[k++] ?? p.lower, p.text)).join('-'));
  return rebuilt.join(' ');
}

interface Pick {
  nom: string;
  score: number;
  cls: WordClass;
  /** The nominative is a given name of the reading's gender. */
  given: boolean;
}

interface WordPicks {
  word: string;
  oblique: Map<string, Pick>;
  nominative: Record<'m' | 'f', Pick>;
  givenGender: 'm' | 'f' | undefined;
  indeclinable: boolean;
  consonantEnd: boolean;
}

/** The best reading of one word for every oblique case and gender, scored by ending length, class and given names. */
function wordPicks(word: string, lang: Slavic, given: GivenNames): WordPicks {
  const oblique = new Map<string, Pick>();
  for (const r of memoReadings(word, lang)) {
    const known = given.get(r.nom.replace(/ё/gu, 'е'));
    for (const g of r.genders) {
      if (g !== 'm' && g !== 'f') continue;
      const score = r.score + (r.cls === 'sur' ? 1 : 0) + (known === undefined ? 0 : known === g ? 3 : -3);
      for (const c of r.cases) {
        const cur = oblique.get(c + g);
        if (!cur || score > cur.score) oblique.set(c + g, { nom: r.nom, score, cls: r.cls, given: known === g });
      }
    }
  }
  const givenGender = given.get(word.replace(/ё/gu, 'е'));
  const nominative = (g: 'm' | 'f'): Pick => ({
    nom: word,
    score: (NOMINATIVE_LOOK[g].test(word) ? 1 : 0) + (givenGender === undefined ? 0 : givenGender === g ? 3 : -3),
    cls: 'noun',
    given: givenGender === g,
  });
  return {
    word,
    oblique,
    nominative: { m: nominative('m'), f: nominative('f') },
    givenGender,
    indeclinable: INDECLINABLE.test(word),
    consonantEnd: /[бвгджзклмнпрстфхцчшщь]$/u.test(word),
  };
}


function restoreCase(lower: string, printed: string): string {
  if (/^\p{Lu}/u.test(printed)) return (lower[0] ?? '').toUpperCase() + lower.slice(1);
  return lower;
}

// How an entity name as printed becomes a lookup key: the text cleaned of markers, quotes and brackets, then
// folded (case, Unicode forms, Latin and Greek accents, Arabic letter variants, ё) so every spelling of one alias
// gives one key; plus the variants worth trying when the key itself is not known: without a leading article or
// the designation nouns around the name ("the terrorist group ISIS", "компания Meta", "تنظيم داعش الإرهابي",
// "极端组织伊斯兰国"), without a glued footnote digit or a Turkish/English apostrophe suffix, with Arabic clitics
// (و ف ب ل ك, ال) taken off, and a crude suffix-stripped "stem key" for inflected languages that the alias table
// is indexed by as well. Hand-written: what counts as a designation word or an article is the product's own
// knowledge of how state media print names, in every language they publish in.
import { shippedWords, type WordListName } from './lexicon.ts';

/** The words of a word list of the phrase files, every language, in lower case as keys compare them. */
function keyWords(list: WordListName): Set<string> {
  return new Set(shippedWords(list).map((p) => p.text.toLowerCase()));
}

/** Footnote markers printed before or after a name. */
const MARKER = /^[\s*✱※†‡§#¹²³⁴⁵⁶⁷⁸⁹⁰]+|(?:[\s*✱※†‡§#¹²³⁴⁵⁶⁷⁸⁹⁰]|\((?:\*+|\d{1,2})\)|\[(?:\*+|\d{1,2})\])+$/gu;
/** Quotes of every script; brackets become spaces ("База (Аль-Каида)" → "База Аль-Каида"). */
const QUOTES = /["«»„“”‟‹›「」『』《》〈〉⹂〝〞〟＂]/gu;
const BRACKETS = /[()[\]{}（）【】]/gu;
const APOSTROPHES = /[’ʼ‘`´ʹ′]/gu;
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff\u0640]/gu;
const ARABIC_MARKS = /[\u064b-\u065f\u0670\u06d6-\u06ed]/u;
const ARABIC_RE = /\p{Script=Arabic}/u;
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
// Cheap range checks first: these run on every word of every name.
const HAS_ARABIC = { test: (s: string): boolean => /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/u.test(s) && ARABIC_RE.test(s) };
const HAS_CJK = { test: (s: string): boolean => /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/u.test(s) && CJK_RE.test(s) };

const ARABIC_FOLD: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ے': 'ي', 'ة': 'ه', 'ۀ': 'ه', 'ہ': 'ه', 'ک': 'ك', 'ؤ': 'و', 'ئ': 'ي',
};

/** Most names are plain words: nothing to clean. */
const PLAIN = /^[\p{L}\p{N}]+(?:[ '-][\p{L}\p{N}]+)*$/u;
// ASCII needs no Unicode normalisation.
const ASCII = /^[\x00-\x7f]*$/u;

/** Characters Unicode compatibility normalisation changes: fullwidth forms, ligatures, presentation forms, combining marks. */
const NEEDS_NFKC = /[\u0300-\u036f\u00a0-\u00bf\u2000-\u2bff\u3000-\u303f\ufb00-\ufdff\ufe30-\ufeff\uff00-\uffef]/u;

/** The name as printed, without markers, quotes, brackets and doubled spaces; case and letters kept. */
export function cleanName(name: string): string {
  if (PLAIN.test(name) && !NEEDS_NFKC.test(name)) return name;
  return (ASCII.test(name) || !NEEDS_NFKC.test(name) ? name : name.normalize('NFKC'))
    .replace(INVISIBLE, '')
    .replace(APOSTROPHES, "'")
    .replace(MARKER, '')
    .replace(QUOTES, ' ')
    .replace(BRACKETS, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[.,;:!?'-]+|[.,;:!?'-]+$/gu, '')
    .trim();
}

const LATIN_GREEK_RANGES: readonly [number, number][] = [[0x00c0, 0x024f], [0x0370, 0x03ff], [0x1e00, 0x1fff]];
const isLatinOrGreek = (code: number): boolean => code < 0x80 || LATIN_GREEK_RANGES.some(([a, b]) => code >= a && code <= b);

/** What one lower-case character becomes in a key, memoised: most names reuse a few dozen characters. */
const FOLDED = new Map<string, string>();
function foldChar(ch: string): string {
  let f = FOLDED.get(ch);
  if (f !== undefined) return f;
  const code = ch.codePointAt(0) ?? 0;
  if (ch === 'ё') f = 'е';
  else if (ch === 'ς') f = 'σ';
  else if (ARABIC_FOLD[ch] !== undefined) f = ARABIC_FOLD[ch] ?? ch;
  else if (ARABIC_MARKS.test(ch)) f = '';
  else if (/[\s\u2010-\u2015\u2212\u00ab\u00bb]/u.test(ch) || /\p{P}/u.test(ch) && !/['·・•‧⋅･]/u.test(ch)) f = ' ';
  else if (/[·・•‧⋅･]/u.test(ch)) f = '·';
  // Latin and Greek letters lose their accents (Talibán = Taliban, IŞİD = ISID); Cyrillic й, ё… keep them.
  else if (isLatinOrGreek(code)) f = ch.normalize('NFD').replace(/\p{M}/gu, '');
  else f = ch;
  FOLDED.set(ch, f);
  return f;
}

const ASCII_KEY = /^[a-z0-9' -]*$/u;
const CYRILLIC_KEY = /^[\u0400-\u04ff' -]*$/u;

/** The lookup key of a cleaned name: one key for every spelling of one alias. */
export function keyOf(cleaned: string): string {
  const lower = cleaned.toLowerCase();
  // Fast paths for the common scripts: only hyphens, doubled spaces and ё to fold.
  if (ASCII_KEY.test(lower) || CYRILLIC_KEY.test(lower)) {
    let k = lower.replace(/ё/gu, 'е').replace(/[ -]+/gu, ' ').trim();
    if (k.includes("'")) k = k.replace(/(^|\s)'+|'+(?=\s|$)/gu, '$1');
    return k;
  }
  let out = '';
  let prevLatin = true;
  for (const ch of lower) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out += (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || ch === "'" ? ch : ' ';
      prevLatin = true;
    } else if (code >= 0x300 && code <= 0x36f) {
      // A combining accent: dropped after a Latin or Greek letter ("i̇" of a lower-cased İ), kept after others.
      if (!prevLatin) out += ch;
    } else {
      out += foldChar(ch);
      prevLatin = isLatinOrGreek(code);
    }
  }
  if (out.includes("'")) out = out.replace(/(^|\s)'+|'+(?=\s|$)/gu, '$1');
  return out.replace(/ {2,}/gu, ' ').trim();
}

/** Latin and Greek letters without their accents, for acronyms. */
function stripAccents(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    out += code < 0x80 || !isLatinOrGreek(code) ? ch : ch.normalize('NFD').replace(/\p{M}/gu, '');
  }
  return out;
}

/**
 * A short all-capital alias ("ИГ", "IS", "EI", "X", "ФБК", "ISIS"), or null: matched case-sensitively so the
 * English word "is" or the Russian "иг" never become the Islamic State.
 */
export function acronymOf(cleaned: string): string | null {
  let letters = '';
  for (const ch of cleaned) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower !== upper) {
      // A cased letter: lower case means this is no acronym.
      if (ch === lower && ch !== upper) return null;
      letters += ch;
    } else if (ch >= '0' && ch <= '9') letters += ch;
    else if (/\p{L}/u.test(ch)) return null; // uncased scripts (Arabic, CJK) have no acronyms
    if (letters.length > 4) return null;
  }
  return letters.length > 0 && /\p{Lu}/u.test(letters) ? stripAccents(letters) : null;
}

// Articles and designation words, in every language state media publish in. Stripped from either end of a
// name only when the whole name is not an alias, so "Right Sector" or "Freedom of Russia Legion" are never cut.
const ARTICLES = 'the a an el la los las le les l il lo gli i o os as der die das den dem des de het een un una uno une az';
const DESIGNATIONS = [
  // en
  'terrorist terror extremist radical islamist jihadist militant banned outlawed proscribed designated so-called self-proclaimed international ukrainian nationalist neo-nazi neonazi paramilitary armed group groups organisation organization organisations organizations movement network company corporation platform giant tech social media outlet website regiment battalion brigade unit militia faction party foundation ngo non-profit nonprofit channel broadcaster station project association community cell formation structure foreign agent agents journalist writer singer rapper musician politician opposition activist blogger founder',
  // ru
  'террористический экстремистский радикальный исламистский джихадистский запрещенный нежелательный международный украинский националистический неонацистский вооруженный военизированный организация группировка группа движение компания корпорация соцсеть социальный сеть платформа структура формирование батальон полк нацбат бригада подразделение объединение сообщество партия фонд издание интернет сми телеканал канал радиостанция проект медиапроект сайт ресурс нко ячейка так называемый самопровозглашенный иноагент иностранный агент экстремист террорист журналист журналистка певица певец рэпер писатель писательница политик оппозиционер оппозиционерка блогер музыкант актер актриса комик юморист телеведущий телеведущая ведущий ведущая главред редактор основатель основательница соратник соратница вдова экономист политолог правозащитник правозащитница активист активистка историк социолог режиссер шоумен экс депутат бывший лидер глава руководитель расследователь публицист шахматист бизнесмен предприниматель олигарх поэт поэтесса сатирик художник артист артистка',
  // uk, be
  'терористичний екстремістський заборонений небажаний міжнародний організація угруповання група рух компанія мережа соцмережа батальйон полк бригада формування фонд видання телеканал журналіст журналістка співачка співак письменник політик опозиціонер блогер тэрарыстычны экстрэмісцкі забаронены арганізацыя кампанія фармаванне',
  // es, pt, fr, it
  'grupo organizacion movimiento red compania empresa gigante tecnologico terrorista extremista yihadista islamista prohibido prohibida proscrito ilegalizado milicia batallon regimiento brigada agrupacion formacion fundacion medio canal emisora periodista escritor cantante opositor politico organizacao movimento rede companhia jihadista proibido proibida banido milicia batalhao regimento fundacao jornalista cantor cantora groupe organisation mouvement reseau societe entreprise geant terroriste extremiste djihadiste jihadiste islamiste interdit interdite interdits interdites bataillon regiment milice fondation chaine journaliste ecrivain chanteuse chanteur opposant opposante gruppo organizzazione rete societa azienda colosso terroristico terroristica battaglione reggimento brigata milizia formazione fondazione giornalista scrittore oppositore',
  // de, nl, nordic, hu
  'terrormiliz terrorgruppe terrororganisation extremistengruppe gruppe bewegung netzwerk konzern unternehmen miliz einheit stiftung sender journalistin schriftsteller sangerin sanger kremlkritiker verbotene verboten extremistische terroristische islamistische dschihadistische groep organisatie beweging terreurgroep terreurorganisatie terrororganisationen gruppen organisationen bevægelse rorelsen jarjesto terroristijarjesto szervezet csoport mozgalom terrorszervezet',
  // pl, cs, sr, bg, ro, el
  'organizacja grupa ruch firma koncern terrorystyczna ekstremistyczna zakazana batalion pułk organizace skupina hnuti spolecnost teroristicka extremisticka zakazana терористичка екстремистичка организација покрет група компанија батаљон teroristicka ekstremisticka organizacija pokret grupa kompanija терористична екстремистка организация групировка движение компания organizatia gruparea grupul miscarea compania terorista extremista interzisa οργανωση ομαδα κινημα εταιρεια τρομοκρατικη εξτρεμιστικη',
  // tr, az, id, vi, ko, hi, bn
  'örgütü örgüt terör hareketi grubu şirketi şirket yasaklı militan taburu alayı kuruluşu təşkilatı qruplaşması hərəkatı kelompok organisasi gerakan perusahaan teroris ekstremis milisi nhóm chức phong trào công khủng 테러단체 테러 단체 조직 극단주의 무장단체 संगठन आतंकवादी समूह कंपनी সংগঠন গোষ্ঠী সন্ত্রাসী',
  // ar, fa, ur
  'منظمة تنظيم حركة جماعة شركة مجموعة ميليشيا كتيبة فوج الإرهابي الإرهابية المتطرفة المتطرف المحظورة المحظور الإرهابيين سازمان گروه گروهک جنبش شرکت تروریستی افراطی ممنوعه تنظیم',
].join(' ');
const CJK_PREFIXES = ['恐怖主义组织', '极端主义组织', '恐怖组织', '极端组织', '激进组织', '武装组织', '该组织', 'イスラム過激派組織', '過激派組織', 'テロ組織', '武装組織'];
const CJK_SUFFIXES = ['武装分子', '组织成员', '组织', '运动', '公司', '集团', '武装', '团体', '分子', '組織', '運動', '政権', '勢力', '社'];

/** Inflection endings of the languages whose case forms are matched by stem, longest first. */
const ENDINGS = [
  // Cyrillic (ru, uk, be, sr, bg, mk; the Bulgarian and Macedonian articles too)
  'ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ией', 'иях', 'ьев', 'ьям', 'ьях', 'ої', 'ою', 'ею', 'єю', 'ові', 'еві', 'єві', 'ага', 'яга', 'аму', 'яму',
  'ите', 'ата', 'ята', 'ото', 'ът', 'ят', 'те', 'та', 'то',
  'ой', 'ей', 'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ую', 'юю', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ым', 'им', 'ых', 'их', 'ью', 'ия', 'ию', 'ии', 'ій', 'ім', 'ів', 'ай', 'аю',
  'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь', 'й', 'і', 'ї', 'є', 'ў',
  // Latin: Polish, Czech, Slovak, Serbo-Croatian, Slovene, Romanian, German (endings that are rarely a stem's own)
  'ului', 'ilor', 'elor', 'owie', 'ami', 'ach', 'ego', 'emu', 'ymi', 'imi', 'eho', 'ych', 'ich', 'ima', 'ama', 'oga', 'ega', 'omu', 'ul', 'ii', 'le',
  'ym', 'im', 'em', 'om', 'ej', 'ie', 'ow', 'ou', 'yj', 'ij', 'es', 'en', 'er',
  'a', 'e', 'i', 'o', 'u', 'y', 'ą', 'ę', 's',
  // Greek (final sigma is folded to σ in keys)
  'ουσ', 'ων', 'ου', 'οσ', 'ησ', 'ασ', 'εσ', 'ο', 'α', 'η',
].sort((x, y) => y.length - x.length);
const STEM_TAIL = /[аеёиоуыэюяіїєaeiouyαεηιοωυьй]+$/u;
const ENDINGS_BY_LAST = new Map<string, string[]>();
for (const e of ENDINGS) {
  const last = e.slice(-1);
  ENDINGS_BY_LAST.set(last, [...(ENDINGS_BY_LAST.get(last) ?? []), e]);
}
const STEMS = new Map<string, string>();

/**
 * A crude, language-blind stem of one word: the longest known inflection ending off, then trailing vowels,
 * ь and й, repeated until nothing more comes off (so "aleksieja" and "aleksiej" end alike). Applied alike to
 * aliases and to names as printed, it makes "Nawalnego", "Navalného", "Islamischen Staates", "Statului
 * Islamic", "Ισλαμικού Κράτους" meet their nominative. Stems keep at least three letters; shorter words stay whole.
 */
export function stemWord(w: string): string {
  if (w.length <= 3 || !/\p{L}/u.test(w) || HAS_ARABIC.test(w) || HAS_CJK.test(w)) return w;
  const memo = STEMS.get(w);
  if (memo !== undefined) return memo;
  let s = w;
  for (let round = 0; round < 3; round++) {
    const before = s;
    const e = ENDINGS_BY_LAST.get(s.slice(-1))?.find((x) => s.length - x.length >= 3 && s.endsWith(x));
    if (e) s = s.slice(0, -e.length);
    const tail = s.match(STEM_TAIL);
    if (tail && s.length - tail[0].length >= 3) s = s.slice(0, -tail[0].length);
    if (s === before) break;
  }
  if (STEMS.size > 50_000) STEMS.clear();
  STEMS.set(w, s);
  return s;
}

export function stemKey(key: string): string {
  return key.split(' ').map(stemWord).join(' ');
}

const DESIGNATION_WORDS = new Set<string>();
const DESIGNATION_STEMS = new Set<string>();
for (const w of DESIGNATIONS.split(' ')) {
  const k = keyOf(w);
  if (!k) continue;
  DESIGNATION_WORDS.add(k);
  if (!HAS_ARABIC.test(k)) DESIGNATION_STEMS.add(stemWord(k));
}
const ARTICLE_WORDS = new Set(ARTICLES.split(' '));

function isDesignationWord(w: string): boolean {
  if (DESIGNATION_WORDS.has(w)) return true;
  // Inflected designation nouns ("террористической организации", "terrorystycznej organizacji").
  return w.length > 3 && !HAS_ARABIC.test(w) && DESIGNATION_STEMS.has(stemWord(w));
}

/** Arabic forms of the first word without its clitics: و/ف (and), ب/ل/ك (by, for, as), لل (for the), ال (the). */
function arabicVariants(key: string): string[] {
  const sp = key.indexOf(' ');
  const first = sp < 0 ? key : key.slice(0, sp);
  const rest = sp < 0 ? '' : key.slice(sp);
  if (!HAS_ARABIC.test(first)) return [];
  const forms = new Set<string>([first]);
  for (const f of [...forms]) if ((f.startsWith('و') || f.startsWith('ف')) && f.length > 3) forms.add(f.slice(1));
  for (const f of [...forms]) {
    if (f.startsWith('لل') && f.length > 3) forms.add(`ال${f.slice(2)}`);
    if ((f.startsWith('ب') || f.startsWith('ل') || f.startsWith('ك')) && f.length > 3) forms.add(f.slice(1));
  }
  for (const f of [...forms]) {
    if (f.startsWith('ال') && f.length > 3) forms.add(f.slice(2));
    else forms.add(`ال${f}`);
  }
  forms.delete(first);
  return [...forms].map((f) => f + rest);
}

// "banned in Russia" inside a designation phrase: "запрещенной в России террористической группировки ИГИЛ".
// The words are the phrase files' `in_words` and `russia_words` (every language), compared as keys: lower case.
const IN_WORDS = keyWords('in_words');
const RUSSIA_WORDS = keyWords('russia_words');

/** Keys with designation words taken off either end, one word at a time, outermost first; never empty. */
function strippedKeys(key: string, out: string[]): void {
  let words = key.split(' ');
  let afterIn = false;
  for (let guard = 0; guard < 12 && words.length > 1; guard++) {
    const first = words[0] ?? '';
    const last = words[words.length - 1] ?? '';
    const inRussia: boolean = IN_WORDS.has(first) || (afterIn && RUSSIA_WORDS.has(first));
    if (inRussia || ARTICLE_WORDS.has(first) || isDesignationWord(first)) words = words.slice(1);
    else if (isDesignationWord(last)) words = words.slice(0, -1);
    else break;
    afterIn = inRussia;
    out.push(words.join(' '));
  }
}

function cjkStripped(key: string, out: string[]): void {
  let s = key.replace(/\s+/gu, '');
  for (let guard = 0; guard < 4; guard++) {
    const p = CJK_PREFIXES.find((x) => s.startsWith(x) && s.length > x.length);
    const q = p ? undefined : CJK_SUFFIXES.find((x) => s.endsWith(x) && s.length > x.length);
    if (p) s = s.slice(p.length);
    else if (q) s = s.slice(0, -q.length);
    else break;
    out.push(s);
  }
}

/**
 * The keys to try for a cleaned name, most literal first: the key itself, without a glued footnote digit or an
 * apostrophe suffix ("Taliban'ın", "Navalny's"), a leading elided article ("l'État islamique", "d'Al-Qaïda"),
 * designation words around it, and Arabic clitics.
 */
export function candidateKeys(cleaned: string, key = keyOf(cleaned)): string[] {
  const out = [key];
  // "Meta1", "ИГИЛ1": a single footnote digit glued to a word.
  if (/\p{L}\d$/u.test(cleaned)) out.push(keyOf(cleaned.slice(0, -1)));
  // Turkish case suffixes and the English possessive follow an apostrophe on the last word.
  const apos = cleaned.match(/^(.*\p{L})'\p{Ll}{1,5}$/u);
  if (apos?.[1]) out.push(keyOf(apos[1]));
  // Lower-case words before a capitalised name: roles and designations ("нобелевский лауреат Дмитрий Муратов").
  const bare = bareName(cleaned);
  if (bare !== cleaned) out.push(keyOf(bare));
  for (const k of [...out]) {
    const elided = k.match(/^(?:l|d|dell|all|nell|dall|sull)'(.+)$/u);
    if (elided?.[1]) out.push(elided[1]);
  }
  for (const k of [...out]) strippedKeys(k, out);
  if (HAS_CJK.test(key)) for (const k of [...out]) cjkStripped(k, out);
  if (HAS_ARABIC.test(key)) {
    for (const k of [...out]) {
      for (const v of arabicVariants(k)) {
        out.push(v);
        strippedKeys(v, out);
      }
    }
  }
  return [...new Set(out)].filter((k) => k.length > 0);
}

/**
 * The name as an analyst would file it when it is not in the table: cleaned, without a leading article, and
 * without lower-case words (roles, designation nouns) before a capitalised or quoted name ("журналистом Дмитрием
 * Муратовым" → "Дмитрием Муратовым", "компания «Вектор»" → "Вектор"). Particles that belong to names ("аль-",
 * "al-", "de", "van") stay.
 */
export function bareName(name: string): string {
  const cleaned = cleanName(name);
  const words = cleaned.split(' ');
  let i = 0;
  if (words.length > 1 && LEADING_ARTICLES.has((words[0] ?? '').toLowerCase())) i = 1;
  while (i < words.length - 1 && isLeadingNoise(words[i] ?? '')) i++;
  const rest = words.slice(i);
  return rest.some((w) => /^\p{Lu}|^\p{Lo}|^\d/u.test(w)) ? rest.join(' ') : cleaned;
}

// The phrase files' `leading_articles` and `name_particles` (every language), in lower case.
const LEADING_ARTICLES = keyWords('leading_articles');
const NAME_PARTICLES = keyWords('name_particles');

function isLeadingNoise(w: string): boolean {
  if (!/^\p{Ll}/u.test(w) || /\p{Lu}/u.test(w)) return false;
  if (w.includes('-') && NAME_PARTICLES.has(w.slice(0, w.indexOf('-')))) return false;
  if (NAME_PARTICLES.has(w)) return false;
  return true;
}

// A small hand-written table of Russian forms for the agreement perturbations (perturb-agreement.ts): the endings of
// adjectives and long participles, the declension of the designation nouns Russian labels use, and the short
// participles' gender and number. Written here, not read from the phrase files, so that the perturbation does not
// test the lists with themselves.

/** Cases in the order n g d a i p. */
export const CASES = ['n', 'g', 'd', 'a', 'i', 'p'] as const;
export type Case = (typeof CASES)[number];
export type Gender = 'm' | 'f' | 'n';
/** Gender in the singular, or the plural (one set of endings for all genders). */
export type Agreement = Gender | 'pl';

/** Adjective endings per agreement, case n g d a i p (accusative as for an inanimate noun); hard stems. */
const HARD: Record<Agreement, string[]> = {
  m: ['ый', 'ого', 'ому', 'ый', 'ым', 'ом'],
  f: ['ая', 'ой', 'ой', 'ую', 'ой', 'ой'],
  n: ['ое', 'ого', 'ому', 'ое', 'ым', 'ом'],
  pl: ['ые', 'ых', 'ым', 'ые', 'ыми', 'ых'],
};
/** After к г х ж ш ч щ an "ы" is written "и" ("террористический", "-ческих"). */
const SOFTENED: Record<Agreement, string[]> = Object.fromEntries(Object.entries(HARD).map(([k, v]) => [k, v.map((e) => e.replace(/^ы/u, 'и'))])) as Record<Agreement, string[]>;

/** Every ending an adjective or long participle can show, longest first, so the stem is what is left. */
const ADJ_ENDINGS = [...new Set([...Object.values(HARD), ...Object.values(SOFTENED)].flat())].sort((a, b) => b.length - a.length);

/** An adjective or long participle: its stem, or null when the word does not end like one. */
export function adjectiveStem(word: string): string | null {
  const w = word.toLowerCase();
  for (const e of ADJ_ENDINGS) {
    // "-ий" only after a velar or sibilant ("террористический"), so "иноагентский"-like words parse, "последний" (soft) not.
    if (w.length > e.length + 2 && w.endsWith(e)) {
      const stem = word.slice(0, -e.length);
      if (e.startsWith('и') && !/[кгхжшчщ]$/u.test(stem)) return null;
      return stem;
    }
  }
  return null;
}

/** The adjective or long participle on `stem` agreeing with `a` in case `c`. */
export function adjectiveForm(stem: string, a: Agreement, c: Case): string {
  const table = /[кгхжшчщ]$/u.test(stem) ? SOFTENED : HARD;
  return stem + (table[a][CASES.indexOf(c)] as string);
}

interface Noun { gender: Gender; sg: string[]; pl: string[] }

/** Forms n g d a i p, singular and plural, of a noun on a stem with the given endings ("-": none; "=form": the whole form). */
const noun = (gender: Gender, stem: string, sg: string, pl: string): Noun => {
  const forms = (endings: string): string[] => endings.split(' ').map((e) => (e.startsWith('=') ? e.slice(1) : stem + (e === '-' ? '' : e)));
  return { gender, sg: forms(sg), pl: forms(pl) };
};

/** The designation nouns of Russian labels, declined (the inanimate accusative). */
export const NOUNS: Noun[] = [
  ...['организаци', 'компани', 'корпораци', 'радиостанци', 'ассоциаци', 'парти'].map((s) => noun('f', s, 'я и и ю ей и', 'и й ям и ями ях')),
  noun('f', 'группировк', 'а и е у ой е', 'и =группировок ам и ами ах'),
  noun('f', 'ячейк', 'а и е у ой е', 'и =ячеек ам и ами ах'),
  ...['групп', 'структур', 'платформ', 'бригад', 'сект'].map((s) => noun('f', s, 'а ы е у ой е', 'ы - ам ы ами ах')),
  ...['движени', 'формировани', 'объединени', 'издани', 'подразделени', 'интернет-издани'].map((s) => noun('n', s, 'е я ю е ем и', 'я й ям я ями ях')),
  ...['сообществ', 'агентств'].map((s) => noun('n', s, 'о а у о ом е', 'а - ам а ами ах')),
  ...['фонд', 'батальон', 'центр', 'проект', 'телеканал', 'канал', 'сайт', 'холдинг', 'мессенджер', 'портал', 'медиапроект'].map((s) => noun('m', s, '- а у - ом е', 'ы ов ам ы ами ах')),
  noun('m', 'пол', 'к ка ку к ком ке', 'ки ков кам ки ками ках'),
  ...['сет', 'соцсет'].map((s) => noun('f', s, 'ь и и ь ью и', 'и ей ям и ями ях')),
];

export interface NounForm { noun: Noun; number: 'sg' | 'pl'; cases: Case[] }

/** The designation noun `word` is a form of: its noun, number and the cases it can be (a form may serve several). */
export function nounForm(word: string): NounForm | null {
  const w = word.toLowerCase().replaceAll('ё', 'е');
  for (const n of NOUNS) {
    for (const number of ['sg', 'pl'] as const) {
      const cases = CASES.filter((_c, k) => n[number][k] === w);
      if (cases.length > 0) return { noun: n, number, cases };
    }
  }
  return null;
}

export const nounOf = (f: NounForm, c: Case): string => f.noun[f.number][CASES.indexOf(c)] as string;

/** A preposition that governs each case, put before a re-inflected phrase that stood after a preposition (none for the nominative). */
export const PREPOSITION: Record<Case, string> = { n: '', g: 'против', d: 'к', a: 'про', i: 'с', p: 'о' };

/** Prepositions: a phrase after one keeps a preposition before it, one governing the new case. */
export const PREPOSITIONS = new Set(['в', 'во', 'на', 'с', 'со', 'к', 'ко', 'по', 'о', 'об', 'обо', 'от', 'до', 'из', 'за', 'для', 'при', 'про', 'без', 'под', 'над', 'против', 'среди', 'после', 'из-за', 'со стороны', 'у', 'через', 'ради', 'вокруг', 'около', 'между']);

/** The short participle's endings by agreement ("признан", "признана", "признано", "признаны"). */
export const SHORT: Record<Agreement, string> = { m: '', f: 'а', n: 'о', pl: 'ы' };

/** The subject pronoun of each agreement. */
export const PRONOUN: Record<Agreement, string> = { m: 'он', f: 'она', n: 'оно', pl: 'они' };

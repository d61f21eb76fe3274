// Meaning-preserving perturbations of the real positive cases (issue 10), beside the name swap (name-swap.ts): each
// family changes one thing the held-out misses showed varies between outlets, and derives the expected labels
// mechanically from the case's own. Only the regression set and the tune part are read, never a held-out part.
//
// - role: a title or role before a person's labelled mention ("журналиста Ивана Иванова", "activist X", "le
//   journaliste X"), agreeing in case with the given name where Russian needs it; the entity stays the bare name.
// - quotes: the quotation marks around a quoted entity printed in another style («», „“, "", “”, ‘’, '').
// - marker position: a marker inside the closing quote or bracket moved after it ("«X*»" → "«X»*"), and back.
// - marker style: star footnotes ("*", "**") printed as superscripts, "(*)", "[1]" or digits glued to the name.
// - context: a neutral real sentence of another case of the language (a hard negative, on which the detector
//   finds nothing alone) before the text, or right after the sentence of the labelled mention.
// - agreement (perturb-agreement.ts): the Russian label phrase in the other cases, genders and numbers, with "ё".
// - paraphrase (perturb-paraphrase.ts): the Russian and English label said another way, with news negatives.
// - foreign agent (perturb-agent.ts): a Russian foreign-agent note turned into the hard negatives LABELS.md names.
import { baseGivenNames, isGivenNameForm } from '../../electron/labels/declension.ts';
import { canonicalEntity, shippedCanonicaliser } from '../../electron/labels/canonical.ts';
import { lexicon } from '../../electron/labels/lexicon.ts';
import type { Label } from '../../electron/model.ts';
import type { LabelCase } from './label-scoring.ts';
import { agentPerturbed } from './perturb-agent.ts';
import { casesReinflected, genderNumberReinflected, yoSwapped } from './perturb-agreement.ts';
import { PARAPHRASES, paraphrased } from './perturb-paraphrase.ts';
import { edited, isWordChar, occurrences, pickOf, type Family, type Perturbed } from './text-edits.ts';

export type { Family, Perturbed };

/** The lines of footnotes: a line that opens (after spaces or a bullet) with a marker. Perturbations of the body leave them alone. */
const FOOTNOTE_LINE = /^[ \t\u00a0•·–—-]*(?:[*✱⁎＊※†‡¹²³⁴⁵⁶⁷⁸⁹⁰]|\(\*|\[\d|\d{1,2}(?:[ .)\t]|\p{Lu}))/u;

/** Where the footnote lines are: [start, end) of each. */
function footnoteLines(text: string): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (FOOTNOTE_LINE.test(line)) out.push([at, at + line.length]);
    at += line.length + 1;
  }
  return out;
}

const inFootnote = (lines: [number, number][], i: number): boolean => lines.some(([a, b]) => i >= a && i < b);

// ---- role / title insertion -------------------------------------------------------------------------------------

const GIVEN = baseGivenNames();

/** A person: the alias table says so, or the name opens with a given name (Slavic forms, or the Latin list). */
function isPerson(entity: string, lang: string): boolean {
  const words = entity.split(/\s+/u);
  const k = canonicalEntity(entity, lang);
  // Capitalised words only: a name in capitals is a notice's, and a notice names no role.
  if (!words.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) return false;
  if (k.known) return shippedCanonicaliser().entry(k.canonical)?.type === 'person';
  if (words.length < 2) return false;
  const first = words[0] as string;
  return isGivenNameForm(first.toLowerCase().replaceAll('ё', 'е'), GIVEN) || lexicon().wordAt('given_names', first, 0, null, first.length) === first.length;
}

/** Russian case forms of a given name: which of n g d a i p it can be, and the name's gender, from the nominatives listed. */
function russianCases(word: string): { gender: 'm' | 'f'; cases: Set<string> } | null {
  const w = word.toLowerCase().replaceAll('ё', 'е');
  let found: { gender: 'm' | 'f'; cases: Set<string> } | null = null;
  for (const [nom, gender] of GIVEN) {
    const forms = paradigm(nom);
    for (const [c, f] of Object.entries(forms)) {
      if (f !== w) continue;
      if (found && found.gender !== gender) return null;
      found ??= { gender, cases: new Set() };
      for (const ch of c) found.cases.add(ch);
    }
  }
  return found;
}

/** The singular case forms of a Russian given name, keyed by the cases each form serves. */
function paradigm(nom: string): Record<string, string> {
  const stem = nom.slice(0, -1);
  const last = nom.slice(-1);
  if (last === 'а') return { n: nom, g: stem + (/[кгхжшчщ]$/u.test(stem) ? 'и' : 'ы'), dp: stem + 'е', a: stem + 'у', i: stem + 'ой' };
  if (last === 'я') return nom.endsWith('ия') ? { n: nom, gdp: stem + 'и', a: stem + 'ю', i: stem + 'ей' } : { n: nom, g: stem + 'и', dp: stem + 'е', a: stem + 'ю', i: stem + 'ей' };
  if (last === 'й') return { n: nom, ga: stem + 'я', d: stem + 'ю', i: stem + 'ем', p: stem + (nom.endsWith('ий') ? 'и' : 'е') };
  if (last === 'ь') return { n: nom, ga: stem + 'я', d: stem + 'ю', i: stem + 'ем', p: stem + 'е' };
  if (/[бвгдзклмнпрстфхцчшщж]$/u.test(nom)) return { n: nom, ga: nom + 'а', d: nom + 'у', i: nom + 'ом', p: nom + 'е' };
  return { n: nom };
}

// Real roles, some in the phrase files' `roles`, some not: the perturbation must not read the lists it tests. Each
// role's forms in the cases n g d a i p.
const JOURNALIST = ['журналист', 'журналиста', 'журналисту', 'журналиста', 'журналистом', 'журналисте'];
const JOURNALIST_F = ['журналистка', 'журналистки', 'журналистке', 'журналистку', 'журналисткой', 'журналистке'];
const DEPUTY = ['депутат', 'депутата', 'депутату', 'депутата', 'депутатом', 'депутате'];
const FOUNDER = ['основатель', 'основателя', 'основателю', 'основателя', 'основателем', 'основателе'];
/** A capitalised complement between the role and the name ("депутата Госдумы"): the name must not reach back over it. */
const withComplement = (forms: string[], complement: string): string[] => forms.map((f) => `${f} ${complement}`);
const RU_ROLES: Record<'m' | 'f', string[][]> = {
  m: [
    JOURNALIST,
    ['блогер', 'блогера', 'блогеру', 'блогера', 'блогером', 'блогере'],
    ['политик', 'политика', 'политику', 'политика', 'политиком', 'политике'],
    ['правозащитник', 'правозащитника', 'правозащитнику', 'правозащитника', 'правозащитником', 'правозащитнике'],
    ['публицист', 'публициста', 'публицисту', 'публициста', 'публицистом', 'публицисте'],
    ['оппозиционный политик', 'оппозиционного политика', 'оппозиционному политику', 'оппозиционного политика', 'оппозиционным политиком', 'оппозиционном политике'],
    withComplement(DEPUTY, 'Госдумы'),
    withComplement(FOUNDER, 'ЮКОСа'),
    withComplement(JOURNALIST, '«Новой газеты»'),
  ],
  f: [
    JOURNALIST_F,
    ['певица', 'певицы', 'певице', 'певицу', 'певицей', 'певице'],
    ['правозащитница', 'правозащитницы', 'правозащитнице', 'правозащитницу', 'правозащитницей', 'правозащитнице'],
    ['телеведущая', 'телеведущей', 'телеведущей', 'телеведущую', 'телеведущей', 'телеведущей'],
    ['писательница', 'писательницы', 'писательнице', 'писательницу', 'писательницей', 'писательнице'],
    withComplement(DEPUTY, 'Госдумы'),
    withComplement(JOURNALIST_F, '«Новой газеты»'),
  ],
};
const CASES = 'ngdaip';

const EN_ROLES = ['journalist', 'activist', 'blogger', 'opposition politician', 'investigative journalist', 'the journalist', 'former Duma deputy', 'Meduza journalist', 'Kremlin critic'];
const DE_ROLES: Record<'m' | 'f', string[]> = {
  m: ['Journalist', 'Blogger', 'Oppositionspolitiker', 'Aktivist', 'Ex-Duma-Abgeordneter', 'Kremlkritiker'],
  f: ['Journalistin', 'Bloggerin', 'Oppositionspolitikerin', 'Aktivistin', 'Ex-Duma-Abgeordnete', 'Kremlkritikerin'],
};

/** Romance roles with their article, and how a preposition before the name contracts with it. */
interface Romance { roles: Record<'m' | 'f', string[]>; article: Record<'m' | 'f', string>; contract: Record<string, Record<'m' | 'f', string>>; articles: string[] }
const ROMANCE: Record<string, Romance> = {
  es: { roles: { m: ['periodista', 'activista', 'bloguero', 'opositor'], f: ['periodista', 'activista', 'bloguera', 'opositora'] }, article: { m: 'el', f: 'la' },
    contract: { de: { m: 'del', f: 'de la' }, a: { m: 'al', f: 'a la' } }, articles: ['el', 'la', 'los', 'las', 'un', 'una'] },
  fr: { roles: { m: ['journaliste', 'militant', 'blogueur', 'opposant'], f: ['journaliste', 'militante', 'blogueuse', 'opposante'] }, article: { m: 'le', f: 'la' },
    contract: { de: { m: 'du', f: 'de la' }, "d'": { m: 'du', f: 'de la' }, 'd’': { m: 'du', f: 'de la' }, à: { m: 'au', f: 'à la' } }, articles: ['le', 'la', 'les', 'un', 'une', "l'", 'l’'] },
  it: { roles: { m: ['giornalista', 'attivista', 'blogger', 'oppositore'], f: ['giornalista', 'attivista', 'blogger', 'oppositrice'] }, article: { m: 'il', f: 'la' },
    contract: { di: { m: 'del', f: 'della' }, a: { m: 'al', f: 'alla' }, da: { m: 'dal', f: 'dalla' }, su: { m: 'sul', f: 'sulla' }, in: { m: 'nel', f: 'nella' } },
    articles: ['il', 'la', 'lo', 'i', 'le', 'gli', 'un', 'una', "l'", 'l’'] },
  pt: { roles: { m: ['jornalista', 'ativista', 'blogueiro', 'opositor'], f: ['jornalista', 'ativista', 'blogueira', 'opositora'] }, article: { m: 'o', f: 'a' },
    contract: { de: { m: 'do', f: 'da' }, em: { m: 'no', f: 'na' }, por: { m: 'pelo', f: 'pela' } }, articles: ['o', 'a', 'os', 'as', 'um', 'uma', 'ao', 'à'] },
};

const MASCULINE_IN_A = new Set(['ilya', 'nikita', 'ilia', 'nikola', 'luca', 'andrea', 'sasha', 'misha', 'kolya']);
const latinGender = (first: string): 'm' | 'f' => (/a$/u.test(first.toLowerCase()) && !MASCULINE_IN_A.has(first.toLowerCase()) ? 'f' : 'm');

/** The word before `at` (lower case) and where it starts, skipping spaces; an elided "d'" counts as a word, with its apostrophe. */
function wordBefore(text: string, at: number): { word: string; start: number } | null {
  let i = at;
  const elided = /['’]/u.test(text[i - 1] ?? '');
  if (!elided) while (i > 0 && /[ \u00a0]/u.test(text[i - 1] ?? '')) i--;
  if (i === at && !elided) return null;
  let j = elided ? i - 1 : i;
  while (j > 0 && /\p{L}/u.test(text[j - 1] ?? '')) j--;
  const word = text.slice(j, i).toLowerCase();
  return /\p{L}/u.test(word) ? { word, start: j } : null;
}

/** True at a sentence's start: nothing but an opening quote or bracket after the text's start, a line break or a sentence end. */
function sentenceStart(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && /[«"“„(\[ \u00a0]/u.test(text[i - 1] ?? '')) i--;
  return i === 0 || /[\n.!?…]/u.test(text[i - 1] ?? '');
}

const capital = (s: string): string => (s[0] ?? '').toUpperCase() + s.slice(1);

/** A role before one mention: the edit, or null when the language or the name's form gives none. */
function roleEdit(c: LabelCase, entity: string, at: number): [number, number, string] | null {
  const first = entity.split(/\s+/u)[0] ?? '';
  const before = wordBefore(c.text, at);
  const start = sentenceStart(c.text, at);
  const key = `${c.id}:${entity}`;
  if (c.lang === 'ru') {
    const form = russianCases(first);
    if (!form) return null;
    const role = pickOf(RU_ROLES[form.gender], key);
    const options = new Set([...form.cases].map((k) => role[CASES.indexOf(k)] as string));
    if (options.size !== 1) return null; // ambiguous case: the role's form would be a guess
    const r = [...options][0] as string;
    return [at, 0, `${start ? capital(r) : r} `];
  }
  if (c.lang === 'en') {
    const r = pickOf(EN_ROLES, key);
    return [at, 0, `${start ? capital(r) : r} `];
  }
  if (c.lang === 'de') {
    if (before?.word === 'des') return null;
    return [at, 0, `${pickOf(DE_ROLES[latinGender(first)], key)} `];
  }
  const rom = ROMANCE[c.lang];
  if (!rom) return null;
  const g = latinGender(first);
  const role = pickOf(rom.roles[g], key);
  if (before && rom.articles.includes(before.word)) return null;
  const contraction = before ? rom.contract[before.word] : undefined;
  if (before && contraction) {
    const lead = c.text.slice(before.start, before.start + 1);
    const prep = /\p{Lu}/u.test(lead) ? capital(contraction[g]) : contraction[g];
    return [before.start, at - before.start, `${prep} ${role} `];
  }
  const art = rom.article[g];
  return [at, 0, `${start ? capital(art) : art} ${role} `];
}

/** Roles before the body mentions of each person the case labels. */
export function roleInserted(cases: LabelCase[]): Perturbed[] {
  const out: Perturbed[] = [];
  for (const c of cases) {
    const people = [...new Set(c.expected.map((e) => e.entity))].filter((e) => e !== '<self>' && isPerson(e, c.lang));
    if (people.length === 0) continue;
    const notes = footnoteLines(c.text);
    const edits: [number, number, string][] = [];
    const taken = new Set<number>();
    for (const p of people) {
      for (const at of occurrences(c.text, p)) {
        if (inFootnote(notes, at) || taken.has(at) || hasRoleBefore(c.text, at)) continue;
        const e = roleEdit(c, p, at);
        if (!e) continue;
        taken.add(at);
        edits.push(e);
      }
    }
    // Names that share a span ("Иван" inside "Иван Иванов") would edit one place twice: keep the case clean.
    if (edits.length === 0 || new Set(edits.map((e) => e[0])).size !== edits.length) continue;
    out.push({ ...c, text: edited(c.text, edits), original: c });
  }
  return out;
}

/** A role already stands right before the mention ("журналиста Ивана Иванова"): a second one would not be real text. */
function hasRoleBefore(text: string, at: number): boolean {
  const from = Math.max(0, at - 40);
  return lexicon().find(text, from, at).some((h) => h.list === 'roles' && /^[ \u00a0«"“„]*$/u.test(text.slice(h.end, at)));
}

// ---- quotation marks --------------------------------------------------------------------------------------------

/** Quote pairs, as printed around a name: opening, closing. */
export const QUOTE_STYLES: readonly [string, string][] = [['«', '»'], ['„', '“'], ['"', '"'], ['“', '”'], ['‘', '’'], ["'", "'"]];
const OPENING = '«„"“‘\'‹';
const CLOSING = '»“”"’\'›';
const MARKER_RUN = /^(?:\*{1,3}|✱{1,3}|※|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}|\(\*{1,3}\)|\[\d{1,2}\]|\d{1,2}(?!\d))/u;

interface Quoted { open: number; close: number; marker: string; markerAt: number; markerInside: boolean }

/** The quoted mentions of `entity`: an opening quote right before it and a closing one right after it (or after a marker inside). */
function quotedMentions(text: string, entity: string): Quoted[] {
  const out: Quoted[] = [];
  for (let i = text.indexOf(entity); i >= 0; i = text.indexOf(entity, i + 1)) {
    const open = i - 1;
    if (!OPENING.includes(text[open] ?? '')) continue;
    let j = i + entity.length;
    const inside = MARKER_RUN.exec(text.slice(j, j + 5))?.[0] ?? '';
    j += inside.length;
    if (!CLOSING.includes(text[j] ?? '')) continue;
    if (inside) {
      out.push({ open, close: j, marker: inside, markerAt: i + entity.length, markerInside: true });
      continue;
    }
    const after = MARKER_RUN.exec(text.slice(j + 1, j + 6))?.[0] ?? '';
    out.push({ open, close: j, marker: after, markerAt: j + 1, markerInside: false });
  }
  return out;
}

/** Every quoted mention of the case's entities, with no quotation mark inside the name (nested quotes stay as printed). */
function quotedOf(c: LabelCase): Quoted[] {
  const names = [...new Set(c.expected.map((e) => e.entity))].filter((e) => e !== '<self>' && !/[«»“”„"‘’'‹›]/u.test(e));
  const seen = new Set<number>();
  return names.flatMap((n) => quotedMentions(c.text, n)).filter((q) => !seen.has(q.open) && (seen.add(q.open), true));
}

/** The quoted entities printed in another quote style: one style per case, cycling so that each style gets its share. */
export function quotesSwapped(cases: LabelCase[]): Perturbed[] {
  const out: Perturbed[] = [];
  let k = 0;
  for (const c of cases) {
    const quoted = quotedOf(c);
    if (quoted.length === 0) continue;
    const printed = `${c.text[quoted[0]?.open ?? 0]}${c.text[quoted[0]?.close ?? 0]}`;
    const styles = QUOTE_STYLES.filter(([o, cl]) => o + cl !== printed);
    const [o, cl] = styles[k++ % styles.length] as [string, string];
    const edits = quoted.flatMap((q): [number, number, string][] => [[q.open, 1, o], [q.close, 1, cl]]);
    out.push({ ...c, text: edited(c.text, edits), original: c });
  }
  return out;
}

/** The marker of a quoted or bracketed mention moved across the closing mark: inside to after, after to inside. */
export function markerMoved(cases: LabelCase[]): Perturbed[] {
  const out: Perturbed[] = [];
  for (const c of cases) {
    const markers = new Set(c.expected.map((e) => e.marker).filter((m): m is string => typeof m === 'string'));
    const edits: [number, number, string][] = [];
    for (const q of quotedOf(c)) {
      if (!markers.has(q.marker)) continue;
      const mark = c.text[q.close] as string;
      // "«X*»" → "«X»*"; "«X»*" → "«X*»".
      edits.push(q.markerInside ? [q.markerAt, q.marker.length + 1, mark + q.marker] : [q.close, 1 + q.marker.length, q.marker + mark]);
    }
    for (const e of new Set(c.expected.map((x) => x.entity))) {
      for (const at of occurrences(c.text, e)) {
        if (c.text[at - 1] !== '(') continue;
        const end = at + e.length;
        const inside = MARKER_RUN.exec(c.text.slice(end, end + 5))?.[0] ?? '';
        if (inside && markers.has(inside) && c.text[end + inside.length] === ')') edits.push([end, inside.length + 1, ')' + inside]);
        const after = MARKER_RUN.exec(c.text.slice(end + 1, end + 6))?.[0] ?? '';
        if (!inside && c.text[end] === ')' && markers.has(after)) edits.push([end, 1 + after.length, after + ')']);
      }
    }
    if (edits.length === 0) continue;
    out.push({ ...c, text: edited(c.text, edits), original: c });
  }
  return out;
}

// ---- marker style -----------------------------------------------------------------------------------------------

/** How a footnote marker of n stars (1–3) is printed in another style. */
export const MARKER_STYLES: Record<string, (n: number) => string> = {
  superscript: (n) => '¹²³'[n - 1] as string,
  '(*)': (n) => `(${'*'.repeat(n)})`,
  '[n]': (n) => `[${n}]`,
  glued: (n) => String(n),
};

/**
 * Star footnotes ("*", "**", "***": every expected marker a star run, every star run of the text one of them, no other
 * marker style in the text) printed in `style`, in the mention and the footnote alike. A glued digit is glued: the
 * space a page left between a name and its star goes ("Meta *" → "Meta1").
 */
export function markerStyled(cases: LabelCase[], style: keyof typeof MARKER_STYLES): Perturbed[] {
  const to = MARKER_STYLES[style] as (n: number) => string;
  const out: Perturbed[] = [];
  for (const c of cases) {
    if (c.expected.length === 0 || !c.expected.every((e) => typeof e.marker === 'string' && /^\*{1,3}$/u.test(e.marker))) continue;
    const used = new Set(c.expected.map((e) => (e.marker as string).length));
    const runs = c.text.match(/\*+/gu) ?? [];
    if (runs.some((r) => !used.has(r.length)) || /[✱※¹²³⁴⁵⁶⁷⁸⁹⁰]|\(\*|\*\)|\[\d/u.test(c.text)) continue;
    // A marker printed once is a footnote whose mention lost its marker (or lies off the excerpt): restyled as a number
    // it is a numbered line no name carries, which opens no footnote (LABELS.md, Markers); the family tests linking.
    if ([...used].some((n) => runs.filter((r) => r.length === n).length < 2)) continue;
    if (style === 'glued' && /\p{L}\d/u.test(c.text)) continue; // digits glued to words already: a number would not be new
    const notes = footnoteLines(c.text);
    const text = c.text.replace(/([ \u00a0]?)(\*+)/gu, (_m, space: string, stars: string, at: number) => {
      const footnote = inFootnote(notes, at + space.length) && /^[ \t\u00a0•·–—-]*$/u.test(c.text.slice(c.text.lastIndexOf('\n', at) + 1, at + space.length));
      const keep = style === 'glued' && !footnote && (isWordChar(c.text[at - 1]) || CLOSING.includes(c.text[at - 1] ?? '')) ? '' : space;
      return keep + to(stars.length);
    });
    out.push({ ...c, text, expected: c.expected.map((e) => ({ ...e, marker: to((e.marker as string).length) })), original: c });
  }
  return out;
}

// ---- context ----------------------------------------------------------------------------------------------------

/**
 * Sentences of the hard negatives, per language: no marker, bracket or ellipsis, 40–240 characters, nothing found in
 * them alone. `neutral`: also no ground word of any kind (the lexicon's trigger); else only those with one (a news
 * event, a quote, another jurisdiction: the hard part of a hard negative).
 */
function contextSentences(cases: LabelCase[], detect: (text: string) => Label[], neutral: boolean): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const c of cases) {
    if (c.expected.length !== 0) continue;
    for (const line of c.text.split('\n')) {
      for (const s of line.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) {
        const t = s.trim();
        if (t.length < 40 || t.length > 240 || !/[.!?]$/u.test(t) || /[*✱※¹²³⁴⁵⁶⁷⁸⁹⁰()[\]…]/u.test(t) || /^\d/u.test(t)) continue;
        if (lexicon().quiet(t) !== neutral || detect(t).length > 0) continue;
        by.set(c.lang, [...(by.get(c.lang) ?? []), t]);
      }
    }
  }
  return by;
}

/**
 * Where the paragraph (line) of the first body mention of an expected entity ends, or -1 when a footnote runs on in it
 * after the mention (the sentence would join the footnote) or the line does not end a sentence. A sentence put there
 * follows the label without coming between it and a sentence that goes on about it ("… Деятельность этой организации
 * запрещена").
 */
function paragraphEndAfterMention(c: LabelCase): number {
  const notes = footnoteLines(c.text);
  const at = c.expected.flatMap((e) => occurrences(c.text, e.entity)).filter((i) => !inFootnote(notes, i)).sort((a, b) => a - b)[0];
  if (at === undefined) return -1;
  const end = c.text.indexOf('\n', at) < 0 ? c.text.length : c.text.indexOf('\n', at);
  const rest = c.text.slice(at, end);
  if (/[.!?…][ \u00a0]*(?:[*✱※¹²³⁴⁵⁶⁷⁸⁹]|\(\*|\[\d|\d)/u.test(rest) || !/[.!?»"”)][ \u00a0]*$/u.test(rest)) return -1;
  return end;
}

/**
 * Each positive case with a sentence of its language (from a hard negative: neutral, or holding a ground word) before
 * its text or at the end of the paragraph of its first labelled mention.
 */
export function withContext(positives: LabelCase[], all: LabelCase[], where: 'before' | 'after', neutral: boolean, detect: (text: string) => Label[]): Perturbed[] {
  const pool = contextSentences(all, detect, neutral);
  const out: Perturbed[] = [];
  for (const c of positives) {
    const sentences = pool.get(c.lang);
    if (!sentences || sentences.length === 0) continue;
    const s = pickOf(sentences, `${where}:${c.id}`);
    if (c.text.includes(s)) continue;
    if (where === 'before') {
      out.push({ ...c, text: `${s} ${c.text}`, original: c });
      continue;
    }
    const end = paragraphEndAfterMention(c);
    if (end < 0) continue;
    out.push({ ...c, text: `${c.text.slice(0, end)} ${s}${c.text.slice(end)}`, original: c });
  }
  return out;
}

/**
 * Every family on the positives of `cases` (the regression set and the tune part), their hard negatives lending the
 * context. `hardNegatives`: also the families whose sentence holds a ground word; a diagnostic, not a gate: such a
 * sentence may go on about the name before it ("Это формирование признано в России террористическим"), and then a
 * label on that name is a fair reading, not an error.
 */
export function perturbations(cases: LabelCase[], detect: (text: string) => Label[], hardNegatives = false): Family[] {
  const positives = cases.filter((c) => c.expected.length > 0);
  const families = [
    { name: 'role before the name', cases: roleInserted(positives) },
    { name: 'quote style', cases: quotesSwapped(positives) },
    { name: 'marker inside/after the closing mark', cases: markerMoved(positives) },
    ...Object.keys(MARKER_STYLES).map((s) => ({ name: `marker style ${s}`, cases: markerStyled(positives, s) })),
    { name: 'agreement: case', cases: casesReinflected(positives) },
    { name: 'agreement: gender and number', cases: genderNumberReinflected(positives) },
    { name: 'agreement: ё and е', cases: yoSwapped(positives) },
    ...Object.entries(PARAPHRASES).map(([name, family]) => ({ name, cases: paraphrased(positives, family) })),
    { name: 'foreign agent: hard negatives (ru)', cases: agentPerturbed(positives) },
    { name: 'neutral sentence before', cases: withContext(positives, cases, 'before', true, detect) },
    { name: 'neutral sentence after', cases: withContext(positives, cases, 'after', true, detect) },
  ];
  if (!hardNegatives) return families;
  return [...families,
    { name: 'hard-negative sentence before', cases: withContext(positives, cases, 'before', false, detect) },
    { name: 'hard-negative sentence after', cases: withContext(positives, cases, 'after', false, detect) },
  ];
}

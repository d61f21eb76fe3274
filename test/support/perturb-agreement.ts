// The agreement families (issue 10): Russian label phrases re-inflected into the other cases, genders and numbers
// the form allows, and written with "ё" where the case has "е" (and back). Unseen Russian text says the same label in
// every case ("запрещенной в России террористической организации «X»" after "против", "к", "с", "о" …) and of
// subjects of every gender and number ("признан", "признана", "признано", "признаны"); the tune cases show a few of
// those forms each. The entity and the expected kinds stay; the words come from russian-forms.ts, not the phrase files.
import type { LabelCase } from './label-scoring.ts';
import { adjectiveForm, adjectiveStem, CASES, nounForm, nounOf, PREPOSITION, PREPOSITIONS, PRONOUN, SHORT, type Agreement, type Case, type Gender } from './russian-forms.ts';
import { caseLike, edited, occurrences, type Edit, type Perturbed } from './text-edits.ts';

interface Word { at: number; text: string }

/** The words of `text` (letters and inner hyphens) with their offsets. */
function words(text: string): Word[] {
  return [...text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)].map((m) => ({ at: m.index, text: m[0] }));
}

/** The long participles of a designation ("запрещенной", "признанного", "внесённых"). */
const LONG_PARTICIPLE = /^(?:запрещ[её]нн|признанн|внес[её]нн|включ[её]нн|объявленн)\p{L}+$/iu;

/**
 * Words between the participle and the designation noun that do not agree with them: the state ("в России", "на
 * территории РФ", "в Российской Федерации"), an agent or a ground noun in the instrumental ("судом", "иноагентом").
 */
const NON_AGREEING = /^[ \u00a0]+(?:(?:в|во|на территории|на) (?:России|РФ|Российской Федерации|Беларуси|Белоруссии|нашей стране)|(?:Верховным )?судом(?: РФ)?|решением суда|Минюстом(?: РФ)?|иноагентом|иностранным агентом|официально)(?=[ \u00a0,])/u;

interface Phrase { edits: (c: Case) => Edit[]; from: Case }

/**
 * The prenominal phrases of a text: a long designation participle, the state, agreeing adjectives and a designation
 * noun, then a quoted or capitalised name (not a name of the case's own that holds the noun). Each can be put in
 * another case; a preposition before it is replaced by one governing the new case (none for the nominative).
 */
function prenominalPhrases(text: string, names: string[]): Phrase[] {
  const ws = words(text);
  const taken = names.flatMap((n) => occurrences(text, n).map((at): [number, number] => [at, at + n.length]));
  const out: Phrase[] = [];
  for (let k = 0; k < ws.length; k++) {
    const p = ws[k] as Word;
    if (!LONG_PARTICIPLE.test(p.text)) continue;
    const pStem = adjectiveStem(p.text);
    if (!pStem) continue;
    // Past the non-agreeing words, then adjectives, then the noun.
    let at = p.at + p.text.length;
    for (let m = NON_AGREEING.exec(text.slice(at)); m; m = NON_AGREEING.exec(text.slice(at))) at += m[0].length;
    let j = ws.findIndex((w) => w.at > at);
    if (j < 0) continue;
    const adjectives: Word[] = [];
    while (j < ws.length && adjectiveStem((ws[j] as Word).text) && !nounForm((ws[j] as Word).text) && adjectives.length < 3) adjectives.push(ws[j++] as Word);
    const n = ws[j];
    if (!n || /^\p{Lu}/u.test(n.text)) continue;
    // Only spaces between the words of the phrase.
    const spans = [p, ...adjectives, n];
    if (spans.slice(1).some((w, i) => {
      const prev = spans[i] as Word;
      return i > 0 && !/^[ \u00a0]+$/u.test(text.slice(prev.at + prev.text.length, w.at));
    })) continue;
    if (!/^[ \u00a0]+$/u.test(text.slice(at, (adjectives[0] ?? n).at)) && at !== (adjectives[0] ?? n).at) continue;
    const form = nounForm(n.text);
    if (!form) continue;
    if (!/^[ \u00a0]+[«"“„]?\p{Lu}/u.test(text.slice(n.at + n.text.length))) continue;
    if (taken.some(([a, b]) => n.at < b && n.at + n.text.length > a)) continue;
    const agreement: Agreement = form.number === 'pl' ? 'pl' : form.noun.gender;
    // The cases the participle, every adjective and the noun all can be.
    const agreeing = [p, ...adjectives];
    const fold = (w: string): string => w.toLowerCase().replaceAll('ё', 'е');
    const from = form.cases.find((c) => agreeing.every((w) => fold(adjectiveForm(adjectiveStem(w.text) as string, agreement, c)) === fold(w.text)));
    if (!from) continue;
    const before = ws[k - 1];
    const gap = before ? text.slice(before.at + before.text.length, p.at) : '';
    const prep = before && PREPOSITIONS.has(before.text.toLowerCase()) && /^[ \u00a0]+$/u.test(gap) ? before : null;
    out.push({
      from,
      edits: (c) => {
        const e: Edit[] = agreeing.map((w) => [w.at, w.text.length, caseLike(adjectiveForm(adjectiveStem(w.text) as string, agreement, c), w.text)]);
        e.push([n.at, n.text.length, caseLike(nounOf(form, c), n.text)]);
        if (prep) e.push(PREPOSITION[c] ? [prep.at, prep.text.length, caseLike(PREPOSITION[c], prep.text)] : [prep.at, prep.text.length + gap.length, '']);
        return e;
      },
    });
  }
  return out;
}

/** Each Russian positive with its prenominal phrases put in each other case, one case per perturbed copy. */
export function casesReinflected(cases: LabelCase[]): Perturbed[] {
  const out: Perturbed[] = [];
  for (const c of cases) {
    if (c.lang !== 'ru') continue;
    const phrases = prenominalPhrases(c.text, c.expected.map((e) => e.entity));
    if (phrases.length === 0) continue;
    for (const to of CASES) {
      const text = edited(c.text, phrases.filter((p) => p.from !== to).flatMap((p) => p.edits(to)));
      // Case forms that coincide ("запрещенной … организации", genitive, dative or prepositional) give no new text.
      if (text !== c.text) out.push({ ...c, id: `${c.id}~${to}`, text, original: c });
    }
  }
  return out;
}

// ---- gender and number ------------------------------------------------------------------------------------------

/** Short participles of a designation ("признан", "запрещена", "внесено", "включены"): the stem and its agreement. */
const SHORT_PARTICIPLE = /^(признан|запрещ[её]н|внес[её]н|включ[её]н|объявлен)(а|о|ы)?$/iu;
const AGREEMENT_OF: Record<string, Agreement> = { '': 'm', а: 'f', о: 'n', ы: 'pl' };

/**
 * Where a short participle's subject is left unsaid or is a pronoun, so its gender and number can change alone: a
 * bracket, a footnote (after its marker) or a spaced dash opens the clause, then at most a pronoun and the state.
 */
const OPENS = /(?:(?:^|\n)[ \t\u00a0•-]*(?:[*✱※¹²³⁴⁵⁶⁷⁸⁹]+|\(\*+\)|\[\d+\]|\d{1,2})?|[(—–])[ \u00a0]*((?:он|она|оно|они)[ \u00a0]+)?(?:(?:в|на территории) (?:России|РФ|Российской Федерации)[ \u00a0]+)?$/iu;

/** Instrumental complement nouns of persons: singular, plural (a designation noun's forms come from russian-forms.ts). */
const PERSON_NOUNS: [string, string][] = [['иноагентом', 'иноагентами'], ['агентом', 'агентами'], ['экстремистом', 'экстремистами'], ['террористом', 'террористами']];

/** An instrumental complement noun ("иноагентом", "организацией"): its singular and plural, gender, and number as printed. */
function complementNoun(w: string): { sg: string; pl: string; gender: Gender; plural: boolean } | null {
  const l = w.toLowerCase();
  const person = PERSON_NOUNS.find(([sg, pl]) => l === sg || l === pl);
  if (person) return { sg: person[0], pl: person[1], gender: 'm', plural: l === person[1] };
  const f = nounForm(w);
  if (!f || !f.cases.includes('i') || /^\p{Lu}/u.test(w)) return null;
  return { sg: f.noun.sg[4] as string, pl: f.noun.pl[4] as string, gender: f.noun.gender, plural: f.number === 'pl' };
}

/**
 * The clause after an opening: every short participle in it (up to the bracket's close, the line's end or a full
 * stop), every adjective in the instrumental (or the nominative after "как") agreeing with the subject, put in
 * agreement `to`, and a pronoun subject with it; a complement noun phrase ("иностранным агентом") in the number only.
 */
function clauseEdits(text: string, start: number, pronoun: Word | null, from: Agreement, to: Agreement): Edit[] {
  const end = text.slice(start).search(/[)\n]|\.(?:[ \u00a0]|$)/u);
  const clause = text.slice(start, end < 0 ? text.length : start + end);
  const e: Edit[] = [];
  if (pronoun) e.push([pronoun.at, pronoun.text.length, caseLike(PRONOUN[to], pronoun.text)]);
  const ws = words(clause).map((w) => ({ at: w.at + start, text: w.text }));
  const numberChanges = (from === 'pl') !== (to === 'pl');
  for (let k = 0; k < ws.length; k++) {
    const w = ws[k] as Word;
    const m = SHORT_PARTICIPLE.exec(w.text);
    if (m) {
      if (AGREEMENT_OF[(m[2] ?? '').toLowerCase()] !== from) return [];
      e.push([w.at, w.text.length, (m[1] as string) + SHORT[to]]);
      continue;
    }
    // A complement noun phrase: lower-case adjectives agreeing with the noun, then the noun; in the plural with a
    // plural subject.
    let j = k;
    while (j < ws.length && /^\p{Ll}/u.test((ws[j] as Word).text) && adjectiveStem((ws[j] as Word).text) && !complementNoun((ws[j] as Word).text)) j++;
    const noun = ws[j] ? complementNoun((ws[j] as Word).text) : null;
    const own: Agreement | null = noun ? (noun.plural ? 'pl' : noun.gender) : null;
    if (noun && own && ws.slice(k, j).every((a) => adjectiveForm(adjectiveStem(a.text) as string, own, 'i') === a.text.toLowerCase())) {
      if (numberChanges && noun.plural === (from === 'pl')) {
        const a: Agreement = to === 'pl' ? 'pl' : noun.gender;
        for (const adj of ws.slice(k, j)) e.push([adj.at, adj.text.length, caseLike(adjectiveForm(adjectiveStem(adj.text) as string, a, 'i'), adj.text)]);
        const n = ws[j] as Word;
        e.push([n.at, n.text.length, caseLike(to === 'pl' ? noun.pl : noun.sg, n.text)]);
      }
      k = j;
      continue;
    }
    const stem = adjectiveStem(w.text);
    const l = w.text.toLowerCase();
    if (stem && adjectiveForm(stem, from, 'i') === l) e.push([w.at, w.text.length, caseLike(adjectiveForm(stem, to, 'i'), w.text)]);
    else if (stem && adjectiveForm(stem, from, 'n') === l && ws[k - 1]?.text.toLowerCase() === 'как') e.push([w.at, w.text.length, caseLike(adjectiveForm(stem, to, 'n'), w.text)]);
  }
  return e;
}

/**
 * Each Russian positive whose notes open with a short participle (a bracket, a footnote, after a dash; at most a
 * pronoun and the state before it) with the clause put in each other gender and number: "(признан иноагентом)" →
 * "(признана …)", "(признано …)", "(признаны иноагентами)"; "Она запрещена в России и признана экстремистской" →
 * "Они запрещены … экстремистскими".
 */
export function genderNumberReinflected(cases: LabelCase[]): Perturbed[] {
  const out: Perturbed[] = [];
  for (const c of cases) {
    if (c.lang !== 'ru') continue;
    const openings: { start: number; pronoun: Word | null; from: Agreement }[] = [];
    for (const w of words(c.text)) {
      const m = SHORT_PARTICIPLE.exec(w.text);
      if (!m) continue;
      const o = OPENS.exec(c.text.slice(Math.max(0, w.at - 40), w.at));
      if (!o) continue;
      const pronoun = o[1] ? { at: w.at - (o[0].length - o[0].indexOf(o[1])), text: o[1].trim() } : null;
      if (openings.some((x) => x.start <= w.at && !/[)\n]/u.test(c.text.slice(x.start, w.at)))) continue; // the same clause
      openings.push({ start: pronoun?.at ?? w.at, pronoun, from: AGREEMENT_OF[(m[2] ?? '').toLowerCase()] as Agreement });
    }
    if (openings.length === 0) continue;
    // A plural note after names joined by a comma or "и" would be on each of them: another label, not the same one.
    const listed = openings.some((o) => /(?:,|[ \u00a0]и)[ \u00a0]+(?:\p{Ll}+[ \u00a0]+){0,3}[«"]?\p{Lu}[^.\n]{0,80}$/u.test(c.text.slice(Math.max(0, o.start - 120), o.start)));
    for (const to of ['m', 'f', 'n', 'pl'] as const) {
      if (to === 'pl' && listed) continue;
      const text = edited(c.text, openings.filter((o) => o.from !== to).flatMap((o) => clauseEdits(c.text, o.pronoun ? o.pronoun.at + o.pronoun.text.length : o.start, o.pronoun, o.from, to)));
      if (text !== c.text) out.push({ ...c, id: `${c.id}~${to}`, text, original: c });
    }
  }
  return out;
}

// ---- ё and е ----------------------------------------------------------------------------------------------------

/** Each Russian positive with "ё" in its designation participles where it prints "е", and "е" where it prints "ё". */
export function yoSwapped(cases: LabelCase[]): Perturbed[] {
  const out: Perturbed[] = [];
  for (const c of cases) {
    if (c.lang !== 'ru') continue;
    const text = c.text.replace(/(?<!\p{L})(запрещ|внес|включ)([её])(н\p{L}*)/giu, (_m, a: string, e: string, b: string) => a + (e === 'е' ? 'ё' : e === 'ё' ? 'е' : e === 'Е' ? 'Ё' : 'Е') + b);
    if (text !== c.text) out.push({ ...c, text, original: c });
  }
  return out;
}

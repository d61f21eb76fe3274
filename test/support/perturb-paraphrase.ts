// The paraphrase families (issue 10): the label phrase of each Russian and English positive said another way an
// analyst would still read as the same label (electron/labels/LABELS.md): the state named differently, the word
// order turned, the ban put on the entity's activity, "признана … и запрещена", an adverb inserted, the participle
// abbreviated, a footnote or bracket in another outlet's formula; in English another ban verb, another name of the
// state, "designated as X and banned". Each family also holds negatives of the same wording where it applies to
// them: the designation told as the news (a court or ministry its subject, a date), for the entity of each perturbed
// case, so that a rule read too widely shows as lost precision.
import { canonicalEntity, shippedCanonicaliser } from '../../electron/labels/canonical.ts';
import type { LabelKind } from '../../electron/model.ts';
import type { LabelCase } from './label-scoring.ts';
import { caseLike, hash, pickOf, type Perturbed } from './text-edits.ts';

const lowerFirst = (s: string): string => (s[0] ?? '').toLowerCase() + s.slice(1);

// ---- Russian ----------------------------------------------------------------------------------------------------

const RU_STATES = ['в России', 'в РФ', 'в Российской Федерации', 'на территории России', 'на территории РФ', 'на территории Российской Федерации'];
const RU_STATE = '(?:в|на территории) (?:России|РФ|Российской Федерации)';
/** A designation participle, short or long ("запрещена", "признанной", "внесен"). */
const RU_PARTICIPLE = '(?:запрещ[её]н|признан|внес[её]н|включ[её]н)\\p{L}*';
const SP = '[ \\u00a0]+';

/** The state beside a designation participle, after it or before it. */
const STATE_BESIDE = new RegExp(`(?<=(?<!\\p{L})${RU_PARTICIPLE}${SP})${RU_STATE}(?!\\p{L})|(?<!\\p{L})${RU_STATE}(?=${SP}${RU_PARTICIPLE})`, 'giu');

/** The state beside each designation participle named another way, two ways per case. */
function ruStates(c: LabelCase): string[] {
  const found = [...c.text.matchAll(STATE_BESIDE)];
  if (found.length === 0) return [];
  return [0, 1].map((k) => {
    let n = 0;
    return c.text.replace(STATE_BESIDE, (s) => {
      const others = RU_STATES.filter((x) => x.toLowerCase() !== s.toLowerCase());
      return caseLike(others[(hash(`${c.id}:${k}:${n++}`) + k) % others.length] as string, s);
    });
  });
}

/** A participle and the state beside it in the other order ("запрещена в России" ↔ "в России запрещена"). */
function ruOrder(c: LabelCase): string[] {
  const re = new RegExp(`(?<!\\p{L})(?:(${RU_PARTICIPLE})${SP}(${RU_STATE})(?!\\p{L})|(${RU_STATE})${SP}(${RU_PARTICIPLE}))`, 'gu');
  const text = c.text.replace(re, (_m, p1?: string, s1?: string, s2?: string, p2?: string) =>
    (p1 && s1 ? `${caseLike(s1, p1)} ${lowerFirst(p1)}` : `${caseLike(p2 as string, s2 as string)} ${lowerFirst(s2 as string)}`));
  return text === c.text ? [] : [text];
}

/** The relative pronoun "которой/которого/которых" agreeing with a long participle's ending, or null when it is ambiguous. */
function whoseOf(participle: string): string | null {
  const l = participle.toLowerCase();
  if (/(?:ая|ой|ую)$/u.test(l)) return 'которой';
  if (/(?:ый|ого|ому|ое)$/u.test(l)) return 'которого';
  if (/(?:ые|ых|ыми)$/u.test(l)) return 'которых';
  return null;
}

/**
 * "Признана экстремистской" said with the ban too: after a designation participle ("признан", "признанной") and its
 * ground adjective, where no ban is said, " и запрещен…" agreeing with the participle ("признана террористической и
 * запрещена", "признанной экстремистской и запрещенной в России организации", "признана нежелательной и запрещена").
 */
function ruRecognisedAndBanned(c: LabelCase): string[] {
  // The ground is the complement, not a noun's adjective ("признан террористической организацией"), and no ban follows
  // in the clause ("признана экстремистской, ее деятельность запрещена").
  const re = /(?<!\p{L})признан(н\p{L}+|а|о|ы)?(?!\p{L})([ \u00a0]+(?:в России |в РФ )?(?:террористическ|экстремистск|нежелательн)\p{L}+)(?!\p{L})(?![ \u00a0]+(?:организаци|группировк|движени|объединени|сообществ|формировани|структур))(?![^.()\n]{0,80}запрещ)/giu;
  const text = c.text.replace(re, (m: string, ending: string | undefined, ground: string, at: number) => {
    if (/запрещ[^.()\n]{0,60}$/iu.test(c.text.slice(Math.max(0, at - 60), at))) return m; // the ban said before it
    return `признан${ending ?? ''}${ground} и запрещен${ending ?? ''}`;
  });
  return text === c.text ? [] : [text];
}

/**
 * The ban put on the entity's activity: "(запрещена в РФ)" → "(деятельность запрещена в РФ)", ", запрещенная в
 * России" → ", деятельность которой запрещена в России".
 */
function ruActivity(c: LabelCase): string[] {
  let text = c.text.replace(new RegExp(`\\((?:${RU_STATE}${SP})?запрещ[её]н(?:а|о|ы)?(?!\\p{L})`, 'giu'), (m) => `(деятельность ${m.slice(1).replace(/запрещ([её])н(?:а|о|ы)?$/iu, 'запрещ$1на')}`);
  text = text.replace(new RegExp(`(,${SP})(запрещ[её]нн\\p{L}+)(${SP}${RU_STATE})`, 'gu'), (m, comma: string, p: string, s: string) => {
    const whose = whoseOf(p);
    return whose ? `${comma}деятельность ${whose} ${p.replace(/^(запрещ[её]н).*$/u, '$1а')}${s}` : m;
  });
  return text === c.text ? [] : [text];
}

/** "официально" before a designation participle, or "по решению суда" after it, one per case. */
function ruAdverb(c: LabelCase): string[] {
  const re = new RegExp(`(?<!\\p{L})(${RU_PARTICIPLE})(?=${SP}(?:${RU_STATE}|\\p{Ll}))`, 'gu');
  const official = hash(c.id) % 2 === 0;
  const text = c.text.replace(re, (p: string) => (official ? `${caseLike('официально', p)} ${lowerFirst(p)}` : `${p} по решению суда`));
  return text === c.text ? [] : [text];
}

/** The ban participle beside a state abbreviated ("запрещена в России" → "запрещ. в РФ"). */
function ruAbbreviated(c: LabelCase): string[] {
  const text = c.text.replace(new RegExp(`(?<!\\p{L})(запрещ)[её]н\\p{L}*${SP}${RU_STATE}(?!\\p{L})`, 'gu'), '$1. в РФ');
  return text === c.text ? [] : [text];
}

/**
 * Footnote formulas Russian outlets print for each kind (from the tune set's footnotes, each outlet its own): the
 * footnote of a marker whose labels are all of one kind, naming no one (no quotation, no capitalised word but its first
 * and the state's, no expected entity) and running no second footnote on, printed in another outlet's words.
 */
const RU_FOOTNOTES: Record<LabelKind, string[]> = {
  terrorist: ['Организация признана террористической и запрещена в РФ.', 'Террористическая организация, запрещенная в России.',
    'Запрещенная в РФ террористическая группировка.', 'Организация, признанная в России террористической и запрещенная на территории страны.',
    'Группировка признана террористической, запрещена в РФ.'],
  extremist: ['Организация признана экстремистской и запрещена в РФ.', 'Экстремистская организация, запрещенная в России.',
    'Признана экстремистской организацией, деятельность которой запрещена в РФ.', 'организация признана в России экстремистской и запрещена.'],
  undesirable: ['Организация признана нежелательной в России.', 'Деятельность организации признана нежелательной на территории РФ.',
    'Организация, признанная нежелательной на территории РФ', 'Признана нежелательной в РФ организацией.'],
  foreign_agent: ['Признан иноагентом.', 'Внесен Минюстом в реестр иностранных агентов.', 'Физическое лицо, выполняющее функции иноагента.',
    'Признан Министерством юстиции РФ иностранным агентом.', 'Признан иноагентом на территории РФ.'],
  banned_other: ['Запрещена в РФ', 'Организация запрещена на территории России.', 'Деятельность организации запрещена в России.',
    'Движение запрещено в России.'],
};

/** A footnote line: its marker and where its text starts. */
const FOOTNOTE = /^([ \t]*)(\*{1,3}|✱{1,3}|[¹²³]|\d{1,2})([ \t]*(?:[—–-][ \t]*)?)(.+)$/u;

/** Each footnote that names no one, of a marker whose labels share one kind, in another outlet's formula of that kind. */
function ruFootnotes(c: LabelCase): string[] {
  let n = 0;
  const lines = c.text.split('\n').map((line) => {
    const m = FOOTNOTE.exec(line);
    if (!m) return line;
    const [, lead, marker, gap, body] = m as unknown as [string, string, string, string, string];
    const kinds = new Set(c.expected.filter((e) => e.marker === marker).map((e) => e.kind));
    // A second footnote run on in the line, or the footnote naming its entity, stays as printed.
    const named = /[«"“„*✱¹²³]/u.test(body) || c.expected.some((e) => body.includes(e.entity)) || body.split(/[\s,.;:()]+/u).slice(1).some((w) => /^\p{Lu}/u.test(w) && !/^(?:Росси|РФ|Российск|Федераци|Минюст|Министерств|Верховн)/u.test(w));
    if (kinds.size !== 1 || named || body.length > 160) return line;
    const pool = (RU_FOOTNOTES[[...kinds][0] as LabelKind]).filter((f) => f !== body.trim());
    n++;
    return `${lead}${marker}${gap || ' '}${pickOf(pool, `${c.id}:${marker}`)}`;
  });
  return n === 0 ? [] : [lines.join('\n')];
}

/** Bracketed notes Russian outlets print for each kind, naming no one. */
const RU_BRACKETS: Record<LabelKind, string[]> = {
  terrorist: ['признана террористической и запрещена в РФ', 'террористическая организация, запрещена в России',
    'запрещенная в РФ террористическая организация', 'организация признана террористической и запрещена в России'],
  extremist: ['признана экстремистской и запрещена в РФ', 'экстремистская организация, запрещена в России',
    'организация признана в РФ экстремистской', 'деятельность признана экстремистской и запрещена в России'],
  undesirable: ['признана нежелательной в РФ', 'нежелательная в России организация', 'деятельность организации признана нежелательной в России',
    'признана в РФ нежелательной организацией'],
  foreign_agent: ['признан иноагентом', 'внесен в реестр иноагентов', 'признан в РФ иностранным агентом', 'внесен Минюстом в реестр иностранных агентов'],
  banned_other: ['запрещена в РФ', 'организация запрещена в России', 'деятельность запрещена в России', 'запрещено на территории РФ'],
};

/**
 * Each bracket right after a name the case labels inline with one kind (a marker-less label), naming no one, in another
 * outlet's words of that kind: "Meta (признана экстремистской и запрещена в РФ)" → "Meta (экстремистская организация,
 * запрещена в России)".
 */
function ruBrackets(c: LabelCase): string[] {
  let text = c.text;
  let n = 0;
  for (const e of c.expected) {
    if (e.marker || e.entity === '<self>') continue;
    const kinds = new Set(c.expected.filter((x) => x.entity === e.entity).map((x) => x.kind));
    if (kinds.size !== 1) continue;
    text = text.replace(new RegExp(`(${e.entity.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}[»"”]?[ \\u00a0]*\\()([^()\\n]{4,120})\\)`, 'gu'), (m, head: string, body: string) => {
      // A distributive note ("оба признаны …") is on several names: a singular formula would take it from them.
      const distributive = /(?<!\p{L})(?:оба|обе|обоих|обеих|все|всех|признаны|запрещены|внесены|включены)(?!\p{L})/iu.test(body);
      const named = distributive || /[«"“„*✱¹²³]/u.test(body) || body.split(/[\s,.;:]+/u).some((w) => /^\p{Lu}/u.test(w) && !/^(?:Росси|РФ|Российск|Федераци|Минюст|Министерств|Верховн|СМИ)/u.test(w));
      const pool = RU_BRACKETS[e.kind].filter((f) => f !== body.trim());
      if (named || !new RegExp(KIND_STEMS[e.kind], 'iu').test(body)) return m;
      n++;
      return `${head}${pickOf(pool, `${c.id}:${e.entity}`)})`;
    });
  }
  return n === 0 ? [] : [text];
}

/** A bracket says the case's kind in one of these stems (so the bracket replaced is the label's, not a gloss). */
const KIND_STEMS: Record<LabelKind, string> = {
  terrorist: 'террор', extremist: 'экстремис', undesirable: 'нежелательн', foreign_agent: 'иноагент|иностранн\\S* агент', banned_other: 'запрещ',
};

// ---- English ----------------------------------------------------------------------------------------------------

const EN_BANS = ['banned', 'outlawed', 'prohibited', 'proscribed'];
const EN_STATES = ['in Russia', 'in the Russian Federation'];
const EN_BAN = /(?<!\p{L})(banned|outlawed|prohibited|proscribed) (in Russia|in the Russian Federation)(?!\p{L})/gu;

/** Another ban verb and another name of the state ("banned in Russia" → "proscribed in the Russian Federation"), two ways per case. */
function enBans(c: LabelCase): string[] {
  if (!EN_BAN.test(c.text)) return [];
  return [0, 1].map((k) => {
    let n = 0;
    return c.text.replace(EN_BAN, (_m, verb: string, state: string) => {
      const h = hash(`${c.id}:${k}:${n++}`);
      const verbs = EN_BANS.filter((v) => v !== verb);
      return `${verbs[h % verbs.length] as string} ${k === 0 ? state : (EN_STATES.find((s) => s !== state) as string)}`;
    });
  });
}

/** "a terrorist organisation banned in Russia" → "designated as terrorist and banned in Russia" (the kind unchanged). */
function enDesignated(c: LabelCase): string[] {
  const text = c.text.replace(/(?<!\p{L})(?:an? )?(terrorist|extremist) (?:organi[sz]ation|group)s? (?:banned|outlawed|prohibited) (in Russia|in the Russian Federation)/gu,
    (_m, ground: string, state: string) => `designated as ${ground} and banned ${state}`);
  return text === c.text ? [] : [text];
}

/** "officially" before a ban or designation participle. */
function enAdverb(c: LabelCase): string[] {
  const text = c.text.replace(/(?<!\p{L})(banned|outlawed|prohibited|proscribed|designated|recogni[sz]ed) (in|as)(?!\p{L})/gu, 'officially $1 $2');
  return text === c.text ? [] : [text];
}

// ---- negatives: the designation as the news --------------------------------------------------------------------

const RU_DATES = ['29 декабря 2014 года', '14 февраля 2003 года', '20 апреля 2017 года', '21 марта 2022 года', '17 ноября 2023 года'];
const EN_DATES = ['on 29 December 2014', 'on 14 February 2003', 'on 20 April 2017', 'on 21 March 2022', 'on 17 November 2023'];

/** The entity's name for a news sentence: the alias table's first name in the language, else the name as the case writes it. */
function newsName(entity: string, lang: string): string | null {
  const k = canonicalEntity(entity, lang);
  const e = k.known ? shippedCanonicaliser().entry(k.canonical) : undefined;
  if (e && e.type === 'person') return null; // a person's name would need its case form in the sentence
  const name = lang === 'en' ? e?.canonical ?? entity : e?.aliases[lang]?.[0] ?? entity;
  return lang === 'en' ? name : `«${name.replace(/^[«"]|[»"]$/gu, '')}»`;
}

const YEARS = ['2003', '2014', '2017', '2022', '2023'];

/**
 * How the news says each kind: a court or ministry designating the entity on a date, in the very words of the label
 * ("declared … a terrorist organization banned in Russia", AP's wording), or the decision told in the passive with its
 * year. The state is "в России" / "in Russia"; the family then says it its own way.
 */
const NEWS: Record<'ru' | 'en', Record<'active' | 'passive', Record<LabelKind, string>>> = {
  ru: {
    active: {
      terrorist: 'Верховный суд РФ {d} признал {e} террористической организацией, запрещенной в России.',
      extremist: 'Верховный суд РФ {d} признал {e} экстремистской организацией, запрещенной в России.',
      undesirable: 'Генпрокуратура {d} признала {e} нежелательной организацией, запрещенной в России.',
      foreign_agent: 'Минюст {d} признал {e} иностранным агентом, внесенным в реестр в России.',
      banned_other: 'Суд {d} признал {e} организацией, запрещенной в России.',
    },
    passive: {
      terrorist: 'В {y} году организация {e} была признана террористической и запрещена в России.',
      extremist: 'В {y} году организация {e} была признана экстремистской и запрещена в России.',
      undesirable: 'В {y} году деятельность организации {e} была признана нежелательной в России.',
      foreign_agent: 'В {y} году организация {e} была внесена в России в реестр иностранных агентов.',
      banned_other: 'В {y} году деятельность организации {e} была запрещена в России.',
    },
  },
  en: {
    active: {
      terrorist: "Russia's Supreme Court {d} declared {e} a terrorist organization banned in Russia.",
      extremist: 'A Moscow court {d} declared {e} an extremist organization banned in Russia.',
      undesirable: "The Prosecutor General's Office {d} declared {e} an undesirable organization, its work banned in Russia.",
      foreign_agent: 'The Justice Ministry {d} designated {e} a foreign agent in Russia.',
      banned_other: 'A Russian court {d} declared {e} an organization banned in Russia.',
    },
    passive: {
      terrorist: 'In {y}, {e} was designated a terrorist organization and banned in Russia.',
      extremist: 'In {y}, {e} was declared extremist and banned in Russia.',
      undesirable: 'In {y}, {e} was declared undesirable and banned in Russia.',
      foreign_agent: 'In {y}, {e} was designated as a foreign agent in Russia.',
      banned_other: 'In {y}, {e} was banned in Russia.',
    },
  },
};

/** The news negatives of a case, for its first expected organisation; none when it labels only people. */
function newsNegatives(c: LabelCase, lang: 'ru' | 'en'): LabelCase[] {
  const e = c.expected.find((x) => x.entity !== '<self>' && newsName(x.entity, lang) !== null);
  if (!e) return [];
  const dates = lang === 'en' ? EN_DATES : RU_DATES;
  return (['active', 'passive'] as const).map((voice) => ({
    id: `${c.id}~news-${voice}`, lang, expected: [],
    text: NEWS[lang][voice][e.kind].replace('{d}', pickOf(dates, c.id)).replace('{y}', pickOf(YEARS, c.id)).replace('{e}', newsName(e.entity, lang) as string),
  }));
}

// ---- the families -----------------------------------------------------------------------------------------------

interface Paraphrase {
  lang: 'ru' | 'en';
  variants: (c: LabelCase) => string[];
}

export const PARAPHRASES: Record<string, Paraphrase> = {
  'paraphrase: state (ru)': { lang: 'ru', variants: ruStates },
  'paraphrase: word order (ru)': { lang: 'ru', variants: ruOrder },
  'paraphrase: activity (ru)': { lang: 'ru', variants: ruActivity },
  'paraphrase: recognised and banned (ru)': { lang: 'ru', variants: ruRecognisedAndBanned },
  'paraphrase: adverb (ru)': { lang: 'ru', variants: ruAdverb },
  'paraphrase: abbreviation (ru)': { lang: 'ru', variants: ruAbbreviated },
  'paraphrase: footnote formula (ru)': { lang: 'ru', variants: ruFootnotes },
  'paraphrase: bracket formula (ru)': { lang: 'ru', variants: ruBrackets },
  'paraphrase: ban verb and state (en)': { lang: 'en', variants: enBans },
  'paraphrase: designated and banned (en)': { lang: 'en', variants: enDesignated },
  'paraphrase: adverb (en)': { lang: 'en', variants: enAdverb },
};

/**
 * The positives of the family's language paraphrased (each variant a case), and for each case paraphrased its news
 * negatives paraphrased the same way (their originals: the news as the template says it).
 */
export function paraphrased(cases: LabelCase[], family: Paraphrase): Perturbed[] {
  const out: Perturbed[] = [];
  for (const c of cases) {
    if (c.lang !== family.lang || c.expected.length === 0) continue;
    const variants = [...new Set(family.variants(c))].filter((t) => t !== c.text);
    variants.forEach((text, k) => out.push({ ...c, id: variants.length > 1 ? `${c.id}~${k}` : c.id, text, original: c }));
    if (variants.length === 0) continue;
    for (const n of newsNegatives(c, family.lang)) {
      const text = family.variants(n)[0];
      if (text !== undefined) out.push({ ...n, text, original: n });
    }
  }
  return out;
}

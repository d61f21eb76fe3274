// The foreign-agent family (issue 10, held-out part 5's weak spot): each Russian positive whose only foreign-agent
// wording is one bracket or one footnote, that note turned into the hard negatives LABELS.md names, in the label's own
// words, beside the same note said another way an annotator still labels (so recall is watched too):
// - negated: "(не признан иноагентом)", "(не является иноагентом)";
// - another state's registry: Kazakhstan's, Kyrgyzstan's Ministry of Justice, Georgia's, the US (FARA);
// - quote and critique: "(так называемый «иноагент»)", "(власти называют его «иноагентом»)";
// - the news: the bracket dropped and the designation told after the sentence ("В пятницу Минюст внес его в реестр
//   иноагентов.", "В 2022 году он был признан иноагентом.", a dated status sentence, LABELS.md "Annotation");
// - the 2022 named notice with its name fields left blank (a template, naming no one), or cited after a colon.
// A negative's expected labels are the case's without its foreign-agent ones; every other label stays.
import type { LabelCase } from './label-scoring.ts';
import { pickOf, type Perturbed } from './text-edits.ts';

/** Every foreign-agent wording a Russian text can hold; a case perturbed here holds exactly one outside a notice. */
const FA_WORD = /иноагент|иностранн\p{L}*[ \u00a0]+агент/giu;
const BRACKET = /\(([^()\n]*?(?:иноагент|иностранн\p{L}*[ \u00a0]+агент)[^()\n]*)\)/iu;
const FOOTNOTE = /^([ \t]*(?:[*✱]+|[¹²³⁴⁵⁶⁷⁸⁹]+)[ \t]*[-–—]?[ \t]*)([^\n]*(?:иноагент|иностранн\p{L}*[ \u00a0]+агент)[^\n]*)$/imu;
const NOTICE = /(ИНОСТРАННЫМ АГЕНТОМ )(.+?)( ЛИБО КАСАЕТСЯ ДЕЯТЕЛЬНОСТИ ИНОСТРАННОГО АГЕНТА )(.+?)(?=[.\n]|$)/u;

/** A note that says another ground as well ("признан иноагентом и экстремистом"): the family leaves it alone. */
const OTHER_GROUND = /экстремист|террорист|нежелательн|запрещ|перечень|Росфинмониторинг/iu;

/** Gender and number of the note's subject: the short participle's ending ('', 'а', 'о', 'ы'), or null when none says it. */
function agreement(note: string): string | null {
  if (/(?<!\p{L})(?:оба|обе)(?!\p{L})|иноагентами|агентами/iu.test(note)) return 'ы';
  const m = /(?<!\p{L})(?:признан|внес[её]н|включ[её]н|объявлен)(а|о|ы)?(?!\p{L})/iu.exec(note);
  return m ? m[1] ?? '' : null;
}

interface Forms { pl: boolean; s: string; acc: string; nom: string; was: string; adj: string }
const FORMS: Record<string, Forms> = {
  '': { pl: false, s: '', acc: 'его', nom: 'он', was: 'был', adj: 'ый' },
  а: { pl: false, s: 'а', acc: 'ее', nom: 'она', was: 'была', adj: 'ая' },
  о: { pl: false, s: 'о', acc: 'его', nom: 'оно', was: 'было', adj: 'ое' },
  ы: { pl: true, s: 'ы', acc: 'их', nom: 'они', was: 'были', adj: 'ые' },
};

const agentI = (f: Forms): string => (f.pl ? 'иноагентами' : 'иноагентом');

/** The note as a hard negative, each way: [variant name, note text]. */
function negativeNotes(f: Forms): [string, string][] {
  return [
    ['negated', `не признан${f.s} ${agentI(f)}`],
    ['negated', `не ${f.pl ? 'являются' : 'является'} ${agentI(f)}`],
    ['other state', `признан${f.s} ${agentI(f)} в Казахстане`],
    ['other state', `внесен${f.s} в реестр иностранных агентов Минюстом Киргизии`],
    ['other state', `признан${f.s} иностранным ${f.pl ? 'агентами' : 'агентом'} Министерством юстиции Грузии`],
    ['other state', `зарегистрирован${f.s} как ${f.pl ? 'иностранные агенты' : 'иностранный агент'} в США`],
    ['quote', `так называем${f.adj} «${f.pl ? 'иноагенты' : 'иноагент'}»`],
    ['quote', `власти называют ${f.acc} «${agentI(f)}»`],
  ];
}

/** The note said another way an annotator still labels. */
function positiveNotes(f: Forms): string[] {
  return [`внесен${f.s} в реестр иноагентов`, `признан${f.s} в РФ иностранным ${f.pl ? 'агентами' : 'агентом'}`];
}

/** The designation told as the news, after the sentence whose bracket was dropped. */
function newsSentences(f: Forms): string[] {
  return [
    `В пятницу Минюст внес ${f.acc} в реестр иноагентов.`,
    `Минюст признал ${f.acc} ${agentI(f)} 5 мая 2023 года.`,
    `В 2022 году ${f.nom} ${f.was} признан${f.s} ${agentI(f)}.`,
    `${f.nom[0]?.toUpperCase()}${f.nom.slice(1)} ${f.was} внесен${f.s} в реестр иностранных агентов в прошлую пятницу.`,
  ];
}

const upperFirst = (s: string): string => (s[0] ?? '').toUpperCase() + s.slice(1);

/** The end of the sentence that holds `at` (after its full stop), or the text's end. */
function sentenceEnd(text: string, at: number): number {
  const m = /[.!?…](?=[ \u00a0\n]|$)/u.exec(text.slice(at));
  return m ? at + m.index + 1 : text.length;
}

/** The family's cases of one positive: negatives and positives, each a perturbed copy. */
function agentVariants(c: LabelCase): Perturbed[] {
  const out: Perturbed[] = [];
  const withoutFA = c.expected.filter((x) => x.kind !== 'foreign_agent');
  const add = (tag: string, text: string, negative: boolean): void => {
    if (text !== c.text) out.push({ ...c, id: `${c.id}~fa-${tag}-${out.length}`, text, expected: negative ? withoutFA : c.expected, original: c });
  };
  const notice = NOTICE.exec(c.text);
  if (notice) {
    const rest = c.text.replace(NOTICE, '');
    // The names blanked, as a template prints them: only where the notice was the text's one foreign-agent label.
    if (![...rest.matchAll(FA_WORD)].length && !/ИНОСТРАНН/u.test(rest)) {
      for (const blank of ['____', '(ФИО)']) add('blank', c.text.replace(NOTICE, `$1${blank}$3${blank}`), true);
      // The notice cited: a sentence introduces it with a colon, so the text prints it as an example.
      const opens = c.text.search(/НАСТОЯЩИЙ МАТЕРИАЛ/u);
      if (opens >= 0) add('cited', `${c.text.slice(0, opens)}Суд оштрафовал блогера за отсутствие маркировки: ${c.text.slice(opens)}`, true);
    }
    return out;
  }
  if ([...c.text.matchAll(FA_WORD)].length !== 1) return out;
  const b = BRACKET.exec(c.text);
  if (b && OTHER_GROUND.test(b[1] as string)) return out;
  if (b) {
    const s = agreement(b[1] as string);
    if (s === null) return out;
    const f = FORMS[s] as Forms;
    const at = b.index;
    // The bracket's own subject before its participle stays ("(и телеканал, и журналистка признаны …)").
    const lead = /^(.*?)(?<!\p{L})(?:признан|внес[её]н|включ[её]н|объявлен)/iu.exec(b[1] as string)?.[1] ?? '';
    const swap = (note: string): string => `${c.text.slice(0, at)}(${lead}${note})${c.text.slice(at + b[0].length)}`;
    for (const [tag, note] of negativeNotes(f)) add(tag.replace(' ', '-'), swap(note), true);
    for (const note of positiveNotes(f)) add('same', swap(note), false);
    // The bracket dropped (with the space before it), the news told right after its sentence.
    const before = c.text.slice(0, at).replace(/[ \u00a0]+$/u, '');
    const cut = before + c.text.slice(at + b[0].length);
    const end = sentenceEnd(cut, before.length);
    add('news', `${cut.slice(0, end)} ${pickOf(newsSentences(f), c.id)}${cut.slice(end)}`, true);
    return out;
  }
  const n = FOOTNOTE.exec(c.text);
  if (n && !OTHER_GROUND.test(n[2] as string)) {
    const f = FORMS[agreement(n[2] as string) ?? ''] as Forms;
    const at = n.index + (n[1] as string).length;
    for (const [tag, note] of negativeNotes(f)) add(tag.replace(' ', '-'), `${c.text.slice(0, at)}${upperFirst(note)}.${c.text.slice(at + (n[2] as string).length)}`, true);
    for (const note of positiveNotes(f)) add('same', `${c.text.slice(0, at)}${upperFirst(note)}.${c.text.slice(at + (n[2] as string).length)}`, false);
  }
  return out;
}

/** The foreign-agent family on the Russian positives with a foreign-agent label. */
export function agentPerturbed(cases: LabelCase[]): Perturbed[] {
  return cases.filter((c) => c.lang === 'ru' && c.expected.some((x) => x.kind === 'foreign_agent')).flatMap(agentVariants);
}

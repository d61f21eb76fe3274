// Reading a note (a footnote, a parenthesis, an appositive clause, a prenominal phrase) for what it says: the
// kinds its grounds name, its language, whether it names the designating state, and whether an exclusion of
// LABELS.md applies (another jurisdiction, a quote or critique, a self-disclosure, the news event itself).
import type { LabelKind } from '../model.ts';
import { KINDS, type Hit, type ListName } from './lexicon.ts';
import { isFunctional, type Reading } from './reading.ts';
import { matchAt } from './phrase-syntax.ts';
import { quoteMarkAt } from './names.ts';

export interface Note {
  /** One ground per kind, specific kinds first; `banned_other` only when no specific kind is named. */
  grounds: { kind: LabelKind; hit: Hit }[];
  langs: Set<string>;
  /** Names Russia or Belarus as the designating state. */
  state: boolean;
  /** Holds a phrase that is a Russian designation by itself ("иноагент", "undesirable"). */
  alone: boolean;
  /** Holds a designation verb or participle ("признан", "designated"). */
  predicate: boolean;
  distributive: boolean;
  /** Why the note is not a label, or null. */
  excluded: string | null;
}

export interface NoteOptions {
  /** Read news-event cues (for notes in the running text, not footnotes or parentheses). */
  news: boolean;
  /** A ground in quotation marks is still the outlet's own label (in its brackets: "(désigné « agent de l'étranger » en Russie)"). */
  quotedGround?: boolean;
  /**
   * The note is in brackets: a verb of naming outside them governs the sentence, not the aside ("назвал блогера
   * Юрия Дудя (внесен … в реестр иноагентов) лучшим интервьюером"), so only a critique within the brackets counts.
   */
  bracketed?: boolean;
}

const SPECIFIC: readonly LabelKind[] = ['terrorist', 'extremist', 'undesirable', 'foreign_agent'];

/** The note's language: the one whose phrases explain most of its hits (several when tied). */
function languagesOf(hits: Hit[]): Set<string> {
  const score = new Map<string, Set<string>>();
  for (const h of hits) {
    if (h.list === 'stopwords') continue;
    const key = `${h.list}:${h.index}`;
    const seen = score.get(h.lang) ?? new Set<string>();
    seen.add(key);
    score.set(h.lang, seen);
  }
  let best = 0;
  for (const s of score.values()) best = Math.max(best, s.size);
  return new Set([...score].filter(([, s]) => s.size === best && best > 0).map(([l]) => l));
}

/**
 * Reads a note from the hits found in it (`hits`, all lists) and those of its sentence (`context`, for critique,
 * self-disclosure and news cues). A quotation opened between `quoteFrom` (just after the labelled name) and a
 * ground quotes the label rather than applying it.
 */
export function readNote(r: Reading, quoteFrom: number, hits: Hit[], context: Hit[], options: NoteOptions): Note {
  const text = r.text;
  const langs = languagesOf(hits);
  const inLang = (h: Hit): boolean => !isFunctional(h.list) || langs.size === 0 || langs.has(h.lang);
  const has = (list: ListName, pool: Hit[] = hits): boolean => pool.some((h) => h.list === list && inLang(h));
  const grounds: Note['grounds'] = [];
  // A Russian designating body followed by another state's name is that state's body ("Минюстом Киргизии",
  // "Министерством юстиции Грузии", "Верховным судом Казахстана"): the other state, not Russia, designates.
  const bodyOf = (h: Hit): Hit | undefined => h.list === 'states'
    ? hits.find((o) => o.list === 'other_states' && o.index > h.end && /^[ \u00a0]+$/u.test(text.slice(h.end, o.index))) : undefined;
  hits = hits.filter((h) => bodyOf(h) === undefined);
  const own = hits.filter((h) => !foreignGround(text, h, hits) && !entryBan(r, h));
  for (const kind of KINDS) {
    const kindHits = own.filter((h) => h.list === kind);
    const hit = kindHits.find((h) => langs.has(h.lang)) ?? kindHits[0];
    if (hit) grounds.push({ kind, hit });
  }
  const specific = grounds.filter((g) => SPECIFIC.includes(g.kind));
  const note: Note = {
    grounds: specific.length > 0 ? specific : grounds,
    langs,
    state: has('states'),
    alone: has('alone'),
    predicate: has('predicates') || grounds.some((g) => g.kind === 'banned_other'),
    distributive: has('distributive'),
    excluded: null,
  };
  // A lower-case state adjective straight before a designation noun says the entity's nationality, not who designated
  // it ("*WhatsApp принадлежит американской компании Meta, внесенной в реестр террористов и экстремистов").
  const nationality = (h: Hit): boolean => /^\p{Ll}/u.test(text[h.index] ?? '')
    && r.phraseAt(h.end + (/^[ \u00a0]+/.exec(text.slice(h.end, h.end + 3))?.[0].length ?? 0), ['nouns']) > h.end;
  if (grounds.length === 0) note.excluded = 'no ground';
  else if (!note.state && hits.some((h) => h.list === 'other_states' && inLang(h) && !nationality(h))) note.excluded = 'other jurisdiction';
  // The specific grounds decide when there are any: in scare quotes they quote the whole designation, even beside a
  // plain "banned" ("banned as \"extremist\" under Russian law"); one of them unquoted is the outlet's own.
  else if (!options.quotedGround && decisiveGrounds(own).every((h) => quotedGround(text, h.index) || opensQuote(text, quoteFrom, h.index))) note.excluded = 'quote';
  // A critique is told before the label or in it ("RT described the group as …"), not after it ("… held a so-called
  // press conference").
  // A cue right before the name it scorns ("так называемого «Русского добровольческого корпуса», террористической …")
  // questions the name, not the label after it.
  else if (has('critique', options.bracketed ? hits : context.filter((h) => h.index < noteEnd(hits) && !onName(text, h, quoteFrom, context)))) note.excluded = 'quote or critique';
  // The outlet speaks of itself before or in the designation ("мы признаны иноагентом"); a remark after it on why
  // it labels others ("(оба признаны … «иностранными агентами» — мы указываем это по требованию властей)") is no
  // self-disclosure.
  else if (has('self', [...context, ...hits].filter((h) => h.index < firstGroundEnd(grounds)))) note.excluded = 'self-disclosure';
  else if (options.news && newsOf(r, note, context, inLang, hits[0]?.index ?? -1)) note.excluded = 'news event';
  return note;
}

/** Every hit of the specific grounds among `hits`, else every hit of any ground. */
function decisiveGrounds(hits: Hit[]): Hit[] {
  const grounds = hits.filter((h) => (KINDS as readonly string[]).includes(h.list));
  const specific = grounds.filter((h) => SPECIFIC.includes(h.list as LabelKind));
  return specific.length > 0 ? specific : grounds;
}

/** The critique cue `h` stands right before a capitalised or quoted name that ends by `limit` and holds no ground. */
function onName(text: string, h: Hit, limit: number, context: Hit[]): boolean {
  if (h.list !== 'critique') return false;
  const m = /^[ \u00a0]+[«"“„]?\p{Lu}/u.exec(text.slice(h.end, h.end + 4));
  if (!m) return false;
  const from = h.end + m[0].length - 1;
  const stop = text.slice(from, from + 80).search(/[»"”,(;.]/);
  const end = from + (stop < 0 ? 80 : stop);
  return end <= limit && !context.some((g) => KINDS.includes(g.list as LabelKind) && g.index >= from && g.index < end);
}

// Japanese 「」 mark terms as much as quotations: a status term in them is still the outlet's own.
const QUOTE_OPENERS = '«“„‘‹';

/** Where a note's first ground ends. */
function firstGroundEnd(grounds: { hit: Hit }[]): number {
  return grounds.reduce((m, g) => Math.min(m, g.hit.end), Number.MAX_SAFE_INTEGER);
}

/** Where a note's last phrase ends. */
function noteEnd(hits: Hit[]): number {
  return hits.reduce((m, h) => Math.max(m, h.end), 0);
}

/** A ground in quotation marks: "banned as \"extremist\"", "признано «нежелательным»". */
function quotedGround(text: string, at: number): boolean {
  const before = text[at - 1] ?? '\0';
  if (QUOTE_OPENERS.includes(before)) return true;
  const b2 = text[at - 2] ?? ' ';
  return (before === '"' || before === "'") && /[\s(]/.test(b2) || (before === ' ' && QUOTE_OPENERS.includes(b2));
}

/**
 * A ban on entering the country: "banned from entering Russia", "proibidos de entrar na Rússia", "ロシアへの入国を禁じられた"
 * bar a person's entry, they designate no one (DECISIONS-B). A `banned_other` ground with an `entry_words` word (any
 * language) starting within two words after it, or within twelve characters before it (verb-final languages put the
 * object first), is no ground.
 */
function entryBan(r: Reading, g: Hit): boolean {
  if (g.list !== 'banned_other') return false;
  const text = r.text;
  const starts: number[] = [];
  let pos = g.end;
  for (let k = 0; k < 3 && pos < text.length; k++) {
    const gap = /^[^\p{L}\p{N}]{0,3}/u.exec(text.slice(pos, pos + 3))?.[0] ?? '';
    pos += gap.length;
    starts.push(pos);
    const word = /^[\p{L}\p{M}'’\-]+/u.exec(text.slice(pos, pos + 40))?.[0] ?? '';
    if (word.length === 0) break;
    pos += word.length;
  }
  for (let p = Math.max(0, g.index - 12); p < g.index; p++) if (p === 0 || !/[\p{L}\p{M}]/u.test(text[p - 1] ?? '') || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text[p] ?? '')) starts.push(p);
  return starts.some((p) => r.lex.wordAt('entry_words', text, p, null, Math.min(text.length, p + 30)) > p);
}

/**
 * A ground that another jurisdiction claims: the first state named after it, before the next ground, is not
 * Russia ("ambos proibidos na Rússia e reconhecidos como grupos terroristas no Brasil": terrorist is Brazil's). A
 * state inside a quotation opened after the ground is the cited reason's ("признали в РФ иноагентом за «финансирование
 * от Украины …»"), not a jurisdiction.
 */
function foreignGround(text: string, g: Hit, hits: Hit[]): boolean {
  if (!(KINDS as readonly string[]).includes(g.list)) return false;
  const next = hits.find((h) => h.index >= g.end && h.index - g.end < 30 && (h.list === 'states' || h.list === 'other_states'
    || ((KINDS as readonly string[]).includes(h.list) && h.index > g.end)));
  return next?.list === 'other_states' && !/[«“„"]/.test(text.slice(g.end, next.index));
}

/**
 * The news of a designation in the note's sentence: a news cue that names no ground ("ruled", "запретил") applies
 * to every note; one that names a ground ("признала нежелательной") only to a note of the same kind, so the news of
 * one designation does not hide an aside about another ("…признала нежелательной… «Medusa Project», признанной
 * иноагентом").
 */
function newsOf(r: Reading, note: Note, context: Hit[], inLang: (h: Hit) => boolean, noteStart: number): boolean {
  // "banned" in the news is the generic designation: it concerns a note of any kind.
  const kinds = new Set(note.grounds.map((g) => g.kind));
  // A generic note hung on the designation noun the news cue ends with ("признал «Meta» экстремистской организацией,
  // запрещенной в России": AP's "declared … a terrorist organization banned in Russia") is that news's complement.
  const onCue = (c: Hit): boolean => kinds.size === 1 && kinds.has('banned_other') && c.end <= noteStart
    && /^[ \u00a0]*(?:\p{L}+[ \u00a0]*)?[,—–]?[ \u00a0]*$/u.test(r.text.slice(c.end, noteStart));
  return context.some((h) => {
    if (h.list !== 'news_events' || !inLang(h)) return false;
    // A cue followed by "that" is a verb of saying ("Naryshkin a déclaré que …", "declared that", "заявил, что"), as
    // is one followed by the Russian "о" ("Сирия объявила о победе над запрещенной в РФ группировкой …").
    if (sayingAfter(r, h.end)) return false;
    // A cue that overlaps one naming a ground tells that ground's news ("иску о признании экстремистскими": the
    // lawsuit is about "extremist", not about an aside on another kind).
    const spans = context.filter((c) => c.list === 'news_events' && inLang(c) && c.index < h.end && h.index < c.end);
    const named = context.filter((g) => SPECIFIC.includes(g.list as LabelKind) && spans.some((c) => g.index >= c.index && g.end <= c.end)).map((g) => g.list as LabelKind);
    return named.length === 0 || named.some((k) => kinds.has(k)) || spans.some(onCue);
  });
}

/**
 * A conjunction of the phrase files' `saying` lists (of every language, whatever the cue's) within 8 characters after
 * `at`, past a comma, and a whole word: no letter follows it ("thatcher", "чтобы" are none).
 */
function sayingAfter(r: Reading, at: number): boolean {
  const text = r.text;
  const to = Math.min(text.length, at + 8);
  const p = at + (/^[ \u00a0]*,?[ \u00a0]*/.exec(text.slice(at, to))?.[0].length ?? 0);
  if (r.lex.wordAt('saying', text, p, null, to) < 0) return false;
  return r.lex.words('saying').some((w) => {
    const end = matchAt(w, text, p, to);
    return end > p && !(end < to && /\p{L}/u.test(text[end] ?? ''));
  });
}

const PAIRS: Record<string, string> = { '«': '»', '“': '”', '„': '“', '‘': '’', '「': '」', '『': '』', '‹': '›' };

/** An apostrophe opening a one-letter lower-case word is an elided article, no quotation (Afrikaans "'n", Dutch "'t"). */
function elidedArticle(text: string, i: number): boolean {
  return /^\p{Ll}[ \u00a0]/u.test(text.slice(i + 1, i + 3));
}

/** True when a quotation opened in text[from, to) is still open at `to` ("described it as 'a terrorist group…'"). */
export function opensQuote(text: string, from: number, to: number): boolean {
  const open: string[] = [];
  for (let i = Math.max(0, from); i < to; i++) {
    const ch = quoteMarkAt(text, i);
    const closes = open.length > 0 && (PAIRS[open[open.length - 1] ?? ''] === ch || (ch === '”' && open[open.length - 1] === '„'));
    if (closes) open.pop();
    else if (PAIRS[ch] !== undefined && !(ch === '“' && /[\p{L}\p{Nd}.,!?]/u.test(text[i - 1] ?? ' '))) open.push(ch);
    else if (ch === '"') {
      // A straight quote right after a word closes one opened before `from`.
      if (open[open.length - 1] === '"') open.pop();
      else if (!/[\p{L}\p{Nd}.,!?)]/u.test(text[i - 1] ?? ' ')) open.push('"');
    } else if (ch === "'" && !/\p{L}/u.test(text[i - 1] ?? ' ') && /\p{L}/u.test(text[i + 1] ?? '') && !elidedArticle(text, i)) open.push("'");
    else if (ch === "'" && open[open.length - 1] === "'" && !/\p{L}/u.test(text[i + 1] ?? ' ')) open.pop();
  }
  return open.length > 0;
}

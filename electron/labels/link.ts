// Linking footnotes to the mentions that carry their marker. One footnote can serve several mentions ("*Признан
// иноагентом" under every name marked *), and one mention several footnotes. A footnote that names its entity
// ("*The Taliban is a terrorist group…", "*Meta признана экстремистской…") labels that entity, written as at its
// marked mention when one matches; one that names an owner ("*Instagram is owned by Meta, banned…") labels the
// owner; one that names nobody ("*Признан иноагентом", "**Физическое лицо, выполняющее функции иностранного
// агента") labels every marked mention no other footnote of the marker claims.
import type { LabelKind } from '../model.ts';
import type { Candidate } from './label-set.ts';
import type { Reading } from './reading.ts';
import { KINDS, type Hit, type ListName } from './lexicon.ts';
import { readNote, type Note } from './notes.ts';
import { LEGAL_FORM_TAIL, markedMentions, type FootnoteStart } from './markers.ts';
import { isNameWord, nameAfter, nameBefore, sameEntity, type NameSpan } from './names.ts';
import { designationKinds, skipDesignationBack } from './designation.ts';
import type { Canonical } from './canonical-name.ts';

interface Footnote {
  start: FootnoteStart;
  note: Note;
  evidence: string;
}

interface Mention {
  entity: string;
  span: NameSpan;
}

/** Labels from every footnote of the text whose note names a ground. */
export function linkFootnotes(r: Reading, starts: FootnoteStart[], add: (c: Candidate) => void, canonical: Canonical, owned: (entity: string) => void): void {
  const byMarker = new Map<string, Footnote[]>();
  for (const s of starts) {
    const hits = r.hits(s.body, s.end);
    if (!hits.some((h) => h.list === 'terrorist' || h.list === 'extremist' || h.list === 'undesirable' || h.list === 'foreign_agent' || h.list === 'banned_other')) continue;
    // "**Update:** …**": Markdown emphasis, not a footnote.
    const run = /^[*✱]+/.exec(s.marker)?.[0];
    if (run && r.text.slice(s.body, s.end).trimEnd().endsWith(run)) continue;
    const note = readNote(r, s.body, hits, hits, { news: false });
    // A note that only says "banned" must say where ("*재판매 및 DB 금지" is a photo's terms of use).
    if (note.excluded || (note.grounds.every((g) => g.kind === 'banned_other') && !note.state && !note.alone)) continue;
    // A footnote opening with its name reads as the appositive it is written as: it names the state (or a designation
    // that is Russian by itself), as an inline note must ("«Катиба …»* - радикал террорчилик гуруҳи" is an epithet).
    if (s.head !== undefined && (!note.state && !note.alone || namedBeforeGround(r, s, hits))) continue;
    const list = byMarker.get(s.marker) ?? [];
    list.push({ start: s, note, evidence: r.text.slice(s.at, s.end).trimEnd() });
    byMarker.set(s.marker, list);
  }
  if (byMarker.size === 0) return;
  const skip = new Set(starts.flatMap((s) => s.head === undefined ? [s.at] : [s.at, s.head]));
  // Markers in the order of their first marked mention: an entity marked twice ("Талибан✱" … "«Талибан*»") is
  // labelled once, with the marker it carries first (LABELS.md rule 6).
  const byMention = [...byMarker].map(([marker, footnotes]) => ({ marker, footnotes, mentions: mentionsOf(r, marker, skip, footnotes[0]?.note.langs ?? null) }))
    .sort((a, b) => (a.mentions[0]?.span.start ?? Infinity) - (b.mentions[0]?.span.start ?? Infinity));
  for (const { marker, footnotes, mentions } of byMention) {
    // A numbered footnote needs a name carrying its number: "1 …" alone is more often a list than a footnote.
    if (/^[\d(\[]/.test(marker) && mentions.length === 0) continue;
    const claimed = new Set<Mention>();
    const unnamed: Footnote[] = [];
    const named: { f: Footnote; targets: { entity: string; written: string; mention: Mention | null }[] }[] = [];
    for (const f of footnotes) {
      const owner = ownerOf(r, f);
      // "Instagram*" … "*Instagram is owned by Meta, …": the mention is owned, the owner designated.
      if (owner) for (const m of mentions) if (!sameEntity(m.entity, owner.entity)) owned(m.entity);
      const subjects = owner ? [owner] : subjectsOf(r, f, mentions);
      if (subjects.length === 0) {
        unnamed.push(f);
        continue;
      }
      // With no marked mention in the text, a footnote names an entity only when the name is quoted or known
      // ("*Prices in US dollars …" names nothing; "* Управленческий центр «Свидетелей Иеговы» …" does).
      if (mentions.length === 0) subjects.splice(0, subjects.length, ...subjects.filter((x) => r.known(x.entity) || /[«"“„「『]/.test(r.text[x.span.start - 1] ?? '\0')));
      if (subjects.length === 0) continue;
      const targets = subjects.map(({ entity, span }) => {
        const found = mentions.find((x) => sameEntity(x.entity, entity) || r.sameKnown(x.entity, entity)) ?? null;
        // In a script without spaces a walk back from a marker finds no word's edge ("…活動を防止しました*"): the name a
        // footnote opens with, carrying the marker itself, is the outlet's own cut of it. So is a capitalised name whose
        // marked mention is a lower-case word the alias table does not know ("сатанинской* символики" … "*«Международное
        // движение сатанизма» признано …"): the word is derived from the name, not the name.
        const unspaced = f.start.head !== undefined && !/[\p{Lu}\p{Ll}]/u.test(entity) && (found?.entity.length ?? 0) > entity.length;
        const derived = found !== null && !/\p{Lu}/u.test(found.entity) && /\p{Lu}/u.test(entity) && !r.known(found.entity);
        const m = found && (unspaced || derived) ? { entity, span } : found;
        if (m) claimed.add(m);
        return { entity: m ? withFootnoteArticle(r, f, span, m.entity) : entity, written: m ? alignedName(r, span, m.entity) ?? entity : entity, mention: m };
      });
      named.push({ f, targets });
    }
    const free = mentions.filter((m) => !claimed.has(m));
    for (const { f, targets } of named) for (const t of targets) emit(r, f, marker, t.entity, t.written, t.mention, add, canonical);
    for (const f of unnamed) for (const m of free) emit(r, f, marker, m.entity, null, m, add, canonical);
  }
}

/**
 * A footnote opening with its name ("Навальный* — основатель ФБК, признанного экстремистской …") whose note names
 * another entity before its first ground: the ground is that entity's, an appositive the inline rules read.
 */
function namedBeforeGround(r: Reading, s: FootnoteStart, hits: Hit[]): boolean {
  const text = r.text;
  const from = (s.head ?? s.body) + s.marker.length;
  const ground = hits.filter((h) => (KINDS as readonly string[]).includes(h.list)).reduce((m, h) => Math.min(m, h.index), s.end);
  for (const w of text.slice(from, ground).matchAll(/[«"“„]?[\p{L}\p{M}][\p{L}\p{M}'’\-]*/gu)) {
    const at = from + (w.index ?? 0);
    if ((/^[«"“„]/.test(w[0]) || isNameWord(w[0])) && r.phraseAt(at, ['states', 'nouns', 'stopwords']) < 0) return true;
  }
  return false;
}

/**
 * One label per ground. The entity is written as at its marked mention; its canonical name is the alias table's,
 * else the footnote's own naming of it ("Исламского государства*" … "*«Исламское государство» — …": the
 * nominative), else the entity as written.
 */
function emit(r: Reading, f: Footnote, marker: string, entity: string, written: string | null, mention: Mention | null, add: (c: Candidate) => void, canonical: Canonical): void {
  let grounds: { kind: LabelKind; lang: string; phrase: string; noun: boolean }[] = f.note.grounds.map((g) => ({ kind: g.kind, lang: g.hit.lang, phrase: g.hit.phrase, noun: false }));
  // "террористической организации «ИГ»*" … "*Запрещена в РФ": the designation noun at the mention names the ground.
  if (mention && grounds.every((g) => g.kind === 'banned_other')) {
    const kinds = designationKinds(r, mention.span);
    const g = grounds[0];
    if (kinds.length > 0 && g) grounds = kinds.map((kind) => ({ ...g, kind, noun: true }));
  }
  const lang = [...f.note.langs][0];
  const known = canonical(entity);
  const name = known.known || written === null ? known.canonical : canonical(written).canonical;
  for (const g of grounds) {
    add({
      kind: g.kind, entity, canonical: name, marker, evidence: f.evidence, start: f.start.at,
      rule: `footnote${g.noun ? '+noun' : ''}:${f.note.langs.has(g.lang) ? g.lang : lang ?? g.lang}:${g.phrase}`,
    });
  }
}

/** Where a marked name ends before `at`: past a legal form after it, when there is one. */
function skipLegalFormBack(text: string, at: number): number {
  const m = LEGAL_FORM_TAIL.exec(text.slice(Math.max(0, at - 20), at));
  return m ? at - m[0].length : at;
}

/**
 * The name before an organisation's legal form ("Za vaši a naši svobodu, z. s.*", "\"Russland hinter Gittern e.V.*"):
 * the form ends a name, so lower-case words inside it belong to it (a Czech conjunction, a German preposition). It
 * starts after the nearest opening quote, line start, punctuation or function word of the note's languages (the phrase
 * files' `stopwords`), at its first capitalised word that is no designation noun ("der tschechische Kulturus, z. s." → Kulturus); at most six
 * words.
 */
function nameBeforeLegalForm(r: Reading, end: number, langs: ReadonlySet<string> | null): NameSpan | null {
  const text = r.text;
  const words: { at: number; word: string }[] = [];
  let at = end;
  while (words.length < 6) {
    const m = /([\p{L}\p{M}\p{Nd}'’\-]+)[ \u00a0]*$/u.exec(text.slice(Math.max(0, at - 40), at));
    if (!m?.[1] || !langs || langs.size === 0) break;
    const start = at - m[0].length;
    if (r.phraseAt(start, ['stopwords'], langs) > start) break;
    words.unshift({ at: start, word: m[1] });
    at = start;
  }
  // A designation noun or role before the name is none of it ("Der Verein Russland hinter Gittern e.V.").
  const first = words.findIndex((w) => /^\p{Lu}/u.test(w.word) && !(r.phraseAt(w.at, ['nouns', 'roles'], langs) > w.at));
  if (first < 0 || words.length - first < 2) return null;
  const start = (words[first] as { at: number }).at;
  const name = text.slice(start, end).trim();
  return { name, start, end: start + name.length };
}


/** A marker printed inside the closing quote ("«Защити защитников*»", "\"BILD на русском**\""): the quoted name, without it. */
function quotedAround(text: string, at: number, marker: string): NameSpan | null {
  const close = at + marker.length;
  if (!'»”"“’'.includes(text[close] ?? '\0')) return null;
  const n = nameBefore(text, close + 1);
  return n && n.end === close && n.start < at ? { name: text.slice(n.start, at).trim(), start: n.start, end: at } : null;
}

/** The distinct names that carry `marker` in the body ("The Jabhat al-Nusra terrorist group*": past the designation). */
function mentionsOf(r: Reading, marker: string, skip: ReadonlySet<number>, langs: ReadonlySet<string> | null): Mention[] {
  const out: Mention[] = [];
  for (const m of markedMentions(r.text, marker, skip, r.lex.countedIn(r.text))) {
    const formAt = skipLegalFormBack(r.text, m.at);
    const named = quotedAround(r.text, m.at, marker) ?? nameBefore(r.text, skipDesignationBack(r, formAt), r.classOf(langs), true);
    const formed = formAt < m.at ? nameBeforeLegalForm(r, formAt, langs) : null;
    const found = formed && (!named || formed.start < named.start) ? formed : named;
    // A marked name in lower case the alias table knows ("Фонд защиты прав граждан*").
    const span = found ? r.widenKnown(found, r.lineAt(found.start).start) : r.knownRunBefore(m.at, r.lineAt(m.at).start);
    const entity = span ? r.entityOf(span) : null;
    if (!span || !entity) continue;
    // Several spellings of one marked entity: the fullest ("Зыгаря*" … "Михаила Зыгаря*" → Михаила Зыгаря), when
    // what it adds is a word and no designation noun ("Pussy Riot*" … "«Панк-группа Pussy Riot»*" stays Pussy Riot); a
    // case ending alone adds none ("«Азов»*" … "«Азова»*" stays Азов, the first).
    const k = out.findIndex((x) => sameEntity(x.entity, entity));
    const prev = out[k];
    const words = (s: string): number => s.split(/\s+/).length;
    if (!prev) out.push({ entity, span });
    else if (words(entity) > words(prev.entity) && entity.includes(prev.entity) && !r.hits(span.start, span.end).some((h) => h.list === 'nouns' || h.list === 'roles')) out[k] = { entity, span };
  }
  // "ProtectDefenders* (“Защити защитников”)": a name glossed by another marked name is that entity.
  return out.filter((m) => {
    const gloss = /^(?:[*✱¹²³⁴⁵⁶⁷⁸⁹]*|\(\*{1,3}\)|\[\d{1,2}\]|\d{1,2})[ \u00a0]*\([ \u00a0]*[«"“„]([^»"”“)]{2,80})[»"”“]/u.exec(r.text.slice(m.span.end, m.span.end + 100))?.[1];
    return !gloss || !out.some((x) => x !== m && sameEntity(x.entity, gloss));
  });
}

/** "owned by Meta", "принадлежит компании Meta": the owner is the designated entity. */
function ownerOf(r: Reading, f: Footnote): Subject | null {
  const span = r.ownerIn(f.start.body, f.start.end, f.note.langs);
  const entity = span ? r.entityOf(span) : null;
  return span && entity ? { entity, span } : null;
}

interface Subject {
  entity: string;
  span: NameSpan;
}

/**
 * The footnote's naming of a mention, as many words long as the mention ("*Исламска држава је …" for "Исламске
 * државе*": the footnote's name reads on in lower case, which a name alone does not show).
 */
function alignedName(r: Reading, span: NameSpan, mention: string): string | null {
  const want = mention.split(/\s+/).length;
  const words = /^(?:[\p{L}\p{M}\p{Nd}'’\-]+[\s\u00a0]*){1,6}/u.exec(r.text.slice(span.start, span.start + 120))?.[0].trim().split(/[\s\u00a0]+/) ?? [];
  if (words.length < want) return null;
  const name = words.slice(0, want).join(' ');
  return sameEntity(name, mention) ? name : null;
}

/**
 * "Taliban*" … "*The Taliban is a terrorist group…": when the footnote opens with an article (a capitalised short
 * function word of its language) and then the marked mention's own name, the entity as written takes that fuller
 * form, "The Taliban": the outlet's own naming of the entity, which the marker only abbreviates. Any other footnote
 * naming (a different spelling, an inflection, a designation noun before it) leaves the mention as written.
 */
function withFootnoteArticle(r: Reading, f: Footnote, span: NameSpan, mention: string): string {
  const head = /^([\p{Lu}\p{Lt}][\p{Ll}]{0,2})[ \u00a0]+$/u.exec(r.text.slice(f.start.body, span.start));
  if (!head?.[1] || !r.classOf(f.note.langs)(f.start.body, f.start.body + head[1].length).has('stopwords')) return mention;
  if (/^[\p{Lu}\p{Lt}]/u.test(mention) && /^\S+/u.exec(mention)?.[0] === head[1]) return mention;
  const name = r.text.slice(span.start, span.start + mention.length);
  return name === mention && !/[\p{L}\p{M}\p{Nd}]/u.test(r.text[span.start + mention.length] ?? '') ? `${head[1]} ${mention}` : mention;
}

/** What may follow a footnote's subject: a dash, colon, bracket or comma, or a word that is not capitalised (a verb). */
const SUBJECT_END = /^[\s\u00a0]*(?:[—–:(,]|-\s|$|(?![\p{Lu}\p{Lt}])\p{L})/u;

/**
 * The length of what adds a name to a footnote's subject at `from` (within 20 characters), 0 when nothing does: a
 * comma, a `footnote_joins` word of the phrase files ("Meta, а также … Facebook и Instagram", "al-Qaeda and ISIS") or
 * both, then spaces.
 */
function coordination(r: Reading, from: number): number {
  const text = r.text;
  const hi = Math.min(text.length, from + 20);
  const spaces = (q: number): number => {
    while (q < hi && /\s/u.test(text[q] ?? '')) q++;
    return q;
  };
  // A joining word or a comma at `q`, then spaces: where they end, or -1.
  const join = (q: number): number => {
    const e = text[q] === ',' ? q + 1 : r.lex.wordAt('footnote_joins', text, q, null, hi);
    return e > q && spaces(e) > e ? spaces(e) : -1;
  };
  const p = spaces(from);
  const end = text[p] === ',' ? Math.max(join(spaces(p + 1)), join(p)) : join(p);
  return end < 0 ? 0 : end - from;
}

/**
 * The names a footnote opens with (after designation nouns and function words: "Компания Meta", "Rede social da
 * Meta"), joined by commas and conjunctions: "The Taliban", "«Талибан»", "Meta, а также … Facebook и Instagram".
 * A name must be followed by a dash, colon, bracket, comma or a verb, and a lone capitalised word counts only
 * when the text names it elsewhere too ("Напомним, …", "Физическое лицо, …" name no one).
 */
function subjectsOf(r: Reading, f: Footnote, mentions: Mention[]): Subject[] {
  const text = r.text;
  const end = f.start.end;
  const names: Subject[] = [];
  let n = r.nameAfterNouns(f.start.body, f.note.langs, false);
  // A footnote opening with its name: in a script without capitals the words before the marker are that name.
  const head = f.start.head;
  if (head !== undefined && (!n || n.end > head)) {
    const from = f.start.body + (/[«"“„]/.test(text[f.start.body] ?? '') ? 1 : 0);
    const to = head - (/[»"”\s]/.test(text[head - 1] ?? '') ? 1 : 0);
    n = to > from ? { name: text.slice(from, to), start: from, end: to } : null;
  }
  // The first name must open the footnote (after its nouns and function words).
  if (!n || n.start > f.start.body + 60) return names;
  // A name the alias table knows whole wins over its capitalised head ("*Международное общественное движение ЛГБТ
  // признано …"), as a status sentence's subject does; not one ending in a designation noun ("मेटा कंपनी": the noun is
  // left out of a name).
  const whole = r.knownRunAfter(n.start);
  const lastWord = whole ? whole.end - (/[\p{L}\p{M}'’\-]+$/u.exec(whole.name)?.[0].length ?? 0) : -1;
  if (whole && whole.end > n.end && r.phraseAt(lastWord, ['nouns']) < whole.end) n = whole;
  for (let k = 0; k < 6 && n && n.end <= end; k++) {
    const entity = r.entityOf(n);
    let after = n.end + (/[»"”」』]/.test(text[n.end] ?? '') ? 1 : 0);
    // "«Талибан*» — …": the marker of a footnote that opens with its name (HEADED has read the dash after it).
    const headed = head !== undefined && (after === head || after + 1 === head);
    if (headed) after = head + f.start.marker.length + (/[»"”]/.test(text[head + f.start.marker.length] ?? '') ? 1 : 0);
    if (!entity || !nameLike(r, f, n, entity, mentions) || !(headed || SUBJECT_END.test(text.slice(after, after + 4)))) break;
    if (!names.some((x) => sameEntity(x.entity, entity))) names.push({ entity, span: n });
    // A bracket after a name explains it ("Meta (соцсети Facebook и Instagram)", "Hayat Tahrir al-Sham (HTS)").
    let next = after;
    const bracket = /^[\s\u00a0]*\(/.exec(text.slice(next, next + 4));
    if (bracket) {
      const close = text.indexOf(')', next);
      next = close < 0 ? end : close + 1;
    }
    const join = coordination(r, next);
    if (join === 0) break;
    const joined = text.slice(next, next + join);
    next += join;
    // "а также принадлежащие ей соцсети Facebook": a few lower-case words may precede the next name, after a
    // conjunction only (", la empresa propietaria de Facebook" is an appositive, not a list).
    const plainComma = /^[\s\u00a0]*,[\s\u00a0]+$/.test(joined);
    let p = next;
    for (let w = 0; w < 4 && !plainComma; w++) {
      const m = /^[\p{Ll}\p{Lo}][\p{L}\p{M}'’\-]*[\s\u00a0]+/u.exec(text.slice(p, p + 40));
      if (!m || /^\p{Lo}/u.test(m[0]) && !/[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(m[0])) break;
      if (/^\p{Lu}/u.test(text[p + m[0].length] ?? '') || /[«"“„]/.test(text[p + m[0].length] ?? '')) {
        p += m[0].length;
        break;
      }
      p += m[0].length;
    }
    n = nameAfter(text, p, r.classOf(f.note.langs));
    if (n && n.start > p + 2) break;
  }
  return names;
}

/** A name at the head of a footnote: not a word of the phrase lists (a noun, a role, an opener such as "Напомним"). */
function nameLike(r: Reading, f: Footnote, n: NameSpan, entity: string, mentions: Mention[]): boolean {
  if (mentions.some((m) => sameEntity(m.entity, entity))) return true;
  if (/[«"“„「『]/.test(r.text[n.start - 1] ?? '')) return true;
  // The name that carries the marker of a footnote opening with it ("イスラム国家*-ロシアで禁止されている…").
  if (f.start.head !== undefined && n.start === f.start.body && f.start.head - n.end <= 1) return true;
  const words = entity.split(/\s+/);
  const cls = r.classOf(f.note.langs)(n.start, n.start + (words[0]?.length ?? 0));
  if (['stopwords', 'nouns', 'roles', 'predicates', 'states', 'other_states', 'alone', 'critique', 'news_events', ...KINDS].some((l) => cls.has(l as ListName))) return false;
  // "* Die Aktivitäten der Organisation sind in Russland als unerwünscht eingestuft": the organisation's activity,
  // capitalised by the footnote (and by German grammar), names no one (the phrase files' `activity`, any language).
  if (r.lex.wordAt('activity', r.text, n.start, null, n.end) > n.start) return false;
  // In a script without capitals nothing tells a name from the words opening the footnote ("*گروه تروریستی که
  // فعالیت آن…"): unquoted, it must be known to the alias table (as in the body, LABELS.md).
  if (!/\p{Lu}|\p{Ll}/u.test(entity)) return r.known(entity);
  return words.length < 2 || words.filter((w) => isNameWord(w)).length >= 2 || r.known(entity);
}

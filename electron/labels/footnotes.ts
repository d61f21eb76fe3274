// The footnote detector: finds the legal-designation labels Russian law makes Russian media attach to the
// organisations and people it names (DESIGN.md §2, "What counts as a label"). Four shapes are read: a footnote
// linked by a marker ("Taliban*" … "*The Taliban is a terrorist group banned in Russia"), a parenthetical
// ("Meta (признана экстремистской и запрещена в РФ)"), an appositive or prenominal phrase ("X, a terrorist
// group banned in Russia"; "запрещенной в России организации «ИГ»") and the foreign-agent notice.
// Speed: one scan for trigger stems; only the lines holding one are analysed.
import type { Label, LabelKind } from '../model.ts';
import { cleanEntity, entityKey, markerAfter, markerBefore, nameAfter, nameBefore, MARKER_CHARS } from './names.ts';
import {
  TRIGGER, KIND_PATTERNS, RUSSIA, OTHER_STATE, CRITIQUE, QUOTED_KIND, FIRST_PERSON, OWNER, SUBJECT_END,
  APPOSITIVE_START, PRENOMINAL, SELF_NOTICE, NAMED_NOTICE, DISTRIBUTIVE, NAME_JOIN,
} from './phrases.ts';

export const SELF = '<self>';

export function detectLabels(text: string): Label[] {
  // One pass of the trigger scan: a text without a stem costs exactly that; each line holding one is analysed
  // once, and the scan resumes after it.
  TRIGGER.lastIndex = 0;
  let m = TRIGGER.exec(text);
  if (m === null) return [];
  const found = new LabelSet();
  const notices = findNotices(text, found);
  while (m !== null) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    let end = text.indexOf('\n', m.index);
    if (end < 0) end = text.length;
    analyseLine(text, start, end, notices, found);
    TRIGGER.lastIndex = end;
    m = TRIGGER.exec(text);
  }
  return found.result();
}

/** One label per kind and entity; a specific kind absorbs "banned" on the same entity. */
class LabelSet {
  private readonly byKey = new Map<string, Label>();
  /** Body mentions per footnote marker, shared by every footnote of the text. */
  readonly mentionCache = new Map<string, string[]>();

  add(kinds: LabelKind[], entity: string, marker: string | null, evidence: string, start: number): void {
    for (const kind of kinds) {
      const key = `${kind}\u0000${entityKey(entity)}`;
      const had = this.byKey.get(key);
      if (had) {
        if (had.marker === null && marker !== null) had.marker = marker;
        continue;
      }
      this.byKey.set(key, { kind, entity, marker, evidence, start, end: start + evidence.length });
    }
  }

  result(): Label[] {
    const specific = new Set<string>();
    for (const l of this.byKey.values()) if (l.kind !== 'banned_other') specific.add(entityKey(l.entity));
    return [...this.byKey.values()]
      .filter((l) => l.kind !== 'banned_other' || !specific.has(entityKey(l.entity)))
      .sort((a, b) => a.start - b.start);
  }
}

/** The kinds a note states, or none when it is quoted, questioned, first-person or another state's designation. */
function kindsOf(note: string, needRussia: boolean): LabelKind[] {
  if (CRITIQUE.test(note) || QUOTED_KIND.test(note) || FIRST_PERSON.test(note)) return [];
  const russia = RUSSIA.test(note);
  if (needRussia ? !russia : !russia && OTHER_STATE.test(note)) return [];
  const kinds = KIND_PATTERNS.filter(([, re]) => re.test(note)).map(([k]) => k);
  return kinds.length > 1 ? kinds.filter((k) => k !== 'banned_other') : kinds;
}

type Span = [number, number];

function findNotices(text: string, found: LabelSet): Span[] {
  const spans: Span[] = [];
  if (text.indexOf('ИНОСТРАНН') < 0 && text.indexOf('иностранн') < 0) return spans;
  for (const m of text.matchAll(SELF_NOTICE)) {
    found.add(['foreign_agent'], SELF, null, m[0], m.index);
    spans.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(NAMED_NOTICE)) {
    const name = m[1]?.trim();
    if (name) found.add(['foreign_agent'], name, null, m[0], m.index);
    spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

const FOOTNOTE_START = /(^[ \t]*|[.!?»")][ \t]+)([*✱]{1,4}|[¹²³⁴⁵⁶⁷⁸⁹]{1,2})[ \t]*(?=[\p{L}\p{N}«"“„(—–-])/gu;

function analyseLine(text: string, lineStart: number, lineEnd: number, notices: Span[], found: LabelSet): void {
  let line = text.slice(lineStart, lineEnd);
  for (const [s, e] of notices) {
    if (e <= lineStart || s >= lineEnd) continue;
    const a = Math.max(s, lineStart) - lineStart;
    const b = Math.min(e, lineEnd) - lineStart;
    line = line.slice(0, a) + ' '.repeat(b - a) + line.slice(b);
  }
  // Footnote segments: from a marker that opens the line or a sentence, to the next one.
  const starts: { at: number; body: number; marker: string }[] = [];
  for (const m of line.matchAll(FOOTNOTE_START)) {
    const at = m.index + (m[1]?.length ?? 0);
    starts.push({ at, body: m.index + m[0].length, marker: m[2] ?? '*' });
  }
  const bodyEnd = starts[0]?.at ?? line.length;
  starts.forEach((s, i) => {
    const end = starts[i + 1]?.at ?? line.length;
    footnote(text, line.slice(s.at, end).trimEnd(), line.slice(s.body, end), lineStart + s.at, s.marker, found);
  });
  if (bodyEnd > 0) analyseBody(line.slice(0, bodyEnd), lineStart, found);
}

function footnote(text: string, evidence: string, body: string, at: number, marker: string, found: LabelSet): void {
  const kinds = kindsOf(body, false);
  if (kinds.length === 0) return;
  const named = ownerIn(body) ?? subjectOf(body.replace(/^[\s—–-]+/, ''));
  if (named) {
    found.add(kinds, named, marker, evidence, at);
    return;
  }
  // The note names nobody: it labels every body mention carrying its marker ("both banned").
  for (const entity of mentions(text, marker, found.mentionCache)) found.add(kinds, entity, marker, evidence, at);
}

/** Names in the text that carry exactly `marker` ("Taliban*", "al-Qaeda¹"), computed once per marker and text. */
function mentions(text: string, marker: string, cache: Map<string, string[]>): string[] {
  const cached = cache.get(marker);
  if (cached) return cached;
  const out: string[] = [];
  let i = text.indexOf(marker);
  while (i >= 0 && out.length < 50) {
    const before = text[i - 1] ?? '\n';
    const after = text[i + marker.length] ?? '';
    // Glued to a word, and exactly this marker: "Taliban*" but not "**" nor a footnote's own opening marker.
    if (!MARKER_CHARS.includes(before) && !MARKER_CHARS.includes(after) && !/\s/.test(before)) {
      const n = nameBefore(text, i + marker.length, true);
      const entity = n ? cleanEntity(n.name) : null;
      if (entity && !out.some((e) => entityKey(e) === entityKey(entity))) out.push(entity);
    }
    i = text.indexOf(marker, i + marker.length);
  }
  cache.set(marker, out);
  return out;
}

/** "owned by Meta", "принадлежит компании Meta": the owner is the designated entity. */
function ownerIn(note: string): string | null {
  OWNER.lastIndex = 0;
  const m = OWNER.exec(note);
  if (!m) return null;
  const n = nameAfter(note, m.index + m[0].length);
  return n ? cleanEntity(n.name) : null;
}

/** The name a note opens with ("The Taliban is…", "«Азов» — …", "ФБК признан…"), if it opens with one. */
function subjectOf(note: string): string | null {
  const m = SUBJECT_END.exec(note);
  if (!m || m.index === 0 || m.index > 80) return null;
  const prefix = note.slice(0, m.index).replace(/\([^)]*\)/g, ' ').trim();
  if (prefix.length === 0 || RUSSIA.test(prefix)) return null;
  const entity = cleanEntity(prefix);
  return entity && nameLike(entity) ? entity : null;
}

/** A short run opening with a capital, a digit or "al-": a name, not a clause. Caseless scripts: short runs. */
function nameLike(entity: string): boolean {
  const words = entity.replace(/[«»“”„"]/g, '').split(/\s+/);
  if (/^[\p{Script=Han}\p{Script=Arabic}]/u.test(entity)) return words.length <= 4;
  return words.length <= 6 && /^(?:[\p{Lu}\p{N}]|\p{Ll}{1,4}-\p{Lu})/u.test(words[0] ?? '');
}

const PARENS: [string, string][] = [['(', ')'], ['（', '）']];

function analyseBody(body: string, offset: number, found: LabelSet): void {
  // Parentheticals first; then the rest, with every parenthesis blanked, for appositives and prenominal phrases.
  const blanks: Span[] = [];
  for (const [open, close] of PARENS) {
    let i = body.indexOf(open);
    while (i >= 0) {
      const j = body.indexOf(close, i + 1);
      if (j < 0 || j - i > 400) break;
      const inner = body.slice(i + 1, j);
      TRIGGER.lastIndex = 0;
      if (TRIGGER.test(inner)) parenthetical(body, i, inner, offset, found);
      blanks.push([i, j + 1]);
      i = body.indexOf(open, j + 1);
    }
  }
  let masked = body;
  if (blanks.length > 0) {
    blanks.sort((a, b) => a[0] - b[0]);
    const parts: string[] = [];
    let at = 0;
    for (const [a, b] of blanks) {
      if (a < at) continue;
      parts.push(body.slice(at, a), ' '.repeat(b - a));
      at = b;
    }
    parts.push(body.slice(at));
    masked = parts.join('');
  }
  TRIGGER.lastIndex = 0;
  if (TRIGGER.test(masked)) phrases(masked, offset, found);
}

function parenthetical(body: string, open: number, inner: string, offset: number, found: LabelSet): void {
  const kinds = kindsOf(inner, false);
  if (kinds.length === 0) return;
  const evidence = body.slice(open, open + inner.length + 2);
  const marker = markerBefore(body, trimSpaces(body, open));
  const owner = ownerIn(inner);
  if (owner) {
    found.add(kinds, owner, marker, evidence, offset + open);
    return;
  }
  const before = nameBefore(body, open);
  const entity = before ? cleanEntity(before.name) : null;
  // The note names its own subject ("(ФБК признан иноагентом)"), unless that is only an abbreviation in
  // apposition to the name just before it ("the Islamic State (IS, a terrorist organization…)").
  const inside = subjectOf(inner);
  if (inside && !(entity && /^\s*[^,]{1,12},/.test(inner))) {
    found.add(kinds, inside, marker, evidence, offset + open);
    return;
  }
  if (!before || !entity) return;
  found.add(kinds, entity, marker, evidence, offset + open);
  // "members of X and the Y (both terrorist groups banned in Russia)": every listed name.
  if (!DISTRIBUTIVE.test(inner)) return;
  let start = before.start;
  for (let k = 0; k < 5; k++) {
    const join = NAME_JOIN.exec(body.slice(Math.max(0, start - 20), start));
    if (!join) break;
    const prev = nameBefore(body, start - join[0].length);
    const name = prev ? cleanEntity(prev.name) : null;
    if (!prev || !name) break;
    found.add(kinds, name, markerAfter(body, prev.end), evidence, offset + open);
    start = prev.start;
  }
}

function trimSpaces(s: string, end: number): number {
  let i = end;
  while (i > 0 && s[i - 1] === ' ') i--;
  return i;
}

/** A state named as the one acting ("which Russia banned"): the news, not a label. */
const STATE_ACTS = /(?:Russia|Moscow|the Kremlin|Россия|Москва|Кремль|Rusia|Moscú|la Russie|Moscou|Russland|Moskau|Rusya|Moskova)\s+(?:has\s+|have\s+|a\s+|ha\s+)?\S*(?:banned|designated|declared|label|recogni|запрети|призна|prohib|declar|interdit|verbot|stuft|yasakla)/i;
const SENTENCE_END = /[.!?;](?:\s|$)/g;

function phrases(masked: string, offset: number, found: LabelSet): void {
  const taken: Span[] = [];
  for (const re of PRENOMINAL) {
    re.lastIndex = 0;
    for (const m of masked.matchAll(re)) {
      const windowStart = Math.max(0, m.index - 40);
      const note = masked.slice(windowStart, m.index + m[0].length);
      const n = nameAfter(masked, m.index + m[0].length);
      const entity = n ? cleanEntity(n.name) : null;
      if (!n || !entity) continue;
      const kinds = kindsOf(note.slice(note.lastIndexOf(' ', m.index - windowStart - 2) + 1), true);
      if (kinds.length === 0) continue;
      const evidence = masked.slice(m.index, n.end);
      found.add(kinds, entity, null, evidence, offset + m.index);
      taken.push([m.index - 40, n.end]);
    }
  }
  APPOSITIVE_START.lastIndex = 0;
  for (const m of masked.matchAll(APPOSITIVE_START)) {
    const from = m.index + m[0].length;
    const window = masked.slice(from, from + 200);
    SENTENCE_END.lastIndex = 0;
    const clause = window.slice(0, SENTENCE_END.exec(window)?.index ?? window.length);
    TRIGGER.lastIndex = 0;
    if (!TRIGGER.test(clause)) continue;
    if (taken.some(([a, b]) => from < b && from + clause.length > a)) continue;
    const head = firstStem(clause);
    if (head < 0 || head > 60 || STATE_ACTS.test(clause)) continue;
    const kinds = kindsOf(clause, true);
    if (kinds.length === 0) continue;
    // "Meta, the parent company of Facebook, is designated as extremist in Russia": the clause is the
    // predicate, and the labelled name opens the sentence.
    const predicate = PREDICATE.test(clause);
    if (COPULA.test(clause) && !predicate) continue;
    const n = predicate ? sentenceSubject(masked, m.index) : nameBefore(masked, m.index + (m[0].startsWith(',') ? 0 : 1));
    const entity = n ? cleanEntity(n.name) : null;
    if (!entity) continue;
    // The evidence ends with the designation: at the first comma after the mention of Russia, if any.
    const anchor = clause.search(RUSSIA);
    const cut = anchor < 0 ? -1 : clause.indexOf(',', anchor);
    const evidence = (cut < 0 ? clause : clause.slice(0, cut)).trimEnd();
    found.add(kinds, entity, markerBefore(masked, m.index) ?? markerAfter(masked, n?.end ?? 0), evidence, offset + from);
  }
}

const COPULA = /^(?:is|are|was|were|has|have|ist|sind|est|sont|es|son|è|é|je|является|являются)\s/i;
const PREDICATE = /^(?:is|are|has been|have been)\s+(?:also\s+)?(?:designated|recogni[sz]ed|considered|listed|banned|outlawed|proscribed)\s/i;

/** The name that opens the sentence holding `at`, if it is followed by nothing but an appositive before `at`. */
function sentenceSubject(masked: string, at: number): ReturnType<typeof nameAfter> {
  const head = masked.slice(0, at);
  const start = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '), head.lastIndexOf('\n')) + 1;
  const n = nameAfter(masked, start);
  return n && /^\s*,/.test(masked.slice(n.end, n.end + 3)) ? n : null;
}

function firstStem(clause: string): number {
  let first = -1;
  for (const [, re] of KIND_PATTERNS) {
    const i = clause.search(re);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  return first;
}

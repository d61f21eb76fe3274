// The label detector: finds the legal-designation labels Russian (and Belarusian) law makes media attach to the
// organisations and people they name (LABELS.md). Structure first: the capital-letter foreign-agent notices, then
// the footnotes (markers, the footnote lines, and the marked mentions they serve: link.ts), then the inline forms
// in the remaining text (inline.ts). Words come from the phrase files (lexicon.ts); each label says which rule and
// which phrase found it.
// Speed: one pass of the grounds' anchors over the text (phrase-index.ts); a text without one costs only that,
// and only the lines holding one are read.
import type { Label } from '../model.ts';
import { lexicon, type Lexicon } from './lexicon.ts';
import { Reading } from './reading.ts';
import { LabelSet } from './label-set.ts';
import { findNotices, SELF } from './notices.ts';
import { footnoteStarts, numberedMentions, type FootnoteStart } from './markers.ts';
import { linkFootnotes } from './link.ts';
import { readInline } from './inline.ts';
import type { Canonical } from './canonical-name.ts';
import { canonicalEntity } from './canonical.ts';
import { asPrinted, quotesAsGuillemets } from './quotes.ts';

export { SELF };

export interface DetectOptions {
  /** Another lexicon than the shipped phrase files (an analyst's draft, a test's). */
  lexicon?: Lexicon;
  /** The canonical name of an entity as written; by default the shipped alias table's (canonical.ts). */
  canonical?: Canonical;
}

export function detectLabels(text: string, options: DetectOptions = {}): Label[] {
  const lex = options.lexicon ?? lexicon();
  const canonical = options.canonical ?? canonicalEntity;
  const triggers = lex.triggers(text);
  if (triggers.length === 0) return [];
  // „X“, ‘X’ and 'X' are read as «X» (quotes.ts), in a copy of the same length. The copy changes no mark inside a word,
  // where the only ones in the grounds' anchors stand ("agents de l'étranger"), so its grounds end where the text's do:
  // the scan is not run again on it.
  const read = quotesAsGuillemets(text);
  return read === text ? detectIn(text, triggers, lex, canonical) : asPrinted(detectIn(read, triggers, lex, canonical), text, read);
}

/** The labels of `text`, whose grounds' anchors end at `triggers` (none empty). */
function detectIn(text: string, triggers: number[], lex: Lexicon, canonical: Canonical): Label[] {
  const r = new Reading(text, lex, canonical);
  const named = glossedCanonical(text, canonical);
  const labels = new LabelSet();
  const add = labels.add.bind(labels);
  const masked: [number, number][] = [];
  // The notices all hold a `notice_cues` word of the phrase files ("агент", foreign agent) in lower case, capitals or
  // capitalised: only then are their templates tried.
  const cued = lex.words('notice_cues').some(({ text: w }) => [w.toLowerCase(), w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()].some((form) => text.includes(form)));
  const notices = cued ? findNotices(text, lex.notices, lex.words('notice_name_ends').map((p) => p.text)) : [];
  for (const n of notices) {
    // A notice that names no one still masks its words from the other rules.
    masked.push([n.start, n.end]);
    if (n.entity === '') continue;
    add({
      kind: 'foreign_agent', entity: n.entity, canonical: n.entity === SELF ? SELF : canonical(n.entity).canonical, marker: null,
      evidence: text.slice(n.start, n.end), start: n.start, rule: `notice-${n.format}:${n.lang}:${n.entity === SELF ? 'self' : 'named'}`,
    });
  }
  // The lines that hold a ground, each read once: its footnotes, then its body.
  const lines = new Map<number, number>();
  const byLine = new Map<number, number[]>();
  for (const end of triggers) {
    const line = r.lineAt(end - 1);
    lines.set(line.start, line.end);
    const list = byLine.get(line.start) ?? [];
    list.push(end);
    byLine.set(line.start, list);
  }
  const starts: FootnoteStart[] = [];
  const bodies: [number, number][] = [];
  const numbered = numberedMentions(text, lex.countedIn(text));
  for (const [start, end] of lines) {
    const fs = footnoteStarts(text, start, end, numbered);
    starts.push(...fs);
    // A translator's note opened inside brackets ("(*запрещенная в России организация — прим.)", "(※ロシアで活動禁止)")
    // stays part of the body: the text after it, and the bracket itself, are read inline too. So does a footnote that
    // opens with its name ("«Талибан*» — …"): written as an appositive, it may be one on another name ("Навальный* —
    // основатель ФБК, признанного …"), and the same label read both ways is one.
    bodies.push([start, fs.find((f) => text[f.at - 1] !== '(' && f.head === undefined)?.at ?? end]);
  }
  linkFootnotes(r, starts.filter((s) => !inside(masked, s.at)), add, named, (e) => labels.ownedBy(e));
  for (const [start, end] of bodies) {
    for (const [a, b] of outside(masked, start, end)) if (b > a) readInline(r, a, b, byLine.get(r.lineAt(start).start) ?? [], add, named, (e) => labels.ownedBy(e));
  }
  return labels.result();
}

/**
 * An abbreviation the alias table does not know names what the text spells out before it in brackets: "Организация
 * украинских националистов* (ОУН*)" makes a label on "ОУН" the organisation's (LABELS.md: a name glossed in brackets is
 * that entity). The expansion is the run of words just before the bracket whose initials spell the abbreviation.
 */
function glossedCanonical(text: string, canonical: Canonical): Canonical {
  return (entity, lang) => {
    const own = canonical(entity, lang);
    if (own.known || !/^\p{Lu}{2,6}$/u.test(entity)) return own;
    for (const m of text.matchAll(new RegExp(`[ \\u00a0]*\\([ \\u00a0]*${entity}[*✱¹²³⁴⁵⁶⁷⁸⁹]*[ \\u00a0]*\\)`, 'gu'))) {
      let end = m.index;
      while (end > 0 && /[*✱¹²³⁴⁵⁶⁷⁸⁹»"”]/u.test(text[end - 1] ?? '')) end--;
      const words = text.slice(Math.max(0, end - 120), end).split(/[ \u00a0]+/).slice(-entity.length);
      const initials = words.map((w) => w.replace(/^[«"“„]/, '')[0] ?? '').join('');
      if (words.length === entity.length && initials.toUpperCase() === entity && /^\p{Lu}/u.test(initials)) {
        return canonical(words.join(' ').replace(/^[«"“„]/, ''), lang);
      }
    }
    return own;
  };
}

function inside(spans: [number, number][], pos: number): boolean {
  return spans.some(([a, b]) => pos >= a && pos < b);
}

/** The parts of [from, to) outside the spans. */
function outside(spans: [number, number][], from: number, to: number): [number, number][] {
  const parts: [number, number][] = [];
  let at = from;
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    if (b <= at || a >= to) continue;
    if (a > at) parts.push([at, a]);
    at = Math.max(at, b);
  }
  if (at < to) parts.push([at, to]);
  return parts;
}

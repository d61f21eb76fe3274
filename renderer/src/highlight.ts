// Marks the labelled entity's mentions and the footnote sentence in the shown article, so an analyst sees at once
// what the detector found and where. Works on text nodes only: the sanitised markup around them is untouched.
export function markAll(root: HTMLElement, needle: string, className: string, title: string, limit = 50): number {
  if (needle.trim().length < 2) return 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  let count = 0;
  for (const node of nodes) {
    let current: Text | null = node;
    while (current && count < limit) {
      const at: number = current.data.indexOf(needle);
      if (at < 0) break;
      if (current.parentElement?.closest('mark')) break; // already inside a mark (the evidence holds the entity)
      const match: Text = current.splitText(at);
      const rest: Text = match.splitText(needle.length);
      const mark = document.createElement('mark');
      mark.className = className;
      mark.title = title;
      match.replaceWith(mark);
      mark.append(match);
      count++;
      current = rest;
    }
  }
  return count;
}

/** Marks every match of a pattern (global flag required) in the text nodes under root; returns the marks made. */
export function markPattern(root: HTMLElement, pattern: RegExp, className: string, limit = 200): HTMLElement[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const marks: HTMLElement[] = [];
  for (const node of nodes) {
    if (node.parentElement?.closest(`mark.${className}`)) continue;
    let current: Text | null = node;
    while (current && marks.length < limit) {
      pattern.lastIndex = 0;
      const m = pattern.exec(current.data);
      if (!m || m[0].length === 0) break;
      const match: Text = current.splitText(m.index);
      const rest: Text = match.splitText(m[0].length);
      const mark = document.createElement('mark');
      mark.className = className;
      match.replaceWith(mark);
      mark.append(match);
      marks.push(mark);
      current = rest;
    }
  }
  return marks;
}

const OPERATORS = /^(and|or|not|near\d*|w\d*|near\/\d+|w\/\d+)$/i;
const FIELDS_WITHOUT_TEXT = /^(is|after|before|date|lang|tag|label|feed|outlet|country):/i;

/**
 * The words a search looks for, as one pattern for the article shown: operators, filters and excluded terms left
 * out; `sanction*` and a plain `sanction` both match `sanctions` (the engine stems unquoted words, so a word's
 * longer forms are what it found); quoted phrases match as written. Case never matters.
 */
export function searchPattern(query: string | null): RegExp | null {
  if (!query) return null;
  const parts: string[] = [];
  for (const m of query.matchAll(/(-?)(?:(\w+):)?(?:"([^"]+)"|([^\s()"]+))/gu)) {
    const [, minus, field, phrase, word] = m;
    if (minus || (field && FIELDS_WITHOUT_TEXT.test(`${field}:`))) continue;
    if (phrase) parts.push(escapeRegExp(phrase.trim()).replace(/\s+/g, '\\s+'));
    else if (word && !OPERATORS.test(word)) {
      const stem = word.replace(/[*!]+$/, '');
      if (stem.length >= 2) parts.push(`${escapeRegExp(stem)}[\\p{L}\\p{N}]*`);
    }
  }
  if (parts.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})`, 'giu');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

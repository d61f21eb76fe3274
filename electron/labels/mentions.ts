// Where a labelled entity is mentioned in an article's text, so the reader can highlight each mention (and the
// marker glued to it) besides the footnote or parenthetical that carries the label.
import { nameBefore } from './names.ts';

export interface Span {
  start: number;
  end: number;
}

const MAX_SPANS = 200;

/** Mentions of `entity` (case-insensitive) and of any name carrying `marker`, in text order, without overlaps. */
export function mentionSpans(text: string, entity: string, marker: string | null): Span[] {
  const spans: Span[] = [];
  const needle = entity.replace(/^the\s+/i, '');
  // Lower-casing keeps offsets only when it keeps the length (it does not for a few letters, such as İ).
  const lower = text.toLowerCase();
  const hay = lower.length === text.length ? lower : text;
  const want = lower.length === text.length ? needle.toLowerCase() : needle;
  if (want.length > 1) {
    for (let i = hay.indexOf(want); i >= 0 && spans.length < MAX_SPANS; i = hay.indexOf(want, i + want.length)) {
      if (!isWordChar(text[i - 1]) && !isWordChar(text[i + want.length])) spans.push({ start: i, end: i + want.length });
    }
  }
  if (marker) {
    for (let i = text.indexOf(marker); i >= 0 && spans.length < MAX_SPANS; i = text.indexOf(marker, i + marker.length)) {
      const glued = i > 0 && !/\s/.test(text[i - 1] ?? ' ') && !text.startsWith(marker, i + marker.length) && text[i - 1] !== marker[0];
      if (!glued) continue;
      const n = nameBefore(text, i, undefined, true);
      // A quoted name is highlighted with its quotes ("«Исламского государства»*").
      const start = n && '«"“„「『'.includes(text[n.start - 1] ?? '\0') ? n.start - 1 : n?.start;
      if (n && start !== undefined && /\p{L}/u.test(n.name)) spans.push({ start, end: i + marker.length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return spans.filter((s, k) => k === 0 || s.start >= (spans[k - 1]?.end ?? 0));
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{Nd}]/u.test(ch);
}

// Cleaning strings before they are stored or shown: what no stored string should hold, whitespace, HTML escaping.
// Shared by the feed mappers and article extraction.

// C0/C1 controls (bar tab, newline, carriage return), non-characters and lone surrogates: they break SQLite text
// and JSON consumers, and no feed means them. The surrogate pattern needs a lookbehind, which is slow on long
// strings, so it only runs when isWellFormed() says there is a lone surrogate.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** String.prototype.isWellFormed (ES2024, in Node 20+) is missing from the ES2023 lib the project compiles against. */
type WellFormedCheck = string & { isWellFormed(): boolean };

/** Removes characters no stored string should hold; returns null for nothing or only whitespace. */
export function clean(text: string | null | undefined): string | null {
  if (text == null) return null;
  let out = text.replace(CONTROLS, '');
  if (!(out as WellFormedCheck).isWellFormed()) out = out.replace(LONE_SURROGATES, '');
  out = out.trim();
  return out === '' ? null : out;
}

/** Like clean(), and collapses runs of whitespace: for titles, names, categories. */
export function cleanLine(text: string | null | undefined): string | null {
  return clean(text?.replace(/\s+/g, ' '));
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

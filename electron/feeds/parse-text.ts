// String helpers shared by the XML and JSON feed mappers: cleaning, plain text from HTML, URL resolution.
import { Parser } from 'htmlparser2';

// C0/C1 controls (bar tab, newline, carriage return), non-characters and lone surrogates: they break SQLite text
// and JSON consumers, and no feed means them.
const BAD_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters no stored string should hold; returns null for nothing or only whitespace. */
export function clean(text: string | null | undefined): string | null {
  if (text == null) return null;
  const out = text.replace(BAD_CHARS, '').trim();
  return out === '' ? null : out;
}

/** Like clean(), and collapses runs of whitespace: for titles, names, categories. */
export function cleanLine(text: string | null | undefined): string | null {
  return clean(text?.replace(/\s+/g, ' '));
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const SKIP_TEXT = new Set(['script', 'style', 'template']);

/** The plain text of an HTML fragment: tags dropped, every HTML entity decoded. */
export function htmlToText(html: string): string {
  let out = '';
  let skipping = 0;
  const parser = new Parser({
    onopentag(name) { if (SKIP_TEXT.has(name)) skipping++; else if (name === 'br') out += ' '; },
    onclosetag(name) { if (SKIP_TEXT.has(name) && skipping > 0) skipping--; },
    ontext(text) { if (skipping === 0) out += text; },
  }, { decodeEntities: true });
  parser.end(html);
  return out;
}

/** Text that should be plain but may carry (double-escaped) HTML, as RSS titles do. */
export function looksLikeHtml(text: string): boolean {
  return /<[a-zA-Z/!]|&(#\d+|#x[\da-fA-F]+|[a-zA-Z][a-zA-Z\d]*);/.test(text);
}

const ABSOLUTE = /^[a-zA-Z][a-zA-Z\d+.-]*:/;

/** Resolves a URL against a base; returns the input when it is absolute, there is no base, or it cannot be resolved. */
export function resolveUrl(url: string, base: string | null): string {
  const u = url.trim();
  if (base === null || ABSOLUTE.test(u)) return u;
  try {
    return new URL(u, base).href;
  } catch {
    return u;
  }
}

/** Resolves the URL in an xml:base attribute against its parent's base. */
export function resolveBase(xmlBase: string, parent: string | null): string | null {
  if (ABSOLUTE.test(xmlBase.trim())) return xmlBase.trim();
  if (parent === null) return null;
  return resolveUrl(xmlBase, parent);
}

export const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite', 'background', 'longdesc', 'action', 'data', 'usemap', 'codebase', 'profile']);
const TAG = /<[a-zA-Z][^>]*>/g;
const URL_ATTR = /(\s(?:href|src|poster|cite|background|longdesc|action|data|usemap|codebase|profile)\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+)/gi;

/** Resolves relative href/src (and the other URL attributes) inside an HTML string. */
export function resolveHtmlUrls(html: string, base: string | null): string {
  if (base === null || !/\s(?:href|src|poster|cite|background|longdesc|action|data|usemap|codebase|profile)\s*=/i.test(html)) return html;
  return html.replace(TAG, (tag) => tag.replace(URL_ATTR, (_all, lead: string, value: string) => {
    const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
    const raw = quote ? value.slice(1, -1) : value;
    if (ABSOLUTE.test(raw.trim()) || raw.trim().startsWith('#') || raw.trim() === '') return lead + value;
    // Attribute values are HTML-escaped: unescape &amp; for the resolver, escape the result again.
    const resolved = resolveUrl(raw.replace(/&amp;/g, '&'), base);
    return `${lead}"${resolved.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
  }));
}

/** A person as RSS writes it: "jane@example.com (Jane Doe)", "Jane Doe <jane@example.com>", or just one of them. */
export function personName(text: string): string | null {
  const t = text.trim();
  const paren = /^\S+@\S+\s*\((.+)\)$/.exec(t);
  if (paren?.[1]) return cleanLine(paren[1]);
  const angle = /^(.+?)\s*<[^>]+@[^>]+>$/.exec(t);
  if (angle?.[1]) return cleanLine(angle[1].replace(/^"|"$/g, ''));
  return cleanLine(t.replace(/^mailto:/i, ''));
}

/** Base64 to UTF-8 text (Atom 0.3 mode="base64"); invalid input gives what decodes. */
export function fromBase64(text: string): string {
  return Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
}

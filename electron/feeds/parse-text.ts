// String helpers shared by the XML and JSON feed mappers: XML entities and CDATA, URL resolution, RSS person names.
import { cleanLine } from '../text/clean.ts';

const NUMERIC_REF = /&#(?:(\d{1,7})|[xX]([\da-fA-F]{1,6}));/g;

function codePoint(dec: string | undefined, hex: string | undefined): string {
  const cp = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
  // As HTML does: NUL, surrogates and out-of-range numbers become U+FFFD.
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(cp);
}

/** Decodes the five XML entities and numeric references; other named entities (&nbsp;) are left for HTML. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  let out = text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
  if (out.includes('&#')) out = out.replace(NUMERIC_REF, (_m, dec?: string, hex?: string) => codePoint(dec, hex));
  return out.replace(/&amp;/g, '&'); // last, so that &amp;lt; stays &lt;
}

/** The text content of an XML source slice: CDATA sections verbatim, comments dropped, the rest entity-decoded. */
export function xmlContent(raw: string): string {
  if (!raw.includes('<!')) return decodeXml(raw);
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const j = raw.indexOf('<!', i);
    if (j < 0) {
      out += decodeXml(raw.slice(i));
      break;
    }
    out += decodeXml(raw.slice(i, j));
    if (raw.startsWith('<![CDATA[', j)) {
      const close = raw.indexOf(']]>', j + 9);
      out += raw.slice(j + 9, close < 0 ? raw.length : close);
      i = close < 0 ? raw.length : close + 3;
    } else if (raw.startsWith('<!--', j)) {
      const close = raw.indexOf('-->', j + 4);
      i = close < 0 ? raw.length : close + 3;
    } else {
      out += '<!';
      i = j + 2;
    }
  }
  return out;
}

/** Text that should be plain but may carry (double-escaped) HTML, as RSS titles do. */
export function looksLikeHtml(text: string): boolean {
  return /<[a-zA-Z/!]|&(#\d+|#x[\da-fA-F]+|[a-zA-Z][a-zA-Z\d]*);/.test(text);
}

const ABSOLUTE = /^[a-zA-Z][a-zA-Z\d+.-]*:/;
// A relative reference the WHATWG parser would copy unchanged: no dot segments, nothing to percent-encode.
const SIMPLE_PATH = /^(?:\/(?!\/)|(?=[A-Za-z0-9_~!$&'()*+,;=@%-]))[A-Za-z0-9._~!$&'()*+,;=:@%/-]*(?:[?#][\x21-\x7E]*)?$/;
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$|[?#])/;

interface BaseParts { origin: string; directory: string }
const baseCache = new Map<string, BaseParts | null>();

/** The origin and directory of an http(s) base, cached: feeds resolve thousands of links against a handful of bases. */
function baseParts(base: string): BaseParts | null {
  let parts = baseCache.get(base);
  if (parts === undefined) {
    parts = null;
    try {
      const u = new URL(base);
      if ((u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === '') {
        parts = { origin: u.origin, directory: u.origin + u.pathname.slice(0, u.pathname.lastIndexOf('/') + 1) };
      }
    } catch {
      // not a URL: resolution falls through to the full parser, which will fail the same way
    }
    if (baseCache.size > 1000) baseCache.clear();
    baseCache.set(base, parts);
  }
  return parts;
}

/** Resolves a URL against a base; returns the input when it is absolute, there is no base, or it cannot be resolved. */
export function resolveUrl(url: string, base: string | null): string {
  const u = url.trim();
  if (base === null || ABSOLUTE.test(u)) return u;
  if (SIMPLE_PATH.test(u) && !DOT_SEGMENT.test(u)) {
    const parts = baseParts(base);
    if (parts) return u.startsWith('/') ? parts.origin + u : parts.directory + u;
  }
  try {
    return new URL(u, base).href;
  } catch {
    return u;
  }
}

const UNSAFE_SCHEME = /^(?:javascript|vbscript|data|file):/i;

/** A link the reader may open: javascript:, vbscript:, data: and file: links become null. */
export function safeLink(url: string | null): string | null {
  return url !== null && UNSAFE_SCHEME.test(url.replace(/[\s\u0000-\u001F]+/g, '')) ? null : url;
}

/** Resolves the URL in an xml:base attribute against its parent's base. */
export function resolveBase(xmlBase: string, parent: string | null): string | null {
  if (ABSOLUTE.test(xmlBase.trim())) return xmlBase.trim();
  if (parent === null) return null;
  return resolveUrl(xmlBase, parent);
}

// The first URL attribute of a tag and the rest of the tag, in one pass; a second URL attribute in the same tag
// (rare: <img src longdesc>) is handled in the rest.
const URL_ATTR_NAMES = 'href|src|poster|cite|background|longdesc|action|data|usemap|codebase|profile';
export const URL_ATTRIBUTES = new Set(URL_ATTR_NAMES.split('|'));
const TAG_WITH_URL = new RegExp(`(<[a-zA-Z][^<>]*?\\s(?:${URL_ATTR_NAMES})\\s*=\\s*)("[^"]*"|'[^']*'|[^\\s"'>]+)([^<>]*>)`, 'gi');
const URL_ATTR = new RegExp(`(\\s(?:${URL_ATTR_NAMES})\\s*=\\s*)("[^"]*"|'[^']*'|[^\\s"'>]+)`, 'gi');
const HAS_URL_ATTR = new RegExp(`\\s(?:${URL_ATTR_NAMES})\\s*=`, 'i');

function resolveAttr(lead: string, value: string, base: string): string {
  const quoted = value[0] === '"' || value[0] === "'";
  const raw = (quoted ? value.slice(1, -1) : value).trim();
  if (raw === '' || raw.startsWith('#') || ABSOLUTE.test(raw)) return lead + value;
  // Attribute values are HTML-escaped: unescape &amp; for the resolver, escape the result again.
  const resolved = resolveUrl(raw.replace(/&amp;/g, '&'), base);
  return `${lead}"${resolved.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
}

/** Resolves relative href/src (and the other URL attributes) inside an HTML string. */
export function resolveHtmlUrls(html: string, base: string | null): string {
  if (base === null) return html;
  return html.replace(TAG_WITH_URL, (_all, lead: string, value: string, rest: string) => resolveAttr(lead, value, base)
    + (HAS_URL_ATTR.test(rest) ? rest.replace(URL_ATTR, (_m, l: string, v: string) => resolveAttr(l, v, base)) : rest));
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

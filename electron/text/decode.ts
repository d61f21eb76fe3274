// Bytes → string for a feed or a page: the charset comes from the BOM, else the HTTP header, else the XML prolog or
// an HTML <meta>, else UTF-8 when the bytes are valid UTF-8 or XML, else what chardet detects (a windows-1251 or
// koi8-r page that declares nothing). Decoding goes through iconv-lite (Node's TextDecoder mangles windows-1252 0x80–0x9F), and
// never throws: invalid bytes become U+FFFD, an unknown charset label falls back to UTF-8.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import chardet from 'chardet';

/** Labels that browsers (WHATWG Encoding) read as windows-1252; feeds declaring them mean it too. */
const WINDOWS_1252_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'iso_8859-1', 'cp819', 'ibm819']);

/** The charset label an HTTP Content-Type carries, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m?.[2] ?? null;
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  return null;
}

/** UTF-16 without a BOM shows itself by the zero bytes around "<?" (XML 1.0 appendix F). */
function sniffUtf16(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return 'utf-16be';
  return null;
}

/**
 * The encoding the document declares about itself: the XML prolog, else an HTML <meta charset> or http-equiv
 * Content-Type, looked for in the head (its first 8 KB: pages put scripts and styles before their meta).
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 8192)).toString('latin1');
  const prolog = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (prolog) return prolog[1] ?? null;
  if (/^\s*<\?xml/i.test(head)) return null; // an XML prolog without encoding means UTF-8
  const meta = /<meta\s[^>]*?charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(head.split(/<\/head\s*>/i)[0] ?? head);
  return meta?.[1] ?? null;
}

/**
 * Bytes that declare nothing: UTF-8 when they are valid UTF-8 or an XML document (XML without a declaration is
 * UTF-8 by definition), else chardet's guess for a page or a text (windows-1252 when it has none).
 */
export function detectedCharset(bytes: Uint8Array): string {
  if (isUtf8(bytes)) return 'utf-8';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 512)).toString('latin1');
  if (/^\s*<(?:\?xml|rss|feed|rdf:RDF)[\s>]/i.test(head)) return 'utf-8';
  return normaliseCharset(chardet.detect(bytes)) ?? 'windows-1252';
}

// iconv-lite types encodingExists as a type guard, which would narrow a plain string to never.
const known = (name: string): boolean => iconv.encodingExists(name);

/** The iconv-lite name for a charset label, or null when the label is unknown. */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const name = label.trim().toLowerCase();
  if (WINDOWS_1252_ALIASES.has(name)) return 'windows-1252';
  if (name === 'utf8' || name === 'utf-8') return 'utf-8';
  if (known(name)) return name;
  const bare = name.replace(/^x-/, ''); // x-sjis, x-euc-jp and friends
  return known(bare) ? bare : null;
}

const SINGLE_BYTE = /^(?:windows-125\d|iso-8859-\d+|koi8-[ru]|cp125\d|macintosh)$/;

function hasHighBytes(buf: Buffer): boolean {
  for (const b of buf) if (b > 0x7f) return true;
  return false;
}

/** Decodes a feed's bytes to a string, choosing the charset as the module comment says. */
export function decodeFeedBytes(bytes: Uint8Array, httpContentType?: string | null): string {
  const bom = bomCharset(bytes);
  if (bom) return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + bom.length, bytes.length - bom.length), bom.charset);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const utf16 = sniffUtf16(bytes);
  if (utf16) return iconv.decode(buf, utf16);
  let charset = normaliseCharset(charsetFromContentType(httpContentType)) ?? normaliseCharset(declaredCharset(bytes)) ?? detectedCharset(bytes);
  // A document we could read as ASCII cannot really be UTF-16/32, whatever it declares.
  if (/^utf-(16|32)/.test(charset)) charset = 'utf-8';
  // A single-byte charset declared over bytes that are valid UTF-8 with multi-byte sequences is a wrong declaration
  // (a CMS that writes UTF-8 under a windows-1252 prolog): real windows-125x or KOI8 text with letters above 0x7F
  // is almost never valid UTF-8, so the bytes win.
  if (charset !== 'utf-8' && SINGLE_BYTE.test(charset) && hasHighBytes(buf) && isUtf8(buf)) charset = 'utf-8';
  // Buffer's own UTF-8 decoder also replaces invalid bytes with U+FFFD, and is several times faster.
  return charset === 'utf-8' ? buf.toString('utf8') : iconv.decode(buf, charset);
}

// A tolerant streaming walker over RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 XML, producing the feed object.
// What each element means is not here but in the vocabularies of the formats (parse-rss.ts, parse-atom.ts,
// parse-rdf.ts) and of the extension namespaces (parse-modules.ts); this file only walks the document.
// htmlparser2 in xmlMode does the tokenising: it survives raw "&", unclosed elements and truncated files, and it
// never reads a DTD, so external entities (XXE) and entity-expansion bombs stay inert text. Entity decoding is off
// in the tokenizer (it would cut text at every entity): a field's text is read as one slice of the source between
// its tags, then CDATA and the five XML entities are handled in one pass (xmlContent). The walker keeps an
// explicit stack (no recursion, so 100,000 nested elements are fine), resolves namespaces by URI, and tracks
// xml:base and xml:lang per element.
import { Parser } from 'htmlparser2';
import type { FeedItem, FeedObject } from '../model.ts';
import { clean, cleanLine, escapeHtml } from '../text/clean.ts';
import { FeedParseError } from './parse-error.ts';
import { decodeXml, fromBase64, personName, resolveBase, resolveUrl, safeLink, URL_ATTRIBUTES, xmlContent } from './parse-text.ts';
import {
  attr, newFeedState, newItem, ruleText, type ElementRule, type FeedFormat, type ItemState, type Role, type TextType,
  type Vocabulary, type XmlDoc,
} from './parse-xml-model.ts';
import { rssElements } from './parse-rss.ts';
import { atomElements } from './parse-atom.ts';
import { RDF_NAMESPACE, rdfAbout, rdfElements } from './parse-rdf.ts';
import { moduleElements } from './parse-modules.ts';

export type { FeedFormat } from './parse-xml-model.ts';

export interface MappedFeed {
  format: FeedFormat;
  feed: FeedObject;
  ttlMinutes: number | null;
}

/** Known namespaces → the short prefix the vocabularies use ('' for RSS/Atom core elements). */
const NAMESPACES: Record<string, string> = {
  'http://www.w3.org/2005/atom': '',
  'http://purl.org/atom/ns#': '',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://backend.userland.com/rss2': '',
  'http://blogs.law.harvard.edu/tech/rss': '',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  [RDF_NAMESPACE]: 'rdf',
  'http://purl.org/rss/1.0/modules/syndication/': 'sy',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://search.yahoo.com/mrss/': 'media',
};

/** Every element rule by name. Feeds mix vocabularies (atom:link in RSS, dc:date everywhere), so all apply in every
 * document; of two rules with one name, the first that does not decline (its `open` returns null) reads the element. */
const RULES = new Map<string, ElementRule[]>();
for (const vocabulary of [rssElements, atomElements, rdfElements, moduleElements] satisfies Vocabulary[]) {
  for (const [key, rule] of Object.entries(vocabulary)) RULES.set(key, [...(RULES.get(key) ?? []), rule]);
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// htmlparser2 costs O(depth) per tag (its open-element array is shifted at the front), so nesting is quadratic:
// ~5 s at 100,000 levels (which the walker still reads: test/parse-robustness), hours for the millions a 20 MB
// body can hold. Deeper than this the document is refused, which bounds a parse at a few seconds.
const MAX_XML_DEPTH = 120_000;
const SY_PERIOD_MINUTES: Record<string, number> = { hourly: 60, daily: 1440, weekly: 10080, monthly: 43200, yearly: 525600 };

type Scope = Record<string, string>;

interface Capture {
  field: string;
  rule: ElementRule | null;
  type: TextType;
  /** For base64: what the decoded bytes are. */
  innerType: TextType;
  /** xhtml: the serialised markup so far. Other types read the source between the tags instead (see start). */
  buf: string;
  /** Index in the source just after the opening tag. */
  start: number;
  depth: number;
  base: string | null;
  attribs: Record<string, string>;
  /** Atom 1.0 xhtml content is wrapped in one <div> that is not part of the content. */
  unwrapDiv: boolean;
}

interface Frame {
  local: string;
  role: Role;
  base: string | null;
  lang: string | null;
  scope: Scope;
  capture: Capture | null;
  /** Inside a capture: the serialised tag is dropped (the xhtml wrapper div). */
  silent: boolean;
}

/** Atom text-construct and content types (1.0 keywords, 0.3 MIME types and modes) → how to read the text. */
function textType(attribs: Record<string, string>, fallback: TextType): { type: TextType; innerType: TextType } {
  const type = (attr(attribs, 'type') ?? '').trim().toLowerCase();
  const mode = (attr(attribs, 'mode') ?? '').trim().toLowerCase();
  let kind: TextType = fallback;
  if (type === 'xhtml' || type.includes('xhtml')) kind = 'xhtml';
  else if (type === 'html' || type === 'text/html') kind = 'html';
  else if (type === 'text' || type === 'text/plain') kind = 'text';
  if (mode === 'escaped' && kind === 'xhtml') kind = 'html';
  if (mode === 'base64') return { type: 'base64', innerType: kind === 'xhtml' ? 'html' : kind };
  return { type: kind, innerType: kind };
}

/** The number of the last line: where a cut-off document ends. */
function lastLine(text: string): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The role of the document's top element, which also tells the format; anything but a feed is refused. */
function rootRole(k: string, attribs: Record<string, string>): { role: Role; format: FeedFormat; atom10: boolean } {
  switch (k) {
    case 'rss': return { role: 'root', format: 'rss', atom10: false };
    case 'rdf:rdf': case 'rdf': return { role: 'root', format: 'rdf', atom10: false };
    case 'channel': return { role: 'feed', format: 'rss', atom10: false };
    case 'feed': return { role: 'feed', format: 'atom', atom10: (attr(attribs, 'version') ?? '') !== '0.3' };
    case 'html': case 'xhtml:html': case 'head': case 'body':
      throw new FeedParseError('This is an HTML page, not a feed. If it is a website, subscribe to its address and Footnote will look for the feed it announces.');
    default:
      throw new FeedParseError(`This is not a feed: the document's top element is <${k}>, where a feed has <rss>, <feed> or <rdf:RDF>.`);
  }
}

/** Maps an XML feed document (already decoded to a string) to the feed object. Throws FeedParseError. */
export function mapXmlFeed(text: string, documentUrl: string | null): MappedFeed {
  let format: FeedFormat | null = null;
  let atom10 = false;
  let rootClosed = false;
  const stack: Frame[] = [];
  const items: FeedItem[] = [];
  const feed = newFeedState();
  let item: ItemState | null = null;
  let person: { name: string | null; email: string | null; text: string } | null = null;
  let cap: Capture | null = null;
  const rootScope: Scope = {};
  let inCdata = false;
  let ending = false;

  function key(qname: string, scope: Scope): string {
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    const local = (colon < 0 ? qname : qname.slice(colon + 1)).toLowerCase();
    const uri = scope[prefix];
    let short: string;
    if (uri !== undefined) short = NAMESPACES[uri.toLowerCase()] ?? (prefix === '' ? '' : `?${prefix}`);
    else short = prefix === 'atom' ? '' : prefix.toLowerCase(); // an undeclared prefix is taken at its word
    return short === '' ? local : `${short}:${local}`;
  }

  function startCapture(field: string, rule: ElementRule | null, attribs: Record<string, string>, base: string | null, fallback: TextType): Capture {
    const { type, innerType } = textType(attribs, fallback);
    cap = { field, rule, type, innerType, buf: '', start: parser.endIndex + 1, depth: stack.length, base, attribs, unwrapDiv: type === 'xhtml' && atom10 };
    return cap;
  }

  function serialiseOpen(local: string, attribs: Record<string, string>, base: string | null): string {
    let out = `<${local}`;
    for (const name in attribs) {
      if (name === 'xmlns' || name.startsWith('xmlns:') || name.startsWith('xml:')) continue;
      const bare = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
      let value = decodeXml(attribs[name] ?? '');
      if (URL_ATTRIBUTES.has(bare.toLowerCase())) value = resolveUrl(value, base);
      out += ` ${bare}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
    }
    return `${out}>`;
  }

  function finishCapture(c: Capture, end: number): void {
    let raw = c.type === 'xhtml' ? c.buf : xmlContent(text.slice(c.start, Math.max(c.start, end)));
    let type = c.type;
    if (type === 'base64') {
      raw = fromBase64(raw);
      type = c.innerType;
    }
    if (person && c.field.startsWith('person:')) {
      if (c.field === 'person:name') person.name = cleanLine(raw);
      else if (c.field === 'person:email') person.email = cleanLine(raw);
      return;
    }
    const captured = { raw, type, base: c.base, attribs: c.attribs };
    if (item) c.rule?.item?.(item, captured);
    else c.rule?.feed?.(feed, captured);
  }

  const doc: XmlDoc = {
    get format() { return format; },
    feed,
    get item() { return item; },
    capture: (k, rule, attribs, base, fallback) => startCapture(k, rule, attribs, base, fallback),
    openItem(parentRole) {
      // An item inside an item: the first was never closed. End it here rather than lose every item after it.
      if (parentRole === 'item' && item) finishItem(item);
      item = newItem();
    },
    openPerson() {
      person = { name: null, email: null, text: '' };
    },
  };

  /** A child element of the feed or of an item: the first rule of its name that does not decline reads it. */
  function openField(parentRole: 'feed' | 'item', k: string, attribs: Record<string, string>, frame: Frame): Role {
    for (const rule of RULES.get(k) ?? []) {
      const role = rule.open ? rule.open({ key: k, parentRole, attribs, base: frame.base }, doc) : 'capture';
      if (role === null) continue;
      if (role !== 'capture') return role;
      startCapture(k, rule, attribs, frame.base, ruleText(rule, format));
      return 'none';
    }
    return 'none';
  }

  function finishItem(it: ItemState): void {
    const link = safeLink(it.link?.value ?? it.textLink ?? it.guidLink ?? (it.rdfAbout && /^https?:/i.test(it.rdfAbout) ? it.rdfAbout : null));
    const authors = [...new Set(it.authors)];
    items.push({
      id: clean(it.id ?? it.atomId ?? it.rdfAbout ?? link),
      title: it.title,
      link,
      published: it.published?.value ?? null,
      updated: it.updated?.value ?? null,
      author: authors.length > 0 ? authors.join(', ') : it.authorFallback ?? (feed.authors.length > 0 ? [...new Set(feed.authors)].join(', ') : null),
      summary: it.summary?.value ?? null,
      content: it.content?.value ?? null,
      categories: [...new Set(it.categories)],
    });
  }

  const parser = new Parser({
    onopentag(qname, attribs) {
      if (stack.length >= MAX_XML_DEPTH) {
        throw new FeedParseError(`The XML nests elements more than ${MAX_XML_DEPTH} levels deep, which no real feed does; it was not read.`);
      }
      const parent = stack[stack.length - 1];
      let scope = parent?.scope ?? rootScope;
      let declared = false;
      for (const name in attribs) {
        if (name === 'xmlns' || name.startsWith('xmlns:')) {
          if (!declared) { scope = { ...scope }; declared = true; }
          scope[name === 'xmlns' ? '' : name.slice(6)] = decodeXml(attribs[name] ?? '');
        }
      }
      const parentBase = parent ? parent.base : documentUrl;
      const xmlBase = attr(attribs, 'xml:base');
      const base = xmlBase !== undefined ? resolveBase(xmlBase, parentBase) ?? parentBase : parentBase;
      const lang = attr(attribs, 'xml:lang') ?? parent?.lang ?? null;
      const frame: Frame = { local: '', role: 'none', base, lang, scope, capture: null, silent: false };
      const colon = qname.indexOf(':');
      frame.local = (colon < 0 ? qname : qname.slice(colon + 1)).toLowerCase();
      if (cap) {
        if (cap.unwrapDiv && stack.length === cap.depth + 1 && frame.local === 'div' && cap.buf.trim() === '') {
          frame.silent = true;
          cap.unwrapDiv = false;
        } else {
          cap.buf += serialiseOpen(frame.local, attribs, base);
        }
        stack.push(frame);
        return;
      }
      const k = key(qname, scope);
      if (!parent) {
        const root = rootRole(k, attribs);
        frame.role = root.role;
        format = root.format;
        atom10 = root.atom10;
        feed.rootLang = lang;
      } else if (parent.role === 'root') {
        if (k === 'channel') frame.role = 'feed';
        else if (k === 'item' || k === 'entry') { item = newItem(); frame.role = 'item'; }
        if (frame.role === 'feed') feed.rootLang = lang ?? feed.rootLang;
      } else if (parent.role === 'feed' || parent.role === 'item') {
        frame.role = openField(parent.role, k, attribs, frame);
      } else if (parent.role === 'person' && (k === 'name' || k === 'email' || k === 'uri')) {
        // A structured Atom person: its own text (RSS style) is no longer the name.
        startCapture(`person:${k}`, null, attribs, base, 'text');
      }
      if (frame.role === 'item' && item) {
        const about = rdfAbout(attribs, scope, (uri) => NAMESPACES[uri.toLowerCase()] === 'rdf');
        if (about !== undefined) item.rdfAbout = clean(resolveUrl(about, base));
      }
      frame.capture = cap;
      stack.push(frame);
    },
    ontext(data) {
      // Raw source text (entities not decoded): in XHTML it is already escaped, except inside CDATA.
      if (cap) { if (cap.type === 'xhtml') cap.buf += inCdata ? escapeHtml(data) : data; }
      else if (person && stack[stack.length - 1]?.role === 'person') person.text += data;
    },
    oncdatastart() { inCdata = true; },
    oncdataend() { inCdata = false; },
    onclosetag(_name, isImplied) {
      // An element left open at the end of input ends where the input does.
      const end = isImplied && ending ? text.length : parser.startIndex;
      const frame = stack.pop();
      if (!frame) return;
      if (cap && frame.capture !== cap) {
        if (!frame.silent && !VOID_ELEMENTS.has(frame.local)) cap.buf += `</${frame.local}>`;
        return;
      }
      if (frame.capture) {
        cap = null;
        finishCapture(frame.capture, end);
        return;
      }
      if (frame.role === 'person' && person) {
        // An Atom person (name/email children) or an RSS author string ("jane@example.com (Jane)").
        const p = person;
        person = null;
        const name = p.name ?? personName(xmlContent(p.text)) ?? p.email;
        if (name !== null) (item ? item.authors : feed.authors).push(name);
      } else if (frame.role === 'item' && item) {
        finishItem(item);
        item = null;
      } else if (frame.role === 'root' || (frame.role === 'feed' && stack.length === 0)) {
        rootClosed = !isImplied; // closed by the parser at the end of input: the file was cut off
      }
    },
  }, { xmlMode: true, decodeEntities: false, recognizeSelfClosing: true });

  try {
    parser.write(text);
    ending = true;
    parser.end();
  } catch (err) {
    if (err instanceof FeedParseError) throw err;
    throw new FeedParseError(`The XML could not be read: ${(err as Error).message}`);
  }

  if (format === null) {
    const trimmed = text.trimStart();
    if (trimmed === '') throw new FeedParseError('The document is empty: there is no feed in it.');
    if (/^<!doctype\s+html/i.test(trimmed)) throw new FeedParseError('This is an HTML page, not a feed.');
    if (!trimmed.startsWith('<')) throw new FeedParseError('This is not a feed: it is neither XML nor JSON.');
    throw new FeedParseError(`The XML is broken at line ${lastLine(text)}: the document ends before its first element is complete.`);
  }
  if (!rootClosed && items.length === 0 && feed.title === null) {
    throw new FeedParseError(`The XML is broken at line ${lastLine(text)}: the feed ends before any title or item, so it was probably cut off.`);
  }

  let syMinutes: number | null = null;
  if (feed.syPeriod !== null && SY_PERIOD_MINUTES[feed.syPeriod] !== undefined) {
    syMinutes = Math.round((SY_PERIOD_MINUTES[feed.syPeriod] ?? 0) / (feed.syFrequency ?? 1));
  }
  const ttlMinutes = feed.ttl === null && syMinutes === null ? null : Math.max(feed.ttl ?? 0, syMinutes ?? 0);

  return {
    format,
    ttlMinutes,
    feed: {
      title: feed.title,
      link: safeLink(feed.link?.value ?? feed.textLink),
      description: feed.description?.value ?? null,
      language: cleanLine(feed.language ?? feed.rootLang),
      items,
    },
  };
}

// A tolerant streaming mapper from RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 XML to the feed object.
// htmlparser2 in xmlMode does the tokenising: it survives raw "&", unclosed elements and truncated files, and it
// never reads a DTD, so external entities (XXE) and entity-expansion bombs stay inert text. Entity decoding is off
// in the tokenizer (it would cut text at every entity): a field's text is read as one slice of the source between
// its tags, then CDATA and the five XML entities are handled in one pass (xmlContent). The mapper keeps an
// explicit stack (no recursion, so 100,000 nested elements are fine), resolves namespaces by URI, and tracks
// xml:base and xml:lang per element.
import { Parser } from 'htmlparser2';
import type { FeedItem, FeedObject } from '../model.ts';
import { FeedParseError } from './parse-error.ts';
import { parseFeedDate } from './parse-date.ts';
import {
  clean, cleanLine, decodeXml, escapeHtml, fromBase64, htmlToText, looksLikeHtml, personName, resolveBase, resolveHtmlUrls,
  resolveUrl, safeLink, URL_ATTRIBUTES, xmlContent,
} from './parse-text.ts';

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

export interface MappedFeed {
  format: FeedFormat;
  feed: FeedObject;
  ttlMinutes: number | null;
}

/** Known namespaces → the short prefix the mapper matches on ('' for RSS/Atom core elements). */
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
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://purl.org/rss/1.0/modules/syndication/': 'sy',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://search.yahoo.com/mrss/': 'media',
};

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// htmlparser2 costs O(depth) per tag (its open-element array is shifted at the front), so nesting is quadratic:
// ~5 s at 100,000 levels (which the mapper still reads: test/parse-robustness), hours for the millions a 20 MB
// body can hold. Deeper than this the document is refused, which bounds a parse at a few seconds.
const MAX_XML_DEPTH = 120_000;
const SY_PERIOD_MINUTES: Record<string, number> = { hourly: 60, daily: 1440, weekly: 10080, monthly: 43200, yearly: 525600 };

type Role = 'root' | 'feed' | 'item' | 'person' | 'none';
/** How a captured element's text is to be read. rss-title: plain text that may carry escaped HTML. */
type TextType = 'text' | 'html' | 'xhtml' | 'base64' | 'rss-title';
type Scope = Record<string, string>;

interface Capture {
  field: string;
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

interface Ranked { value: string; rank: number }

interface ItemState {
  id: string | null;
  rdfAbout: string | null;
  title: string | null;
  link: Ranked | null;
  textLink: string | null;
  guidLink: string | null;
  atomId: string | null;
  published: Ranked | null;
  updated: Ranked | null;
  authors: string[];
  authorFallback: string | null;
  summary: Ranked | null;
  content: Ranked | null;
  categories: string[];
}

interface FeedState {
  title: string | null;
  link: Ranked | null;
  textLink: string | null;
  description: Ranked | null;
  language: string | null;
  rootLang: string | null;
  authors: string[];
  ttl: number | null;
  syPeriod: string | null;
  syFrequency: number | null;
}

function newItem(): ItemState {
  return {
    id: null, rdfAbout: null, title: null, link: null, textLink: null, guidLink: null, atomId: null, published: null,
    updated: null, authors: [], authorFallback: null, summary: null, content: null, categories: [],
  };
}

function better(current: Ranked | null, value: string | null, rank: number): Ranked | null {
  if (value === null) return current;
  return current === null || rank < current.rank ? { value, rank } : current;
}

/** An attribute's value, entities decoded (the tokenizer leaves them: see mapXmlFeed). */
function attr(attribs: Record<string, string>, name: string): string | undefined {
  const value = attribs[name] ?? attribs[name.toLowerCase()];
  return value === undefined ? undefined : decodeXml(value);
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

function plainText(raw: string, type: TextType): string | null {
  if (type === 'html' || type === 'xhtml' || (type === 'rss-title' && looksLikeHtml(raw))) return cleanLine(htmlToText(raw));
  return cleanLine(raw);
}

function htmlText(raw: string, type: TextType, base: string | null): string | null {
  if (type === 'text') return clean(escapeHtml(raw.trim()));
  if (type === 'xhtml') return clean(raw); // URLs were resolved while serialising
  return clean(resolveHtmlUrls(raw, base));
}

/** The rdf:about attribute, whatever prefix the document binds to the RDF namespace. */
function rdfAbout(attribs: Record<string, string>, scope: Scope): string | undefined {
  for (const name in attribs) {
    if (name === 'about') return decodeXml(attribs[name] ?? '');
    if (!name.endsWith(':about')) continue;
    const prefix = name.slice(0, -6);
    const uri = scope[prefix];
    if (prefix === 'rdf' || (uri !== undefined && NAMESPACES[uri.toLowerCase()] === 'rdf')) return decodeXml(attribs[name] ?? '');
  }
  return undefined;
}

/** The number of the last line: where a cut-off document ends. */
function lastLine(text: string): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Maps an XML feed document (already decoded to a string) to the feed object. Throws FeedParseError. */
export function mapXmlFeed(text: string, documentUrl: string | null): MappedFeed {
  let format: FeedFormat | null = null;
  let atom10 = false;
  let rootClosed = false;
  const stack: Frame[] = [];
  const items: FeedItem[] = [];
  const feed: FeedState = {
    title: null, link: null, textLink: null, description: null, language: null, rootLang: null, authors: [],
    ttl: null, syPeriod: null, syFrequency: null,
  };
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

  function startCapture(field: string, attribs: Record<string, string>, base: string | null, fallback: TextType): Capture {
    const { type, innerType } = textType(attribs, fallback);
    cap = { field, type, innerType, buf: '', start: parser.endIndex + 1, depth: stack.length, base, attribs, unwrapDiv: type === 'xhtml' && atom10 };
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
    const f = c.field;
    if (person && f.startsWith('person:')) {
      if (f === 'person:name') person.name = cleanLine(raw);
      else if (f === 'person:email') person.email = cleanLine(raw);
      return;
    }
    if (item) {
      switch (f) {
        case 'title': case 'dc:title': item.title ??= plainText(raw, type); return;
        case 'link': item.textLink ??= clean(resolveUrl(raw, c.base)); return;
        case 'guid': {
          const id = clean(raw);
          if (id === null) return;
          item.id ??= id;
          const permalink = (attr(c.attribs, 'isPermaLink') ?? 'true').trim().toLowerCase() !== 'false';
          if (permalink && /^(https?:\/\/|\/)/i.test(id)) {
            item.guidLink ??= resolveUrl(id, c.base);
            if (item.id === id) item.id = item.guidLink;
          }
          return;
        }
        case 'id': item.atomId ??= clean(resolveUrl(raw, c.base)); return;
        case 'description': item.summary = better(item.summary, htmlText(raw, type, c.base), 1); return;
        case 'summary': item.summary = better(item.summary, htmlText(raw, type, c.base), 1); return;
        case 'dc:description': item.summary = better(item.summary, htmlText(raw, type, c.base), 2); return;
        case 'itunes:summary': item.summary = better(item.summary, htmlText(raw, 'text', c.base), 3); return;
        case 'content:encoded': item.content = better(item.content, htmlText(raw, type, c.base), 1); return;
        case 'content': item.content = better(item.content, htmlText(raw, type, c.base), 1); return;
        case 'xhtml:body': item.content = better(item.content, htmlText(raw, 'xhtml', c.base), 2); return;
        case 'pubdate': case 'published': item.published = better(item.published, parseFeedDate(raw), 1); return;
        case 'issued': case 'dc:date': item.published = better(item.published, parseFeedDate(raw), 2); return;
        case 'dcterms:issued': item.published = better(item.published, parseFeedDate(raw), 3); return;
        case 'created': case 'dcterms:created': item.published = better(item.published, parseFeedDate(raw), 4); return;
        case 'updated': item.updated = better(item.updated, parseFeedDate(raw), 1); return;
        case 'modified': item.updated = better(item.updated, parseFeedDate(raw), 2); return;
        case 'dcterms:modified': item.updated = better(item.updated, parseFeedDate(raw), 3); return;
        case 'dc:creator': case 'dc:author': {
          const name = personName(raw);
          if (name !== null) item.authors.push(name);
          return;
        }
        case 'itunes:author': item.authorFallback ??= cleanLine(raw); return;
        case 'category': case 'dc:subject': {
          const category = cleanLine(raw);
          if (category !== null) item.categories.push(category);
          return;
        }
      }
      return;
    }
    switch (f) {
      case 'title': case 'dc:title': feed.title ??= plainText(raw, type); return;
      case 'link': feed.textLink ??= clean(resolveUrl(raw, c.base)); return;
      case 'description': feed.description = better(feed.description, plainText(raw, type), 1); return;
      case 'subtitle': case 'tagline': feed.description = better(feed.description, plainText(raw, type), 1); return;
      case 'dc:description': feed.description = better(feed.description, plainText(raw, type), 2); return;
      case 'itunes:summary': case 'itunes:subtitle': feed.description = better(feed.description, plainText(raw, 'text'), 3); return;
      case 'language': case 'dc:language': feed.language ??= cleanLine(raw); return;
      case 'ttl': { const n = Number.parseInt(raw.trim(), 10); if (n > 0) feed.ttl = n; return; }
      case 'sy:updateperiod': feed.syPeriod = raw.trim().toLowerCase(); return;
      case 'sy:updatefrequency': { const n = Number.parseInt(raw.trim(), 10); if (n > 0) feed.syFrequency = n; return; }
      case 'dc:creator': {
        const name = personName(raw);
        if (name !== null) feed.authors.push(name);
        return;
      }
    }
  }

  /** What a child element of a feed or item is: starts a capture, or handles its attributes and returns a role. */
  function openField(parentRole: 'feed' | 'item', k: string, attribs: Record<string, string>, frame: Frame): Role {
    switch (k) {
      case 'item': case 'entry':
        // An item inside an item: the first was never closed. End it here rather than lose every item after it.
        if (parentRole === 'item' && item) finishItem(item);
        item = newItem();
        return 'item';
      case 'link': {
        const href = attr(attribs, 'href');
        if (href === undefined) { startCapture('link', attribs, frame.base, 'text'); return 'none'; }
        const rel = (attr(attribs, 'rel') ?? 'alternate').trim().toLowerCase();
        if (rel !== 'alternate') return 'none';
        const type = (attr(attribs, 'type') ?? 'text/html').toLowerCase();
        const rank = type.includes('html') ? 1 : 2;
        const url = clean(resolveUrl(href, frame.base));
        if (parentRole === 'item' && item) item.link = better(item.link, url, rank);
        else feed.link = better(feed.link, url, rank);
        return 'none';
      }
      case 'category': {
        const label = cleanLine(attr(attribs, 'label') ?? attr(attribs, 'term'));
        if (label !== null) {
          if (parentRole === 'item' && item) item.categories.push(label);
          return 'none';
        }
        if (parentRole === 'item') startCapture('category', attribs, frame.base, 'text');
        return 'none';
      }
      case 'author':
        person = { name: null, email: null, text: '' };
        return 'person';
      case 'source': case 'image': case 'textinput': case 'items': case 'media:group': return 'none';
      case 'title': case 'dc:title': startCapture(k, attribs, frame.base, atomOrRss('text')); return 'none';
      case 'description': startCapture('description', attribs, frame.base, 'html'); return 'none';
      case 'summary': case 'subtitle': case 'tagline':
        startCapture(k, attribs, frame.base, format === 'atom' ? 'text' : 'html'); return 'none';
      case 'content':
        if (attr(attribs, 'src') !== undefined) return 'none';
        startCapture('content', attribs, frame.base, format === 'atom' ? 'text' : 'html');
        return 'none';
      case 'content:encoded': case 'dc:description': startCapture(k, attribs, frame.base, 'html'); return 'none';
      case 'xhtml:body': startCapture(k, { type: 'xhtml' }, frame.base, 'xhtml').unwrapDiv = false; return 'none';
      case 'guid': case 'id': case 'pubdate': case 'published': case 'issued': case 'dc:date': case 'dcterms:issued':
      case 'created': case 'dcterms:created': case 'updated': case 'modified': case 'dcterms:modified': case 'dc:creator': case 'dc:author':
      case 'itunes:author': case 'itunes:summary': case 'itunes:subtitle': case 'dc:subject': case 'language':
      case 'dc:language': case 'ttl': case 'sy:updateperiod': case 'sy:updatefrequency':
        startCapture(k, attribs, frame.base, 'text'); return 'none';
      default:
        return 'none';
    }
  }

  function atomOrRss(atomType: TextType): TextType {
    return format === 'atom' ? atomType : 'rss-title';
  }

  function rootRole(k: string, attribs: Record<string, string>): Role {
    switch (k) {
      case 'rss': format = 'rss'; return 'root';
      case 'rdf:rdf': case 'rdf': format = 'rdf'; return 'root';
      case 'channel': format = 'rss'; return 'feed';
      case 'feed':
        format = 'atom';
        atom10 = (attr(attribs, 'version') ?? '') !== '0.3';
        return 'feed';
      case 'html': case 'xhtml:html': case 'head': case 'body':
        throw new FeedParseError('This is an HTML page, not a feed. If it is a website, subscribe to its address and Footnote will look for the feed it announces.');
      default:
        throw new FeedParseError(`This is not a feed: the document's top element is <${k}>, where a feed has <rss>, <feed> or <rdf:RDF>.`);
    }
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
        frame.role = rootRole(k, attribs);
        feed.rootLang = lang;
      } else if (parent.role === 'root') {
        if (k === 'channel') frame.role = 'feed';
        else if (k === 'item' || k === 'entry') { item = newItem(); frame.role = 'item'; }
        if (frame.role === 'feed') feed.rootLang = lang ?? feed.rootLang;
      } else if (parent.role === 'feed' || parent.role === 'item') {
        frame.role = openField(parent.role, k, attribs, frame);
      } else if (parent.role === 'person' && (k === 'name' || k === 'email' || k === 'uri')) {
        // A structured Atom person: its own text (RSS style) is no longer the name.
        startCapture(`person:${k}`, attribs, base, 'text');
      }
      if (frame.role === 'item' && item) {
        const about = rdfAbout(attribs, scope);
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

// What the XML feed walker (parse-xml.ts) and the format vocabularies (parse-rss.ts, parse-atom.ts, parse-rdf.ts,
// parse-modules.ts) share: the state of the feed and of the item being read, how an element's text is read, and
// the shape of an element rule.
import { clean, cleanLine, escapeHtml } from '../text/clean.ts';
import { htmlToText } from '../text/html-text.ts';
import { decodeXml, looksLikeHtml, resolveHtmlUrls } from './parse-text.ts';

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

/** What an element is to the walker: the document root, the feed (channel), an item, an author, or nothing it reads. */
export type Role = 'root' | 'feed' | 'item' | 'person' | 'none';
/** How a captured element's text is to be read. rss-title: plain text that may carry escaped HTML. */
export type TextType = 'text' | 'html' | 'xhtml' | 'base64' | 'rss-title';

export interface Ranked { value: string; rank: number }

/** Keeps the value of the best (lowest) rank seen so far: `<content:encoded>` beats `<xhtml:body>`, and so on. */
export function better(current: Ranked | null, value: string | null, rank: number): Ranked | null {
  if (value === null) return current;
  return current === null || rank < current.rank ? { value, rank } : current;
}

export interface ItemState {
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

export interface FeedState {
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

export function newItem(): ItemState {
  return {
    id: null, rdfAbout: null, title: null, link: null, textLink: null, guidLink: null, atomId: null, published: null,
    updated: null, authors: [], authorFallback: null, summary: null, content: null, categories: [],
  };
}

export function newFeedState(): FeedState {
  return {
    title: null, link: null, textLink: null, description: null, language: null, rootLang: null, authors: [],
    ttl: null, syPeriod: null, syFrequency: null,
  };
}

/** An attribute's value, entities decoded (the walker's tokenizer leaves them: see parse-xml.ts). */
export function attr(attribs: Record<string, string>, name: string): string | undefined {
  const value = attribs[name] ?? attribs[name.toLowerCase()];
  return value === undefined ? undefined : decodeXml(value);
}

/** A field's text as plain text: titles, descriptions of the feed. */
export function plainText(raw: string, type: TextType): string | null {
  if (type === 'html' || type === 'xhtml' || (type === 'rss-title' && looksLikeHtml(raw))) return cleanLine(htmlToText(raw));
  return cleanLine(raw);
}

/** A field's text as HTML with absolute URLs: item summaries and contents. */
export function htmlText(raw: string, type: TextType, base: string | null): string | null {
  if (type === 'text') return clean(escapeHtml(raw.trim()));
  if (type === 'xhtml') return clean(raw); // URLs were resolved while serialising
  return clean(resolveHtmlUrls(raw, base));
}

/** An element's text once it has been read to its end tag. */
export interface Captured {
  raw: string;
  type: TextType;
  base: string | null;
  attribs: Record<string, string>;
}

/** An element opening as a child of the feed (channel) or of an item. */
export interface OpeningElement {
  /** The element's name as vocabularies know it: `dc:creator`, `link` (RSS and Atom core elements have no prefix). */
  key: string;
  parentRole: 'feed' | 'item';
  attribs: Record<string, string>;
  base: string | null;
}

/** What an element rule may do to the document being read. */
export interface XmlDoc {
  readonly format: FeedFormat | null;
  readonly feed: FeedState;
  /** The item being read, if any. */
  readonly item: ItemState | null;
  /** Starts reading the element's text, as `fallback` unless its type/mode attributes say otherwise. */
  capture(key: string, rule: ElementRule, attribs: Record<string, string>, base: string | null, fallback: TextType): { unwrapDiv: boolean };
  /** Starts a new item (an item opened inside an unclosed one ends that one first). */
  openItem(parentRole: 'feed' | 'item'): void;
  /** Starts reading an author: an Atom person (name, email) or an RSS author string. */
  openPerson(): void;
}

/**
 * How one element of a vocabulary is read. By default its text is captured (as `text`) and handed to `item` or
 * `feed`, whichever is being read when the element ends.
 */
export interface ElementRule {
  /** How the text is read unless the element's type/mode attributes say otherwise; may depend on the document's format. */
  text?: TextType | ((format: FeedFormat | null) => TextType);
  /**
   * Runs as the element opens instead of the default capture: returns the element's role, 'capture' for the default,
   * or null when this vocabulary's reading does not apply (an RSS `<link>` with an href is an Atom link): the rule of
   * the same name in another vocabulary is tried next.
   */
  open?: (el: OpeningElement, doc: XmlDoc) => Role | 'capture' | null;
  item?: (item: ItemState, t: Captured) => void;
  feed?: (feed: FeedState, t: Captured) => void;
}

export type Vocabulary = Record<string, ElementRule>;

/** The fallback text type of a rule in a document of `format`. */
export function ruleText(rule: ElementRule, format: FeedFormat | null): TextType {
  const t = rule.text ?? 'text';
  return typeof t === 'function' ? t(format) : t;
}

// Atom 1.0 (RFC 4287) and Atom 0.3: the elements of <feed> and <entry>. RSS feeds borrow several of them (atom:link,
// <summary>, <content>, <published>…), so these rules apply in every document; where the format matters (the text
// type a summary has when it does not say), the rule asks the document.
import { clean, cleanLine } from '../text/clean.ts';
import { parseFeedDate } from '../text/dates.ts';
import { attr, better, htmlText, plainText, type ElementRule, type FeedFormat, type Vocabulary } from './parse-xml-model.ts';
import { resolveUrl } from './parse-text.ts';

/** Atom text constructs are plain text unless they say otherwise; the same elements in RSS carry HTML. */
const textOrHtml = (format: FeedFormat | null): 'text' | 'html' => (format === 'atom' ? 'text' : 'html');

/** An entry's summary; the feed's subtitle (tagline in Atom 0.3) is its description. */
const summary: ElementRule = { text: textOrHtml, item: (it, t) => { it.summary = better(it.summary, htmlText(t.raw, t.type, t.base), 1); } };
const subtitle: ElementRule = { text: textOrHtml, feed: (f, t) => { f.description = better(f.description, plainText(t.raw, t.type), 1); } };

const date = (field: 'published' | 'updated', rank: number): ElementRule => ({
  item: (it, t) => { it[field] = better(it[field], parseFeedDate(t.raw), rank); },
});

export const atomElements: Vocabulary = {
  entry: { open: (el, doc) => { doc.openItem(el.parentRole); return 'item'; } },
  // In RSS documents the RSS title rule (parse-rss.ts) reads <title>; in Atom it declines and this one applies.
  title: {
    text: 'text',
    item: (it, t) => { it.title ??= plainText(t.raw, t.type); },
    feed: (f, t) => { f.title ??= plainText(t.raw, t.type); },
  },
  // <link href rel type>: the alternate link, an HTML one before others. One without href is RSS's (parse-rss.ts).
  link: {
    open: (el, doc) => {
      const href = attr(el.attribs, 'href');
      if (href === undefined) return null;
      const rel = (attr(el.attribs, 'rel') ?? 'alternate').trim().toLowerCase();
      if (rel !== 'alternate') return 'none';
      const type = (attr(el.attribs, 'type') ?? 'text/html').toLowerCase();
      const rank = type.includes('html') ? 1 : 2;
      const url = clean(resolveUrl(href, el.base));
      const item = doc.item;
      if (el.parentRole === 'item' && item) item.link = better(item.link, url, rank);
      else doc.feed.link = better(doc.feed.link, url, rank);
      return 'none';
    },
  },
  id: { item: (it, t) => { it.atomId ??= clean(resolveUrl(t.raw, t.base)); } },
  published: date('published', 1),
  updated: date('updated', 1),
  // Atom 0.3.
  issued: date('published', 2),
  created: date('published', 4),
  modified: date('updated', 2),
  summary,
  subtitle,
  tagline: subtitle,
  content: {
    // An out-of-line content (src) has nothing to read here.
    open: (el) => (attr(el.attribs, 'src') !== undefined ? 'none' : 'capture'),
    text: textOrHtml,
    item: (it, t) => { it.content = better(it.content, htmlText(t.raw, t.type, t.base), 1); },
  },
  // <category term label>; one with neither is RSS's text category (parse-rss.ts).
  category: {
    open: (el, doc) => {
      const label = cleanLine(attr(el.attribs, 'label') ?? attr(el.attribs, 'term'));
      if (label === null) return null;
      if (el.parentRole === 'item' && doc.item) doc.item.categories.push(label);
      return 'none';
    },
  },
  // An Atom person (name, email children) or, with the same role, RSS's author string ("jane@example.com (Jane)").
  author: { open: (_el, doc) => { doc.openPerson(); return 'person'; } },
};

// RSS 0.9x and 2.0 (https://www.rssboard.org/rss-specification): the elements of <channel> and <item>. RSS 1.0
// (parse-rdf.ts) reads its title, link and description with the same rules.
import { clean, cleanLine } from '../text/clean.ts';
import { parseFeedDate } from '../text/dates.ts';
import { attr, better, htmlText, plainText, type ElementRule, type Vocabulary } from './parse-xml-model.ts';
import { resolveUrl } from './parse-text.ts';

/** title and dc:title: plain text that may carry escaped HTML in RSS; Atom's text construct in Atom (parse-atom.ts). */
export const rssTitle: ElementRule = {
  open: (_el, doc) => (doc.format === 'atom' ? null : 'capture'),
  text: 'rss-title',
  item: (it, t) => { it.title ??= plainText(t.raw, t.type); },
  feed: (f, t) => { f.title ??= plainText(t.raw, t.type); },
};

const skip: ElementRule = { open: () => 'none' };

export const rssElements: Vocabulary = {
  item: { open: (el, doc) => { doc.openItem(el.parentRole); return 'item'; } },
  title: rssTitle,
  // <link> with text; one with an href is an Atom link (atom:link in RSS feeds).
  link: {
    open: (el) => (attr(el.attribs, 'href') === undefined ? 'capture' : null),
    item: (it, t) => { it.textLink ??= clean(resolveUrl(t.raw, t.base)); },
    feed: (f, t) => { f.textLink ??= clean(resolveUrl(t.raw, t.base)); },
  },
  description: {
    text: 'html',
    item: (it, t) => { it.summary = better(it.summary, htmlText(t.raw, t.type, t.base), 1); },
    feed: (f, t) => { f.description = better(f.description, plainText(t.raw, t.type), 1); },
  },
  guid: {
    item: (it, t) => {
      const id = clean(t.raw);
      if (id === null) return;
      it.id ??= id;
      const permalink = (attr(t.attribs, 'isPermaLink') ?? 'true').trim().toLowerCase() !== 'false';
      if (permalink && /^(https?:\/\/|\/)/i.test(id)) {
        it.guidLink ??= resolveUrl(id, t.base);
        if (it.id === id) it.id = it.guidLink;
      }
    },
  },
  pubdate: { item: (it, t) => { it.published = better(it.published, parseFeedDate(t.raw), 1); } },
  // <category>text</category>; one with a term or label attribute is an Atom category.
  category: {
    open: (el) => (cleanLine(attr(el.attribs, 'label') ?? attr(el.attribs, 'term')) !== null ? null : el.parentRole === 'item' ? 'capture' : 'none'),
    item: (it, t) => {
      const category = cleanLine(t.raw);
      if (category !== null) it.categories.push(category);
    },
  },
  language: { feed: (f, t) => { f.language ??= cleanLine(t.raw); } },
  ttl: { feed: (f, t) => { const n = Number.parseInt(t.raw.trim(), 10); if (n > 0) f.ttl = n; } },
  // Containers whose children are not the feed's or the item's own fields.
  source: skip,
  image: skip,
  textinput: skip,
};

// The extension namespaces feeds of every format carry: Dublin Core (dc:, dcterms:), content:encoded, the
// syndication module (sy:), iTunes (itunes:), an XHTML body and Media RSS groups.
import { cleanLine } from '../text/clean.ts';
import { parseFeedDate } from '../text/dates.ts';
import { better, htmlText, plainText, type ElementRule, type Vocabulary } from './parse-xml-model.ts';
import { personName } from './parse-text.ts';

const date = (field: 'published' | 'updated', rank: number): ElementRule => ({
  item: (it, t) => { it[field] = better(it[field], parseFeedDate(t.raw), rank); },
});

const creator = (atFeedToo: boolean): ElementRule => ({
  item: (it, t) => { const name = personName(t.raw); if (name !== null) it.authors.push(name); },
  ...(atFeedToo ? { feed: (f, t) => { const name = personName(t.raw); if (name !== null) f.authors.push(name); } } : {}),
});

const xhtmlBody: ElementRule = {
  // Always XHTML, and not wrapped in the <div> an Atom xhtml construct has.
  open: (el, doc) => { doc.capture(el.key, xhtmlBody, { type: 'xhtml' }, el.base, 'xhtml').unwrapDiv = false; return 'none'; },
  item: (it, t) => { it.content = better(it.content, htmlText(t.raw, 'xhtml', t.base), 2); },
};

export const moduleElements: Vocabulary = {
  'dc:title': {
    text: (format) => (format === 'atom' ? 'text' : 'rss-title'),
    item: (it, t) => { it.title ??= plainText(t.raw, t.type); },
    feed: (f, t) => { f.title ??= plainText(t.raw, t.type); },
  },
  'dc:description': {
    text: 'html',
    item: (it, t) => { it.summary = better(it.summary, htmlText(t.raw, t.type, t.base), 2); },
    feed: (f, t) => { f.description = better(f.description, plainText(t.raw, t.type), 2); },
  },
  'dc:date': date('published', 2),
  'dcterms:issued': date('published', 3),
  'dcterms:created': date('published', 4),
  'dcterms:modified': date('updated', 3),
  'dc:creator': creator(true),
  'dc:author': creator(false),
  'dc:subject': { item: (it, t) => { const c = cleanLine(t.raw); if (c !== null) it.categories.push(c); } },
  'dc:language': { feed: (f, t) => { f.language ??= cleanLine(t.raw); } },
  'content:encoded': { text: 'html', item: (it, t) => { it.content = better(it.content, htmlText(t.raw, t.type, t.base), 1); } },
  'xhtml:body': xhtmlBody,
  'itunes:author': { item: (it, t) => { it.authorFallback ??= cleanLine(t.raw); } },
  'itunes:summary': {
    item: (it, t) => { it.summary = better(it.summary, htmlText(t.raw, 'text', t.base), 3); },
    feed: (f, t) => { f.description = better(f.description, plainText(t.raw, 'text'), 3); },
  },
  'itunes:subtitle': { feed: (f, t) => { f.description = better(f.description, plainText(t.raw, 'text'), 3); } },
  'sy:updateperiod': { feed: (f, t) => { f.syPeriod = t.raw.trim().toLowerCase(); } },
  'sy:updatefrequency': { feed: (f, t) => { const n = Number.parseInt(t.raw.trim(), 10); if (n > 0) f.syFrequency = n; } },
  'media:group': { open: () => 'none' },
};

// A parsed feed item → the fields an article is stored with: the three dedupe keys (guid, canonical link,
// title+date hash), the plain text search and labels read, and a hash of the content that tells an edit apart.
import { createHash } from 'node:crypto';
import type { FeedItem } from '../model.ts';
import { htmlToText } from '../text/html-text.ts';
import type { DetectLanguage } from '../text/language.ts';

/** Query parameters that only say where a click came from; they never change which article a link points to. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'yclid', 'msclkid', 'twclid', 'ttclid', 'igshid', 'mc_cid', 'mc_eid',
  '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'ref', 'ref_src', 'ref_url', 'referrer', 'cmpid', 'ocid', 'spm',
  'oly_anon_id', 'oly_enc_id', 'vero_id', 'vero_conv', 'wt_mc', 'wt.mc_id', 'at_medium', 'at_campaign', 'ito',
  '__twitter_impression', 'from_rss',
]);

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING_PARAMS.has(n);
}

/** The link without tracking parameters and fragment, or null when there is no link. Non-URLs are kept trimmed. */
export function canonicalLink(link: string | null | undefined): string | null {
  const text = link?.trim();
  if (!text) return null;
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return text;
  }
  u.hash = '';
  for (const name of [...u.searchParams.keys()]) {
    if (isTracking(name)) u.searchParams.delete(name);
  }
  if (u.searchParams.size === 0) u.search = '';
  return u.href;
}

/** An article as the feed delivered it, normalised and ready to store. */
export interface ArticleFields {
  guid: string | null;
  link: string | null;
  canonicalLink: string | null;
  titleDateHash: string;
  title: string | null;
  author: string | null;
  summary: string | null;
  content: string | null;
  text: string;
  lang: string | null;
  categories: string[];
  publishedAt: string | null;
  updatedAt: string | null;
  raw: string;
  contentHash: string;
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The last dedupe key: title and date; an item with neither is known by its text. */
export function titleDateHash(item: Pick<FeedItem, 'title' | 'published' | 'updated' | 'summary' | 'content'>): string {
  const date = item.published ?? item.updated ?? '';
  const basis = item.title || date ? `${item.title ?? ''}\n${date}` : `\n\n${item.content ?? item.summary ?? ''}`;
  return sha1(basis);
}

/** What counts as "the content changed": title, summary and content as the feed sends them. */
export function contentHash(item: Pick<FeedItem, 'title' | 'summary' | 'content'>): string {
  const h = createHash('sha1');
  for (const part of [item.title, item.summary, item.content]) h.update(part === null ? '\u0000' : `\u0001${part}\u0002`);
  return h.digest('hex');
}

/** The dedupe keys and content hash: all a re-poll needs for an item it already has (the text is not computed). */
export type ArticleKeys = Pick<ArticleFields, 'guid' | 'canonicalLink' | 'titleDateHash' | 'contentHash'>;

export function itemKeys(item: FeedItem): ArticleKeys {
  return {
    guid: item.id?.trim() || null,
    canonicalLink: canonicalLink(item.link),
    titleDateHash: titleDateHash(item),
    contentHash: contentHash(item),
  };
}

/** True when an item carries nothing to store (no id, link, title or text at all). */
export function isEmptyItem(item: FeedItem): boolean {
  return !item.id && !item.link && !item.title && !item.summary && !item.content;
}

/** The plain text search and labels read: the content's, or the summary's when there is no content. */
export function itemText(item: FeedItem): string {
  return htmlToText(item.content ?? item.summary);
}

/** The article's own language, from its title and text; the feed's declaration (`lang`) is only the hint for a text
 * too short to tell. */
export function articleLanguage(fields: Pick<ArticleFields, 'title' | 'text' | 'lang'>, detect: DetectLanguage): string | null {
  return detect(`${fields.title ?? ''}\n${fields.text}`, fields.lang);
}

/** `done` carries the text and raw JSON when they were computed already (articles/prepare.ts, on the parse worker). */
export function normaliseItem(item: FeedItem, feedLanguage: string | null, keys: ArticleKeys = itemKeys(item), done?: { text: string; raw: string }): ArticleFields {
  return {
    ...keys,
    link: item.link,
    title: item.title,
    author: item.author,
    summary: item.summary,
    content: item.content,
    text: done?.text ?? itemText(item),
    lang: feedLanguage,
    categories: item.categories,
    publishedAt: item.published,
    updatedAt: item.updated,
    raw: done?.raw ?? JSON.stringify(item),
  };
}

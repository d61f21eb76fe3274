// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) → the feed object.
import type { FeedItem, FeedObject } from '../model.ts';
import { FeedParseError } from './parse-error.ts';
import { parseFeedDate } from '../text/dates.ts';
import { clean, cleanLine, escapeHtml } from '../text/clean.ts';
import { resolveHtmlUrls, resolveUrl, safeLink } from './parse-text.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

function authorNames(obj: Json): string | null {
  const list = Array.isArray(obj['authors']) ? obj['authors'] : isObject(obj['author']) ? [obj['author']] : [];
  const names = list.filter(isObject).map((a) => cleanLine(str(a['name']))).filter((n): n is string => n !== null);
  return names.length > 0 ? [...new Set(names)].join(', ') : null;
}

function mapItem(raw: Json, base: string | null, feedAuthor: string | null): FeedItem {
  const url = str(raw['url']) ?? str(raw['external_url']);
  const link = url === null ? null : safeLink(clean(resolveUrl(url, base)));
  const html = str(raw['content_html']);
  const text = str(raw['content_text']);
  const summary = str(raw['summary']);
  const tags = Array.isArray(raw['tags']) ? raw['tags'] : [];
  return {
    id: clean(str(raw['id'])) ?? link,
    title: cleanLine(str(raw['title'])),
    link,
    published: parseFeedDate(str(raw['date_published'])),
    updated: parseFeedDate(str(raw['date_modified'])),
    author: authorNames(raw) ?? feedAuthor,
    summary: summary === null ? null : clean(escapeHtml(summary)),
    content: html !== null ? clean(resolveHtmlUrls(html, base)) : text !== null ? clean(escapeHtml(text)) : null,
    categories: [...new Set(tags.map((t) => cleanLine(str(t))).filter((t): t is string => t !== null))],
  };
}

/** Maps a JSON Feed document to the feed object. Throws FeedParseError for broken JSON or JSON that is no feed. */
export function mapJsonFeed(text: string, documentUrl: string | null): FeedObject {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new FeedParseError(`The JSON is broken: ${(err as Error).message}`);
  }
  if (!isObject(doc) || !Array.isArray(doc['items'])) {
    throw new FeedParseError('This is JSON but not a JSON Feed: it has no "items" list.');
  }
  const home = str(doc['home_page_url']);
  const feedUrl = str(doc['feed_url']);
  const base = documentUrl ?? feedUrl ?? home;
  const feedAuthor = authorNames(doc);
  return {
    title: cleanLine(str(doc['title'])),
    link: home === null ? null : safeLink(clean(resolveUrl(home, base))),
    description: cleanLine(str(doc['description'])),
    language: cleanLine(str(doc['language'])),
    items: doc['items'].filter(isObject).map((item) => mapItem(item, base, feedAuthor)),
  };
}

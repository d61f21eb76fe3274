// Each fixture feed format parses to exactly the feed object DESIGN.md §2 describes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeedBytes, feedObject, FeedParseError, type ParsedFeed } from '../electron/feeds/parse.ts';
import type { FeedItem } from '../electron/model.ts';

const dir = join(import.meta.dirname, 'fixtures', 'feeds');
const read = (name: string): Uint8Array => readFileSync(join(dir, name));

function item(fields: Partial<FeedItem>): FeedItem {
  return { id: null, title: null, link: null, published: null, updated: null, author: null, summary: null, content: null, categories: [], ...fields };
}

test('RSS 2.0: channel, content:encoded over description, relative URLs against the document URL, ttl floor', () => {
  const feed = parseFeedBytes(read('rss2.xml'), { contentType: 'application/rss+xml', url: 'https://news.example.com/rss.xml' });
  assert.equal(feed.format, 'rss');
  assert.equal(feed.ttlMinutes, 45); // max of <ttl>45 and sy: hourly / 2 = 30
  assert.deepEqual(feedObject(feed), {
    title: 'Example News & Views',
    link: 'https://news.example.com/',
    description: 'Daily news from Example City',
    language: 'en-gb',
    items: [
      item({
        id: 'news-2026-1101',
        title: 'Council approves the new tram line',
        link: 'https://news.example.com/2026/11/tram?utm_source=rss&utm_medium=feed',
        published: '2026-11-24T08:30:00.000Z',
        author: 'Jane Reporter',
        summary: 'The council voted 31 to 9 for the <em>tram</em>.',
        content: '<p>The council voted 31 to 9 for the <em>tram</em>.</p><p><a href="https://news.example.com/2026/11/tram-map">See the map</a> <img src="https://news.example.com/img/tram.jpg" alt="Tram"></p>',
        categories: ['City', 'Transport'],
      }),
      item({
        id: 'https://news.example.com/2026/11/storm',
        title: 'Weather: storm warning – stay inside',
        link: 'https://news.example.com/2026/11/storm',
        published: '2026-11-23T18:00:00.000Z',
        author: 'Weather Desk',
        summary: 'Winds up to 120 km/h are expected tonight.',
      }),
      item({
        id: 'https://news.example.com/2026/11/permalink',
        title: 'Permalink only',
        link: 'https://news.example.com/2026/11/permalink',
        published: '2026-11-22T12:05:00.000Z',
      }),
    ],
  });
});

test('Atom 1.0: xml:base (nested), xhtml content, html title, categories by label, feed author inherited', () => {
  const feed = parseFeedBytes(read('atom.xml'));
  assert.equal(feed.format, 'atom');
  assert.equal(feed.ttlMinutes, null);
  assert.deepEqual(feedObject(feed), {
    title: 'Beispiel-Blog',
    link: 'https://blog.example.org/',
    description: 'Notizen & Gedanken',
    language: 'de',
    items: [
      item({
        id: 'tag:blog.example.org,2026:1',
        title: 'Über "Feeds"',
        link: 'https://blog.example.org/2026/11/feeds',
        published: '2026-11-24T08:00:00.000Z',
        updated: '2026-11-24T09:00:00.000Z',
        author: 'Erika Muster',
        summary: 'Kurz gesagt: Feeds sind gut.',
        content: '<p>Feeds sind <strong>gut</strong> &amp; schnell.</p><p><a href="https://blog.example.org/2026/11/bild">Bild</a></p>',
        categories: ['Technik', 'web'],
      }),
      item({
        id: 'tag:blog.example.org,2026:2',
        title: 'Zweiter Eintrag',
        link: 'https://blog.example.org/2026/11/zwei',
        updated: '2026-11-20T12:00:00.000Z',
        author: 'Max Gast',
        content: '<p>Mit <a href="https://blog.example.org/impressum">Impressum</a>.</p>',
      }),
    ],
  });
});

test('RSS 1.0 (RDF): rdf:about ids, dc: fields, sy:updatePeriod as the floor', () => {
  const feed = parseFeedBytes(read('rdf.xml'));
  assert.equal(feed.format, 'rdf');
  assert.equal(feed.ttlMinutes, 1440);
  assert.deepEqual(feedObject(feed), {
    title: 'RDF Wire',
    link: 'https://rdf.example.net/',
    description: 'An RSS 1.0 feed',
    language: 'fr',
    items: [
      item({
        id: 'https://rdf.example.net/a/1',
        title: 'Premier article',
        link: 'https://rdf.example.net/a/1',
        published: '2026-11-24T07:15:00.000Z',
        author: 'Claire Dupont',
        summary: 'R&eacute;sum&eacute; du premier.',
        categories: ['Politique'],
      }),
      item({ id: 'https://rdf.example.net/a/2', title: 'Deuxième article', link: 'https://rdf.example.net/a/2', published: '2026-11-23T00:00:00.000Z' }),
    ],
  });
});

test('JSON Feed 1.1: authors, tags, content_text escaped, relative URLs against feed_url', () => {
  const feed = parseFeedBytes(read('jsonfeed.json'), { contentType: 'application/feed+json' });
  assert.equal(feed.format, 'json');
  assert.deepEqual(feedObject(feed), {
    title: 'JSON Notes',
    link: 'https://json.example.com/',
    description: 'Notes in JSON',
    language: 'en',
    items: [
      item({
        id: 'note-2',
        title: 'Second note',
        link: 'https://json.example.com/notes/2',
        published: '2026-11-24T12:00:00.000Z',
        updated: '2026-11-24T13:00:00.000Z',
        author: 'Sam Writer',
        summary: 'A short note',
        content: '<p>Hello <a href="https://json.example.com/about">about</a></p>',
        categories: ['notes', 'json'],
      }),
      item({ id: 'note-1', link: 'https://json.example.com/notes/1', published: '2026-11-20T12:00:00.000Z', author: 'Guest', content: 'Plain text &amp; no title' }),
    ],
  });
});

const russian = (feed: ParsedFeed): void => {
  assert.equal(feed.title, 'Новости | Лента');
  assert.equal(feed.language, 'ru');
  assert.deepEqual(feed.items.map((i) => [i.title, i.published]), [
    ['Мэр Москвы заявил о новых проектах', '2026-11-24T09:00:00.000Z'],
    ['Погода: "снег и ветер"', '2026-11-24T06:00:00.000Z'],
  ]);
};

test('windows-1251 declared only in the XML prolog', () => {
  const feed = parseFeedBytes(read('windows-1251-prolog.xml'), { contentType: 'application/xml' });
  assert.equal(feed.title, 'Новости | Лента');
  assert.equal(feed.items[0]?.summary, 'Подробности — в материале.');
  assert.equal(feed.items[1]?.title, 'Погода: «снег и ветер»');
});

test('windows-1251 declared only in the HTTP header', () => {
  const bytes = read('windows-1251-no-declaration.xml');
  const feed = parseFeedBytes(bytes, { contentType: 'text/xml; charset=windows-1251' });
  assert.equal(feed.title, 'Новости | Лента');
  assert.equal(feed.items[0]?.title, 'Мэр Москвы заявил о новых проектах');
  // Without the header nothing says windows-1251: UTF-8 is assumed and the bytes become U+FFFD, never an exception.
  assert.match(parseFeedBytes(bytes).title ?? '', /^\uFFFD+ \| \uFFFD+$/);
});

test('koi8-r declared in the prolog', () => {
  russian(parseFeedBytes(read('koi8-r.xml')));
});

test('Shift_JIS and GB18030', () => {
  const jp = parseFeedBytes(read('shift_jis.xml'));
  assert.equal(jp.title, '日本のニュース');
  assert.deepEqual(jp.items[0], item({
    id: 'https://example.jp/n/1', title: '東京で新しい駅が開業', link: 'https://example.jp/n/1', published: '2026-11-24T01:00:00.000Z', summary: '駅は明日から利用できます。',
  }));
  const cn = parseFeedBytes(read('gb18030.xml'));
  assert.equal(cn.title, '中文新闻');
  assert.equal(cn.language, 'zh-cn');
  assert.equal(cn.items[0]?.title, '北京发布新的交通计划');
  assert.equal(cn.items[0]?.published, '2026-11-24T02:00:00.000Z');
});

test('an HTML page is refused with a message that says so', () => {
  assert.throws(() => parseFeedBytes(read('not-a-feed.html'), { contentType: 'text/html; charset=utf-8' }),
    (err: unknown) => err instanceof FeedParseError && /^This is an HTML page, not a feed/.test(err.message));
});

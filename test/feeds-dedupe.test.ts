import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { openLibrary, type Db } from '../electron/store/sqlite/db.ts';
import { insertFeed } from '../electron/store/sqlite/feeds.ts';
import { ingestFeed } from '../electron/poll/ingest.ts';
import { type Enricher, type EnrichedArticle } from '../electron/articles/enrichment.ts';
import { canonicalLink } from '../electron/articles/normalise.ts';
import { htmlToText as articleText } from '../electron/text/html-text.ts';
import type { FeedItem, FeedObject } from '../electron/model.ts';
import { tempDir } from './helpers.ts';
import { SqliteStore } from '../electron/store/sqlite/sqlite-store.ts';
import { planIngest } from '../electron/store/sqlite/ingest.ts';

function lib(t: TestContext): { db: Db; feed: number; other: number } {
  const db = openLibrary(tempDir(t));
  t.after(() => db.close());
  const mk = (u: string): number => insertFeed(db, { url: u, typedUrl: u, intervalMinutes: 30, createdAt: '2026-11-25T00:00:00.000Z' });
  return { db, feed: mk('https://a.example/feed'), other: mk('https://b.example/feed') };
}

const item = (o: Partial<FeedItem>): FeedItem => ({
  id: null, title: null, link: null, published: null, updated: null, author: null, summary: null, content: null, categories: [], ...o,
});
const doc = (items: FeedItem[]): FeedObject => ({ title: 'F', link: null, description: null, language: 'en', items });
const count = (db: Db, feedId: number): number => (db.prepare('SELECT count(*) AS n FROM article WHERE feed_id = ?').get(feedId) as { n: number }).n;

test('in article text every run of whitespace, of any kind, is one space, and a lone space stays', () => {
  // Every character JavaScript's \s matches (Unicode White_Space, the line terminators and the BOM).
  for (const c of ['\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff']) {
    assert.equal(articleText(`<p>${c}a${c}b ${c} c${c}${c}d e ${c}</p><p>f</p>`), 'a b c d e\nf', `U+${c.codePointAt(0)?.toString(16)}`);
  }
});

test('canonical links drop tracking parameters and the fragment, and keep the rest', () => {
  assert.equal(canonicalLink('https://News.Example/a/b?utm_source=x&utm_medium=rss&id=7&fbclid=1&gclid=2&yclid=3&mc_cid=4&mc_eid=5&_ga=6&ref=tw#top'),
    'https://news.example/a/b?id=7');
  assert.equal(canonicalLink('https://x.example/p?UTM_Campaign=a'), 'https://x.example/p');
  assert.equal(canonicalLink('  https://x.example/p#frag  '), 'https://x.example/p');
  assert.equal(canonicalLink('https://x.example/p?page=2&q=a+b'), 'https://x.example/p?page=2&q=a+b');
  assert.equal(canonicalLink(null), null);
  assert.equal(canonicalLink('not a url'), 'not a url');
});

test('article text is the plain text of the HTML, entities decoded, paragraphs on their own lines', () => {
  assert.equal(articleText('<p>One &amp; <b>two</b>\n   three</p><p>Four<br>five</p><script>evil()</script><ul><li>a</li><li>b</li></ul>'),
    'One & two three\nFour\nfive\na\nb');
  assert.equal(articleText('Plain text, no tags'), 'Plain text, no tags');
  assert.equal(articleText(null), '');
});

test('article text puts table cells, header cells and captions on their own lines', () => {
  assert.equal(articleText('<table><caption>Results</caption><tr><th>Party</th><th>Seats</th></tr><tr><td>a</td><td>b</td></tr></table>'),
    'Results\nParty\nSeats\na\nb');
});

test('article text of 100,000-level nesting: tags cut out, entities decoded, blocks on their own lines, scripts dropped', () => {
  const html = (depth: number): string => `<p>Before &amp; <b>bold</b></p>${'<div><span>'.repeat(depth)}deep &lt;text&gt;${'</span></div>'.repeat(depth)}`
    + '<script>evil("<p>")</script><ul><li>a</li><li>b</li></ul><!-- a comment --> 1 < 2';
  const expected = 'Before & bold\ndeep <text>\na\nb\n1 < 2';
  assert.equal(articleText(html(3)), expected); // the parser's reading
  assert.equal(articleText(html(100_000)), expected); // the same from the linear fallback
});

test('identity: guid within the feed, else canonical link, else title and date', async (t) => {
  const { db, feed, other } = lib(t);
  const first = await ingestFeed(new SqliteStore(db), feed, doc([
    item({ id: 'g1', title: 'Guid item', link: 'https://a.example/1' }),
    item({ title: 'Link item', link: 'https://a.example/2?utm_source=rss' }),
    item({ title: 'Bare item', published: '2026-11-24T10:00:00.000Z' }),
  ]), { now: '2026-11-25T01:00:00.000Z' });
  assert.equal(first.newIds.length, 3);

  const second = await ingestFeed(new SqliteStore(db), feed, doc([
    item({ id: 'g1', title: 'Guid item', link: 'https://a.example/moved' }), // same guid, new link: unchanged content
    item({ title: 'Link item', link: 'https://a.example/2?utm_campaign=other#comments' }), // same canonical link
    item({ title: 'Bare item', published: '2026-11-24T10:00:00.000Z' }), // same title + date
    item({ title: 'Bare item', published: '2026-11-25T10:00:00.000Z' }), // another date: a new article
    item({ id: 'g2', title: 'Guid item', link: 'https://a.example/1' }), // another guid: a new article even with a known link
  ]), { now: '2026-11-25T02:00:00.000Z' });
  assert.equal(second.newIds.length, 2);
  assert.equal(second.unchanged, 3);
  assert.equal(count(db, feed), 5);

  // The same guid in another feed is another article.
  assert.equal((await ingestFeed(new SqliteStore(db), other, doc([item({ id: 'g1', title: 'Guid item' })]))).newIds.length, 1);
  assert.equal(count(db, feed), 5);
});

test('new and updated articles go through every enricher before the write (a new one has no id yet); a failing enricher loses only its own writes', async (t) => {
  const { db, feed } = lib(t);
  db.exec("INSERT INTO tag (name) VALUES ('seen')");
  db.exec("INSERT INTO rule (query, tag_id, created_at) VALUES ('alpha', 1, 'now')"); // the tagger's rule: it matches the article
  const calls: EnrichedArticle[] = [];
  const record: Enricher = (a) => { calls.push(a); };
  const tagger: Enricher = () => ({ autoTag: true });
  const broken: Enricher = function brokenEnricher() {
    throw new Error('boom'); // contributes nothing, and the others still run
  };
  const r1 = await ingestFeed(new SqliteStore(db), feed, doc([item({ id: 'a', title: 'A', content: '<p>Alpha</p>', link: 'https://a.example/a' })]), { enrichers: [record, broken, tagger] });
  assert.deepEqual(calls, [{ id: null, feedId: feed, url: 'https://a.example/a', text: 'Alpha', isNew: true }]);
  assert.deepEqual(r1.warnings, ['brokenEnricher failed on the new article https://a.example/a: boom']);
  assert.equal((db.prepare('SELECT count(*) AS n FROM article_tag').get() as { n: number }).n, 1);

  await ingestFeed(new SqliteStore(db), feed, doc([item({ id: 'a', title: 'A', content: '<p>Alpha</p>', link: 'https://a.example/a' })]), { enrichers: [record] });
  assert.equal(calls.length, 1, 'unchanged articles are not enriched again');
  await ingestFeed(new SqliteStore(db), feed, doc([item({ id: 'a', title: 'A', content: '<p>Alpha, corrected</p>', link: 'https://a.example/a' })]), { enrichers: [record] });
  assert.deepEqual(calls[1], { id: r1.newIds[0], feedId: feed, url: 'https://a.example/a', text: 'Alpha, corrected', isNew: false });
});

test('a poll writes at most maxWrites articles; the rest come on the next poll', async (t) => {
  const { db, feed } = lib(t);
  const feedDoc = doc(Array.from({ length: 7 }, (_, i) => item({ id: `i${i}`, title: `Item ${i}` })));
  const r1 = await ingestFeed(new SqliteStore(db), feed, feedDoc, { maxWrites: 3 });
  assert.deepEqual([r1.newIds.length, r1.deferred], [3, 4]);
  const r2 = await ingestFeed(new SqliteStore(db), feed, feedDoc, { maxWrites: 3 });
  assert.deepEqual([r2.newIds.length, r2.unchanged, r2.deferred], [3, 3, 1]);
  const r3 = await ingestFeed(new SqliteStore(db), feed, feedDoc, { maxWrites: 3 });
  assert.deepEqual([r3.newIds.length, r3.unchanged, r3.deferred], [1, 6, 0]);
  assert.equal(count(db, feed), 7);
});

test('empty items are skipped, and the raw item JSON and categories are stored', async (t) => {
  const { db, feed } = lib(t);
  const it = item({ id: 'x', title: 'T', categories: ['politics', 'Europe'], summary: 'Sum' });
  const r = await ingestFeed(new SqliteStore(db), feed, doc([item({}), it]));
  assert.equal(r.newIds.length, 1);
  const row = db.prepare('SELECT raw, categories, text, lang FROM article').get() as { raw: string; categories: string; text: string; lang: string };
  assert.deepEqual(JSON.parse(row.raw), it);
  assert.deepEqual(JSON.parse(row.categories), ['politics', 'Europe']);
  assert.equal(row.text, 'Sum');
  assert.equal(row.lang, 'en');
});

test('an item repeated inside one document is stored once: the first wins, no version is made of the repeats', async (t) => {
  const { db, feed } = lib(t);
  const r = await ingestFeed(new SqliteStore(db), feed, doc([
    item({ id: 'dup', title: 'First', content: 'one' }),
    item({ id: 'dup', title: 'Second', content: 'two' }),
    item({ id: 'dup', title: 'Third', content: 'three' }),
  ]));
  assert.deepEqual([r.newIds.length, r.updatedIds.length, r.repeated], [1, 0, 2]);
  assert.deepEqual(db.prepare('SELECT title FROM article').all(), [{ title: 'First' }]);
  assert.equal((db.prepare('SELECT count(*) AS n FROM article_version').get() as { n: number }).n, 1);
});

test('items another connection stored between the look-ups and the write are seen in the write, not stored twice', (t) => {
  const dir = tempDir(t);
  const a = openLibrary(dir);
  const b = openLibrary(dir); // another process on the same library
  t.after(() => { a.close(); b.close(); });
  const feed = insertFeed(a, { url: 'https://a.example/feed', typedUrl: 'https://a.example/feed', intervalMinutes: 30, createdAt: '2026-11-25T00:00:00.000Z' });
  const options = { now: '2026-11-25T01:00:00.000Z', enrichers: [] };
  const one = item({ id: 'one', title: 'One', content: '<p>First.</p>' });
  const two = item({ id: 'two', title: 'Two', content: '<p>Second.</p>' });
  const edited = item({ id: 'two', title: 'Two, edited', content: '<p>Second, rewritten.</p>' });

  // Nothing written meanwhile: the write step trusts its plan's look-ups.
  const quiet = planIngest(a, feed, doc([one]), options);
  assert.equal(a.transaction(() => quiet(null))().newIds.length, 1);

  // The other connection stores "one" again (unchanged) and "two" between this plan and its write.
  const write = planIngest(a, feed, doc([one, two]), options);
  const other = planIngest(b, feed, doc([edited]), options);
  b.transaction(() => other(null))();
  const r = a.transaction(() => write(null))();
  assert.equal(r.unchanged, 1);
  assert.equal(r.newIds.length, 0, 'no article stored a second time');
  assert.equal(r.updatedIds.length, 1, '"two" as stored by the other connection, updated to this feed\'s text');
  assert.equal(count(a, feed), 2);
  const row = a.prepare("SELECT title, text FROM article WHERE guid = 'two'").get() as { title: string; text: string };
  assert.deepEqual(row, { title: 'Two', text: 'Second.' });
});

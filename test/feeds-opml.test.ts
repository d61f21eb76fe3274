import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOpml, serialiseOpml, OpmlError } from '../electron/feeds/opml.ts';
import { exportOpml, importOpml } from '../electron/api/subscribe.ts';
import { openLibrary } from '../electron/store/sqlite/db.ts';
import { listFeedRecords } from '../electron/store/sqlite/feeds.ts';
import { tempDir } from './helpers.ts';
import { SqliteStore } from '../electron/store/sqlite/sqlite-store.ts';

const sample = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="Top level" xmlUrl="https://top.example/rss" htmlUrl="https://top.example/"/>
    <outline text="News">
      <outline text="Le Monde &amp; co" type="rss" xmlUrl="https://lemonde.example/rss?a=1&amp;b=2"/>
      <outline title="Regional">
        <outline text="Deep" xmlURL="https://deep.example/feed"/>
      </outline>
    </outline>
    <outline text="Not a web feed" xmlUrl="ftp://files.example/feed"/>
    <outline text="Empty folder"/>
  </body>
</opml>`;

test('OPML outlines become feeds with folders; nesting deeper than one level joins the names', () => {
  const { title, feeds } = parseOpml(sample);
  assert.equal(title, 'My feeds');
  assert.deepEqual(feeds, [
    { url: 'https://top.example/rss', title: 'Top level', siteUrl: 'https://top.example/', folder: null },
    { url: 'https://lemonde.example/rss?a=1&b=2', title: 'Le Monde & co', siteUrl: null, folder: 'News' },
    { url: 'https://deep.example/feed', title: 'Deep', siteUrl: null, folder: 'News/Regional' },
    { url: 'ftp://files.example/feed', title: 'Not a web feed', siteUrl: null, folder: null },
  ]);
});

test('a DTD in an OPML file is never read: its entities stay unexpanded', () => {
  const xml = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY boom "BOOMBOOMBOOM"><!ENTITY ext SYSTEM "file:///etc/passwd">]>
    <opml version="2.0"><body><outline text="&boom;&ext;" xmlUrl="https://x.example/&boom;"/></body></opml>`;
  const [feed] = parseOpml(xml).feeds;
  assert.ok(!feed?.url.includes('BOOM'));
  assert.ok(!feed?.title?.includes('BOOM') && !feed?.title?.includes('root:'));
  assert.throws(() => parseOpml('<html><body>hi</body></html>'), OpmlError);
});

test('import subscribes without fetching and keeps folders; export then import round-trips', async (t) => {
  const db = openLibrary(tempDir(t));
  t.after(() => db.close());
  assert.deepEqual(await importOpml(new SqliteStore(db), sample, { intervalMinutes: 45 }), { added: 3, skipped: 1 });
  assert.deepEqual(await importOpml(new SqliteStore(db), sample, { intervalMinutes: 45 }), { added: 0, skipped: 4 }, 'known feeds are skipped');
  const shape = (d: typeof db): unknown[] => listFeedRecords(d).map((f) => ({ url: f.url, title: f.title, folder: f.folder, siteUrl: f.siteUrl, status: f.status })).sort((a, b) => a.url.localeCompare(b.url));
  const original = shape(db);
  assert.equal(original.length, 3);
  assert.ok(listFeedRecords(db).every((f) => f.status === 'new' && f.lastFetchedAt === null && f.intervalMinutes === 45));

  const xml = await exportOpml(new SqliteStore(db));
  assert.match(xml, /<outline text="News\/Regional" title="News\/Regional">/);
  assert.match(xml, /xmlUrl="https:\/\/lemonde\.example\/rss\?a=1&amp;b=2"/);
  const copy = openLibrary(tempDir(t));
  t.after(() => copy.close());
  assert.deepEqual(await importOpml(new SqliteStore(copy), xml, { intervalMinutes: 30 }), { added: 3, skipped: 0 });
  assert.deepEqual(shape(copy), original);
  assert.deepEqual(parseOpml(serialiseOpml(parseOpml(xml).feeds)).feeds, parseOpml(xml).feeds);
});

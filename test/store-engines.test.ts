// One suite, both engines: everything the rest of Footnote asks of its library, through the Store interface only,
// on a new SQLite library and on a new team library in PostgreSQL. The same calls must give the same answers;
// where an engine differs on purpose (read state per analyst) the test says so.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { FeedItem, FeedObject } from '../electron/model.ts';
import type { Store } from '../electron/store/store.ts';
import { labelsEnricher } from '../electron/labels/enricher.ts';
import { autoTagEnricher } from '../electron/tags/auto-tag.ts';
import { TagError } from '../electron/tags/tag-names.ts';
import { QuerySyntaxError } from '../electron/query/errors.ts';
import { postgresForFile } from './support/postgres.ts';
import { engines } from './support/engines.ts';

const server = postgresForFile();

const TALIBAN = '<p>US bombing raids against Taliban* targets continue.</p><p>*The Taliban is a terrorist group banned in Russia.</p>';

function item(id: string, title: string, content: string, published: string | null = '2021-08-09T10:00:00.000Z'): FeedItem {
  return { id, title, link: `https://sputnikglobe.com/${id}.html`, published, updated: null, author: null, summary: null, content, categories: ['World'] };
}

const doc = (items: FeedItem[]): FeedObject => ({ title: 'Sputnik', link: 'https://sputnikglobe.com/', description: null, language: 'en', items });

const sub = (url: string, folder: string | null = null): Parameters<Store['feeds']['add']>[0] =>
  ({ url, typedUrl: url, title: null, siteUrl: 'https://sputnikglobe.com/', folder, intervalMinutes: 30, createdAt: '2021-08-01T00:00:00.000Z' });

async function feedId(store: Store, url = 'https://sputnikglobe.com/feed', folder: string | null = 'News'): Promise<number> {
  const added = await store.feeds.add(sub(url, folder));
  assert.ok(added.added);
  return added.id;
}

const iso = (v: string | null | undefined): string | null => (v ? new Date(v).toISOString() : null);

for (const engine of engines(server)) {
  const open = (t: TestContext): Promise<Store> => engine.open(t);

  test(`${engine.name}: subscriptions, folders, fetch state and removal`, async (t) => {
    const store = await open(t);
    assert.ok((await store.schemaVersion()) > 0);
    const id = await feedId(store);
    assert.deepEqual(await store.feeds.add(sub('https://sputnikglobe.com/feed')), { added: false, existing: { id, url: 'https://sputnikglobe.com/feed' } });
    assert.equal(await store.feeds.addMany([sub('https://a.example/feed'), sub('https://sputnikglobe.com/feed'), sub('https://b.example/feed', 'News')]), 2);
    assert.deepEqual((await store.folders.list()).map((f) => [f.name, f.feedCount]), [['News', 2]]);
    const changed = await store.feeds.update(id, { title: 'Sputnik', folder: 'Russia', intervalMinutes: 60, fullText: true });
    assert.deepEqual([changed?.title, changed?.folder, changed?.intervalMinutes, changed?.fullText], ['Sputnik', 'Russia', 60, true]);
    assert.equal(await store.feeds.update(9999, { title: 'x' }), undefined);
    assert.equal((await store.feeds.findByUrl('https://sputnikglobe.com/feed'))?.id, id);
    await store.feeds.recordFetch(id, { status: 'error', errorCount: 2, lastError: 'HTTP 500', etag: '"e"', lastFetchedAt: '2021-08-02T00:00:00.000Z' },
      { feedId: id, startedAt: '2021-08-02T00:00:00.000Z', url: 'https://sputnikglobe.com/feed', status: 500, outcome: 'error', bytes: 0, durationMs: 5, newCount: 0, updatedCount: 0, error: 'HTTP 500' });
    const [stored] = await store.feeds.stored([id]);
    assert.deepEqual([stored?.status, stored?.errorCount, stored?.lastError, stored?.etag, iso(stored?.lastFetchedAt)], ['error', 2, 'HTTP 500', '"e"', '2021-08-02T00:00:00.000Z']);
    assert.equal((await store.feeds.list()).length, 3);
    assert.equal((await store.feeds.remove(id))?.title, 'Sputnik');
    assert.equal(await store.feeds.get(id), undefined);
    assert.equal((await store.feeds.list()).length, 2);
  });

  test(`${engine.name}: ingest stores new items once, versions edits, skips repeats and defers past maxWrites`, async (t) => {
    const store = await open(t);
    const id = await feedId(store);
    const first = await store.articles.ingest(id, doc([item('a', 'A', '<p>Alpha</p>'), item('b', 'B', '<p>Beta</p>'), item('a', 'A again', '<p>x</p>')]), { enrichers: [], now: '2021-08-10T00:00:00.000Z' });
    assert.deepEqual([first.newIds.length, first.repeated, first.updatedIds.length], [2, 1, 0]);
    const again = await store.articles.ingest(id, doc([item('a', 'A', '<p>Alpha</p>'), item('b', 'B', '<p>Beta, corrected</p>')]), { enrichers: [] });
    assert.deepEqual([again.newIds.length, again.unchanged, again.updatedIds], [0, 1, [first.newIds[1]]]);
    const poll = await store.feeds.recordPoll(id, {
      feed: doc(['c', 'd', 'e'].map((k) => item(k, k.toUpperCase(), `<p>${k}</p>`))), ingest: { enrichers: [], maxWrites: 2 },
      state: { status: 'ok', etag: '"v1"' }, log: { feedId: id, startedAt: '2021-08-11T00:00:00.000Z', url: 'https://sputnikglobe.com/feed', status: 200, outcome: 'ok', bytes: 10, durationMs: 3, error: null },
    });
    assert.deepEqual([poll.newIds.length, poll.deferred], [2, 1]);
    const [feed] = await store.feeds.stored([id]);
    assert.equal(feed?.etag, null, 'a deferred poll drops the validators');
    assert.equal((await store.articles.list({ view: 'all' }, 0, 50)).total, 4);
    const detail = await store.articles.get(first.newIds[0] as number);
    assert.deepEqual([detail?.title, detail?.categories, detail?.feedUrl, iso(detail?.published)], ['A', ['World'], 'https://sputnikglobe.com/feed', '2021-08-09T10:00:00.000Z']);
  });

  test(`${engine.name}: the reader's list, marks, counts and views`, async (t) => {
    const store = await open(t);
    const id = await feedId(store);
    const other = await feedId(store, 'https://b.example/feed', null);
    const r = await store.articles.ingest(id, doc([item('old', 'Old', '<p>old</p>', '2021-08-01T10:00:00.000Z'), item('mid', 'Taliban story', TALIBAN, '2021-08-05T10:00:00.000Z')]), { enrichers: [labelsEnricher] });
    const undated = await store.articles.ingest(other, doc([item('u', 'Undated', '<p>u</p>', null)]), { enrichers: [] });
    const [oldId, midId] = r.newIds as [number, number];
    const list = await store.articles.list({ view: 'all' }, 0, 10);
    assert.deepEqual(list.items.map((i) => i.title), ['Taliban story', 'Old', 'Undated']);
    assert.deepEqual(list.items[0]?.labelKinds, ['terrorist']);
    assert.equal(await store.articles.mark([oldId], { read: true, starred: true }), 1);
    assert.deepEqual((await store.articles.list({ view: 'unread' }, 0, 10)).items.map((i) => i.id), [midId, undated.newIds[0]]);
    assert.deepEqual((await store.articles.list({ view: 'starred' }, 0, 10)).items.map((i) => i.id), [oldId]);
    assert.deepEqual((await store.articles.list({ view: 'flagged' }, 0, 10)).items.map((i) => i.id), [midId]);
    assert.deepEqual((await store.articles.list({ view: 'all', folder: 'News' }, 0, 10)).total, 2);
    assert.equal(await store.articles.countFlagged([oldId, midId]), 1);
    const counts = await store.articles.sidebarCounts();
    assert.deepEqual([counts.all, counts.unread, counts.starred, counts.flagged], [3, 2, 1, 1]);
    assert.deepEqual(counts.folders, [{ name: 'News', unread: 1, total: 2 }]);
    assert.equal(await store.articles.markAllRead({ view: 'all', feedId: id }), 1);
    assert.equal((await store.articles.sidebarCounts()).unread, 1);
    assert.equal((await store.feeds.get(id))?.unreadCount, 0);
    assert.equal(await store.articles.exists(midId), true);
    assert.equal(await store.articles.exists(99999), false);
  });

  test(`${engine.name}: tags by hand and by rule, rename, merge, colour, conflicts`, async (t) => {
    const store = await open(t);
    const id = await feedId(store);
    await store.rules.add('sanctions', 'Sanctions', [id]);
    const r = await store.articles.ingest(id, doc([item('s', 'New sanctions', '<p>Sanctions on steel.</p>'), item('w', 'Weather', '<p>Rain.</p>')]), { enrichers: [autoTagEnricher] });
    const [s, w] = r.newIds as [number, number];
    assert.deepEqual(await store.tags.ofArticle(s), ['Sanctions']);
    assert.deepEqual(await store.tags.apply('Weather', { query: 'rain' }), { tag: 'Weather', matched: 1, applied: 1 });
    assert.deepEqual(await store.tags.apply('sanctions', { ids: [s, w] }), { tag: 'Sanctions', matched: 2, applied: 1 });
    await assert.rejects(store.tags.apply('x', { ids: [99999] }), (e) => e instanceof TagError && e.code === 'not_found');
    await assert.rejects(store.tags.create('WEATHER', null), (e) => e instanceof TagError && e.code === 'conflict');
    await store.tags.create('Storms', '#D04040');
    assert.equal((await store.tags.setColor('storms', '#112233')).color, '#112233');
    await assert.rejects(store.tags.rename('Storms', 'weather'), (e) => e instanceof TagError && e.code === 'conflict');
    assert.equal((await store.tags.rename('Storms', 'Gales')).name, 'Gales');
    assert.equal((await store.tags.merge(['Weather'], 'Gales')).count, 1);
    assert.deepEqual((await store.tags.list()).map((x) => [x.name, x.count]), [['Gales', 1], ['Sanctions', 2]]);
    const [rule] = await store.rules.list();
    assert.deepEqual([rule?.tag, rule?.feedIds, rule?.count], ['Sanctions', [id], 0], 'the person took the tag over from the rule');
    // The person's tag on `s` replaced the rule's: removing the rule keeps both articles tagged.
    assert.deepEqual(await store.rules.remove(rule?.id as number), { untagged: 0 });
    const progress: number[] = [];
    await store.rules.add('rain', 'Gales', null);
    assert.deepEqual(await store.rules.apply(null, (p) => progress.push(p.done)), { rules: 1, matched: 1, tagged: 0 });
    assert.deepEqual(await store.tags.remove('gales', { ids: [w] }), { tag: 'Gales', removed: 1 });
    await store.tags.delete('Gales');
    assert.deepEqual(await store.tags.ofArticle(w), ['Sanctions']);
    assert.equal(await store.tags.ofArticle(99999), undefined);
    await assert.rejects(store.rules.add('(', 'x', null), QuerySyntaxError);
  });

  test(`${engine.name}: labels found at ingest, reviews, manual labels and flag counts`, async (t) => {
    const store = await open(t);
    const id = await feedId(store);
    const [articleId] = (await store.articles.ingest(id, doc([item('t', 'Taliban', TALIBAN)]), { enrichers: [labelsEnricher] })).newIds as [number];
    const found = await store.labels.forArticle(articleId);
    assert.equal(found?.labels.length, 1);
    const label = found?.labels[0];
    assert.equal(found?.text.slice(label?.start ?? 0, label?.end ?? 0).includes('Taliban'), true);
    assert.equal((await store.labels.review(label?.id as number, 'rejected'))?.review, 'rejected');
    assert.equal(await store.labels.review(99999, 'confirmed'), undefined);
    assert.equal(await store.articles.countFlagged([articleId]), 0);
    const manual = await store.labels.addManual({ articleId, kind: 'extremist', entity: 'Meta', note: 'by hand' }, '2021-08-12T00:00:00.000Z');
    assert.deepEqual([manual?.origin, manual?.review, manual?.note], ['manual', 'confirmed', 'by hand']);
    assert.equal(await store.labels.addManual({ articleId: 99999, kind: 'extremist', entity: 'Meta', note: null }, '2021-08-12T00:00:00.000Z'), undefined);
    const counts = await store.labels.flagCounts({ interval: 'week' });
    assert.deepEqual(counts.map((c) => [c.kind, c.entity, c.period, c.review, c.count]).sort(),
      [['extremist', 'Meta', '2021-08-09', 'confirmed', 1], ['terrorist', 'The Taliban', '2021-08-09', 'rejected', 1]]);
    assert.deepEqual((await store.labels.flagCounts({ interval: 'day', review: 'confirmed' })).map((c) => c.period), ['2021-08-09']);
  });

  test(`${engine.name}: outlet overrides, search, volume, export and saved searches`, async (t) => {
    const store = await open(t);
    const id = await feedId(store);
    await store.articles.ingest(id, doc([item('a', 'Steel sanctions', '<p>New sanctions on steel.</p>', '2021-08-02T10:00:00.000Z'), item('b', 'Rain', '<p>Rain all week.</p>', '2021-08-10T10:00:00.000Z')]), { enrichers: [] });
    assert.equal((await store.outlets.registry()).match('https://sputnikglobe.com/x')?.name, 'Sputnik');
    await store.outlets.saveOverride({ name: 'Example Wire', domains: ['example.org'], country: 'RU', category: 'state', source: 'test', date: null, removed: false }, '2021-08-01T00:00:00.000Z');
    assert.equal((await store.outlets.registry()).match('https://example.org/a')?.name, 'Example Wire');
    assert.equal(await store.outlets.deleteOverride('example wire'), true);
    assert.equal(await store.outlets.deleteOverride('example wire'), false);
    const hits = await store.search.query('sanctions', { limit: 10, offset: 0, sort: 'relevance' });
    assert.deepEqual([hits.total, hits.hits[0]?.title], [1, 'Steel sanctions']);
    assert.match(hits.hits[0]?.snippet ?? '', /\u0002sanctions\u0003/);
    assert.equal((await store.search.query('outlet:sputnik', { limit: 10, offset: 0, sort: 'date' })).total, 2);
    await assert.rejects(store.search.query('"unclosed', { limit: 10, offset: 0, sort: 'date' }), QuerySyntaxError);
    const v = await store.search.volume('', 'week', null);
    assert.deepEqual([v.periods, v.series[0]?.counts, v.total], [['2021-08-02', '2021-08-09'], [1, 1], 2]);
    const rows: string[] = [];
    for await (const row of store.search.exportRows(null)) rows.push(`${row.title}|${row.outlet}`);
    assert.deepEqual(rows, ['Rain|Sputnik', 'Steel sanctions|Sputnik']);
    const saved = await store.search.save('Steel', 'steel');
    assert.equal(saved.count, 1);
    await store.search.save('Steel', 'rain OR steel');
    assert.deepEqual((await store.search.savedList()).map((s) => [s.name, s.count]), [['Steel', 2]]);
    await store.search.removeSaved(saved.id);
    await assert.rejects(store.search.removeSaved(saved.id), (e) => e instanceof TagError && e.code === 'not_found');
  });

  test(`${engine.name}: pages kept as evidence, full text stored and searchable`, async (t) => {
    const store = await open(t);
    const id = await feedId(store);
    const [articleId] = (await store.articles.ingest(id, doc([item('p', 'Short', '<p>Teaser.</p>')]), { enrichers: [] })).newIds as [number];
    assert.deepEqual(await store.pages.backlog(id, 10), [articleId]);
    assert.deepEqual(await store.pages.recentFeedHtml(id, 5), ['<p>Teaser.</p>']);
    const page = await store.pages.record({ articleId, url: 'https://sputnikglobe.com/p.html', finalUrl: null, fetchedAt: '2021-08-10T00:00:00.000Z', status: 200,
      contentType: 'text/html', bytes: new TextEncoder().encode('<html>the whole story of zeppelins</html>'), error: null },
    { html: '<p>The whole story of zeppelins.</p>', text: 'The whole story of zeppelins.', lang: 'en' }, [labelsEnricher]);
    assert.equal(page.size, 41);
    assert.match(page.sha256 ?? '', /^[0-9a-f]{64}$/);
    assert.deepEqual((await store.pages.list(articleId)).map((p) => p.id), [page.id]);
    assert.deepEqual(await store.pages.fullText(articleId), { text: 'The whole story of zeppelins.', html: '<p>The whole story of zeppelins.</p>' });
    assert.equal((await store.search.query('zeppelins', { limit: 5, offset: 0, sort: 'date' })).total, 1);
    assert.deepEqual(await store.pages.backlog(id, 10), []);
    assert.deepEqual((await store.pages.targets([articleId, 99999])).map((x) => x.id), [articleId]);
  });
}

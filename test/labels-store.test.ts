// Labels in a real library: detections recorded at ingest and kept in step with article versions, review,
// labels added by hand, the Flags counts and the outlet registry edits, all through the API.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { invoke } from '../electron/api/methods.ts';
import { createContext, type EngineContext } from '../electron/engine/context.ts';
import { ingestFeed } from '../electron/poll/ingest.ts';
import { enrichers } from '../electron/poll/enrichers.ts';
import { labelsEnricher } from '../electron/labels/enricher.ts';
import { labelsForArticle } from '../electron/store/sqlite/labels.ts';
import type { LabelRecord } from '../electron/store/records.ts';
import type { FeedItem, FeedObject } from '../electron/model.ts';
import type { FlagGroup } from '../electron/labels/flags.ts';
import type { OutletEntry } from '../electron/labels/outlets.ts';
import { tempDir } from './helpers.ts';

function context(t: TestContext): EngineContext {
  const ctx = createContext(tempDir(t));
  t.after(() => ctx.store.close());
  return ctx;
}

function addFeed(ctx: EngineContext, url: string, siteUrl: string | null): number {
  return Number(ctx.store.db.prepare("INSERT INTO feed (url, typed_url, site_url, title, created_at) VALUES (?, ?, ?, 'A feed', '2021-01-01T00:00:00Z')")
    .run(url, url, siteUrl).lastInsertRowid);
}

function item(id: string, content: string, published = '2021-08-09T10:00:00Z'): FeedItem {
  return { id, title: `Story ${id}`, link: `https://sputnikglobe.com/${id}.html`, published, updated: null, author: null, summary: null, content, categories: [] };
}

const feed = (items: FeedItem[]): FeedObject => ({ title: 'Sputnik', link: 'https://sputnikglobe.com/', description: null, language: 'en', items });

const TALIBAN = '<p>US bombing raids against Taliban* targets continue.</p><p>*The Taliban is a terrorist group banned in Russia.</p>';
const TALIBAN_AND_META = '<p>US bombing raids against Taliban* targets continue, Meta (recognised as extremist and banned in Russia) said nothing.</p><p>*The Taliban is a terrorist group banned in Russia.</p>';
const META_ONLY = '<p>Meta (recognised as extremist and banned in Russia) said nothing.</p>';

test('the labels enricher is in the ingest pipeline and records what it finds with evidence and offsets', async (t) => {
  const ctx = context(t);
  assert.ok(enrichers.includes(labelsEnricher), 'registered in electron/poll/enrichers.ts');
  const feedId = addFeed(ctx, 'https://sputnikglobe.com/export/rss2/archive/index.xml', 'https://sputnikglobe.com/');
  const { newIds } = await ingestFeed(ctx.store, feedId, feed([item('a', TALIBAN)]), { now: '2021-08-09T12:00:00Z' });
  const labels = labelsForArticle(ctx.store.db, newIds[0] ?? 0);
  assert.equal(labels.length, 1);
  const [l] = labels;
  assert.deepEqual({ kind: l?.kind, entity: l?.entity, marker: l?.marker, origin: l?.origin, review: l?.review, firstSeenAt: l?.firstSeenAt, removedAt: l?.removedAt },
    { kind: 'terrorist', entity: 'The Taliban', marker: '*', origin: 'detector', review: 'unreviewed', firstSeenAt: '2021-08-09T12:00:00Z', removedAt: null });
  const text = (ctx.store.db.prepare('SELECT text FROM article WHERE id = ?').get(newIds[0]) as { text: string }).text;
  assert.equal(text.slice(l?.start ?? 0, l?.end ?? 0), l?.evidence, 'offsets point into article.text');
});

test('a label that appears or disappears in a later version of the article is recorded as such', async (t) => {
  const ctx = context(t);
  const feedId = addFeed(ctx, 'https://sputnikglobe.com/rss', null);
  const id = (await ingestFeed(ctx.store, feedId, feed([item('a', TALIBAN)]), { now: '2021-08-09T12:00:00Z' })).newIds[0] ?? 0;
  const taliban = labelsForArticle(ctx.store.db, id)[0];
  assert.ok(taliban);
  ctx.store.db.prepare("UPDATE label SET review = 'confirmed' WHERE id = ?").run(taliban.id);

  const second = await ingestFeed(ctx.store, feedId, feed([item('a', TALIBAN_AND_META)]), { now: '2021-08-10T12:00:00Z' });
  assert.deepEqual(second.updatedIds, [id]);
  let labels = labelsForArticle(ctx.store.db, id);
  // In text order: Meta's parenthetical comes before the Taliban footnote.
  assert.deepEqual(labels.map((l) => [l.kind, l.entity, l.firstSeenAt, l.removedAt]), [
    ['extremist', 'Meta', '2021-08-10T12:00:00Z', null],
    ['terrorist', 'The Taliban', '2021-08-09T12:00:00Z', null],
  ]);
  assert.equal(labels[1]?.review, 'confirmed', 'a kept label keeps its review');

  await ingestFeed(ctx.store, feedId, feed([item('a', META_ONLY)]), { now: '2021-08-11T12:00:00Z' });
  labels = labelsForArticle(ctx.store.db, id);
  const gone = labels.find((l) => l.entity === 'The Taliban');
  assert.equal(gone?.removedAt, '2021-08-11T12:00:00Z', 'the vanished label is marked removed, not deleted');
  assert.equal(labels.find((l) => l.entity === 'Meta')?.removedAt, null);
  assert.equal(labels.at(-1)?.entity, 'The Taliban', 'removed labels come last');
});

test('review, manual labels and labels.forArticle through the API', async (t) => {
  const ctx = context(t);
  const feedId = addFeed(ctx, 'https://sputnikglobe.com/rss', null);
  const id = (await ingestFeed(ctx.store, feedId, feed([item('a', TALIBAN)]))).newIds[0] ?? 0;
  const [detected] = (await invoke(ctx, 'labels.forArticle', { id })) as (LabelRecord & { mentions: { start: number; end: number }[] })[];
  assert.ok(detected);
  const text = (ctx.store.db.prepare('SELECT text FROM article WHERE id = ?').get(id) as { text: string }).text;
  assert.deepEqual(detected.mentions.map((m) => text.slice(m.start, m.end)), ['Taliban*', 'Taliban'], 'the body mention with its marker, then the footnote\'s');
  const reviewed = (await invoke(ctx, 'labels.review', { id: detected.id, review: 'rejected' })) as LabelRecord;
  assert.equal(reviewed.review, 'rejected');
  const manual = (await invoke(ctx, 'labels.add', { articleId: id, kind: 'foreign_agent', entity: 'Meduza', note: 'named in the photo caption' })) as LabelRecord;
  assert.deepEqual([manual.origin, manual.review, manual.note, manual.marker], ['manual', 'confirmed', 'named in the photo caption', null]);
  const all = (await invoke(ctx, 'labels.forArticle', { id })) as LabelRecord[];
  assert.deepEqual(all.map((l) => [l.entity, l.review]), [['The Taliban', 'rejected'], ['Meduza', 'confirmed']]);
  // A later detection neither resets the review nor touches the manual label.
  await ingestFeed(ctx.store, feedId, feed([item('a', TALIBAN + '<p>More.</p>')]));
  assert.deepEqual(labelsForArticle(ctx.store.db, id).map((l) => [l.entity, l.review, l.removedAt]), [['The Taliban', 'rejected', null], ['Meduza', 'confirmed', null]]);

  await assert.rejects(invoke(ctx, 'labels.review', { id: 9999, review: 'confirmed' }), /no label 9999/);
  await assert.rejects(invoke(ctx, 'labels.review', { id: detected.id, review: 'maybe' }), /Invalid arguments/);
  await assert.rejects(invoke(ctx, 'labels.add', { articleId: 9999, kind: 'terrorist', entity: 'X' }), /no article 9999/);
  await assert.rejects(invoke(ctx, 'labels.add', { articleId: id, kind: 'villain', entity: 'X' }), /Invalid arguments/);
});

test('labels.flags groups current labels by entity and outlet with counts per day or week, and filters', async (t) => {
  const ctx = context(t);
  const sputnik = addFeed(ctx, 'https://sputnikglobe.com/rss', 'https://sputnikglobe.com/');
  const other = addFeed(ctx, 'https://blog.example/feed', null);
  await ingestFeed(ctx.store, sputnik, feed([
    item('a', TALIBAN, '2021-08-09T10:00:00Z'), item('b', TALIBAN, '2021-08-10T10:00:00Z'), item('c', TALIBAN_AND_META, '2021-08-17T10:00:00Z'),
  ]));
  await ingestFeed(ctx.store, other, feed([item('d', META_ONLY, '2021-08-10T10:00:00Z')]));

  const weekly = (await invoke(ctx, 'labels.flags', {})) as FlagGroup[];
  const taliban = weekly.find((g) => g.entity === 'The Taliban');
  assert.deepEqual(taliban && { outlet: taliban.outlet, country: taliban.country, total: taliban.total, unreviewed: taliban.unreviewed, series: taliban.series },
    { outlet: 'Sputnik', country: 'RU', total: 3, unreviewed: 3, series: [{ period: '2021-08-09', count: 2 }, { period: '2021-08-16', count: 1 }] });
  assert.deepEqual(weekly.filter((g) => g.entity === 'Meta').map((g) => [g.outlet, g.total]).sort(), [['A feed', 1], ['Sputnik', 1]]);

  const daily = (await invoke(ctx, 'labels.flags', { interval: 'day', kind: 'terrorist' })) as FlagGroup[];
  assert.deepEqual(daily.map((g) => g.series.map((s) => s.period)), [['2021-08-09', '2021-08-10', '2021-08-17']]);

  const first = labelsForArticle(ctx.store.db, 1)[0];
  await invoke(ctx, 'labels.review', { id: first?.id, review: 'confirmed' });
  const unreviewed = (await invoke(ctx, 'labels.flags', { review: 'unreviewed', entity: 'Taliban' })) as FlagGroup[];
  assert.equal(unreviewed[0]?.total, 2);
  const confirmed = (await invoke(ctx, 'labels.flags', { review: 'confirmed' })) as FlagGroup[];
  assert.deepEqual(confirmed.map((g) => [g.entity, g.confirmed]), [['The Taliban', 1]]);
});

test('outlets.upsert, outlets.remove and outlets.match edit and read the registry of this library', async (t) => {
  const ctx = context(t);
  const added = (await invoke(ctx, 'outlets.upsert', { name: 'Mirror Site', domains: ['mirror.example'], country: 'RU', category: 'state_proxy', source: 'analyst note', date: '2026-01-02' })) as OutletEntry;
  assert.equal(added.origin, 'user');
  const edited = (await invoke(ctx, 'outlets.upsert', { name: 'RT', domains: ['rt.com'], country: 'RU', category: 'state_controlled', source: 'my source' })) as OutletEntry;
  assert.equal(edited.origin, 'edited');
  assert.deepEqual(await invoke(ctx, 'outlets.match', { urls: ['https://a.mirror.example/x', 'https://de.rt.com/y', 'https://actualidad-rt.com/z', null] }).then((r) => (r as ({ name: string; source: string } | null)[]).map((o) => o && [o.name, o.source])),
    [['Mirror Site', 'analyst note (2026-01-02)'], ['RT', 'my source'], null, null]);
  await invoke(ctx, 'outlets.remove', { name: 'BBC' });
  const list = (await invoke(ctx, 'outlets.list', {})) as OutletEntry[];
  assert.ok(!list.some((e) => e.name === 'BBC'), 'a removed shipped outlet is hidden');
  assert.ok(list.some((e) => e.name === 'Mirror Site'));
  await invoke(ctx, 'outlets.remove', { name: 'BBC', restore: true });
  assert.equal(((await invoke(ctx, 'labels.detect', { text: 'x', url: 'https://www.bbc.com/news' })) as { outlet: { name: string } }).outlet.name, 'BBC');
  await invoke(ctx, 'outlets.remove', { name: 'Mirror Site' });
  assert.deepEqual(await invoke(ctx, 'outlets.match', { urls: ['https://mirror.example/'] }), [null]);
  await assert.rejects(invoke(ctx, 'outlets.remove', { name: 'Nobody' }), /no outlet "Nobody"/);
  await assert.rejects(invoke(ctx, 'outlets.upsert', { name: 'Bad', domains: ['not a domain'], country: 'RU', category: 'x', source: 'y' }), /Invalid arguments/);
});

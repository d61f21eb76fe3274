// Entities as things in a real library (issue 10, deliverables 3 and 5): Russian, Arabic and Spanish Sputnik pages
// about one organisation are one canonical entity in the store, the Flags counts and search; the analyst's alias
// regroups stored labels at once and applies to new detections; a rejection is kept with its reason and counted in
// the per-rule and per-language precision; a library from before schema 8 gets canonical names and rules.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { invoke } from '../electron/api/methods.ts';
import { createContext, type EngineContext } from '../electron/engine/context.ts';
import { ingestFeed } from '../electron/poll/ingest.ts';
import { labelsForArticle } from '../electron/store/sqlite/labels.ts';
import { migrations } from '../electron/store/sqlite/migrate.ts';
import { libraryPath } from '../electron/store/sqlite/db.ts';
import { registerSearchFunctions } from '../electron/store/sqlite/search/functions.ts';
import { SqliteStore } from '../electron/store/sqlite/sqlite-store.ts';
import type { EntityAlias, LabelRecord, SearchResult } from '../electron/store/records.ts';
import type { FeedItem, FeedObject } from '../electron/model.ts';
import type { FlagGroup } from '../electron/labels/flags.ts';
import type { ReviewStats } from '../electron/labels/review-stats.ts';
import { shippedCanonicaliser } from '../electron/labels/canonical.ts';
import { tempDir } from './helpers.ts';

function context(t: TestContext, dir = tempDir(t)): EngineContext {
  const ctx = createContext(dir);
  t.after(() => ctx.store.close());
  return ctx;
}

function addFeed(ctx: EngineContext, url: string, siteUrl: string): number {
  return Number(ctx.store.db.prepare("INSERT INTO feed (url, typed_url, site_url, title, created_at) VALUES (?, ?, ?, 'Sputnik', '2021-01-01T00:00:00Z')")
    .run(url, url, siteUrl).lastInsertRowid);
}

const item = (site: string, id: string, content: string): FeedItem => ({
  id, title: `Story ${id}`, link: `https://${site}/${id}.html`, published: '2021-08-13T10:00:00Z', updated: null, author: null, summary: null, content, categories: [],
});
const feed = (site: string, language: string, items: FeedItem[]): FeedObject => ({ title: 'Sputnik', link: `https://${site}/`, description: null, language, items });

const PAGES = [
  { site: 'sputnik.by', lang: 'ru', html: '<p>Представители движения «Талибан»* заявили о взятии Кандагара.</p><p>*Террористическая организация, запрещена в России.</p>' },
  { site: 'sarabic.ae', lang: 'ar', html: '<p>أعلنت حركة طالبان* سيطرتها على قندهار.</p><p>*منظمة إرهابية محظورة في روسيا.</p>' },
  { site: 'sputniknews.lat', lang: 'es', html: '<p>El movimiento talibán* anunció la toma de Kandahar.</p><p>*Organización terrorista prohibida en Rusia.</p>' },
];
const EMIRATE = '<p>El Emirato Islámico* anunció un nuevo gobierno en Kabul.</p><p>*Organización terrorista prohibida en Rusia.</p>';

/** The three Sputnik pages, each from its own feed; returns the article ids in PAGES order. */
async function ingestPages(ctx: EngineContext): Promise<number[]> {
  const ids: number[] = [];
  for (const p of PAGES) {
    const feedId = addFeed(ctx, `https://${p.site}/export/rss2/archive/index.xml`, `https://${p.site}/`);
    ids.push((await ingestFeed(ctx.store, feedId, feed(p.site, p.lang, [item(p.site, `taliban-${p.lang}`, p.html)]))).newIds[0] ?? 0);
  }
  return ids;
}

const searchIds = async (ctx: EngineContext, q: string): Promise<number[]> =>
  ((await invoke(ctx, 'search.query', { q, limit: 50 })) as SearchResult).hits.map((h) => h.id).sort((a, b) => a - b);

test('ru, ar and es pages about one organisation: canonical and rule stored, one Flags group, label:Taliban finds all three', async (t) => {
  const ctx = context(t);
  const ids = await ingestPages(ctx);
  const stored = ids.map((id) => labelsForArticle(ctx.store.db, id));
  assert.deepEqual(stored.map((ls) => ls.map((l) => [l.kind, l.entity, l.canonical])), [
    [['terrorist', 'Талибан', 'Taliban']], [['terrorist', 'طالبان', 'Taliban']], [['terrorist', 'talibán', 'Taliban']],
  ]);
  assert.deepEqual(stored.map((ls) => ls[0]?.rule?.split(':').slice(0, 2)), [['footnote', 'ru'], ['footnote', 'ar'], ['footnote', 'es']]);
  const viaApi = (await invoke(ctx, 'labels.forArticle', { id: ids[1] })) as LabelRecord[];
  assert.deepEqual(viaApi.map((l) => [l.entity, l.canonical]), [['طالبان', 'Taliban']], 'API label records carry entity and canonical');

  const groups = (await invoke(ctx, 'labels.flags', {})) as FlagGroup[];
  assert.equal(groups.length, 1, 'one group: one entity, one kind, one outlet');
  assert.deepEqual([groups[0]?.canonical, groups[0]?.outlet, groups[0]?.total, [...(groups[0]?.forms ?? [])].sort()],
    ['Taliban', 'Sputnik', 3, ['talibán', 'Талибан', 'طالبان'].sort()]);
  for (const name of ['طالبان', 'талибан', 'The Taliban']) {
    assert.equal(((await invoke(ctx, 'labels.flags', { entity: name })) as FlagGroup[])[0]?.total, 3, `the entity filter "${name}" finds the group`);
  }

  for (const q of ['label:Taliban', 'label:taliban', 'label:Талибан', 'label:طالبان', 'label:"The Taliban"']) {
    assert.deepEqual(await searchIds(ctx, q), ids, q);
  }
  assert.deepEqual(await searchIds(ctx, 'label:Taliban lang:ar'), [ids[1]]);
  assert.deepEqual(await searchIds(ctx, 'label:Meta'), []);
});

test('an analyst alias regroups stored labels at once and applies to new detections; the shipped table is untouched', async (t) => {
  const ctx = context(t);
  const ids = await ingestPages(ctx);
  const es = addFeed(ctx, 'https://sputniknews.lat/rss', 'https://sputniknews.lat/');
  const emirate = (await ingestFeed(ctx.store, es, feed('sputniknews.lat', 'es', [item('sputniknews.lat', 'emirate', EMIRATE)]))).newIds[0] ?? 0;
  assert.equal(labelsForArticle(ctx.store.db, emirate)[0]?.canonical, 'Emirato Islámico', 'unknown to the shipped table');
  assert.deepEqual(await searchIds(ctx, 'label:Taliban'), ids);

  // The analyst names the entity by any alias the table knows: «Талибан» means Taliban.
  const added = (await invoke(ctx, 'labels.addAlias', { alias: 'Emirato Islámico', canonical: 'Талибан', lang: 'es' })) as { alias: EntityAlias; relabelled: number };
  assert.deepEqual([added.alias.alias, added.alias.canonical, added.alias.lang, added.relabelled], ['Emirato Islámico', 'Taliban', 'es', 1]);
  assert.equal(labelsForArticle(ctx.store.db, emirate)[0]?.canonical, 'Taliban', 'the stored label is regrouped at once');
  assert.deepEqual(await searchIds(ctx, 'label:Taliban'), [...ids, emirate]);
  assert.deepEqual(await searchIds(ctx, 'label:"Emirato Islámico"'), [...ids, emirate], 'the alias now names the whole entity');
  const groups = (await invoke(ctx, 'labels.flags', {})) as FlagGroup[];
  assert.deepEqual(groups.map((g) => [g.canonical, g.total, g.forms.includes('Emirato Islámico')]), [['Taliban', 4, true]]);

  // A new detection is written with the alias applied, and labels.detect answers as the library does.
  const later = (await ingestFeed(ctx.store, es, feed('sputniknews.lat', 'es', [item('sputniknews.lat', 'emirate-2', EMIRATE)]))).newIds[0] ?? 0;
  assert.equal(labelsForArticle(ctx.store.db, later)[0]?.canonical, 'Taliban');
  const detected = (await invoke(ctx, 'labels.detect', { text: 'El Emirato Islámico* habló.\n\n*Organización terrorista prohibida en Rusia.' })) as { labels: { entity: string; canonical: string }[] };
  assert.deepEqual(detected.labels.map((l) => [l.entity, l.canonical]), [['Emirato Islámico', 'Taliban']]);

  // Forgetting the alias gives the labels back their detected names.
  assert.deepEqual(await invoke(ctx, 'labels.removeAlias', { id: added.alias.id }), { relabelled: 2 });
  assert.equal(labelsForArticle(ctx.store.db, emirate)[0]?.canonical, 'Emirato Islámico');
  assert.deepEqual(await invoke(ctx, 'labels.aliases', {}), []);
  await assert.rejects(invoke(ctx, 'labels.removeAlias', { id: added.alias.id }), /no alias/);
  assert.equal(shippedCanonicaliser().canonical('Emirato Islámico').canonical, 'Emirato Islámico', 'the shipped table never learns the alias');
  await assert.rejects(invoke(ctx, 'labels.addAlias', { alias: ' ', canonical: 'Taliban' }), /The alias must not be empty/);
});

test('a rejected detection is kept with its reason and counted in precision per rule and per language', async (t) => {
  const ctx = context(t);
  const ids = await ingestPages(ctx);
  const [ru, ar, es] = ids.map((id) => labelsForArticle(ctx.store.db, id)[0]);
  assert.ok(ru && ar && es);
  await invoke(ctx, 'labels.review', { id: ru.id, review: 'confirmed' });
  await invoke(ctx, 'labels.review', { id: ar.id, review: 'confirmed' });
  const rejected = (await invoke(ctx, 'labels.review', { id: es.id, review: 'rejected', reason: 'quoted', note: 'the article quotes the label to criticise it' })) as LabelRecord;
  assert.deepEqual([rejected.review, rejected.rejectReason, rejected.reviewNote], ['rejected', 'quoted', 'the article quotes the label to criticise it']);
  assert.ok(rejected.reviewedAt);
  await assert.rejects(invoke(ctx, 'labels.review', { id: ru.id, review: 'confirmed', reason: 'quoted' }), /reason goes with a rejection/);
  await assert.rejects(invoke(ctx, 'labels.review', { id: ru.id, review: 'rejected', reason: 'boring' }), /The reason must be one of/);

  // Kept: a later ingest of the same page neither deletes the rejection nor resets it.
  const esFeed = Number((ctx.store.db.prepare('SELECT feed_id FROM article WHERE id = ?').get(es.articleId) as { feed_id: number }).feed_id);
  await ingestFeed(ctx.store, esFeed, feed('sputniknews.lat', 'es', [item('sputniknews.lat', 'taliban-es', `${PAGES[2]?.html}<p>Más.</p>`)]));
  const again = labelsForArticle(ctx.store.db, es.articleId)[0];
  assert.deepEqual([again?.id, again?.review, again?.rejectReason], [es.id, 'rejected', 'quoted']);

  const stats = (await invoke(ctx, 'labels.reviewStats', {})) as ReviewStats;
  assert.equal(stats.reviewed, 3);
  assert.deepEqual(stats.byRule.map((r) => [r.key, r.confirmed, r.rejected, Number(r.precision.toFixed(3)), r.reasons]), [['footnote', 2, 1, 0.667, { quoted: 1 }]]);
  assert.deepEqual(stats.byLanguage.map((r) => [r.key, r.precision]), [['es', 0], ['ar', 1], ['ru', 1]], 'weakest first');
  assert.equal(stats.byPhrase[0]?.key, es.rule);

  // Reopening forgets the reason; the manual label is no test of a rule.
  await invoke(ctx, 'labels.review', { id: es.id, review: 'unreviewed' });
  await invoke(ctx, 'labels.add', { articleId: es.articleId, kind: 'terrorist', entity: 'Talibán' });
  const reopened = (await invoke(ctx, 'labels.reviewStats', {})) as ReviewStats;
  assert.deepEqual(reopened.byRule.map((r) => [r.key, r.confirmed, r.rejected]), [['footnote', 2, 0]]);
  assert.equal(labelsForArticle(ctx.store.db, es.articleId)[0]?.rejectReason, null);
});

test('a library from before schema 8 gets canonical names and rules by detection again, or from the alias table', async (t) => {
  const dir = tempDir(t);
  const db = new Database(libraryPath(dir));
  registerSearchFunctions(db);
  for (const m of migrations.filter((x) => x.version <= 4)) db.exec(m.sql);
  db.pragma('user_version = 4');
  db.prepare("INSERT INTO feed (id, url, typed_url, site_url, title, created_at) VALUES (1, 'https://sarabic.ae/rss', 'https://sarabic.ae/rss', 'https://sarabic.ae/', 'Sputnik', '2021-01-01T00:00:00Z')").run();
  const text = 'أعلنت حركة طالبان* سيطرتها على قندهار.\n\n*منظمة إرهابية محظورة في روسيا.';
  db.prepare(`INSERT INTO article (id, feed_id, guid, link, title, text, title_date_hash, raw, first_seen_at, last_seen_at, content_hash)
    VALUES (1, 1, 'a', 'https://sarabic.ae/a.html', 'قندهار', ?, 'h', '{}', '2021-08-13T10:00:00Z', '2021-08-13T10:00:00Z', 'h')`).run(text);
  const insert = db.prepare(`INSERT INTO label (article_id, kind, entity, marker, evidence, origin, review, first_seen_at) VALUES (1, 'terrorist', ?, ?, 'x', ?, ?, '2021-08-13T10:00:00Z')`);
  insert.run('طالبان', '*', 'detector', 'confirmed');
  insert.run('Талибана', null, 'manual', 'confirmed');
  db.close();

  const store = SqliteStore.open(dir);
  t.after(() => store.close());
  assert.ok((await store.schemaVersion()) >= 8);
  const labels = labelsForArticle(store.db, 1);
  assert.deepEqual(labels.map((l) => [l.entity, l.canonical, l.rule?.split(':').slice(0, 2).join(':') ?? null, l.review]), [
    ['طالبان', 'Taliban', 'footnote:ar', 'confirmed'],
    ['Талибана', 'Taliban', null, 'confirmed'],
  ]);
});

// Tags and auto-tag rules: at ingest (the enricher), retroactively (with progress), removal that keeps a
// person's tags, merge and rename that keep assignments.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { openLibrary, type Db } from '../electron/store/sqlite/db.ts';
import { applyTag, articleTags, createTag, deleteTag, ensureTag, getTag, listTags, mergeTags, removeTag, renameTag, setTagColor } from '../electron/store/sqlite/tags.ts';
import { TagError } from '../electron/tags/tag-names.ts';
import { addRule, listRules } from '../electron/store/sqlite/rules.ts';
import { autoTagEnricher } from '../electron/tags/auto-tag.ts';
import { applyRules, removeRule } from '../electron/store/sqlite/auto-tag.ts';
import { ingestFeed } from '../electron/poll/ingest.ts';
import { enrichers } from '../electron/poll/enrichers.ts';
import { QuerySyntaxError } from '../electron/query/errors.ts';
import { search } from '../electron/store/sqlite/search/search.ts';
import type { FeedObject, FeedItem } from '../electron/model.ts';
import { loadCorpus } from './fixtures/corpus/load.ts';
import { tempDir } from './helpers.ts';
import { SqliteStore } from '../electron/store/sqlite/sqlite-store.ts';

function library(t: TestContext): Db {
  const db = openLibrary(tempDir(t));
  t.after(() => db.close());
  loadCorpus(db);
  return db;
}

/** Who applied each (article, tag): 'person' or the rule id. */
function assignments(db: Db, tag: string): Record<number, string | number> {
  const rows = db.prepare(`SELECT article_id AS id, rule_id AS rule FROM article_tag WHERE tag_id = ? ORDER BY article_id`).all(getTag(db, tag).id) as { id: number; rule: number | null }[];
  return Object.fromEntries(rows.map((r) => [r.id, r.rule ?? 'person']));
}

function item(id: string, title: string, text: string): FeedItem {
  return { id, title, link: `https://tass.com/new/${id}`, published: '2021-11-01T10:00:00Z', updated: null, author: null, summary: null, content: `<p>${text}</p>`, categories: [] };
}

test('the auto-tag enricher is in the ingest pipeline', () => {
  assert.ok(enrichers.includes(autoTagEnricher));
});

test('a rule tags new articles at ingest, limited to its feeds, and untags an edit that no longer matches', async (t) => {
  const db = library(t);
  const rule = addRule(db, 'sanctions OR санкции', ensureTag(db, 'Sanctions'), [2]);
  addRule(db, 'kabul', ensureTag(db, 'Afghanistan'));
  const feed: FeedObject = { title: 'TASS', link: 'https://tass.com', description: null, language: 'en', items: [
    item('a', 'New sanctions on steel', 'The ministry announced sanctions.'),
    item('b', 'Weather in Kabul', 'Sunny.'),
    item('c', 'Football', 'A match.'),
  ] };
  const first = await ingestFeed(new SqliteStore(db), 2, feed, { enrichers: [autoTagEnricher], now: '2021-11-01T11:00:00Z' });
  assert.deepEqual(first.warnings, []);
  const [a, b, c] = first.newIds as [number, number, number];
  assert.deepEqual(articleTags(db, a), ['Sanctions']);
  assert.deepEqual(articleTags(db, b), ['Afghanistan']);
  assert.deepEqual(articleTags(db, c), []);
  assert.equal(assignments(db, 'Sanctions')[a], rule.id);

  // The same text in a feed the rule is not limited to: no tag.
  const other = await ingestFeed(new SqliteStore(db), 1, { ...feed, items: [item('z', 'Sanctions again', 'More sanctions.')] }, { enrichers: [autoTagEnricher] });
  assert.deepEqual(articleTags(db, other.newIds[0]!), []);

  // An edit: the article no longer mentions sanctions, so the rule's tag goes.
  const edited = await ingestFeed(new SqliteStore(db), 2, { ...feed, items: [item('a', 'Steel prices', 'Prices rose.')] }, { enrichers: [autoTagEnricher], now: '2021-11-02T11:00:00Z' });
  assert.deepEqual(edited.updatedIds, [a]);
  assert.deepEqual(articleTags(db, a), []);
});

test('rules apply to stored articles on demand, with progress, and never take over a person\'s tag', (t) => {
  const db = library(t);
  const tag = ensureTag(db, 'Afghanistan');
  applyTag(db, tag, [2], null);
  const rule = addRule(db, 'kabul OR кабул OR كابل', tag);
  const progress: [number, number][] = [];
  const result = applyRules(db, rule.id, (p) => progress.push([p.done, p.total]));
  assert.deepEqual(result, { rules: 1, matched: 4, tagged: 3 });
  assert.deepEqual(progress.at(0), [0, 4]);
  assert.deepEqual(progress.at(-1), [4, 4]);
  assert.deepEqual(assignments(db, 'Afghanistan'), { 2: 'person', 6: rule.id, 9: rule.id, 10: rule.id });
  assert.deepEqual(applyRules(db, null), { rules: 1, matched: 4, tagged: 0 }, 'applying again adds nothing');
});

test('removing a rule removes its tags and keeps those a person applied, even on the same articles', (t) => {
  const db = library(t);
  const tag = ensureTag(db, 'Afghanistan');
  const rule = addRule(db, 'kabul OR кабул OR كابل', tag);
  applyRules(db, rule.id);
  applyTag(db, tag, [9], null); // a person confirms one the rule had tagged: it becomes theirs
  applyTag(db, tag, [3], null);
  assert.deepEqual(assignments(db, 'Afghanistan'), { 2: rule.id, 3: 'person', 6: rule.id, 9: 'person', 10: rule.id });
  assert.deepEqual(removeRule(db, rule.id), { untagged: 3 });
  assert.deepEqual(assignments(db, 'Afghanistan'), { 3: 'person', 9: 'person' });
  assert.deepEqual(listRules(db), []);
});

test('when a rule goes, another rule with the same tag keeps tagging what it matches', (t) => {
  const db = library(t);
  const tag = ensureTag(db, 'Afghanistan');
  const broad = addRule(db, 'kabul OR кабул', tag);
  const narrow = addRule(db, 'title:kabul', tag);
  applyRules(db, null);
  assert.deepEqual(assignments(db, 'Afghanistan'), { 2: broad.id, 6: broad.id, 9: broad.id });
  removeRule(db, broad.id);
  assert.deepEqual(assignments(db, 'Afghanistan'), { 2: narrow.id, 9: narrow.id });
});

test('rename and merge keep every assignment and rule; merge prefers a person\'s over a rule\'s', (t) => {
  const db = library(t);
  const afg = ensureTag(db, 'afghanistan');
  const tal = ensureTag(db, 'Taliban');
  const rule = addRule(db, 'taliban', tal);
  applyRules(db, rule.id); // 2, 3, 9 by the rule
  applyTag(db, afg, [2, 6], null);
  assert.equal(renameTag(db, 'AFGHANISTAN', 'Afghanistan').name, 'Afghanistan');
  assert.deepEqual(assignments(db, 'Afghanistan'), { 2: 'person', 6: 'person' });
  const merged = mergeTags(db, ['Taliban'], 'Afghanistan');
  assert.equal(merged.count, 4);
  assert.deepEqual(assignments(db, 'Afghanistan'), { 2: 'person', 3: rule.id, 6: 'person', 9: rule.id });
  assert.equal(listRules(db)[0]?.tag, 'Afghanistan', 'the rule now gives the merged tag');
  assert.equal(listTags(db).some((x) => x.name === 'Taliban'), false);
  assert.deepEqual(search(db, 'tag:afghanistan', { limit: 10 }).hits.map((h) => h.id).sort(), [2, 3, 6, 9]);
});

test('tags: create, colour, conflicts named clearly, remove, delete; names compare in any case and script', (t) => {
  const db = library(t);
  const tag = createTag(db, 'Санкции', '#D04040');
  assert.equal(tag.color, '#d04040');
  assert.throws(() => createTag(db, 'санкции'), (e: Error) => e instanceof TagError && e.code === 'conflict');
  assert.throws(() => setTagColor(db, 'санкции', 'red'), /not a #rrggbb colour/);
  assert.equal(setTagColor(db, 'САНКЦИИ', null).color, null);
  createTag(db, 'Other');
  assert.throws(() => renameTag(db, 'Other', 'санкции'), /merge "Other" into it instead/);
  assert.throws(() => getTag(db, 'missing'), (e: Error) => e instanceof TagError && e.code === 'not_found');
  assert.equal(applyTag(db, tag.id, [1, 5, 5], null), 2);
  assert.equal(removeTag(db, tag.id, [1]), 1);
  assert.deepEqual(articleTags(db, 5), ['Санкции']);
  deleteTag(db, 'Санкции');
  assert.deepEqual(articleTags(db, 5), []);
  assert.throws(() => addRule(db, 'kabul AND', ensureTag(db, 'x')), QuerySyntaxError);
  assert.throws(() => addRule(db, 'kabul', ensureTag(db, 'x'), [99]), /No feed with id 99/);
});

test('a rule with country: tags at ingest through the outlet registry', async (t) => {
  const db = library(t);
  addRule(db, 'country:ru sanctions', ensureTag(db, 'RU sanctions'));
  const feed: FeedObject = { title: 'TASS', link: null, description: null, language: 'en', items: [item('x', 'New sanctions', 'Sanctions announced.')] };
  const r = await ingestFeed(new SqliteStore(db), 2, feed, { enrichers: [autoTagEnricher] });
  assert.deepEqual(r.warnings, []);
  assert.deepEqual(articleTags(db, r.newIds[0]!), ['RU sanctions']);
  const elsewhere = await ingestFeed(new SqliteStore(db), 1, { ...feed, items: [{ ...item('y', 'New sanctions', 'Sanctions.'), link: 'https://www.reuters.com/y' }] }, { enrichers: [autoTagEnricher] });
  assert.deepEqual(articleTags(db, elsewhere.newIds[0]!), []);
});

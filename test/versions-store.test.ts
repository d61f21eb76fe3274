// Schema 10: a new article's first version points at the article row's summary, content and text instead of a
// copy; the first change of the row copies them into the version, so every version still reads what it read.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { openLibrary, type Db } from '../electron/store/sqlite/db.ts';
import { insertFeed } from '../electron/store/sqlite/feeds.ts';
import { ingestFeed } from '../electron/store/sqlite/ingest.ts';
import { versionsOf } from '../electron/store/sqlite/versions.ts';
import type { FeedItem, FeedObject } from '../electron/model.ts';
import { tempDir } from './helpers.ts';
import { libraryAtSchema } from './support/library-fixture.ts';

const T0 = '2026-11-25T00:00:00.000Z';
const T1 = '2026-11-25T01:00:00.000Z';
const T2 = '2026-11-25T02:00:00.000Z';

const item = (summary: string, content: string): FeedItem => ({
  id: 'story', title: 'Story', link: 'https://a.example/story', published: T0, updated: null, author: null, summary, content, categories: [],
});
const doc = (it: FeedItem): FeedObject => ({ title: 'F', link: null, description: null, language: 'en', items: [it] });

function library(t: TestContext): { db: Db; feed: number } {
  const db = openLibrary(tempDir(t));
  t.after(() => db.close());
  return { db, feed: insertFeed(db, { url: 'https://a.example/feed', typedUrl: 'https://a.example/feed', intervalMinutes: 30, createdAt: T0 }) };
}

interface Stored { n: number; summary: string | null; content: string | null; text: string | null; from_article: number }
const stored = (db: Db, table: 'article_version' | 'article_version_read'): Omit<Stored, 'from_article'>[] | Stored[] => db.prepare(
  `SELECT n, summary, content, text${table === 'article_version' ? ', from_article' : ''} FROM ${table} ORDER BY n`).all() as Stored[];

test('a new article\'s first version points at the article\'s texts and keeps them when the article changes', (t) => {
  const { db, feed } = library(t);
  const id = ingestFeed(db, feed, doc(item('Lead.', '<p>First.</p>')), { now: T0, enrichers: [] }).newIds[0] as number;
  // Written once: the version holds no second copy, and reads the article's.
  assert.deepEqual(stored(db, 'article_version'), [{ n: 1, summary: null, content: null, text: null, from_article: 1 }]);
  assert.deepEqual(stored(db, 'article_version_read'), [{ n: 1, summary: 'Lead.', content: '<p>First.</p>', text: 'First.' }]);
  assert.deepEqual(versionsOf(db, id)?.map((v) => [v.n, v.text]), [[1, 'First.']]);

  // New markup, same text: no new version, and version 1 keeps the markup it was seen with.
  ingestFeed(db, feed, doc(item('Lead.', '<div>First.</div>')), { now: T1, enrichers: [] });
  assert.deepEqual(stored(db, 'article_version'), [{ n: 1, summary: 'Lead.', content: '<p>First.</p>', text: 'First.', from_article: 0 }]);
  assert.equal((db.prepare('SELECT content FROM article WHERE id = ?').get(id) as { content: string }).content, '<div>First.</div>');

  // A real edit: version 2 (a copy, as every later version), version 1 unchanged.
  ingestFeed(db, feed, doc(item('Lead.', '<p>Second, a rewritten sentence.</p>')), { now: T2, enrichers: [] });
  assert.deepEqual(stored(db, 'article_version_read'), [
    { n: 1, summary: 'Lead.', content: '<p>First.</p>', text: 'First.' },
    { n: 2, summary: 'Lead.', content: '<p>Second, a rewritten sentence.</p>', text: 'Second, a rewritten sentence.' },
  ]);
  assert.deepEqual(versionsOf(db, id)?.map((v) => [v.n, v.text]), [[1, 'First.'], [2, 'Second, a rewritten sentence.']]);
});

test('versions written before schema 10 stay copies and read the same after the migration', (t) => {
  const dir = tempDir(t);
  const old = libraryAtSchema(dir, 9);
  const feed = insertFeed(old, { url: 'https://old.example/feed', typedUrl: 'https://old.example/feed', intervalMinutes: 30, createdAt: T0 });
  const id = Number(old.prepare(`INSERT INTO article (feed_id, guid, title_date_hash, title, summary, content, text, raw, content_hash, first_seen_at, last_seen_at)
    VALUES (?, 'old', 'h', 'Old', 'Lead.', '<p>Old text.</p>', 'Old text.', '{}', 'c', ?, ?)`).run(feed, T0, T0).lastInsertRowid);
  old.prepare(`INSERT INTO article_version (article_id, content_hash, title, summary, content, text, seen_from, seen_until, n)
    SELECT id, content_hash, title, summary, content, text, first_seen_at, last_seen_at, 1 FROM article`).run();
  old.close();

  const db = openLibrary(dir);
  t.after(() => db.close());
  assert.deepEqual(stored(db, 'article_version'), [{ n: 1, summary: 'Lead.', content: '<p>Old text.</p>', text: 'Old text.', from_article: 0 }]);
  db.prepare("UPDATE article SET content = '<p>New text.</p>', text = 'New text.' WHERE id = ?").run(id);
  assert.deepEqual(versionsOf(db, id)?.map((v) => [v.n, v.text]), [[1, 'Old text.']]);
  assert.deepEqual(stored(db, 'article_version_read'), [{ n: 1, summary: 'Lead.', content: '<p>Old text.</p>', text: 'Old text.' }]);
});

// Retention (store/RETENTION.md) on a 100,000-article library built by bulk insert: a dry run counts, a prune
// removes exactly the unprotected old articles with their raw bytes, and every protected article is kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { createContext } from '../electron/engine/context.ts';
import { insertFeed } from '../electron/store/sqlite/feeds.ts';
import { invoke } from '../electron/api/methods.ts';
import { tempDir } from './helpers.ts';

const TOTAL = 100_000;
const OLD = '2020-01-01T00:00:00.000Z';
const NEW = new Date().toISOString();

test('prune on 100,000 articles: only untagged, unstarred, unflagged, unreviewed, unedited, undeleted old ones go', async (t) => {
  const ctx = createContext(tempDir(t));
  t.after(() => ctx.store.close());
  const db = ctx.store.db;
  const feedId = insertFeed(db, { url: 'http://feed.test/rss', typedUrl: 'http://feed.test/rss', intervalMinutes: 30, createdAt: OLD });
  db.transaction(() => {
    // Odd ids are recent, even ids old: half the library is past any cutoff.
    db.prepare(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
      INSERT INTO article (id, feed_id, guid, link, title_date_hash, title, text, raw, content_hash, first_seen_at, last_seen_at, published_at)
      SELECT i, ?, 'g' || i, 'http://feed.test/a/' || i, 'h' || i, 'Title ' || i, 'Text ' || i, '{}', 'c' || i,
        CASE WHEN i % 2 = 0 THEN ? ELSE ? END, CASE WHEN i % 2 = 0 THEN ? ELSE ? END, CASE WHEN i % 2 = 0 THEN ? ELSE ? END FROM n`)
      .run(TOTAL, feedId, OLD, NEW, OLD, NEW, OLD, NEW);
    db.prepare(`INSERT INTO article_version (article_id, content_hash, title, text, seen_from, seen_until, n) SELECT id, content_hash, title, text, first_seen_at, last_seen_at, 1 FROM article`).run();
    const capture = db.prepare(`INSERT INTO capture (article_id, kind, url, final_url, status, fetched_at, request_head, response_head, body, size, sha256)
      VALUES (?, 'page', 'u', 'u', 200, ?, x'00', x'00', ?, 1, 's')`);
    for (let id = 2; id <= 2000; id += 2) capture.run(id, OLD, gzipSync('x'));
    // Protected old articles, one kind per range of even ids.
    db.prepare('UPDATE article SET is_starred = 1 WHERE id BETWEEN 10 AND 19').run();
    db.prepare("INSERT INTO tag (id, name) VALUES (1, 'keep')").run();
    db.prepare("INSERT INTO article_tag (article_id, tag_id, applied_at) SELECT id, 1, ? FROM article WHERE id BETWEEN 20 AND 29").run(OLD);
    db.prepare("INSERT INTO label (article_id, kind, entity, evidence, first_seen_at) SELECT id, 'terrorist', 'X', 'e', ? FROM article WHERE id BETWEEN 30 AND 39").run(OLD);
    db.prepare("INSERT INTO label (article_id, kind, entity, evidence, first_seen_at, review) SELECT id, 'extremist', 'Y', 'e', ?, 'rejected' FROM article WHERE id BETWEEN 40 AND 49").run(OLD);
    db.prepare('UPDATE article SET version_count = 2 WHERE id BETWEEN 50 AND 59').run();
    db.prepare("UPDATE article SET deleted_at = ?, deleted_reason = '404' WHERE id BETWEEN 60 AND 69").run(NEW);
  })();
  const protectedOld = 6 * 5; // five even ids in each range of ten
  const expected = TOTAL / 2 - protectedOld;

  assert.deepEqual(await invoke(ctx, 'library.prune', {}), { olderThanDays: null, candidates: 0, pruned: 0, dryRun: false }, 'the default is never');
  const dry = await invoke(ctx, 'library.prune', { olderThanDays: 365, dryRun: true });
  assert.deepEqual(dry, { olderThanDays: 365, candidates: expected, pruned: 0, dryRun: true });
  assert.equal(count(db, 'SELECT count(*) AS n FROM article'), TOTAL);

  const done = await invoke(ctx, 'library.prune', { olderThanDays: 365 });
  assert.deepEqual(done, { olderThanDays: 365, candidates: expected, pruned: expected, dryRun: false });
  assert.equal(count(db, 'SELECT count(*) AS n FROM article'), TOTAL - expected);
  assert.equal(count(db, 'SELECT count(*) AS n FROM article WHERE id % 2 = 1'), TOTAL / 2, 'every recent article kept');
  for (const [from, to] of [[10, 19], [20, 29], [30, 39], [40, 49], [50, 59], [60, 69]]) {
    assert.equal(count(db, `SELECT count(*) AS n FROM article WHERE id BETWEEN ${from} AND ${to}`), 10, `protected articles ${from}–${to} kept`);
  }
  assert.equal(count(db, 'SELECT count(*) AS n FROM capture'), count(db, 'SELECT count(*) AS n FROM capture WHERE article_id BETWEEN 10 AND 69'), 'raw bytes go with their article');
  assert.equal(count(db, 'SELECT count(*) AS n FROM article_version'), TOTAL - expected);
  assert.equal(count(db, "SELECT count(*) AS n FROM article_fts WHERE article_fts MATCH 'Title'"), TOTAL - expected, 'the search index follows');
});

function count(db: import('../electron/store/sqlite/db.ts').Db, sql: string): number {
  return (db.prepare(sql).get() as { n: number }).n;
}

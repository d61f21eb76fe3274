import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openLibrary, openDatabase, libraryPath, schemaVersion, LibraryError, withoutMemoryMap } from '../electron/store/sqlite/db.ts';
import { migrations } from '../electron/store/sqlite/migrate.ts';
import { tempDir } from './helpers.ts';

test('a new library is WAL, has foreign keys on and the latest schema', (t) => {
  const dir = tempDir(t);
  const db = openLibrary(dir);
  t.after(() => db.close());
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  assert.equal(schemaVersion(db), migrations.at(-1)?.version);
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table')").all() as { name: string }[]).map((r) => r.name);
  for (const name of ['folder', 'feed', 'article', 'article_version', 'fetch_log', 'tag', 'article_tag', 'label', 'article_fts']) {
    assert.ok(tables.includes(name), `table ${name} exists`);
  }
  assert.ok(existsSync(`${libraryPath(dir)}-wal`));
});

test('the full-text index follows inserts, updates and deletes of articles', (t) => {
  const db = openLibrary(tempDir(t));
  t.after(() => db.close());
  db.prepare("INSERT INTO feed (url, typed_url, created_at) VALUES ('http://x/feed', 'http://x/feed', '2021-01-01T00:00:00Z')").run();
  const insert = db.prepare(`INSERT INTO article (feed_id, title_date_hash, title, text, raw, content_hash, first_seen_at, last_seen_at)
    VALUES (1, 'h', ?, ?, '{}', 'c', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z')`);
  const id = insert.run('Élections à Montréal', 'Le maire a été réélu.').lastInsertRowid;
  const match = (q: string): number => (db.prepare('SELECT count(*) AS n FROM article_fts WHERE article_fts MATCH ?').get(q) as { n: number }).n;
  assert.equal(match('elections montreal'), 1);
  assert.equal(match('reelu'), 1);
  db.prepare("UPDATE article SET text = 'Москва' WHERE id = ?").run(id);
  assert.equal(match('reelu'), 0);
  assert.equal(match('москва'), 1);
  db.prepare('DELETE FROM article WHERE id = ?').run(id);
  assert.equal(match('москва'), 0);
});

test('a library written by a newer Footnote is refused and left untouched', (t) => {
  const dir = tempDir(t);
  openLibrary(dir).close();
  const raw = new Database(libraryPath(dir));
  raw.pragma('user_version = 999');
  raw.pragma('journal_mode = DELETE');
  raw.close();
  const before = readFileSync(libraryPath(dir));
  assert.throws(() => openLibrary(dir), (err: Error) => err instanceof LibraryError && /newer Footnote/.test(err.message));
  assert.deepEqual(readFileSync(libraryPath(dir)), before);
});

test('a corrupt file and a foreign SQLite database are refused with a clear message, unchanged', (t) => {
  const dir = tempDir(t);
  writeFileSync(libraryPath(dir), 'this is not a database, just text '.repeat(200));
  const bytes = readFileSync(libraryPath(dir));
  assert.throws(() => openLibrary(dir), /not a Footnote library/);
  assert.deepEqual(readFileSync(libraryPath(dir)), bytes);

  const other = join(dir, 'other.db');
  const foreign = new Database(other);
  foreign.exec('CREATE TABLE invoices (id INTEGER)');
  foreign.close();
  const foreignBytes = readFileSync(other);
  assert.throws(() => openDatabase(other), /another program/);
  assert.deepEqual(readFileSync(other), foreignBytes);
});

test('a bulk write runs with the memory map set aside, and the map is back for the reads after it, even when the write fails', (t) => {
  const db = openLibrary(tempDir(t));
  t.after(() => db.close());
  const mapped = (): unknown => db.pragma('mmap_size', { simple: true });
  const full = mapped(); // 2 GiB as set, less SQLite's own cap
  assert.ok(typeof full === 'number' && full > 2 ** 30);
  assert.equal(withoutMemoryMap(db, mapped), 0);
  assert.equal(mapped(), full);
  assert.throws(() => withoutMemoryMap(db, () => { throw new Error('the write failed'); }), /the write failed/);
  assert.equal(mapped(), full);
  assert.equal(db.transaction(() => withoutMemoryMap(db, mapped))(), full, 'inside a transaction the map is left as it is');
});

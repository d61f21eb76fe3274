import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openLibrary, libraryPath } from '../electron/store/sqlite/db.ts';
import { backupLibrary, checkLibraryFile, restoreLibrary } from '../electron/store/sqlite/backup.ts';
import { tempDir } from './helpers.ts';
import { insertArticles, libraryDigest, runCli } from './support/library-fixture.ts';

function articleTitles(dataDir: string): string[] {
  const db = openLibrary(dataDir);
  try {
    return (db.prepare('SELECT title FROM article ORDER BY id').all() as { title: string }[]).map((r) => r.title);
  } finally {
    db.close();
  }
}

test('a backup taken while another connection keeps writing is a complete, sound library', async (t) => {
  const dir = tempDir(t);
  const db = openLibrary(dir);
  t.after(() => db.close());
  insertArticles(db, 'http://a.test/feed', 2000);
  const writer = openLibrary(dir);
  t.after(() => writer.close());
  // A second connection commits batches while the backup runs, like the app's poller would.
  let batches = 0;
  const timer = setInterval(() => {
    insertArticles(writer, `http://w.test/${batches++}`, 50, 'Live');
  }, 1);
  const file = join(dir, 'backup.db');
  try {
    await backupLibrary(db, file);
  } finally {
    clearInterval(timer);
  }
  const check = checkLibraryFile(file);
  assert.ok(check.articles >= 2000, `backup holds the 2000 articles there before it began (has ${check.articles})`);
  const copy = new Database(file, { readonly: true });
  t.after(() => copy.close());
  assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok');
});

test('footnote backup writes a new file and refuses to overwrite an existing one', (t) => {
  const dir = tempDir(t);
  const db = openLibrary(dir);
  insertArticles(db, 'http://a.test/feed', 10);
  db.close();
  const file = join(dir, 'copy.db');
  const ok = runCli(dir, ['backup', file]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /Backed up the library to .*copy\.db/);
  assert.equal(checkLibraryFile(file).articles, 10);

  writeFileSync(join(dir, 'taken.txt'), 'precious');
  const refused = runCli(dir, ['backup', join(dir, 'taken.txt')]);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /already exists/);
  assert.equal(readFileSync(join(dir, 'taken.txt'), 'utf8'), 'precious');
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('partial')), [], 'no partial file left behind');
});

test('footnote restore puts the backup in place and keeps the replaced library aside, openable', (t) => {
  const dir = tempDir(t);
  const db = openLibrary(dir);
  insertArticles(db, 'http://a.test/feed', 3, 'Old');
  db.close();
  const file = join(tempDir(t), 'monday.db');
  assert.equal(runCli(dir, ['backup', file]).status, 0);
  const later = openLibrary(dir);
  insertArticles(later, 'http://b.test/feed', 2, 'Newer');
  later.close();

  const r = runCli(dir, ['restore', file, '--json']);
  assert.equal(r.status, 0, r.stderr);
  const result = JSON.parse(r.stdout) as { articles: number; previous: string };
  assert.equal(result.articles, 3);
  assert.deepEqual(articleTitles(dir), ['Old 0', 'Old 1', 'Old 2']);
  assert.ok(existsSync(result.previous), 'the replaced library is kept');
  const aside = new Database(result.previous, { readonly: true });
  t.after(() => aside.close());
  assert.equal((aside.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n, 5, 'the kept library still has everything it had');
  assert.ok(existsSync(file), 'the backup file itself is left as it was');
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('restoring')), [], 'no staging file left behind');
});

test('restoring an older-schema library brings it up to date; the restore works without an existing library', (t) => {
  const dir = tempDir(t);
  const src = tempDir(t);
  const db = openLibrary(src);
  insertArticles(db, 'http://a.test/feed', 4);
  db.close();
  const result = restoreLibrary(dir, libraryPath(src));
  assert.equal(result.previous, null);
  assert.equal(result.articles, 4);
  assert.equal(articleTitles(dir).length, 4);
});

interface BadCase {
  name: string;
  make: (file: string) => void;
  message: RegExp;
}

const badCases: BadCase[] = [
  { name: 'a text file', make: (f) => writeFileSync(f, 'Dear diary, today I subscribed to many feeds.\n'.repeat(100)), message: /not a Footnote library/ },
  { name: 'an empty file', make: (f) => writeFileSync(f, ''), message: /not a Footnote library/ },
  {
    name: 'the SQLite database of another program',
    make: (f) => {
      const other = new Database(f);
      other.exec("CREATE TABLE invoices (id INTEGER, total REAL); INSERT INTO invoices VALUES (1, 9.5)");
      other.close();
    },
    message: /not a Footnote library/,
  },
  {
    name: 'another program\'s database with a schema version',
    make: (f) => {
      const other = new Database(f);
      other.exec('CREATE TABLE things (id INTEGER)');
      other.pragma('user_version = 1');
      other.close();
    },
    message: /tables missing/,
  },
  {
    name: 'a library written by a newer Footnote',
    make: (f) => {
      const dir = f + '.d';
      const lib = openLibrary(dir);
      insertArticles(lib, 'http://n.test/feed', 3);
      lib.pragma('user_version = 999');
      lib.pragma('journal_mode = DELETE');
      lib.close();
      writeFileSync(f, readFileSync(libraryPath(dir)));
    },
    message: /newer Footnote/,
  },
  {
    name: 'a truncated backup',
    make: (f) => {
      const dir = f + '.d';
      const lib = openLibrary(dir);
      insertArticles(lib, 'http://t.test/feed', 3000);
      lib.pragma('journal_mode = DELETE');
      lib.close();
      const bytes = readFileSync(libraryPath(dir));
      writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2)));
    },
    message: /damaged|not a Footnote library|malformed/,
  },
  {
    name: 'a backup with a page overwritten by garbage',
    make: (f) => {
      const dir = f + '.d';
      const lib = openLibrary(dir);
      insertArticles(lib, 'http://g.test/feed', 3000);
      lib.pragma('journal_mode = DELETE');
      lib.close();
      const bytes = readFileSync(libraryPath(dir));
      bytes.fill(0x5a, 4096 * 3, 4096 * 6);
      writeFileSync(f, bytes);
    },
    message: /damaged|not a Footnote library|malformed/,
  },
  { name: 'a file that does not exist', make: () => {}, message: /does not exist/ },
];

for (const c of badCases) {
  test(`footnote restore refuses ${c.name} with one clear line, and the library is untouched`, (t) => {
    const dir = tempDir(t);
    const db = openLibrary(dir);
    insertArticles(db, 'http://keep.test/feed', 5, 'Keep');
    const digest = libraryDigest(db);
    db.close();
    const before = readdirSync(dir).sort();
    const file = join(tempDir(t), 'candidate.db');
    c.make(file);

    const r = runCli(dir, ['restore', file]);
    assert.equal(r.status, 1, `exit status (stdout: ${r.stdout})`);
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
    assert.match(r.stderr, c.message);
    assert.match(r.stderr, /the library was not changed/);
    assert.deepEqual(readdirSync(dir).sort(), before, 'no file added, renamed or left behind');
    const after = openLibrary(dir);
    t.after(() => after.close());
    assert.equal(libraryDigest(after), digest);
  });
}

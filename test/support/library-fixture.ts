// Test plumbing for crash, backup and hostile-feed tests: fill a library with raw rows, fingerprint its contents,
// and run the real `footnote` CLI as a child process.
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { libraryPath, type Db } from '../../electron/store/sqlite/db.ts';
import { migrations } from '../../electron/store/sqlite/migrate.ts';
import { registerSearchFunctions } from '../../electron/store/sqlite/search/functions.ts';

export const FOOTNOTE_BIN = fileURLToPath(new URL('../../bin/footnote.js', import.meta.url));

/** A library in `dir` as schema `version` left it (the schema files up to it, nothing newer), for migration tests;
 * the caller closes it before opening the library as the app does. */
export function libraryAtSchema(dir: string, version: number): Db {
  const old = new Database(libraryPath(dir));
  registerSearchFunctions(old);
  for (const m of migrations.filter((x) => x.version <= version)) {
    old.exec(m.sql);
    m.fill?.(old);
  }
  old.pragma(`user_version = ${version}`);
  return old;
}

/** Inserts `count` articles into a new feed, in one transaction; returns their ids. */
export function insertArticles(db: Db, feedUrl: string, count: number, prefix = 'Story'): number[] {
  const now = new Date().toISOString();
  const feedId = db.prepare('INSERT INTO feed (url, typed_url, created_at) VALUES (?, ?, ?)').run(feedUrl, feedUrl, now).lastInsertRowid;
  const insert = db.prepare(`INSERT INTO article (feed_id, guid, title_date_hash, title, text, raw, content_hash, first_seen_at, last_seen_at)
    VALUES (?, ?, ?, ?, ?, '{}', ?, ?, ?)`);
  return db.transaction(() => {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const title = `${prefix} ${i}`;
      ids.push(Number(insert.run(feedId, `${feedUrl}#${i}`, `h${i}`, title, `${title} body text`, `c${i}`, now, now).lastInsertRowid));
    }
    return ids;
  })();
}

/** A digest of every row of every table, in a stable order: equal digests mean nothing was written. */
export function libraryDigest(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(`\0table ${name}\0`);
    for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (bin/footnote.js on this Node) with a data directory. */
export function runCli(dataDir: string, args: string[], timeoutMs = 60_000): CliRun {
  const r = spawnSync(process.execPath, [FOOTNOTE_BIN, ...args, '--data-dir', dataDir], { encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, FOOTNOTE_DATA_DIR: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** runCli without blocking this process: needed when the test itself serves the feeds the CLI fetches. */
export function runCliAsync(dataDir: string, args: string[], timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [FOOTNOTE_BIN, ...args, '--data-dir', dataDir], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, FOOTNOTE_DATA_DIR: '' } },
      (err, stdout, stderr) => resolve({ status: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }));
  });
}

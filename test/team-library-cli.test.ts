// The team library from the outside: the README's SQL run as written on a real server, then the real `footnote`
// bin pointed at it as that role through FOOTNOTE_DATABASE_URL or --database-url (with PGPASSWORD), a password on
// the command line refused, and a library written by a newer Footnote refused with a clear message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FeedRecord } from '../electron/model.ts';
import type { SearchResult } from '../electron/store/records.ts';
import { postgresForFile } from './support/postgres.ts';
import { footnoteBin, type Run } from './support/cli.ts';
import { startFeedServer, serve, rss2 } from './support/feed-server.ts';
import { tempDir } from './helpers.ts';

const server = postgresForFile();

const footnote = footnoteBin;

function json<T>(r: Run): T {
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as T;
}

/** The ```sql blocks of the README's "Team library" section. */
function readmeSql(): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Team library'), readme.indexOf('\n## ', readme.indexOf('## Team library') + 1));
  return [...section.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

test('the README\'s role and schema, then the CLI on the team library: add, poll, search; passwords only from the environment', async (t) => {
  const db = await server().database(t);
  const admin = await db.connect();
  const blocks = readmeSql();
  assert.equal(blocks.length, 1, 'the README shows the SQL as one block');
  await admin.query(blocks[0] ?? '');
  const feeds = await startFeedServer({});
  t.after(() => feeds.close());
  feeds.route('/feed.xml', serve(rss2('Team news', [{ guid: 'a', title: 'Sanctions on steel', link: feeds.url('/a') }, { guid: 'b', title: 'Rain', link: feeds.url('/b') }]), 'application/rss+xml'));
  const appUrl = `postgres://footnote_app:change-me@127.0.0.1:${server().port}/${db.name}`;
  const env = { FOOTNOTE_DATABASE_URL: appUrl, FOOTNOTE_ANALYST: 'Alice' };
  const d = ['--data-dir', tempDir(t)];

  const added = json<FeedRecord>(await footnote(['add', feeds.url('/feed.xml'), '--json', ...d], env));
  assert.equal(added.url, feeds.url('/feed.xml'));
  assert.equal((await footnote(['poll', ...d], env)).code, 0);
  const found = json<SearchResult>(await footnote(['search', 'sanctions', '--json', ...d], env));
  assert.deepEqual(found.hits.map((h) => h.title), ['Sanctions on steel']);
  // Everything went into the role's schema, nothing into public; the analyst is who the environment says.
  assert.deepEqual((await admin.query("SELECT name FROM footnote.analyst")).rows, [{ name: 'Alice' }]);
  assert.equal((await admin.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).rows[0].n, 0);
  assert.equal((await admin.query('SELECT count(*)::int AS n FROM footnote.article')).rows[0].n, 2);

  const bare = `postgres://footnote_app@127.0.0.1:${server().port}/${db.name}`;
  const viaOption = json<FeedRecord[]>(await footnote(['feeds', '--json', '--database-url', bare, ...d], { PGPASSWORD: 'change-me' }));
  assert.equal(viaOption.length, 1);
  const refused = await footnote(['feeds', '--database-url', appUrl, ...d], {});
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /must not carry a password.*FOOTNOTE_DATABASE_URL/);

  await admin.query("INSERT INTO footnote.schema_version (version, name, app_version) VALUES (99, 'future', '9.9.9')");
  const newer = await footnote(['feeds', ...d], env);
  assert.equal(newer.code, 1);
  assert.match(newer.stderr, /written by a newer Footnote \(schema 99, by Footnote 9\.9\.9.*update Footnote/);
});

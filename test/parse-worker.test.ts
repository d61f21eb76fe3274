// parseInWorker: the same results as parseFeedBytes, errors with the same words, from the TypeScript sources and
// from a bundle laid out as electron-vite lays it out (index.js with parse-worker.js beside it); a feed that keeps
// the parser busy past its time limit fails alone in a real poll.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseForIngestInWorker, parseInWorker, stopParseWorker } from '../electron/poll/parse-in-worker.ts';
import { parseFeedBytes, FeedParseError } from '../electron/feeds/parse.ts';
import { tempDir } from './helpers.ts';
import { bundleLikeElectronVite } from './support/bundle.ts';
import { openLibrary } from '../electron/store/sqlite/db.ts';
import { insertFeed, updateFeedSettings } from '../electron/store/sqlite/feeds.ts';
import { SqliteStore } from '../electron/store/sqlite/sqlite-store.ts';
import { pollFeeds, type PollParseFn } from '../electron/poll/poller.ts';
import { rss2, serve, startFeedServer } from './support/feed-server.ts';

const root = join(import.meta.dirname, '..');
const fixtures = join(root, 'test', 'fixtures', 'feeds');
const node = join(root, 'node_modules', '.bin', 'node');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(node, args, { cwd: root }, (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }));
  });
}

test('every fixture parses in the worker exactly as on this thread, many at once', async (t) => {
  t.after(() => stopParseWorker());
  const files = readdirSync(fixtures).filter((f) => !f.endsWith('.html'));
  const inputs = files.map((f) => ({ f, bytes: readFileSync(join(fixtures, f)) }));
  const results = await Promise.all(inputs.map(({ bytes }) => parseInWorker(bytes, { url: 'https://example.com/feed' })));
  inputs.forEach(({ f, bytes }, i) => {
    assert.deepEqual(results[i], parseFeedBytes(bytes, { url: 'https://example.com/feed' }), f);
    assert.ok(bytes.length > 0, `${f}: the caller's bytes are left intact`);
  });
});

test('a refusal comes back as a FeedParseError with the same message', async (t) => {
  t.after(() => stopParseWorker());
  const html = readFileSync(join(fixtures, 'not-a-feed.html'));
  let expected = '';
  try { parseFeedBytes(html); } catch (err) { expected = (err as Error).message; }
  await assert.rejects(parseInWorker(html), (err: unknown) => err instanceof FeedParseError && err.message === expected);
  // The worker survives a refusal and keeps serving.
  assert.equal((await parseInWorker(readFileSync(join(fixtures, 'rdf.xml')))).title, 'RDF Wire');
});

test('an idle worker does not keep a process alive', async (t) => {
  const script = join(tempDir(t), 'once.ts');
  writeFileSync(script, `import { parseInWorker } from ${JSON.stringify(join(root, 'electron', 'poll', 'parse-in-worker.ts'))};
    import { readFileSync } from 'node:fs';
    const feed = await parseInWorker(readFileSync(${JSON.stringify(join(fixtures, 'atom.xml'))}));
    console.log(feed.title);`);
  const r = await run([script]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'Beispiel-Blog');
});

test('bundled as electron-vite does, index.js finds parse-worker.js beside it', async (t) => {
  const index = await bundleLikeElectronVite(t, `import { readFileSync } from 'node:fs';
    import { parseInWorker } from ${JSON.stringify(join(root, 'electron', 'poll', 'parse-in-worker.ts'))};
    const feed = await parseInWorker(readFileSync(process.argv[2]));
    console.log(JSON.stringify({ title: feed.title, items: feed.items.length }));`, { 'parse-worker': join(root, 'electron', 'poll', 'parse-worker.ts') });
  const r = await run([index, join(fixtures, 'koi8-r.xml')]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { title: 'Новости | Лента', items: 2 });
});

test('a feed that keeps the parser past its time limit fails alone with a clear error; the other feed of the poll and the next parse succeed', { timeout: 120_000 }, async (t) => {
  t.after(() => stopParseWorker());
  const items = (prefix: string, n: number): { guid: string; title: string; link: string; description: string }[] =>
    Array.from({ length: n }, (_, i) => ({ guid: `${prefix}-${i}`, title: `${prefix} story ${i}`, link: `https://news.example/${prefix}/${i}`, description: `<p>Summary ${i} of a story with a few words in it.</p>` }));
  // 20,000 items, 5 MB: 2–3 s of parsing on this machine, against a limit of 300 ms; the small feeds take a few ms.
  const server = await startFeedServer({
    '/huge.xml': serve(rss2('Huge', items('huge', 20_000))),
    '/small.xml': serve(rss2('Small', items('small', 3))),
    '/later.xml': serve(rss2('Later', items('later', 2))),
  });
  t.after(() => server.close());
  const db = openLibrary(tempDir(t));
  t.after(() => db.close());
  const store = new SqliteStore(db);
  const subscribe = (path: string): number => {
    const id = insertFeed(db, { url: server.url(path), typedUrl: server.url(path), intervalMinutes: 30, createdAt: new Date().toISOString() });
    updateFeedSettings(db, id, { fullText: false }); // the items' pages are not this test's business (and not local)
    return id;
  };
  const huge = subscribe('/huge.xml');
  const small = subscribe('/small.xml');
  const parse: PollParseFn = (bytes, opts, unchanged) => parseForIngestInWorker(bytes, opts, unchanged, { timeoutMs: 300 });

  const summary = await pollFeeds(store, { parse });
  assert.equal(summary.failed.length, 1, JSON.stringify(summary.failed));
  assert.equal(summary.failed[0]?.url, server.url('/huge.xml'));
  assert.equal(summary.failed[0]?.error, `The feed ${server.url('/huge.xml')} could not be parsed: it took longer than the 300 ms limit, so the parser was stopped. Footnote tries it again on the next poll; if it keeps failing, the feed is broken or hostile.`);
  const count = (feedId: number): number => (db.prepare('SELECT count(*) AS n FROM article WHERE feed_id = ?').get(feedId) as { n: number }).n;
  assert.equal(count(huge), 0);
  assert.equal(count(small), 3, 'the other feed of the same poll is stored');
  const state = db.prepare('SELECT status, last_error FROM feed WHERE id = ?').get(huge) as { status: string; last_error: string };
  assert.deepEqual([state.status, /took longer than the 300 ms limit/.test(state.last_error)], ['error', true]);

  const later = subscribe('/later.xml');
  assert.deepEqual((await pollFeeds(store, { parse, ids: [later] })).failed, [], 'a fresh worker parses the next feed');
  assert.equal(count(later), 2);
});

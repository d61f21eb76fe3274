// The extraction pool (articles/extract-pool.ts) in real polls: a page that makes Readability spin is cut off at
// its time limit and fails alone (its article keeps the feed's text, its full-text status says it was cut off, the
// other pages of the poll get their full text, the next poll completes); a worker killed in the middle of a page
// fails only that page and loses nothing committed (the SQLite file reopened and counted); a page over the memory
// limit fails alone; and the electron-vite bundle finds extract-worker.js beside its code.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openLibrary, type Db } from '../electron/store/sqlite/db.ts';
import { insertFeed } from '../electron/store/sqlite/feeds.ts';
import { pagesOf } from '../electron/store/sqlite/pages.ts';
import { SqliteStore } from '../electron/store/sqlite/sqlite-store.ts';
import { pollFeeds } from '../electron/poll/poller.ts';
import { ExtractPool } from '../electron/articles/extract-pool.ts';
import { rss2, serve, startFeedServer, type FeedServer } from './support/feed-server.ts';
import { tempDir } from './helpers.ts';
import { bundleLikeElectronVite } from './support/bundle.ts';

const root = join(import.meta.dirname, '..');
const HTML = 'text/html; charset=utf-8';

/** A plain article page: a headline and six paragraphs (~20 ms to read in a warm worker). */
const articlePage = (name: string): string => `<!doctype html><html lang="en"><head><title>${name}</title></head><body>`
  + `<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${name}</h1>`
  + Array.from({ length: 6 }, (_, k) => `<p>Paragraph ${k} of ${name}: the council met on Tuesday and agreed, after a long debate, to repair the old bridge before winter.</p>`).join('')
  + '</article></body></html>';

/** A hostile page: 28,000 elements, just under extract.ts's own cap of 30,000, so it gets past the cheap checks
 * and into Readability, which walks it for 3–7 s on this machine (its time grows with the element count). */
const spinningPage = (): string => '<!doctype html><html><body>'
  + Array.from({ length: 13_999 }, (_, i) => `<div><p>Paragraph ${i} with some words, commas, and more words here.</p></div>`).join('') + '</body></html>';

interface Setup { s: FeedServer; dir: string; db: Db; store: SqliteStore; feedUrl: string; setItems: (paths: string[]) => void }

/** A summaries-only feed whose article pages live on the same local server, in a new library. */
async function setup(t: TestContext, pages: Record<string, string>): Promise<Setup> {
  const s = await startFeedServer();
  t.after(() => s.close());
  for (const [path, body] of Object.entries(pages)) s.route(path, serve(body, HTML));
  const setItems = (paths: string[]): void => s.route('/feed.xml', serve(rss2('Summaries', paths.map((path) => ({
    guid: path, title: `Story ${path}`, link: s.url(path), description: `<p>Summary of ${path}, read more on the site.</p>`,
  })))));
  const dir = tempDir(t);
  const db = openLibrary(dir);
  t.after(() => db.open && db.close());
  const feedUrl = s.url('/feed.xml');
  insertFeed(db, { url: feedUrl, typedUrl: feedUrl, intervalMinutes: 30, createdAt: new Date().toISOString() });
  return { s, dir, db, store: new SqliteStore(db), feedUrl, setItems };
}

function articleOf(db: Db, link: string): { id: number; text: string; full_html: string | null } {
  const row = db.prepare('SELECT id, text, full_html FROM article WHERE link = ?').get(link) as { id: number; text: string; full_html: string | null } | undefined;
  assert.ok(row, `an article for ${link}`);
  return row;
}

function pool(t: TestContext, options: ConstructorParameters<typeof ExtractPool>[0]): ExtractPool {
  const p = new ExtractPool(options);
  t.after(() => p.close());
  return p;
}

test('a page that makes Readability spin is cut off at its limit and fails alone; the other pages get their full text, the next poll completes', { timeout: 120_000 }, async (t) => {
  const { s, db, store, setItems } = await setup(t, {
    '/calm-1': articlePage('Calm one'), '/spin': spinningPage(), '/calm-2': articlePage('Calm two'), '/calm-3': articlePage('Calm three'),
  });
  const extract = pool(t, { threads: 1, timeoutMs: 500 }).extract;
  setItems(['/calm-1', '/spin', '/calm-2']);

  const first = await pollFeeds(store, { extract });
  assert.deepEqual(first.failed, [], 'a page cut off never fails the poll');
  assert.equal(first.new, 3);

  const spin = articleOf(db, s.url('/spin'));
  assert.equal(spin.full_html, null, 'no full text from the page that was cut off');
  assert.match(spin.text, /Summary of \/spin, read more on the site\./, 'the article keeps its feed text');
  const state = await store.pages.state(spin.id);
  assert.equal(state?.status, 'failed');
  assert.equal(state?.reason, 'too-slow');
  assert.match(state?.message ?? '', /took longer than Footnote allows \(500 ms\), so it was cut off/);
  assert.ok(state?.nextRetryAt, 'tried again later, like other failures that waiting can cure');
  const [page] = pagesOf(db, spin.id);
  assert.match(page?.error ?? '', new RegExp(`Reading ${s.url('/spin').replace(/[.?]/g, '\\$&')} was cut off: it took longer than the 500 ms limit`), 'the error names the page');

  for (const path of ['/calm-1', '/calm-2']) {
    const calm = articleOf(db, s.url(path));
    assert.match(calm.full_html ?? '', /the council met on Tuesday/, `${path} got its full text`);
    assert.equal((await store.pages.state(calm.id))?.status, 'saved');
  }

  setItems(['/calm-1', '/spin', '/calm-2', '/calm-3']);
  const second = await pollFeeds(store, { extract });
  assert.deepEqual(second.failed, []);
  assert.equal(second.new, 1);
  assert.match(articleOf(db, s.url('/calm-3')).full_html ?? '', /Paragraph 5 of Calm three/, 'a fresh worker reads the next poll\'s page');
});

test('an extraction worker killed in the middle of a page fails only that page; nothing committed is lost and the next poll completes', { timeout: 120_000 }, async (t) => {
  const { s, dir, db, store, setItems } = await setup(t, {
    '/calm-1': articlePage('Calm one'), '/calm-2': articlePage('Calm two'), '/long': spinningPage(), '/calm-3': articlePage('Calm three'),
  });
  // A generous limit: this page is killed, not timed out.
  const extractPool = pool(t, { threads: 1, timeoutMs: 120_000 });
  const extract = extractPool.extract;
  setItems(['/calm-1', '/calm-2']);
  assert.deepEqual((await pollFeeds(store, { extract })).failed, []);
  const committed = db.prepare('SELECT id, text, full_html FROM article ORDER BY id').all();
  assert.equal(committed.length, 2);

  setItems(['/calm-1', '/calm-2', '/long']);
  const polling = pollFeeds(store, { extract });
  // The long page takes seconds to read: once it is running in the worker, kill that worker.
  while (extractPool.running === 0) await sleep(10);
  const [worker] = extractPool.threads;
  assert.ok(worker);
  await worker.terminate();
  const killed = await polling;
  assert.deepEqual(killed.failed, [], 'a dead worker fails the page, not the poll');

  const long = articleOf(db, s.url('/long'));
  assert.equal(long.full_html, null);
  assert.match(long.text, /Summary of \/long/);
  const state = await store.pages.state(long.id);
  assert.deepEqual([state?.status, state?.reason], ['failed', 'error']);
  assert.match(state?.message ?? '', /page reader stopped unexpectedly while reading this page; Footnote will try again later/);
  assert.match(pagesOf(db, long.id)[0]?.error ?? '', /Reading .*\/long failed: its worker stopped unexpectedly \(worker exited with code/, 'the page\'s error names the page and what happened');

  setItems(['/calm-1', '/calm-2', '/long', '/calm-3']);
  const next = await pollFeeds(store, { extract });
  assert.deepEqual(next.failed, []);
  assert.equal(next.new, 1);

  // The file itself, reopened: the first poll's rows exactly as committed, and the rest of what came after.
  db.close();
  const reopened = openLibrary(dir);
  t.after(() => reopened.close());
  const rows = reopened.prepare('SELECT id, text, full_html FROM article ORDER BY id').all() as { full_html: string | null }[];
  assert.equal(rows.length, 4);
  assert.deepEqual(rows.slice(0, 2), committed);
  assert.deepEqual(rows.map((r) => r.full_html !== null), [true, true, false, true]);
});

test('a page over the worker\'s memory limit fails alone with its reason; the next page gets a fresh worker', { timeout: 120_000 }, async (t) => {
  const { s, db, store, setItems } = await setup(t, { '/huge': spinningPage(), '/calm': articlePage('Calm') });
  // 48 MB holds Readability, linkedom and jsdom and a real page, not the DOM of 28,000 elements.
  const extract = pool(t, { threads: 1, timeoutMs: 120_000, maxMemoryMb: 48 }).extract;
  setItems(['/huge', '/calm']);
  assert.deepEqual((await pollFeeds(store, { extract })).failed, []);
  const huge = articleOf(db, s.url('/huge'));
  const state = await store.pages.state(huge.id);
  assert.deepEqual([state?.status, state?.reason], ['failed', 'too-large']);
  assert.match(state?.message ?? '', /needed more memory than Footnote allows/);
  assert.match(articleOf(db, s.url('/calm')).full_html ?? '', /Paragraph 5 of Calm/);
});

test('bundled as electron-vite does, the code finds extract-worker.js beside it', { timeout: 60_000 }, async (t) => {
  const index = await bundleLikeElectronVite(t, `import { readFileSync } from 'node:fs';
    import { extractInPool, stopExtractPool } from ${JSON.stringify(join(root, 'electron', 'articles', 'extract-pool.ts'))};
    const article = await extractInPool(readFileSync(process.argv[2], 'utf8'), 'https://news.example/uk/flood');
    await stopExtractPool();
    console.log(JSON.stringify({ title: article.title }));`, { 'extract-worker': join(root, 'electron', 'articles', 'extract-worker.ts') });
  const fixture = join(root, 'test', 'fixtures', 'pages', 'news-article.html');
  const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [index, fixture], { encoding: 'utf8' }, (err, stdout, stderr) => resolve({ code: err ? (err.code as number) : 0, stdout, stderr }));
  });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { title: 'Flood defences fail as river reaches record height' });
  assert.ok(readFileSync(index, 'utf8').includes('extract-worker.js'), 'the bundled code names the bundled worker');
});

// Full text that says what happened: each try's outcome is stored per article (saved / failed with the reason in
// words / blocked by a wall), a failure that waiting can cure is tried again on later polls after 15 min, 1 h,
// 6 h and 24 h, then no more; a wall is never retried on its own; the user's Retry (API) tries at once. All
// against a real library (SQLite, and a team library on PostgreSQL) and article pages on a real 127.0.0.1 server.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { openLibrary } from '../electron/store/sqlite/db.ts';
import { insertFeed } from '../electron/store/sqlite/feeds.ts';
import { fullTextState } from '../electron/store/sqlite/pages.ts';
import type { Store } from '../electron/store/store.ts';
import { pollFeeds } from '../electron/poll/poller.ts';
import { fillFullText } from '../electron/poll/fulltext.ts';
import { RETRY_DELAYS_MINUTES } from '../electron/poll/fulltext-retry.ts';
import { invoke } from '../electron/api/methods.ts';
import { createContext, openContext, type EngineContext } from '../electron/engine/context.ts';
import type { FullTextState } from '../electron/store/records.ts';
import { rss2, serve, startFeedServer, type FeedServer, type Handler } from './support/feed-server.ts';
import { postgresForFile } from './support/postgres.ts';
import { tempDir } from './helpers.ts';
import { libraryAtSchema } from './support/library-fixture.ts';

const server = postgresForFile();

/** Where the library lives: a new local library, or a new team library on this file's server. */
const engines: { name: string; url(t: TestContext): Promise<string | undefined> }[] = [
  { name: 'SQLite', url: async () => undefined },
  { name: 'PostgreSQL', url: async (t) => (await server().database(t)).url },
];

const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url));
const HTML = 'text/html; charset=utf-8';
const MINUTE = 60_000;

/** A summaries-only feed whose one article lives at /story on the same server, served by `page`, in a new library
 * (the team library at `databaseUrl` when given). */
async function oneStoryFeed(t: TestContext, page: Handler, databaseUrl?: string): Promise<{ s: FeedServer; ctx: EngineContext<Store>; store: Store; feedId: number }> {
  const s = await startFeedServer();
  t.after(() => s.close());
  s.route('/story', page);
  s.route('/feed.xml', serve(rss2('Summaries', [{ guid: 'story', title: 'Story', link: s.url('/story'), description: '<p>A one-line summary.</p>' }])));
  const ctx = databaseUrl ? openContext(tempDir(t), { databaseUrl, analyst: 'Tester' }) : createContext(tempDir(t));
  t.after(() => ctx.store.close());
  const url = s.url('/feed.xml');
  const added = await ctx.store.feeds.add({ url, typedUrl: url, title: null, siteUrl: null, folder: null, intervalMinutes: 30, createdAt: new Date().toISOString() });
  assert.ok(added.added);
  return { s, ctx, store: ctx.store, feedId: added.id };
}

async function storyId(store: Store): Promise<number> {
  return (await store.articles.list({ view: 'all' }, 0, 1)).items[0]?.id as number;
}

/** Serves 500 until `fixed.ok` is set, then the article. */
function failsUntilFixed(body: Buffer): { handler: Handler; fixed: { ok: boolean } } {
  const fixed = { ok: false };
  const ok = serve(body, HTML);
  return { fixed, handler: (req, res) => (fixed.ok ? ok(req, res) : res.writeHead(500, { 'content-type': 'text/plain' }).end('broken')) };
}

for (const engine of engines) {
  test(`${engine.name}: a page that fails with HTTP 500 is stored as failed with the reason in words; Retry by API saves it`, async (t) => {
    const { fixed, handler } = failsUntilFixed(fixture('news-article.html'));
    const { s, ctx, store } = await oneStoryFeed(t, handler, await engine.url(t));
    const before = Date.now();
    assert.deepEqual((await pollFeeds(store)).failed, [], 'a full-text failure never fails the poll');
    const id = await storyId(store);

    const failed = await store.pages.state(id);
    assert.equal(failed?.status, 'failed');
    assert.equal(failed?.reason, 'http-status');
    assert.match(failed?.message ?? '', /The site had an error \(HTTP 500\); Footnote will try again later\./);
    assert.equal(failed?.attempts, 1);
    const wait = Date.parse(failed?.nextRetryAt ?? '') - before;
    assert.ok(wait >= 15 * MINUTE && wait < 16 * MINUTE, `first automatic retry in 15 minutes, not ${wait} ms`);

    assert.deepEqual(await invoke(ctx, 'articles.fullTextStatus', { id }), failed);
    // Still broken: Retry answers with the failure (not an error) and counts the try.
    const again = await invoke(ctx, 'articles.retryFullText', { id }) as FullTextState;
    assert.equal(again.status, 'failed');
    assert.equal(again.attempts, 2);
    fixed.ok = true;
    const saved = await invoke(ctx, 'articles.retryFullText', { id }) as FullTextState;
    assert.deepEqual({ status: saved.status, reason: saved.reason, message: saved.message, nextRetryAt: saved.nextRetryAt }, { status: 'saved', reason: null, message: null, nextRetryAt: null });
    assert.deepEqual(await invoke(ctx, 'articles.fullTextStatus', { id }), saved);
    const row = await store.pages.fullText(id);
    assert.ok(row?.text?.startsWith('Flood defences along the River Severn'), 'the retried page\'s text is the article\'s');
    assert.ok(row?.html?.includes('<p>Flood defences along'));
    assert.equal(s.requestsTo('/story').length, 3);
    await assert.rejects(invoke(ctx, 'articles.retryFullText', { id: 999 }), /There is no article 999/);
  });

  test(`${engine.name}: polls retry a failure when it is due, after 15 min, 1 h, 6 h and 24 h, then stop; a success ends the retries`, async (t) => {
    const { fixed, handler } = failsUntilFixed(fixture('news-article.html'));
    const { s, store, feedId } = await oneStoryFeed(t, handler, await engine.url(t));
    let clock = Date.parse('2026-03-01T08:00:00Z');
    const now = (): Date => new Date(clock);
    await pollFeeds(store, { now });
    const id = await storyId(store);
    const tries = (): number => s.requestsTo('/story').length;
    assert.equal(tries(), 1);

    for (const [i, minutes] of RETRY_DELAYS_MINUTES.entries()) {
      const state = await store.pages.state(id);
      assert.equal(state?.attempts, i + 1);
      assert.equal(state?.nextRetryAt, new Date(clock + minutes * MINUTE).toISOString(), `try ${i + 1} waits ${minutes} minutes`);
      clock += minutes * MINUTE - MINUTE;
      await fillFullText(store, feedId, [], { now });
      assert.equal(tries(), i + 1, 'not before it is due');
      clock += MINUTE;
      await fillFullText(store, feedId, [], { now });
      assert.equal(tries(), i + 2, 'tried again once due');
    }
    const gaveUp = await store.pages.state(id);
    assert.equal(gaveUp?.status, 'failed');
    assert.equal(gaveUp?.attempts, 5);
    assert.equal(gaveUp?.nextRetryAt, null, 'after five tries the poller stops; the user can still Retry');
    clock += 7 * 24 * 60 * MINUTE;
    await fillFullText(store, feedId, [], { now });
    assert.equal(tries(), 5);

    // A full poll (the feed unchanged) retries a due failure too, and a success clears the schedule. The failure is
    // made due by recording one more failed fetch through the store, as the fetcher would.
    await store.pages.record({ articleId: id, url: s.url('/story'), finalUrl: null, fetchedAt: new Date(clock - 2 * MINUTE).toISOString(), status: 500, contentType: null, bytes: null, error: 'HTTP 500' },
      null, [], { ...gaveUp as FullTextState, attempts: 1, nextRetryAt: new Date(clock - MINUTE).toISOString() });
    fixed.ok = true;
    await pollFeeds(store, { now });
    assert.equal(tries(), 6);
    assert.deepEqual({ ...await store.pages.state(id), triedAt: null }, { articleId: id, status: 'saved', reason: null, message: null, attempts: 1, triedAt: null, nextRetryAt: null });
  });

  test(`${engine.name}: a consent wall is stored as blocked, in words, and is not retried on its own`, async (t) => {
    const { s, store, feedId } = await oneStoryFeed(t, serve(fixture('consent-google.html'), HTML), await engine.url(t));
    let clock = Date.now();
    const now = (): Date => new Date(clock);
    await pollFeeds(store, { now });
    const id = await storyId(store);
    const state = await store.pages.state(id);
    assert.equal(state?.status, 'blocked');
    assert.equal(state?.reason, 'consent');
    assert.match(state?.message ?? '', /^A consent wall stands before the article \(.+\)\. Open it in a browser to accept or refuse, then try again\.$/);
    assert.equal(state?.nextRetryAt, null);
    for (const hours of [1, 7, 25, 49]) {
      clock += hours * 60 * MINUTE;
      await fillFullText(store, feedId, [], { now });
    }
    assert.equal(s.requestsTo('/story').length, 1, 'no automatic retry of a wall');
    assert.equal((await store.pages.fullText(id))?.html, null, 'the wall\'s text is not saved as the article');
  });

  test(`${engine.name}: a page whose og:image Readability drops is saved with that image at the top`, async (t) => {
    const { store } = await oneStoryFeed(t, serve(fixture('lead-og-image.html'), HTML), await engine.url(t));
    await pollFeeds(store);
    const id = await storyId(store);
    assert.equal((await store.pages.state(id))?.status, 'saved');
    const html = (await store.pages.fullText(id))?.html ?? '';
    assert.match(html, /^<figure>/, 'the saved copy begins with the lead image');
    const first = new JSDOM(html).window.document.body.firstElementChild;
    assert.equal(first?.querySelector('img')?.getAttribute('data-src'), 'https://cdn.coast.example/photos/2024/05/ferry-harbour-1200x630.jpg');
    assert.equal(first?.querySelector('img')?.getAttribute('alt'), 'The morning ferry leaving the harbour');
  });
}

test('a library from before schema 7 starts from each article\'s latest page: saved, or failed with its error, not retried on its own', (t) => {
  const dir = tempDir(t);
  // A library as schema 6 left it (the schema files up to 6, then nothing newer).
  const old = libraryAtSchema(dir, 6);
  const feedId = insertFeed(old, { url: 'https://old.example/feed', typedUrl: 'https://old.example/feed', intervalMinutes: 30, createdAt: '2026-01-01T00:00:00Z' });
  const add = (n: number): number => Number(old.prepare(`INSERT INTO article (feed_id, link, title_date_hash, title, text, raw, content_hash, first_seen_at, last_seen_at)
    VALUES (?, ?, ?, 'Old', 'summary', '{}', 'c', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`).run(feedId, `https://old.example/${n}`, `h${n}`).lastInsertRowid);
  const page = old.prepare('INSERT INTO page (article_id, url, fetched_at, error) VALUES (?, ?, ?, ?)');
  const [saved, failed, never] = [add(1), add(2), add(3)];
  page.run(saved, 'https://old.example/1', '2026-01-02T00:00:00Z', 'Full text of "old.example/1" could not be fetched: timed out');
  page.run(saved, 'https://old.example/1', '2026-01-03T00:00:00Z', null);
  page.run(failed, 'https://old.example/2', '2026-01-04T00:00:00Z', 'Full text of "old.example/2" could not be fetched: Nothing was found at this address (HTTP 404)');
  old.close();

  const db = openLibrary(dir);
  t.after(() => db.close());
  assert.deepEqual(fullTextState(db, saved), { articleId: saved, status: 'saved', reason: null, message: null, attempts: 1, triedAt: '2026-01-03T00:00:00Z', nextRetryAt: null });
  assert.deepEqual(fullTextState(db, failed), { articleId: failed, status: 'failed', reason: 'error', attempts: 1, triedAt: '2026-01-04T00:00:00Z', nextRetryAt: null,
    message: 'Full text of "old.example/2" could not be fetched: Nothing was found at this address (HTTP 404)' });
  assert.equal(fullTextState(db, never), undefined);
});

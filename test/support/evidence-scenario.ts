// Issue 13's scenario: a local server serves a feed and its pages, then edits one article's text, adds a footnote
// label to another, deletes a third (404) and changes only an ad on a fourth (a fifth drops out of the feed but
// stays online); two polls and a re-check run over it. Shared by the history and CLI tests; through the Store
// interface only, so that it runs on a team library too.
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createContext, openContext, type EngineContext } from '../../electron/engine/context.ts';
import type { SqliteStore } from '../../electron/store/sqlite/sqlite-store.ts';
import type { Store } from '../../electron/store/store.ts';
import { invoke } from '../../electron/api/methods.ts';
import { pollFeeds } from '../../electron/poll/poller.ts';
import { recheckArticles } from '../../electron/poll/recheck.ts';
import { startFeedServer, serve, rss2, type FeedServer, type FixtureItem } from './feed-server.ts';
import { tempDir } from '../helpers.ts';

export const T0 = new Date('2026-11-25T08:00:00Z');
export const T1 = new Date(T0.getTime() + 3_600_000);
export const T2 = new Date(T0.getTime() + 2 * 3_600_000);
const limits = { timeoutMs: 10_000, idleTimeoutMs: 10_000 };

export const base = {
  edit: ['Officials met in Doha on Monday to discuss the ceasefire.', 'The talks lasted four hours and ended without a statement.'],
  label: ['Meta said on Tuesday that it would appeal the ruling.', 'The company has until Friday to file its appeal.'],
  gone: ['A reporter filmed the convoy near the border at dawn.', 'The footage was shared widely before noon.'],
  ad: ['The central bank kept its key rate at sixteen percent.', 'Analysts had expected a cut of half a point.'],
  dropped: ['The festival opened with a film about the northern coast.', 'Tickets sold out within an hour of going on sale.'],
};
export const edited = ['Officials met in Doha on Monday to discuss the fragile ceasefire.', 'The talks lasted four hours and ended without a statement.'];
export const labelled = ['Meta* said on Tuesday that it would appeal the ruling.', 'The company has until Friday to file its appeal.', '*Meta is recognised as an extremist organisation and banned in Russia.'];
const ad = (copy: string): string[] => [...base.ad, 'Advertisement', copy];

const html = (paragraphs: string[]): string => paragraphs.map((p) => `<p>${p}</p>`).join('');
const page = (title: string, paragraphs: string[]): string =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav><article>${html(paragraphs)}</article></body></html>`;

export interface Scenario<S extends Store = SqliteStore> { ctx: EngineContext<S>; s: FeedServer; ids: Record<keyof typeof base, number> }

/** A new local library (default), or the team library at `databaseUrl`. */
function openLibrary(t: TestContext, databaseUrl?: string): EngineContext<Store> {
  return databaseUrl ? openContext(tempDir(t), { databaseUrl, analyst: 'Tester' }) : createContext(tempDir(t));
}

/** The library after the first poll, the edits on the server, the second poll and the re-check. */
export async function runScenario(t: TestContext): Promise<Scenario>;
export async function runScenario(t: TestContext, databaseUrl: string | undefined): Promise<Scenario<Store>>;
export async function runScenario(t: TestContext, databaseUrl?: string): Promise<Scenario<Store>> {
  const s = await startFeedServer({});
  t.after(() => s.close());
  const ctx = openLibrary(t, databaseUrl);
  t.after(() => ctx.store.close());
  const item = (key: keyof typeof base, paragraphs: string[]): FixtureItem => ({ guid: key, title: `Story ${key}`, link: s.url(`/news/world/${key}`), description: html(paragraphs), pubDate: T0.toUTCString() });
  const serveAll = (texts: Record<keyof typeof base, string[]>, inFeed: (keyof typeof base)[]): void => {
    s.route('/feed.xml', serve(rss2('World', inFeed.map((k) => item(k, texts[k])))));
    for (const k of Object.keys(texts) as (keyof typeof base)[]) s.route(`/news/world/${k}`, serve(page(`Story ${k} | World`, texts[k]), 'text/html; charset=utf-8'));
  };
  serveAll({ ...base, ad: ad('Buy cheap watches today') }, ['edit', 'label', 'gone', 'ad', 'dropped']);
  const feed = await ctx.store.feeds.add({ url: s.url('/feed.xml'), typedUrl: s.url('/feed.xml'), title: null, siteUrl: null, folder: null, intervalMinutes: 30, createdAt: T0.toISOString() });
  assert.ok(feed.added);
  await ctx.store.feeds.update(feed.id, { fullText: false });
  const first = await pollFeeds(ctx.store, { fetch: limits, now: () => T0 });
  assert.equal(first.new, 5);

  // Rules on the new conditions: they tag at ingest, like any rule.
  await invoke(ctx, 'rules.add', { query: 'is:edited', tag: 'edited' });
  await invoke(ctx, 'rules.add', { query: 'label-changed:added', tag: 'footnote-added' });
  serveAll({ edit: edited, label: labelled, gone: base.gone, ad: ad('Try the new casino tonight'), dropped: base.dropped }, ['edit', 'label', 'gone', 'ad']);
  s.route('/news/world/gone', serve('<html><head><title>Not found</title></head><body>Page not found</body></html>', 'text/html', { status: 404 }));
  const second = await pollFeeds(ctx.store, { fetch: limits, now: () => T1 });
  assert.equal(second.updated, 3, 'three items changed in the feed (text, label, ad)');
  const recheck = await recheckArticles(ctx.store, { fetch: limits, now: () => T2, concurrency: 1 });
  assert.deepEqual(recheck, { checked: 5, edited: 0, deleted: 1, failed: [] });

  const rows = (await ctx.store.articles.list({ view: 'all' }, 0, 10)).items;
  const ids = Object.fromEntries(rows.map((r) => [r.link?.split('/').pop(), r.id])) as Record<keyof typeof base, number>;
  return { ctx, s, ids };
}


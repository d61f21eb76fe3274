// Unread counts agree between the list and the sidebar (issue 12: a user saw them disagree): for the whole library,
// each feed and each folder, the sidebar's unread count is the list's unread total, after reading by hand, after
// "mark all read" on one feed, and with labelled and duplicate-titled articles in the mix. Articles are ingested
// from real feed objects into a real SQLite library, as a poll stores them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invoke } from '../electron/api/methods.ts';
import { createContext } from '../electron/engine/context.ts';
import type { FeedObject } from '../electron/model.ts';
import type { ListItem, SidebarCounts } from '../electron/store/records.ts';
import { tempDir } from './helpers.ts';

function feed(prefix: string, n: number): FeedObject {
  return {
    title: prefix, link: `https://${prefix}.example.org/`, description: null, language: 'en',
    items: Array.from({ length: n }, (_, i) => ({
      id: `${prefix}-${i}`, title: i % 4 === 0 ? 'Same title' : `${prefix} story ${i}`, link: `https://${prefix}.example.org/${i}`,
      published: `2021-08-${String(10 + (i % 9)).padStart(2, '0')}T10:00:00.000Z`, updated: null, author: null,
      summary: i % 3 === 0 ? '<p>Taliban* fighters advanced.</p><p>*The Taliban is a terrorist group banned in Russia.</p>' : `<p>Story ${i}.</p>`,
      content: null, categories: [],
    })),
  };
}

test('the sidebar\'s unread counts equal the list\'s unread totals, per library, feed and folder', async (t) => {
  const ctx = createContext(tempDir(t));
  t.after(() => ctx.store.close());
  const call = <T>(name: string, args: unknown): Promise<T> => invoke(ctx, name, args) as Promise<T>;
  const ids: number[] = [];
  for (const [name, folder, n] of [['alpha', 'News', 12], ['beta', 'News', 7], ['gamma', null, 9]] as const) {
    const added = await ctx.store.feeds.add({ url: `https://${name}.example.org/feed.xml`, typedUrl: `https://${name}.example.org/feed.xml`, title: name, siteUrl: null, folder, intervalMinutes: 60, createdAt: '2021-08-20T00:00:00.000Z' });
    assert.ok(added.added);
    ids.push(added.id);
    await ctx.store.articles.ingest(added.id, feed(name, n), { enrichers: ctx.enrichers, now: '2021-08-20T00:00:00.000Z' });
  }

  const agree = async (when: string): Promise<void> => {
    const counts = await call<SidebarCounts>('sidebar.counts', {});
    const unread = async (f: Record<string, unknown>): Promise<number> => (await call<{ total: number; items: ListItem[] }>('articles.list', { view: 'unread', ...f, limit: 1 })).total;
    assert.equal(counts.unread, await unread({}), `${when}: library`);
    for (const f of counts.feeds) assert.equal(f.unread, await unread({ feedId: f.id }), `${when}: feed ${f.title}`);
    for (const f of counts.folders) assert.equal(f.unread, await unread({ folder: f.name }), `${when}: folder ${f.name}`);
    assert.equal(counts.feeds.reduce((a, f) => a + f.unread, 0), counts.unread, `${when}: the feeds add up to the library`);
  };

  await agree('after the first poll');
  const first = await call<{ items: ListItem[] }>('articles.list', { view: 'all', feedId: ids[0], limit: 5 });
  await call('articles.mark', { ids: first.items.map((i) => i.id), read: true });
  await agree('after reading five');
  await call('articles.markAll', { view: 'unread', feedId: ids[1] });
  await agree('after marking one feed read');
  const counts = await call<SidebarCounts>('sidebar.counts', {});
  assert.equal(counts.unread, 12 + 7 + 9 - 5 - 7, 'the counts are the articles left unread');
});

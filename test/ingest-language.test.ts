// Each article's language is told from its own text at ingest: a feed that declares <language>en but carries
// Russian articles stores them as ru, so lang:ru finds them and lang:en does not; the list returns and filters
// by it. A real feed on 127.0.0.1, a real library, through the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invoke } from '../electron/api/methods.ts';
import { createContext } from '../electron/engine/context.ts';
import type { ListItem, SearchResult } from '../electron/store/records.ts';
import { rss2, serve, startFeedServer } from './support/feed-server.ts';
import { tempDir } from './helpers.ts';

test('a feed declaring <language>en with Cyrillic articles: lang:ru finds them, lang:en does not', async (t) => {
  const s = await startFeedServer();
  t.after(() => s.close());
  s.route('/feed.xml', serve(rss2('Sputnik', [
    { guid: 'r1', title: 'США закрыли воздушное пространство', link: s.url('/r1'),
      description: '<p>Министерство обороны заявило, что воздушное пространство над регионом будет закрыто до конца недели.</p>' },
    { guid: 'r2', title: 'Санкции против банков', link: s.url('/r2'),
      description: '<p>Европейский союз объявил о новых санкциях против крупнейших российских банков и их руководителей.</p>' },
    { guid: 'e1', title: 'Airspace closed', link: s.url('/e1'),
      description: '<p>The defence ministry said the airspace over the region would stay closed until the end of the week.</p>' },
    // Too short to tell: the feed's declaration decides.
    { guid: 's1', title: 'Ok', link: s.url('/s1'), description: '<p>Ok.</p>' },
  ], '<language>en</language>')));
  const ctx = createContext(tempDir(t));
  t.after(() => ctx.store.close());
  const added = (await invoke(ctx, 'feeds.add', { url: s.url('/feed.xml') })) as { feed: { id: number } };
  await invoke(ctx, 'feeds.update', { id: added.feed.id, fullText: false });
  await invoke(ctx, 'feeds.poll', {});

  const titles = async (q: string): Promise<string[]> => ((await invoke(ctx, 'search.query', { q, limit: 100 })) as SearchResult).hits.map((h) => h.title ?? '').sort();
  assert.deepEqual(await titles('lang:ru'), ['США закрыли воздушное пространство', 'Санкции против банков']);
  assert.deepEqual(await titles('lang:en'), ['Airspace closed', 'Ok']);
  assert.deepEqual(await titles('lang:ru санкции'), ['Санкции против банков']);

  const list = (await invoke(ctx, 'articles.list', { view: 'all' })) as { items: ListItem[] };
  assert.deepEqual(list.items.map((i) => [i.title, i.lang]).sort(), [
    ['Airspace closed', 'en'], ['Ok', 'en'], ['США закрыли воздушное пространство', 'ru'], ['Санкции против банков', 'ru'],
  ]);
  const russian = (await invoke(ctx, 'articles.list', { view: 'all', lang: 'ru' })) as { total: number; items: ListItem[] };
  assert.equal(russian.total, 2);
  assert.ok(russian.items.every((i) => i.lang === 'ru'));
  const first = list.items.find((i) => i.lang === 'ru');
  assert.equal(((await invoke(ctx, 'articles.get', { id: first?.id ?? 0 })) as { lang: string | null }).lang, 'ru');
});

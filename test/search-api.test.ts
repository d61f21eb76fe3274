// The search and tag methods through invoke(), as the window, web mode and the CLI call them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invoke, ApiError } from '../electron/api/methods.ts';
import { createContext } from '../electron/engine/context.ts';
import type { AppEvent } from '../electron/events.ts';
import { loadCorpus } from './fixtures/corpus/load.ts';
import { tempDir } from './helpers.ts';

test('search, tags, rules, saved searches and exports through the API', async (t) => {
  const ctx = createContext(tempDir(t));
  t.after(() => ctx.store.close());
  loadCorpus(ctx.store.db);
  const call = (name: string, args: unknown): Promise<unknown> => invoke(ctx, name, args);

  const found = (await call('search.query', { q: 'санкции', sort: 'date' })) as { total: number; hits: { id: number }[]; warnings: string[] };
  assert.deepEqual(found.hits.map((h) => h.id), [7, 5]);
  await assert.rejects(call('search.query', { q: 'kabul AND' }), (e: Error) => e instanceof ApiError && e.code === 'bad_request' && /position 10/.test(e.message));
  await assert.rejects(call('search.query', { q: 'x', limit: 0 }), (e: Error) => e instanceof ApiError && e.code === 'bad_request');

  const events: AppEvent[] = [];
  ctx.events.on((e) => events.push(e));
  const rule = (await call('rules.add', { query: 'kabul OR кабул OR كابل', tag: 'Afghanistan', apply: true })) as { id: number; count: number };
  assert.equal(rule.count, 4);
  assert.deepEqual(events.at(-1), { type: 'progress', task: 'rules.apply', done: 4, total: 4 });

  assert.deepEqual(await call('tags.apply', { tag: 'Sanctions', query: 'sanctions OR санкции' }), { tag: 'Sanctions', matched: 6, applied: 6 });
  assert.deepEqual(await call('tags.remove', { tag: 'sanctions', ids: [1] }), { tag: 'Sanctions', removed: 1 });
  await assert.rejects(call('tags.apply', { tag: 'x', ids: [1], query: 'y' }), /give either ids or query/);
  await call('tags.merge', { from: ['Sanctions'], into: 'Afghanistan' });
  await call('tags.rename', { tag: 'Afghanistan', name: 'Topics' });
  await call('tags.color', { tag: 'topics', color: '#336699' });
  const tags = (await call('tags.list', {})) as { name: string; color: string; count: number }[];
  assert.deepEqual(tags.map((x) => [x.name, x.color, x.count]), [['Topics', '#336699', 9]]);
  assert.deepEqual(((await call('rules.list', {})) as { tag: string }[]).map((r) => r.tag), ['Topics']);
  await assert.rejects(call('rules.remove', { id: 99 }), (e: Error) => e instanceof ApiError && e.code === 'not_found');

  await call('searches.save', { name: 'Kabul', query: 'kabul OR кабул' });
  assert.deepEqual(((await call('searches.list', {})) as { name: string; count: number }[]).map((s) => [s.name, s.count]), [['Kabul', 3]]);

  const csv = (await call('export.run', { format: 'csv', query: 'tag:topics' })) as { content: string; count: number; mime: string };
  assert.equal(csv.count, 9);
  assert.ok(csv.content.startsWith('\uFEFFdate,outlet,title,URL,tags,labels,snippet\r\n'));
  const chart = (await call('search.volumeExport', { q: 'taliban', interval: 'week', format: 'svg' })) as { content: string; mime: string };
  assert.equal(chart.mime, 'image/svg+xml');
  const series = (await call('search.volume', { q: 'tag:topics', interval: 'week', split: 'tag' })) as { series: { key: string; total: number }[] };
  assert.deepEqual(series.series.map((s) => [s.key, s.total]), [['Topics', 9]]);
  const country = (await call('search.query', { q: 'country:ru sanctions' })) as { hits: { id: number }[] };
  assert.deepEqual(country.hits.map((h) => h.id).sort((a, b) => a - b), [3, 4, 15], 'the outlet registry knows TASS as Russian');
});

// Volume over time split by the outlet registry, through the API on a real library: articles of two registry
// outlets (one known by its article URLs, one by its feed's site) and of an unknown outlet, summed per week.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { invoke } from '../electron/api/methods.ts';
import { createContext } from '../electron/engine/context.ts';
import type { VolumeData } from '../electron/store/records.ts';
import { volume } from '../electron/store/sqlite/search/volume.ts';
import { MAX_SERIES, OTHER, UNKNOWN_OUTLET } from '../electron/store/volume-series.ts';
import { openLibrary } from '../electron/store/sqlite/db.ts';
import { tempDir } from './helpers.ts';

function library(t: TestContext): (name: string, args: unknown) => Promise<unknown> {
  const ctx = createContext(tempDir(t));
  t.after(() => ctx.store.close());
  const db = ctx.store.db;
  const feed = db.prepare(`INSERT INTO feed (id, url, typed_url, site_url, title, created_at) VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00Z')`);
  // An aggregator whose items link to TASS and to an unknown site: its title must never become a series.
  feed.run(1, 'https://aggregator.example/rss', 'https://aggregator.example/rss', 'https://aggregator.example/', 'World Wire');
  // RIA Novosti's own feed, whose items link to a short-link host: the feed's site names the outlet.
  feed.run(2, 'https://ria.ru/export/rss2/index.xml', 'https://ria.ru/export/rss2/index.xml', 'https://ria.ru/', 'РИА Новости');
  const article = db.prepare(`INSERT INTO article (id, feed_id, guid, link, canonical_link, title_date_hash, title, text,
      published_at, raw, content_hash, first_seen_at, last_seen_at)
    VALUES (@id, @feed, @link, @link, @link, 'h' || @id, 'Grain deal', 'Talks on the grain deal.', @at, '{}', 'c' || @id, @at, @at)`);
  const rows: [number, number, string, string][] = [
    // Week of Monday 2026-11-02.
    [1, 1, 'https://tass.com/economy/1', '2026-11-02T08:00:00Z'],
    [2, 1, 'https://tass.com/economy/2', '2026-11-08T23:00:00Z'], // Sunday: still the first week
    [3, 2, 'https://rsse.example/a3', '2026-11-04T10:00:00Z'],
    [4, 1, 'https://unknown.example/4', '2026-11-05T10:00:00Z'],
    // Week of 2026-11-09: nothing. Week of 2026-11-16.
    [5, 1, 'https://www.tass.ru/ekonomika/5', '2026-11-16T00:30:00Z'], // Monday: the third week
    [6, 2, 'https://rsse.example/a6', '2026-11-18T10:00:00Z'],
    [7, 2, 'https://rsse.example/a7', '2026-11-19T10:00:00Z'],
    [8, 1, 'https://unknown.example/8', '2026-11-22T10:00:00Z'],
    [9, 1, 'https://unknown.example/9', '2026-11-20T10:00:00Z'],
  ];
  db.transaction(() => {
    for (const [id, f, link, at] of rows) article.run({ id, feed: f, link, at });
  })();
  return (name, args) => invoke(ctx, name, args);
}

test('volume split by outlet names the registry outlets and puts the rest under "Other / unknown outlet"', async (t) => {
  const call = library(t);
  const data = (await call('search.volume', { q: 'grain', interval: 'week', split: 'outlet' })) as VolumeData;
  assert.equal(data.total, 9);
  assert.deepEqual(data.periods, ['2026-11-02', '2026-11-09', '2026-11-16']);
  assert.deepEqual(data.series, [
    { key: 'RIA Novosti', counts: [1, 0, 2], total: 3 },
    { key: 'TASS', counts: [2, 0, 1], total: 3 },
    { key: 'Other / unknown outlet', counts: [1, 0, 2], total: 3 },
  ]);
  const weekSums = data.periods.map((_, i) => data.series.reduce((sum, s) => sum + (s.counts[i] ?? 0), 0));
  assert.deepEqual(weekSums, [4, 0, 5], 'each week\'s bars add up to the articles of that week');

  const days = (await call('search.volume', { q: 'grain', interval: 'day' })) as VolumeData;
  assert.equal(days.periods.length, 21, 'every day from 2 to 22 November, empty ones as zero');
  assert.equal(days.series[0]?.counts.reduce((a, b) => a + b, 0), 9);

  const csv = (await call('search.volumeExport', { q: 'grain', interval: 'week', split: 'outlet', format: 'csv' })) as { content: string; mime: string };
  assert.equal(csv.content, '\uFEFFperiod,RIA Novosti,TASS,Other / unknown outlet\r\n2026-11-02,1,2,1\r\n2026-11-09,0,0,0\r\n2026-11-16,2,1,2\r\n');
});

test('the exported chart is stacked bars per week with a legend of outlets; lines only when asked', async (t) => {
  const call = library(t);
  const args = { q: 'grain', interval: 'week', split: 'outlet', format: 'svg' };
  const bars = ((await call('search.volumeExport', args)) as { content: string; mime: string; filename: string });
  assert.equal(bars.mime, 'image/svg+xml');
  assert.match(bars.filename, /^footnote-volume-\d{4}-\d{2}-\d{2}\.svg$/);
  const svg = bars.content;
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.ok(!/<script|<foreignObject|href="http/i.test(svg), 'the file is self-contained and runs nothing');
  for (const name of ['RIA Novosti (3)', 'TASS (3)', 'Other / unknown outlet (3)']) assert.ok(svg.includes(`>${name}</text>`), name);
  assert.ok(!svg.includes('World Wire') && !svg.includes('РИА Новости'), 'no feed title stands in for an outlet');
  // One bar per series and week with articles (ECharts also draws an empty bar where a series has none).
  const barPaths = svg.match(/<path d="M[^"]*Z" fill="#[0-9a-f]{6}" ecmeta_series_index="\d" ecmeta_data_index="\d" ecmeta_ssr_type="chart"/g) ?? [];
  assert.equal(barPaths.length, 9, 'three series × three weeks');
  assert.ok(svg.includes('>2026-11-02</text>') && svg.includes('>2026-11-16</text>'));

  // A long query is cut in the title (ECharts measures text in Node only roughly, so the engine cuts it first).
  const long = `grain OR ${'wheat '.repeat(30).trim()}`;
  const titled = ((await call('search.volumeExport', { ...args, q: long })) as { content: string }).content;
  assert.ok(titled.includes(`>Articles per week: ${long.slice(0, 59)}…</text>`));

  const lines = ((await call('search.volumeExport', { ...args, style: 'line' })) as { content: string }).content;
  assert.ok(lines.includes('>TASS (3)</text>'));
  for (const color of ['#4e79a7', '#f28e2b', '#e15759']) {
    assert.match(lines, new RegExp(`<path d="M[\\d. ]+L[\\d. ]+L[\\d. ]+" fill="none" [^>]*stroke="${color}" stroke-width="2"`), `a line of three weeks in ${color}`);
  }
  assert.ok(!/<path d="M[^"]*Z" fill="#[0-9a-f]{6}" ecmeta_series_index="\d" ecmeta_data_index="\d" ecmeta_ssr_type="chart"/.test(lines), 'no bars in a line chart');
});

test('beyond ten series the smallest outlets are summed into "All others", and the unknown ones stay on their own', (t) => {
  const db = openLibrary(tempDir(t));
  t.after(() => db.close());
  db.prepare(`INSERT INTO feed (id, url, typed_url, title, created_at) VALUES (1, 'https://wire.example/rss', 'https://wire.example/rss', 'Wire', '2026-01-01T00:00:00Z')`).run();
  const article = db.prepare(`INSERT INTO article (feed_id, guid, link, canonical_link, title_date_hash, title, text, published_at, raw, content_hash,
      first_seen_at, last_seen_at) VALUES (1, ?, ?, ?, ?, 'Grain', 'Grain.', '2026-11-02T08:00:00Z', '{}', ?, '2026-11-02', '2026-11-02')`);
  // Outlet k has k + 1 articles (so their order is fixed); 12 outlets and one unknown article.
  let n = 0;
  for (let k = 1; k <= 12; k++) {
    for (let i = 0; i <= k; i++) article.run(`g${++n}`, `https://o${k}.example/${i}`, `https://o${k}.example/${i}`, `h${n}`, `c${n}`);
  }
  article.run('unknown', 'https://nobody.example/x', 'https://nobody.example/x', 'hu', 'cu');
  // A registry of its own (the shipped one has no o1…o12.example): any resolver with the same contract.
  const outletOf = (urls: (string | null)[]) => {
    const m = /^https:\/\/o(\d+)\.example\//.exec(urls[0] ?? '');
    return m ? { name: `Outlet ${m[1]}`, country: 'xx' } : null;
  };
  const data = volume(db, 'grain', 'week', 'outlet', outletOf);
  assert.equal(data.series.length, MAX_SERIES);
  assert.deepEqual(data.series.map((s) => [s.key, s.total]), [
    ['Outlet 12', 13], ['Outlet 11', 12], ['Outlet 10', 11], ['Outlet 9', 10], ['Outlet 8', 9], ['Outlet 7', 8], ['Outlet 6', 7], ['Outlet 5', 6],
    [OTHER, 5 + 4 + 3 + 2], [UNKNOWN_OUTLET, 1],
  ]);
  assert.equal(data.series.reduce((sum, s) => sum + s.total, 0), data.total);
});

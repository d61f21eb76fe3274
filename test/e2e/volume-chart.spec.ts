// The volume chart as it goes into a report (web mode, 900×600): stacked bars per week, one series per registry
// outlet plus "Other / unknown outlet", a legend that names them, nothing cut off, and PNG, SVG and CSV files.
import { readFile } from 'node:fs/promises';
import { test, expect, shot, subscribeInUi } from './fixtures.ts';
import { rss, type Item } from './local-feeds.ts';

// Long enough that the feed is not taken for summaries only, so the server never fetches these (remote) pages.
const body = '<p>Grain sanctions were discussed again today by the ministers. </p>'.repeat(12);

function items(): Item[] {
  const at = (day: number) => new Date(Date.UTC(2026, 10, day, 9));
  // Weeks start on Monday: 2026-11-09 and 2026-11-16.
  const item = (guid: string, link: string, day: number): Item => ({ guid, title: `Grain sanctions ${guid}`, link, html: body, date: at(day) });
  return [
    item('t1', 'https://tass.com/economy/1', 10),
    item('t2', 'https://tass.com/economy/2', 12),
    item('t3', 'https://tass.com/economy/3', 17),
    item('r1', 'https://www.rt.com/news/1', 16),
    item('u1', 'https://example.org/grain-1', 11),
    item('u2', 'https://example.org/grain-2', 18),
  ];
}

test('the volume chart: bars by week split by registry outlet, legend, nothing clipped, PNG/SVG/CSV downloads', async ({ page, app, feeds, remoteRequests }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  feeds.set('/mixed.xml', rss('Mixed wire', items()));
  await subscribeInUi(page, app, feeds.url('/mixed.xml'), 6);

  await page.getByTestId('search').fill('grain');
  await expect(page.getByTestId('list-total')).toHaveText('6 articles');
  await page.getByTestId('chart-button').click();
  await page.getByTestId('chart-interval').selectOption('week');
  await page.getByTestId('chart-split').selectOption('outlet');
  const chart = page.getByTestId('chart');
  await expect(chart).toHaveAttribute('src', /Other%20%2F%20unknown%20outlet/);
  const svg = decodeURIComponent((await chart.getAttribute('src'))!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
  expect(await chart.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  // The legend names the registry's outlets (not the feed's title) and the unknown one, with their totals.
  for (const name of ['TASS (3)', 'RT (1)', 'Other / unknown outlet (2)']) expect(svg).toContain(`>${name}</text>`);
  expect(svg).not.toContain('Mixed wire');

  // Nothing clipped on screen: the whole picture and the buttons are inside the dialog, which does not scroll.
  const dialog = page.getByTestId('chart-dialog');
  const fits = await dialog.evaluate((d) => d.scrollHeight <= d.clientHeight && d.scrollWidth <= d.clientWidth);
  expect(fits).toBe(true);
  const box = (await chart.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(600);
  expect(box.x + box.width).toBeLessThanOrEqual(900);
  await expect(page.getByTestId('chart-png')).toBeInViewport({ ratio: 1 });
  await shot(page, 'volume-chart-900x600');

  // Nothing clipped inside the picture: drawn on its own, every bar and label lies within the SVG's box.
  const drawn = await page.context().newPage();
  await drawn.setContent(svg);
  const inside = await drawn.evaluate(() => {
    const root = document.querySelector('svg')!;
    const r = root.getBoundingClientRect();
    const out: string[] = [];
    for (const el of root.querySelectorAll('text, path, rect')) {
      const b = el.getBoundingClientRect();
      if (b.width === 0 && b.height === 0) continue;
      if (b.left < r.left - 0.5 || b.top < r.top - 0.5 || b.right > r.right + 0.5 || b.bottom > r.bottom + 0.5) out.push(el.textContent || el.tagName);
    }
    return { out, labels: [...root.querySelectorAll('text')].map((t) => t.textContent) };
  });
  await drawn.close();
  expect(inside.out).toEqual([]);
  expect(inside.labels).toEqual(expect.arrayContaining(['2026-11-09', '2026-11-16']));

  const saved = async (testId: string): Promise<{ name: string; bytes: Buffer }> => {
    const download = page.waitForEvent('download');
    await page.getByTestId(testId).click();
    const d = await download;
    return { name: d.suggestedFilename(), bytes: await readFile((await d.path())!) };
  };
  const png = await saved('chart-png');
  expect(png.name).toMatch(/\.png$/);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(800); // IHDR width: drawn at twice the size, for print

  const file = await saved('chart-svg');
  expect(file.name).toMatch(/\.svg$/);
  expect(file.bytes.toString('utf8')).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(file.bytes.toString('utf8')).toContain('>TASS (3)</text>');

  const csv = await saved('chart-csv');
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.bytes.toString('utf8').split('\r\n').slice(0, 3)).toEqual([
    '\uFEFFperiod,TASS,RT,Other / unknown outlet',
    '2026-11-09,2,0,1',
    '2026-11-16,1,1,1',
  ]);

  // Bars unless lines are asked for.
  const bar = /<path d="M[^"]*Z" fill="#[0-9a-f]{6}" ecmeta_series_index="\d" ecmeta_data_index="\d" ecmeta_ssr_type="chart"/;
  expect(svg).toMatch(bar);
  await page.getByTestId('chart-style').selectOption('line');
  await expect(chart).not.toHaveAttribute('src', `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
  const lines = decodeURIComponent((await chart.getAttribute('src'))!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
  expect(lines).not.toMatch(bar);
  expect(lines).toMatch(/<path d="M[\d. ]+L[\d. ]+" fill="none" [^>]*stroke-width="2"/);
  expect(lines).toContain('>TASS (3)</text>');
  expect(remoteRequests).toEqual([]);
});

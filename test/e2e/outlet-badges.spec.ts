// The state-affiliation badge comes with every article the UI shows (stored at ingest): a search hit carries it
// as the list does, and so does the reader, with no per-row request for outlets.
import { test, expect, shot, subscribeInUi } from './fixtures.ts';
import { rss } from './local-feeds.ts';

test('a search hit shows its outlet badge, as the list and the reader do', async ({ page, app, feeds }) => {
  // The local feeds live on 127.0.0.1: an analyst's registry entry for that host makes them a state outlet.
  const saved = await fetch(`${app.origin}/api/outlets.upsert`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Desk Media', domains: ['127.0.0.1'], country: 'RU', category: 'state_controlled', source: 'Analyst note' }),
  });
  expect(saved.ok).toBe(true);
  const at = new Date(Date.UTC(2026, 10, 24, 10));
  feeds.set('/desk.xml', rss('Desk', [
    { guid: 'b1', title: 'Grain sanctions widen', link: `${feeds.origin}/b1`, html: '<p>New sanctions on grain traders.</p>', date: at },
    { guid: 'b2', title: 'Weather in Moscow', link: `${feeds.origin}/b2`, html: '<p>Snow is expected in Moscow.</p>', date: at },
  ]));
  const outletRequests: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/api/outlets.match')) outletRequests.push(r.url()); });
  await subscribeInUi(page, app, feeds.url('/desk.xml'), 2);
  await expect(page.getByTestId('row-outlet')).toHaveText(['Desk Media', 'Desk Media']);

  await page.getByTestId('search').fill('sanctions');
  await expect(page.getByTestId('list-total')).toHaveText('1 article');
  const hit = page.getByTestId('article-row').first();
  await expect(hit.getByTestId('snippet')).toBeVisible();
  await expect(hit.getByTestId('row-outlet')).toHaveText('Desk Media');
  await shot(page, 'search-hit-outlet-badge');
  await hit.click();
  await expect(page.getByTestId('reader-outlet')).toHaveText('Desk Media · state-controlled');
  expect(outletRequests, 'no view asks for outlets per row').toEqual([]);
});

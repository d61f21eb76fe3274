// Managing subscriptions in the reader: a site with several feeds, feed settings (folder), OPML out and in,
// removal; and the dark theme that follows the OS.
import { readFileSync } from 'node:fs';
import { test, expect, shot } from './fixtures.ts';
import { rss } from './local-feeds.ts';

test('pick one of several feeds a site declares, file it in a folder, export and re-import OPML, remove it', async ({ page, app, feeds }) => {
  const item = (n: string) => [{ guid: n, title: `${n} story`, link: `${feeds.origin}/${n}`, html: `<p>${n}</p>`, date: new Date('2026-11-24T10:00:00Z') }];
  feeds.set('/news.xml', rss('Site News', item('news')));
  feeds.set('/sport.xml', rss('Site Sport', item('sport')));
  feeds.set('/', `<!doctype html><html><head><title>Site</title>
    <link rel="alternate" type="application/rss+xml" title="News" href="/news.xml">
    <link rel="alternate" type="application/rss+xml" title="Sport" href="/sport.xml"></head><body>Home</body></html>`, 'text/html; charset=utf-8');

  await page.goto(app.url);
  await page.getByTestId('add-feed').click();
  await page.getByTestId('add-feed-url').fill(feeds.url('/'));
  await page.getByTestId('add-feed-submit').click();
  const candidates = page.getByTestId('feed-candidates');
  await expect(candidates).toContainText('2 feeds');
  await shot(page, 'add-feed-candidates');
  await candidates.getByLabel(/Sport/).check();
  await page.getByTestId('add-feed-submit').click();
  await expect(page.getByTestId('feed-item')).toContainText('Site Sport');
  await expect(page.getByTestId('list-total')).toHaveText('1 article', { timeout: 20_000 });

  await page.getByRole('button', { name: /Settings for Site Sport/ }).click();
  const settings = page.getByTestId('feed-settings-dialog');
  await settings.getByLabel('Folder').fill('Sports desk');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('folder')).toContainText('Sports desk');

  const download = page.waitForEvent('download');
  await page.getByTestId('more-menu').click();
  await page.getByTestId('export-opml').click();
  const opml = readFileSync(await (await download).path(), 'utf8');
  expect(opml).toContain(feeds.url('/sport.xml'));
  expect(opml).toContain('Sports desk');

  await page.getByRole('button', { name: /Settings for Site Sport/ }).click();
  await settings.getByRole('button', { name: 'Remove feed…' }).click();
  await settings.getByTestId('confirm-remove').click();
  await expect(page.getByTestId('feed-item')).toHaveCount(0);
  await expect(page.getByTestId('list-empty')).toContainText('No subscriptions yet');

  await page.getByTestId('opml-file').setInputFiles({ name: 'subs.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
  await expect(page.getByTestId('notice')).toContainText('1 feed added');
  await expect(page.getByTestId('feed-item')).toContainText(/Site Sport|sport\.xml/);
  await expect(page.getByTestId('folder')).toContainText('Sports desk');
});

test('the dark theme follows the OS', async ({ page, app, feeds }) => {
  feeds.set('/news.xml', rss('Night Desk', [{ guid: 'n1', title: 'Late story', link: `${feeds.origin}/n1`, html: '<p>Late.</p>', date: new Date('2026-11-24T23:00:00Z') }]));
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(app.url);
  await page.getByTestId('add-feed').click();
  await page.getByTestId('add-feed-url').fill(feeds.url('/news.xml'));
  await page.getByTestId('add-feed-submit').click();
  await page.getByTestId('article-row').first().click();
  await expect(page.getByTestId('reader')).toContainText('Late.');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(22, 24, 28)');
  await shot(page, 'reader-dark');
});

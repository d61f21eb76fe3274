// The reader says what happened to an article's full text: a page that was not there shows "Full text failed"
// with the reason in words and a Retry button; once the page is there, Retry saves it and the reader shows it.
import { readFileSync } from 'node:fs';
import { test, expect, shot } from './fixtures.ts';
import { rss } from './local-feeds.ts';

const article = readFileSync(new URL('../fixtures/pages/news-article.html', import.meta.url), 'utf8');

test('a failed full text shows its reason and a Retry button that fetches it again', async ({ page, app, feeds, remoteRequests }) => {
  const link = feeds.url('/articles/flood');
  feeds.set('/summaries.xml', rss('Summaries', [{ guid: 'flood', title: 'Severn flood', link, html: '<p>A one-line summary.</p>', date: new Date(Date.UTC(2026, 10, 24, 12)) }]));

  await page.goto(app.url);
  await page.getByTestId('add-feed').click();
  await page.getByTestId('add-feed-url').fill(feeds.url('/summaries.xml'));
  await page.getByTestId('add-feed-submit').click();
  await expect(page.getByTestId('list-total')).toHaveText('1 article', { timeout: 20_000 });
  await page.getByTestId('article-row').first().click();

  const status = page.getByTestId('fulltext-status');
  await expect(status).toHaveAttribute('data-status', 'failed', { timeout: 20_000 });
  await expect(status).toContainText('Full text failed: The site says the article is not there (HTTP 404)');
  await expect(page.getByTestId('reader-body')).toContainText('A one-line summary.');
  await shot(page, 'fulltext-failed');

  feeds.set('/articles/flood', article, 'text/html; charset=utf-8');
  await page.getByTestId('fulltext-retry').click();
  await expect(status).toHaveAttribute('data-status', 'saved');
  await expect(status).toContainText('Full text saved');
  await expect(page.getByTestId('fulltext-retry')).toHaveCount(0);
  await expect(page.getByTestId('reader-body')).toContainText('Flood defences along the River Severn were overtopped overnight');
  await shot(page, 'fulltext-saved');
  expect(remoteRequests).toEqual([]);
});

test('a page behind a consent wall shows "Blocked by a consent wall" in words, the feed text kept', async ({ page, app, feeds }) => {
  const link = feeds.url('/articles/walled');
  feeds.set('/articles/walled', readFileSync(new URL('../fixtures/pages/consent-google.html', import.meta.url), 'utf8'), 'text/html; charset=utf-8');
  feeds.set('/walled.xml', rss('Walled', [{ guid: 'walled', title: 'Walled story', link, html: '<p>The feed\'s summary.</p>', date: new Date(Date.UTC(2026, 10, 24, 12)) }]));

  await page.goto(app.url);
  await page.getByTestId('add-feed').click();
  await page.getByTestId('add-feed-url').fill(feeds.url('/walled.xml'));
  await page.getByTestId('add-feed-submit').click();
  await expect(page.getByTestId('list-total')).toHaveText('1 article', { timeout: 20_000 });
  await page.getByTestId('article-row').first().click();

  const status = page.getByTestId('fulltext-status');
  await expect(status).toHaveAttribute('data-status', 'blocked', { timeout: 20_000 });
  await expect(status).toContainText('Blocked by a consent wall.');
  await expect(status).toContainText('Open it in a browser to accept or refuse, then try again.');
  await expect(page.getByTestId('reader-body')).toContainText('The feed\'s summary.');
  await shot(page, 'fulltext-blocked');
});

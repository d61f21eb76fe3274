// The reader in web mode, driven in Chromium: subscribe to a local feed, watch the poll, read, move, star, mark,
// reload and find the state kept.
import { test, expect, shot } from './fixtures.ts';
import { rss, type Item } from './local-feeds.ts';

function items(origin: string, n: number): Item[] {
  return Array.from({ length: n }, (_, i) => ({
    guid: `story-${i + 1}`,
    title: `Story ${i + 1}`,
    link: `${origin}/articles/${i + 1}`,
    html: `<p>Body of story ${i + 1}.</p>`,
    date: new Date(Date.UTC(2026, 10, 24, 12, 0) - i * 3_600_000),
  }));
}

test('add a feed, watch it poll, read with j/k, star, mark read, reload and keep the state', async ({ page, app, feeds, remoteRequests }) => {
  feeds.set('/news.xml', rss('Local News', items(feeds.origin, 30)));
  feeds.delayMs = 1500; // long enough to see the progress bar of a poll that fetches

  await page.goto(app.url);
  await expect(page.getByTestId('list-empty')).toContainText('No subscriptions yet');
  expect(page.url()).not.toContain('token=');
  await shot(page, 'empty-library');

  await page.getByTestId('add-feed').click();
  await page.getByTestId('add-feed-url').fill(feeds.url('/news.xml'));
  await page.getByTestId('add-feed-submit').click();
  await expect(page.getByTestId('list-total')).toHaveText('30 articles', { timeout: 20_000 });
  // The first poll stores the response subscribing fetched (poll/first-poll.ts), so it may end before a bar is seen;
  // a refresh fetches again and waits on the slow server, and the bar shows until it ends.
  await page.getByTestId('refresh').click();
  await expect(page.getByTestId('poll-progress')).toBeVisible();
  await expect(page.getByTestId('poll-progress')).toBeHidden({ timeout: 20_000 });
  await expect(page.getByTestId('feed-item')).toContainText('Local News');
  await expect(page.getByTestId('feed-item')).toContainText('30');
  await shot(page, 'list');

  const rows = page.getByTestId('article-row');
  await expect(rows.first()).toHaveClass(/unread/);
  await rows.first().click();
  await expect(page.getByTestId('reader')).toContainText('Body of story 1.');
  await expect(page.getByTestId('reader')).toContainText('Story 1');
  await expect(rows.first()).not.toHaveClass(/unread/);
  await shot(page, 'reader');

  await page.keyboard.press('j');
  await expect(page.getByTestId('reader')).toContainText('Body of story 2.');
  await page.keyboard.press('j');
  await expect(page.getByTestId('reader')).toContainText('Body of story 3.');
  await page.keyboard.press('k');
  await expect(page.getByTestId('reader')).toContainText('Body of story 2.');

  await page.keyboard.press('s');
  await expect(page.getByTestId('star-button')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('m');
  await expect(page.getByTestId('read-button')).toHaveText('Mark read');
  await expect(page.locator('[data-testid="article-row"][data-id]').nth(1)).toHaveClass(/unread/);
  await page.keyboard.press('m');
  await expect(page.getByTestId('read-button')).toHaveText('Mark unread');

  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toContainText('next article');
  await shot(page, 'help');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toBeHidden();

  await page.reload();
  await expect(page.getByTestId('list-total')).toHaveText('30 articles');
  await expect(rows.nth(0)).not.toHaveClass(/unread/);
  await expect(rows.nth(1)).not.toHaveClass(/unread/);
  await expect(rows.nth(2)).not.toHaveClass(/unread/);
  await expect(rows.nth(3)).toHaveClass(/unread/);
  await expect(rows.nth(1).locator('.star')).toBeVisible();
  await page.getByTestId('view-starred').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Story 2');
  await page.getByTestId('view-unread').click();
  await expect(page.getByTestId('list-total')).toHaveText('27 articles');
  await page.getByTestId('more-menu').click();
  await page.getByTestId('mark-all-read').click();
  await page.getByTestId('view-all').click();
  await page.getByTestId('view-unread').click();
  await expect(page.getByTestId('list-empty')).toContainText('Nothing unread');
  await shot(page, 'unread-empty');
  expect(remoteRequests).toEqual([]);
});

test('a site with no feed gets a clear message in the add dialog', async ({ page, app, feeds }) => {
  feeds.set('/', '<!doctype html><title>No feeds here</title><p>Just a page.</p>', 'text/html; charset=utf-8');
  await page.goto(app.url);
  await page.getByTestId('add-feed').click();
  await page.getByTestId('add-feed-url').fill(feeds.url('/'));
  await page.getByTestId('add-feed-submit').click();
  await expect(page.getByTestId('add-feed-error')).toContainText(/no feed/i);
  await shot(page, 'add-feed-nothing-found');
});

test('a held-back or missing image is a placeholder with its alt text, never a broken icon', async ({ page, app, feeds }) => {
  const item: Item = { guid: 'img1', title: 'Harvest report', link: `${feeds.origin}/img1`, date: new Date(Date.UTC(2026, 10, 20)),
    html: `<p>The harvest is in.</p><img src="${feeds.origin}/missing.png" alt="Grain silo at dawn"><p>More below.</p>` };
  feeds.set('/img.xml', rss('Pictures', [item]));
  await page.goto(app.url);
  await page.getByTestId('add-feed').click();
  await page.getByTestId('add-feed-url').fill(feeds.url('/img.xml'));
  await page.getByTestId('add-feed-submit').click();
  await page.getByTestId('article-row').first().click();
  const body = page.getByTestId('reader-body');
  const placeholder = body.locator('.image-placeholder');
  await expect(placeholder).toHaveText('Grain silo at dawn');
  await expect(placeholder).toHaveAttribute('data-reason', 'remote images are off');
  await expect(body.locator('img')).toHaveCount(0);

  // Remote images on: the image is asked for, answers 404, and becomes the same placeholder.
  await page.getByTestId('more-menu').click();
  await page.getByTestId('remote-images').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('article-row').first().click();
  await expect(placeholder).toHaveAttribute('data-reason', 'not loaded');
  await expect(placeholder).toHaveText('Grain silo at dawn');
  await expect(body.locator('img')).toHaveCount(0);
  await shot(page, 'image-placeholder');
});

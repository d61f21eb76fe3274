// Managing what the analyst owns in the reader (web mode): labels added by hand and the Flags filters, the outlet
// registry, tags and auto-tag rules.
import { test, expect } from './fixtures.ts';
import { rss, type Item } from './local-feeds.ts';
import type { Page } from '@playwright/test';
import type { LocalFeeds } from './local-feeds.ts';
import type { Served } from './fixtures.ts';

function stories(origin: string): Item[] {
  const at = (h: number) => new Date(Date.UTC(2026, 10, 24, h));
  return [
    { guid: 'm1', title: 'Grain sanctions widen', link: `${origin}/m1`, html: '<p>New sanctions on grain traders.</p>', date: at(10) },
    { guid: 'm2', title: 'Weather in Moscow', link: `${origin}/m2`, html: '<p>Snow is expected in Moscow this week.</p>', date: at(9) },
    { guid: 'm3', title: 'US closes airspace', link: `${origin}/m3`,
      html: '<p>The Taliban* said the talks were over.</p><p>*The Taliban is a terrorist organisation banned in Russia.</p>', date: at(8) },
  ];
}

async function subscribe(page: Page, app: Served, feeds: LocalFeeds): Promise<void> {
  feeds.set('/desk.xml', rss('Desk', stories(feeds.origin)));
  await page.goto(app.url);
  await page.getByTestId('add-feed').click();
  await page.getByTestId('add-feed-url').fill(feeds.url('/desk.xml'));
  await page.getByTestId('add-feed-submit').click();
  await expect(page.getByTestId('list-total')).toHaveText('3 articles');
}

test('a label added by hand shows with its review state, lands in Flagged, and the Flags view filters by kind, entity and review', async ({ page, app, feeds }) => {
  await subscribe(page, app, feeds);
  await page.getByTestId('article-row').filter({ hasText: 'Weather in Moscow' }).click();
  await page.getByTestId('add-label-button').click();
  await page.getByTestId('label-kind').selectOption('extremist');
  await page.getByTestId('label-entity').fill('Meta');
  await page.getByTestId('label-note').fill('Seen in the print edition');
  await page.getByTestId('label-submit').click();
  const label = page.getByTestId('reader-label');
  await expect(label).toContainText('Meta');
  await expect(label).toContainText('extremist');
  await expect(label.getByTestId('label-review')).toHaveText('added by hand · confirmed');

  await page.getByTestId('view-flagged').click();
  await expect(page.getByTestId('list-total')).toHaveText('2 articles');
  await expect(page.getByTestId('article-row').filter({ hasText: 'Weather in Moscow' })).toHaveCount(1);

  await page.getByTestId('flags-button').click();
  const rows = page.getByTestId('flag-row');
  await expect(rows).toHaveCount(2);
  await page.getByTestId('flags-kind').selectOption('extremist');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Meta');
  await page.getByTestId('flags-kind').selectOption('');
  await page.getByTestId('flags-review').selectOption('unreviewed');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('The Taliban');
  await page.getByTestId('flags-review').selectOption('');
  await page.getByTestId('flags-entity').fill('Meta');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Meta');
  await page.getByTestId('flags-entity').fill('Nobody at all');
  await expect(rows).toHaveCount(0);
});

// Managing what the analyst owns in the reader (web mode): labels added by hand and the Flags filters, the outlet
// registry, tags and auto-tag rules.
import { test, expect, shot, subscribeInUi } from './fixtures.ts';
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
  await subscribeInUi(page, app, feeds.url('/desk.xml'), 3);
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
  await shot(page, 'label-by-hand');

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

test('the outlet registry: find a shipped entry, add one, edit it and see the badge change, then remove it', async ({ page, app, feeds }) => {
  await subscribe(page, app, feeds);
  await page.getByTestId('article-row').filter({ hasText: 'Weather in Moscow' }).click();
  await expect(page.getByTestId('reader-outlet')).toHaveCount(0);

  await page.getByTestId('more-menu').click();
  await page.getByTestId('outlets-button').click();
  const rows = page.getByTestId('outlet-row');
  await page.getByTestId('outlets-filter').fill('actualidad-rt.com');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('RT');
  await expect(rows.getByTestId('outlet-origin')).toHaveText('shipped');

  // The test feed's articles live on 127.0.0.1: an analyst's entry for that host gives them a badge.
  await page.getByTestId('outlet-add').click();
  await page.getByTestId('outlet-name').fill('Desk Media');
  await page.getByTestId('outlet-domains').fill('127.0.0.1');
  await page.getByTestId('outlet-country').fill('ru');
  await page.getByTestId('outlet-category').fill('state_controlled');
  await page.getByTestId('outlet-source').fill('Analyst note');
  await page.getByTestId('outlet-date').fill('2026-11-01');
  await page.getByTestId('outlet-save').click();
  await page.getByTestId('outlets-filter').fill('desk');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('RU');
  await expect(rows.getByTestId('outlet-origin')).toHaveText('yours');
  await shot(page, 'outlets-dialog');
  await expect(page.getByTestId('reader-outlet')).toHaveText('Desk Media · state-controlled');

  await rows.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByTestId('outlet-name')).toHaveValue('Desk Media');
  await page.getByTestId('outlet-category').fill('state_affiliated');
  await page.getByTestId('outlet-save').click();
  await expect(rows).toContainText('state-affiliated');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('reader-outlet')).toHaveText('Desk Media · state-affiliated');
  await expect(page.getByTestId('article-row').first().locator('.badge.outlet')).toHaveText('Desk Media');

  // Editing a shipped entry overrides it in this library; Revert brings the shipped one back.
  await page.getByTestId('more-menu').click();
  await page.getByTestId('outlets-button').click();
  await page.getByTestId('outlets-filter').fill('actualidad-rt.com');
  await rows.getByRole('button', { name: 'Edit' }).click();
  await page.getByTestId('outlet-country').fill('XX');
  await page.getByTestId('outlet-save').click();
  await expect(rows.getByTestId('outlet-origin')).toHaveText('edited by you');
  await expect(rows).toContainText('XX');
  await rows.getByRole('button', { name: 'Revert' }).click();
  await expect(rows.getByTestId('outlet-origin')).toHaveText('shipped');
  await expect(rows).toContainText('RU');

  await page.getByTestId('outlets-filter').fill('desk');
  await rows.getByRole('button', { name: 'Remove' }).click();
  await expect(rows).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('reader-outlet')).toHaveCount(0);
});

test('tags: create, colour, rename, merge and delete, and the sidebar follows', async ({ page, app, feeds }) => {
  await subscribe(page, app, feeds);
  await page.getByTestId('article-row').filter({ hasText: 'Grain sanctions widen' }).click();
  await page.getByTestId('tag-input').fill('grain');
  await page.getByTestId('tag-input').press('Enter');
  await expect(page.getByTestId('tag-item').filter({ hasText: 'grain' })).toHaveCount(1);

  await page.getByTestId('tags-button').click();
  await page.getByTestId('new-tag').fill('economy');
  await page.getByTestId('new-tag-submit').click();
  const tags = page.getByTestId('manage-tag');
  await expect(tags).toHaveCount(2);
  await page.getByLabel('Colour of grain').fill('#c62828');
  await expect(page.getByTestId('tag-item').filter({ hasText: 'grain' }).locator('circle')).toHaveAttribute('fill', '#c62828');

  // A name another tag has is refused with a message, and nothing changes.
  await page.getByRole('button', { name: 'Rename grain' }).click();
  await tags.getByTestId('tag-rename-input').fill('economy');
  await tags.getByTestId('tag-rename-input').press('Enter');
  await expect(page.getByTestId('tags-dialog').getByRole('alert')).toBeVisible();
  await expect(page.getByTestId('tag-item').filter({ hasText: 'grain' })).toHaveCount(1);
  await tags.getByTestId('tag-rename-input').fill('commodities');
  await tags.getByTestId('tag-rename-input').press('Enter');
  await expect(tags.getByTestId('tag-name')).toHaveText(['commodities', 'economy'], { ignoreCase: true });
  await expect(page.getByTestId('tag-item').filter({ hasText: 'commodities' })).toContainText('1');
  await expect(page.getByTestId('tag-item').filter({ hasText: 'grain' })).toHaveCount(0);

  await page.getByLabel('Merge commodities into').selectOption({ label: 'economy' });
  await expect(tags).toHaveCount(1);
  await expect(tags).toContainText('economy');
  await expect(tags.locator('.num')).toHaveText('1');
  await expect(page.getByTestId('tag-item')).toHaveText(/economy/);

  await tags.getByRole('button', { name: 'Delete…' }).click();
  await tags.getByRole('button', { name: 'Delete from 1 articles' }).click();
  await expect(tags).toHaveCount(0);
  await expect(page.getByTestId('tag-item')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('reader').locator('.reader-badges .badge.tag')).toHaveCount(0);
});

test('an auto-tag rule applied to the stored articles tags the matches, with progress, and removing it untags them', async ({ page, app, feeds }) => {
  await subscribe(page, app, feeds);
  await page.getByTestId('tags-button').click();
  await page.getByTestId('rule-query').fill('sanction* OR Taliban');
  await page.getByTestId('rule-tag').fill('watch');
  await page.getByTestId('rule-add').click();
  const rule = page.getByTestId('rule-row');
  await expect(rule).toHaveCount(1);
  await expect(rule).toContainText('watch');
  await expect(rule).toContainText('all');

  await rule.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('rules-result')).toHaveText('Checked 2 matching articles: 2 newly tagged.');
  // The bar shows what the server's progress events said, and stays at the end once done.
  await expect(page.getByTestId('rules-progress')).toHaveText('2/2 articles');
  await expect(page.getByTestId('rules-progress').locator('progress')).toHaveAttribute('value', '2');
  await expect(rule.locator('.num')).toHaveText('2');
  await shot(page, 'rules-dialog');
  await page.keyboard.press('Escape');

  await page.getByTestId('tag-item').filter({ hasText: 'watch' }).click();
  await expect(page.getByTestId('list-total')).toHaveText('2 articles');
  await expect(page.getByTestId('article-row').filter({ hasText: 'Grain sanctions widen' })).toHaveCount(1);
  await expect(page.getByTestId('article-row').filter({ hasText: 'US closes airspace' })).toHaveCount(1);

  await page.getByTestId('tags-button').click();
  // A rule limited to one feed names it.
  await page.getByTestId('rule-query').fill('Moscow');
  await page.getByTestId('rule-tag').fill('weather');
  await page.getByTestId('rule-feeds').selectOption({ label: 'Desk' });
  await page.getByTestId('rule-add').click();
  await expect(rule.filter({ hasText: 'weather' })).toContainText('Desk');
  await rule.filter({ hasText: 'watch' }).getByRole('button', { name: 'Remove' }).click();
  await expect(rule).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('list-empty')).toBeVisible();
});

test('the theme picker applies light, dark and the system theme to the page, and the choice survives a reload', async ({ page, app, feeds }) => {
  await subscribe(page, app, feeds);
  const background = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const luminance = (rgb: string): number => {
    const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByTestId('more-menu').click();
  await page.getByTestId('theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(luminance(await background())).toBeLessThan(80);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('more-menu').click();
  await page.getByTestId('theme').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(luminance(await background())).toBeGreaterThan(180);
  await page.getByTestId('theme').selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  expect(luminance(await background())).toBeLessThan(80);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(luminance(await background())).toBeGreaterThan(180);
});

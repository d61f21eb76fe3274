// Search, tags and state-media labels as the analyst meets them in the reader (web mode).
import { test, expect, shot, subscribeInUi } from './fixtures.ts';
import { rss, type Item } from './local-feeds.ts';

function stories(origin: string): Item[] {
  const at = (h: number) => new Date(Date.UTC(2026, 10, 24, h));
  return [
    { guid: 's1', title: 'Sanctions on grain exports', link: `${origin}/s1`, html: '<p>New sanctions were announced on Monday against grain traders.</p>', date: at(10) },
    { guid: 's2', title: 'Weather in Moscow', link: `${origin}/s2`, html: '<p>Snow is expected in Moscow this week.</p>', date: at(9) },
    { guid: 's3', title: 'US closes airspace', link: `${origin}/s3`,
      html: '<p>The Taliban* said the talks were over. Sanctioned banks were named.</p><p>*The Taliban is a terrorist organisation banned in Russia.</p>', date: at(8) },
  ];
}

test('search with highlights, save the search, tag the results and filter by the tag', async ({ page, app, feeds }) => {
  feeds.set('/world.xml', rss('World Desk', stories(feeds.origin)));
  await subscribeInUi(page, app, feeds.url('/world.xml'), 3);

  await page.keyboard.press('/');
  await expect(page.getByTestId('search')).toBeFocused();
  await page.keyboard.type('sanction*');
  await expect(page.getByTestId('list-total')).toHaveText('2 articles');
  await expect(page.getByTestId('snippet').first().locator('mark').first()).toBeVisible();
  await shot(page, 'search-results');

  await page.getByTestId('chart-button').click();
  await expect(page.getByTestId('chart')).toBeVisible();
  expect(await page.getByTestId('chart').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const chartCsv = page.waitForEvent('download');
  await page.getByTestId('chart-csv').click();
  expect((await chartCsv).suggestedFilename()).toMatch(/\.csv$/);
  await shot(page, 'volume-chart');
  await page.keyboard.press('Escape');

  const exported = page.waitForEvent('download');
  await page.getByTestId('more-menu').click();
  await page.getByTestId('export-csv').click();
  const file = await exported;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await file.path().then((p) => import('node:fs').then((fs) => fs.readFileSync(p, 'utf8')));
  expect(csv).toContain('Sanctions on grain exports');
  expect(csv).not.toContain('Weather in Moscow');

  await page.getByTestId('results-menu').click();
  await page.getByTestId('save-search').click();
  await page.getByTestId('prompt-input').fill('Sanctions watch');
  await page.getByTestId('prompt-submit').click();
  await expect(page.getByTestId('saved-search')).toContainText('Sanctions watch');

  await page.getByTestId('results-menu').click();
  await page.getByTestId('tag-results').click();
  await page.getByTestId('prompt-input').fill('sanctions');
  await page.getByTestId('prompt-submit').click();
  await expect(page.getByTestId('notice')).toContainText('Tagged 2 articles');
  await page.getByTestId('tag-item').filter({ hasText: 'sanctions' }).click();
  await expect(page.getByTestId('list-total')).toHaveText('2 articles');
  await expect(page.getByTestId('search')).toHaveValue('');
  await expect(page.getByTestId('article-row').first().locator('.badge.tag')).toHaveText('sanctions');
});

test('a footnote label is flagged, highlighted in the text and can be reviewed', async ({ page, app, feeds }) => {
  feeds.set('/world.xml', rss('World Desk', stories(feeds.origin)));
  await subscribeInUi(page, app, feeds.url('/world.xml'), 3);

  await page.getByTestId('view-flagged').click();
  await expect(page.getByTestId('list-total')).toHaveText('1 article');
  await expect(page.getByTestId('article-row').first().locator('.badge.label')).toHaveText('terrorist');
  await page.getByTestId('article-row').first().click();
  const label = page.getByTestId('reader-label');
  await expect(label).toContainText('The Taliban');
  await expect(page.getByTestId('reader-body').locator('mark.label-entity').first()).toBeVisible();
  await shot(page, 'flagged-reader');
  await label.getByRole('button', { name: 'Confirm' }).click();
  await expect(label).toContainText('confirmed');
  await page.getByTestId('flags-button').click();
  const row = page.getByTestId('flag-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('The Taliban');
  await expect(row).toContainText('terrorist');
  await shot(page, 'flags-view');
  await row.getByRole('button', { name: 'The Taliban' }).click();
  await expect(page.getByTestId('list-total')).toHaveText('1 article');
  await page.getByTestId('article-row').first().click();
  await label.getByRole('button', { name: 'Reject' }).click();
  await page.getByTestId('reject-reason').selectOption('quoted');
  await page.getByTestId('reject-submit').click();
  await expect(label).toContainText('rejected');
  await expect(label).toContainText('quoted or criticised');
  await page.getByTestId('view-all').click();
  await page.getByTestId('view-flagged').click();
  await expect(page.getByTestId('list-empty')).toContainText('No flagged articles');
});

test('search words are highlighted in the article; the starred mention and its footnote are marked and link to each other', async ({ page, app, feeds }) => {
  feeds.set('/world.xml', rss('World Desk', stories(feeds.origin)));
  await subscribeInUi(page, app, feeds.url('/world.xml'), 3);

  await page.getByTestId('search').fill('sanction* OR Taliban');
  await expect(page.getByTestId('list-total')).toHaveText('2 articles');
  await page.getByTestId('article-row').filter({ hasText: 'US closes airspace' }).click();
  const body = page.getByTestId('reader-body');
  await expect(body.locator('mark.search-hit')).toHaveText(['Taliban', 'Sanctioned', 'Taliban']);
  // The starred mention is marked as starred; the footnote holding the label is marked too.
  const starred = body.locator('mark.label-entity.starred');
  await expect(starred).toHaveText('The Taliban*');
  const note = body.locator('mark.label-evidence[id]');
  await expect(note).toContainText('The Taliban is a terrorist organisation banned in Russia');
  await shot(page, 'article-highlights');

  await starred.click();
  await expect(note).toBeFocused();
  await expect(note).toHaveClass(/jumped/);
  await note.click();
  await expect(starred).toBeFocused();
});

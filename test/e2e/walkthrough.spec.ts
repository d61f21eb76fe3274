// A new analyst's first hour in web mode, at 1280×800 and at 900×600: subscribe by site address, read, search with
// highlights, tag by keyboard, add a rule, chart the results, open Flags, review a label by keyboard, and meet a
// broken feed. Every view is saved under test-results/screenshots/walkthrough-*; each step asserts what the user
// sees: a toolbar on one line, list rows not clipped, no snake_case words, no HTTP 500, errors in words.
import type { Page } from '@playwright/test';
import { test, expect, shot } from './fixtures.ts';
import { rss, type Item } from './local-feeds.ts';

function stories(origin: string): Item[] {
  const at = (d: number) => new Date(Date.UTC(2026, 10, d, 10));
  return [
    { guid: 'w1', title: 'Sanctions on grain exports widen as talks stall in Geneva and Brussels', link: `${origin}/w1`,
      html: '<p>New sanctions were announced on Monday against grain traders.</p>', date: at(24) },
    { guid: 'w2', title: 'Weather in Moscow', link: `${origin}/w2`, html: '<p>Snow is expected in Moscow this week.</p>', date: at(20) },
    { guid: 'w3', title: 'Talks over, says spokesman', link: `${origin}/w3`,
      html: '<p>The Taliban* said the talks were over. Sanctioned banks were named.</p><p>*The Taliban is a terrorist organisation banned in Russia.</p>', date: at(12) },
  ];
}

/** What the user must never see, checked on every view. */
async function assertClean(page: Page, where: string): Promise<void> {
  const toolbar = page.getByTestId('toolbar');
  const tops = await toolbar.evaluate((bar) => [...bar.children].filter((c) => (c as HTMLElement).offsetParent !== null && c.getBoundingClientRect().width > 0)
    .map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2)));
  expect(Math.max(...tops) - Math.min(...tops), `${where}: the toolbar wrapped`).toBeLessThanOrEqual(4);
  const overflow = await toolbar.evaluate((bar) => bar.scrollWidth - bar.clientWidth);
  expect(overflow, `${where}: toolbar controls out of reach`).toBeLessThanOrEqual(0);
  const clipped = await page.getByTestId('article-row').evaluateAll((rows) => rows.filter((r) => r.scrollHeight > r.clientHeight + 1).map((r) => r.textContent));
  expect(clipped, `${where}: list rows clipped`).toEqual([]);
  const text = await page.locator('body').innerText();
  expect(text.match(/\b[a-z]+_[a-z_]+\b/g) ?? [], `${where}: snake_case on screen`).toEqual([]);
  expect(text, `${where}: raw validation text`).not.toMatch(/Invalid arguments|HTTP 500/);
}

for (const [width, height] of [[1280, 800], [900, 600]] as const) {
  test(`a new analyst's first hour at ${width}×${height}`, async ({ page, app, feeds }) => {
    const size = `${width}x${height}`;
    const serverErrors: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.url()}`);
    });
    await page.setViewportSize({ width, height });
    feeds.set('/', `<html><head><title>World Desk</title><link rel="alternate" type="application/rss+xml" title="World Desk" href="/world.xml"></head><body>Site</body></html>`, 'text/html');
    feeds.set('/world.xml', rss('World Desk', stories(feeds.origin)));

    await page.goto(app.url);
    await shot(page, `walkthrough-${size}-01-empty`);
    await assertClean(page, 'empty library');

    // Subscribe by the site's address: discovery finds the feed.
    await page.getByTestId('add-feed').click();
    await page.getByTestId('add-feed-url').fill(feeds.url('/'));
    await shot(page, `walkthrough-${size}-02-add-feed`);
    await page.getByTestId('add-feed-submit').click();
    await expect(page.getByTestId('list-total')).toHaveText('3 articles');
    await expect(page.getByTestId('feed-item').filter({ hasText: 'World Desk' })).toBeVisible();
    await assertClean(page, 'subscribed');

    // Read: j opens the newest.
    await page.keyboard.press('j');
    await expect(page.getByTestId('reader')).toContainText('Sanctions on grain exports');
    await shot(page, `walkthrough-${size}-03-reading`);
    await assertClean(page, 'reading');

    // Tag by keyboard: t goes to the tag field.
    await page.keyboard.press('t');
    await expect(page.getByTestId('tag-input')).toBeFocused();
    await page.keyboard.type('grain');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('tag-item').filter({ hasText: 'grain' })).toHaveCount(1);
    await page.getByTestId('tag-input').blur();

    // Search with highlights in the snippets.
    await page.keyboard.press('/');
    await page.keyboard.type('sanction*');
    await expect(page.getByTestId('list-total')).toHaveText('2 articles');
    await expect(page.getByTestId('snippet').first().locator('mark').first()).toBeVisible();
    await shot(page, `walkthrough-${size}-04-search`);
    await assertClean(page, 'search');

    // Chart the results.
    await page.getByTestId('chart-button').click();
    await expect(page.getByTestId('chart')).toBeVisible();
    await shot(page, `walkthrough-${size}-05-chart`);
    await page.keyboard.press('Escape');
    await page.getByTestId('search').fill('');
    await page.getByTestId('search').blur();

    // A rule.
    await page.getByTestId('tags-button').click();
    await page.getByTestId('rule-query').fill('Moscow');
    await page.getByTestId('rule-tag').fill('moscow');
    await page.getByTestId('rule-add').click();
    await expect(page.getByTestId('rule-row')).toHaveCount(1);
    await shot(page, `walkthrough-${size}-06-rules`);
    await assertClean(page, 'tags and rules');
    await page.keyboard.press('Escape');

    // Flags: the footnote label, by entity.
    await page.getByTestId('flags-button').click();
    await expect(page.getByTestId('flag-row').first()).toContainText('Taliban');
    await shot(page, `walkthrough-${size}-07-flags`);
    await assertClean(page, 'flags');
    await page.keyboard.press('Escape');

    // Review by keyboard: y confirms the open article's unreviewed label.
    await page.getByTestId('article-row').filter({ hasText: 'Talks over' }).click();
    await expect(page.getByTestId('label-review').first()).toHaveText('unreviewed');
    await page.locator('body').click({ position: { x: 5, y: height - 5 } });
    await page.keyboard.press('y');
    await expect(page.getByTestId('label-review').first()).toHaveText('confirmed');
    await shot(page, `walkthrough-${size}-08-reviewed`);
    await assertClean(page, 'label review');

    // The keys are listed under ?.
    await page.keyboard.press('?');
    const help = page.getByTestId('help-overlay');
    for (const key of ['j', 'k', 'o or Enter', 's', 't', 'y', 'n']) await expect(help.locator('kbd', { hasText: new RegExp(`^${key}$`) })).toHaveCount(1);
    await shot(page, `walkthrough-${size}-09-help`);
    await page.keyboard.press('Escape');

    // The rare actions are one click away, in the More menu, and it fits on screen.
    await page.getByTestId('more-menu').click();
    const menu = page.getByRole('menu');
    await expect(menu).toBeVisible();
    const box = await menu.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= width && box.y + box.height <= height, 'the More menu is on screen').toBe(true);
    await shot(page, `walkthrough-${size}-10-more-menu`);
    await page.keyboard.press('Escape');

    // A broken feed: the error is a sentence naming the address and what to do, never a 500 or a DNS error.
    await page.getByTestId('add-feed').click();
    await page.getByTestId('add-feed-url').fill('htp//x');
    await page.getByTestId('add-feed-submit').click();
    await expect(page.getByTestId('add-feed-error')).toHaveText(/"htp\/\/x" is not a web address; type a feed or site URL/);
    await page.getByTestId('add-feed-url').fill(feeds.url('/gone.xml'));
    await page.getByTestId('add-feed-submit').click();
    await expect(page.getByTestId('add-feed-error')).toContainText(feeds.url('/gone.xml'));
    await shot(page, `walkthrough-${size}-11-broken-feed`);
    await assertClean(page, 'broken feed');
    expect(serverErrors).toEqual([]);
  });
}

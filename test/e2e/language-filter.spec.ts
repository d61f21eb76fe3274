// Language from the text, in the list (issue 12): a feed that declares <language>en but carries Russian articles.
// The list's language filter shows only the articles whose own text is in that language, and each row and the
// reader show the language told from the text, not the feed's declaration.
import { test, expect, shot, subscribeInUi } from './fixtures.ts';
import { rss } from './local-feeds.ts';

test('the list filters by the language told from each article\'s text, whatever the feed declares', async ({ page, app, feeds }) => {
  const at = (h: number): Date => new Date(Date.UTC(2026, 10, 24, h));
  // rss() declares no language; the English claim is in the channel, as the Sputnik feed that misled us had it.
  const xml = rss('Mixed desk', [
    { guid: 'l1', title: 'Санкции против зерновых трейдеров расширены', link: `${feeds.origin}/l1`,
      html: '<p>Министерство объявило о новых ограничениях для торговцев зерном. Решение вступает в силу в понедельник.</p>', date: at(10) },
    { guid: 'l2', title: 'В Москве ожидается сильный снегопад', link: `${feeds.origin}/l2`,
      html: '<p>Синоптики предупреждают о сильном снегопаде в столице на этой неделе и просят водителей быть осторожнее.</p>', date: at(9) },
    { guid: 'l3', title: 'Grain sanctions widen across the region', link: `${feeds.origin}/l3`,
      html: '<p>The ministry announced new restrictions on grain traders, taking effect on Monday across the whole region.</p>', date: at(8) },
  ]).replace('<description>test feed</description>', '<description>test feed</description><language>en</language>');
  feeds.set('/mixed.xml', xml);
  await subscribeInUi(page, app, feeds.url('/mixed.xml'), 3);

  await page.getByTestId('list-lang').selectOption('ru');
  await expect(page.getByTestId('list-total')).toHaveText('2 articles');
  await expect(page.getByTestId('article-row')).toHaveCount(2);
  await expect(page.getByTestId('article-row').filter({ hasText: 'Grain sanctions' })).toHaveCount(0);
  await page.getByTestId('article-row').first().click();
  await expect(page.getByTestId('reader-lang')).toHaveText('ru');
  await shot(page, 'language-filter-ru');

  await page.getByTestId('list-lang').selectOption('en');
  await expect(page.getByTestId('list-total')).toHaveText('1 article');
  await page.getByTestId('list-lang').selectOption('');
  await expect(page.getByTestId('list-total')).toHaveText('3 articles');
});

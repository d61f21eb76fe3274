// The Flags view groups by canonical entity (issue 10): Russian, Arabic and Spanish Sputnik pages about the Taliban,
// served from 127.0.0.1, appear under one entity with their forms as written; the analyst's alias pulls another
// name into the group; a rejection with its reason shows in the precision per rule and per language.
import { test, expect, shot } from './fixtures.ts';
import { rss, type Item } from './local-feeds.ts';

const at = (h: number): Date => new Date(Date.UTC(2026, 10, 24, h));
const FEEDS: { path: string; title: string; items: (origin: string) => Item[] }[] = [
  { path: '/ru.xml', title: 'Sputnik на русском', items: (o) => [{ guid: 'ru1', title: 'Кандагар', link: `${o}/ru1`, date: at(10),
    html: '<p>Представители движения «Талибан»* заявили о взятии Кандагара.</p><p>*Террористическая организация, запрещена в России.</p>' }] },
  { path: '/ar.xml', title: 'سبوتنيك عربي', items: (o) => [{ guid: 'ar1', title: 'قندهار', link: `${o}/ar1`, date: at(9),
    html: '<p>أعلنت حركة طالبان* سيطرتها على قندهار.</p><p>*منظمة إرهابية محظورة في روسيا.</p>' }] },
  { path: '/es.xml', title: 'Sputnik Mundo', items: (o) => [
    { guid: 'es1', title: 'Kandahar', link: `${o}/es1`, date: at(8),
      html: '<p>El movimiento talibán* anunció la toma de Kandahar.</p><p>*Organización terrorista prohibida en Rusia.</p>' },
    { guid: 'es2', title: 'Kabul', link: `${o}/es2`, date: at(7),
      html: '<p>El Emirato Islámico* anunció un nuevo gobierno en Kabul.</p><p>*Organización terrorista prohibida en Rusia.</p>' },
  ] },
];

test('the Flags view shows ru, ar and es pages under one canonical entity; an alias regroups; rejections teach', async ({ page, app, feeds }) => {
  await page.goto(app.url);
  for (const f of FEEDS) {
    feeds.set(f.path, rss(f.title, f.items(feeds.origin)));
    await page.getByTestId('add-feed').click();
    await page.getByTestId('add-feed-url').fill(feeds.url(f.path));
    await page.getByTestId('add-feed-submit').click();
    await expect(page.getByTestId('feed-item').filter({ hasText: f.title })).toHaveCount(1);
  }

  await page.getByTestId('view-all').click();
  await expect(page.getByTestId('list-total')).toHaveText('4 articles');

  await page.getByTestId('flags-button').click();
  const entities = page.getByTestId('flag-entity');
  const taliban = entities.filter({ has: page.getByTestId('flag-entity-name').getByText('Taliban', { exact: true }) });
  await expect(entities).toHaveCount(2);
  await expect(taliban.getByTestId('flag-row')).toHaveCount(3);
  for (const form of ['“Талибан”', '“طالبان”', '“talibán”']) await expect(taliban.getByTestId('flag-forms')).toContainText(form);
  await expect(entities.filter({ hasText: 'Emirato Islámico' })).toHaveCount(1);
  await shot(page, 'flags-by-entity');

  // The analyst says the Islamic Emirate is the Taliban, naming it by the Russian alias the table knows.
  await page.getByTestId('alias-name').fill('Emirato Islámico');
  await page.getByTestId('alias-canonical').fill('Талибан');
  await page.getByTestId('alias-lang').fill('es');
  await page.getByTestId('alias-submit').click();
  await expect(page.getByTestId('alias-row')).toContainText('Taliban');
  await expect(entities).toHaveCount(1);
  await expect(taliban.getByTestId('flag-forms')).toContainText('“Emirato Islámico”');
  await expect(taliban.locator('th .num')).toHaveText('4');
  await shot(page, 'flags-alias');

  // label:"Taliban" lists all four; reject the Spanish emirate page with a reason, confirm the Russian one.
  await taliban.getByTestId('flag-entity-name').click();
  await expect(page.getByTestId('list-total')).toHaveText('4 articles');
  const label = page.getByTestId('reader-label');
  await page.getByTestId('article-row').filter({ hasText: 'Kabul' }).click();
  await label.getByRole('button', { name: 'Reject' }).click();
  await page.getByTestId('reject-reason').selectOption('wrong_entity');
  await page.getByTestId('reject-note').fill('the emirate is the state, not the movement');
  await page.getByTestId('reject-submit').click();
  await expect(label).toContainText('rejected · wrong entity');
  await page.getByTestId('article-row').filter({ hasText: 'Кандагар' }).click();
  await label.getByRole('button', { name: 'Confirm' }).click();
  await expect(label).toContainText('confirmed');

  await page.getByTestId('flags-button').click();
  const byRule = page.getByTestId('precision-rule').getByTestId('precision-row');
  await expect(byRule).toHaveCount(1);
  await expect(byRule).toContainText('footnote');
  await expect(byRule).toContainText('50%');
  await expect(byRule).toContainText('wrong entity 1');
  const byLanguage = page.getByTestId('precision-language').getByTestId('precision-row');
  await expect(byLanguage.first()).toContainText('es');
  await expect(byLanguage.first()).toContainText('0%');
  await expect(byLanguage.filter({ hasText: 'ru' })).toContainText('100%');
  await shot(page, 'flags-precision');
});

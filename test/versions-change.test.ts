// What counts as a change (electron/articles/significant-change.ts, CHANGES.md): pairs of real-shaped pages that
// differ only in chrome make no version; real edits do. Pages go through the real extractor (Readability) and
// feed HTML through the real htmlToText; labels come from the real footnote detector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../electron/articles/extract.ts';
import { htmlToText } from '../electron/text/html-text.ts';
import { detectLabels } from '../electron/labels/footnotes.ts';
import { changeFingerprint, comparableText, significantChange } from '../electron/articles/significant-change.ts';
import type { Label } from '../electron/model.ts';
import { summariseVersion, textSha256, type VersionContent } from '../electron/articles/versions.ts';

const PAGES = join(import.meta.dirname, 'fixtures', 'pages');
const sputnik = readFileSync(join(PAGES, 'sputnik-us-airspace.html'), 'utf8');
const courier = readFileSync(join(PAGES, 'news-article.html'), 'utf8');
const SPUTNIK_URL = 'https://sputniknews.com/20210809/fears-of-backlash-1083562135.html';

function fromPage(html: string): VersionContent {
  const a = extractArticle(html, SPUTNIK_URL);
  return { title: a.title, text: a.text, labels: detectLabels(a.text) };
}

function fromFeedHtml(title: string, html: string): VersionContent {
  const text = htmlToText(html);
  return { title, text, labels: detectLabels(text) };
}

/** Puts `html` into the Sputnik article body, after its third text block. */
function intoSputnikBody(page: string, html: string): string {
  const marker = '<div class="article__block" data-type="text"><div class="article__text">As per satellite data';
  assert.ok(page.includes(marker));
  return page.replace(marker, `${html}\n${marker}`);
}

const block = (text: string): string => `<div class="article__block" data-type="text"><div class="article__text">${text}</div></div>`;

/** The chrome a page carries in and around its article body, in one of its rotating states, marked up the way
 * Sputnik and similar sites mark it up (an ad slot, an inline "related" card, an update time, counters). */
function sputnikChrome(state: { ad: string; views: string; comments: number; updated: string; related: string[]; cardTime: string; utm: string; spaces: string }): string {
  const s = state.spaces;
  return [
    `<div class="article__block" data-type="banner"><div class="banner m-article-body"><span class="banner__label">Advertisement</span><a class="banner__link" href="https://ads.example/click?id=${state.comments}">${state.ad}</a></div></div>`,
    `<div class="article__block" data-type="article"><div class="article__article m-image"><a href="/20210808/1083.html?${state.utm}" class="article__article-image"><img src="/i/${state.comments}.jpg"></a>`
      + `<div class="article__article-desc"><a href="/20210808/1083.html?${state.utm}" class="article__article-title">${state.related[0]}</a></div>`
      + `<div class="article__article-info"><span class="elem-info__date">${state.cardTime}</span><span class="elem-info__views">${state.views}</span></div></div></div>`,
    block(`Read also: <a href="/20210808/1084.html?${state.utm}">${state.related[1]}</a>`),
    `<p class="article__updated">Updated${s}${state.updated}</p>`,
    block(`Source of the satellite data:${s}https://flightradar.example/track/1083?${state.utm}`),
    `<div class="related"><h3>Related</h3><ul>${state.related.map((r, i) => `<li><a href="/${i}?${state.utm}">${r}</a></li>`).join('')}</ul></div>`,
    `<div class="views">${state.views} views · ${state.comments} comments</div>`,
    `<div class="share"><a href="https://t.me/share/url?url=x&${state.utm}">Share on Telegram</a></div>`,
  ].join(`\n${s}`);
}

const CHROME_A = { ad: 'Cheap flights to Dubai from $99', views: '1,204', comments: 12, updated: '5 minutes ago', related: ['Kremlin comments on Kabul talks', 'Oil prices climb for third day', 'Pakistan summons US envoy'], cardTime: '12:04 GMT 08.08.2021', utm: 'utm_source=sputnik&utm_medium=related', spaces: ' ' };
const CHROME_B = { ad: 'Your new home in Sochi: apartments from 5 million', views: '5,877', comments: 31, updated: '2 hours ago', related: ['Biden speaks to Ghani by phone', 'Gold slips as dollar firms', 'Taliban seize sixth provincial capital'], cardTime: '09:41 GMT 09.08.2021', utm: 'utm_source=tg&fbclid=IwAR0xyz&gclid=77', spaces: '\u00a0 ' };

test('a Sputnik page whose ad, counters, "updated" time, related links and tracking parameters rotate makes no new version', () => {
  const a = fromPage(intoSputnikBody(sputnik, sputnikChrome(CHROME_A)));
  const b = fromPage(intoSputnikBody(sputnik, sputnikChrome(CHROME_B)));
  assert.notEqual(a.text, b.text, 'the extracted texts differ (the chrome survived extraction)');
  // Readability drops the ad and the link lists; what it keeps (the card's time, the update time, the counters,
  // the tracking link in the text) is what the rules must set aside.
  for (const leaked of ['12:04 GMT 08.08.2021', 'Updated 5 minutes ago', '1,204 views · 12 comments', 'utm_source=sputnik']) {
    assert.ok(a.text.includes(leaked), `"${leaked}" survives extraction`);
  }
  const decision = significantChange(a, b);
  assert.equal(decision.changed, false, decision.reason);
  assert.deepEqual(decision.parts, []);
  assert.equal(changeFingerprint(a), changeFingerprint(b));
  // And against the page with no chrome but the article's own source line (no tracking parameters): the same.
  const bare = fromPage(intoSputnikBody(sputnik, block('Source of the satellite data: https://flightradar.example/track/1083')));
  assert.equal(significantChange(bare, b).changed, false);
});

test('whitespace, NBSP, soft hyphens, zero-width spaces and decomposed Unicode make no new version', () => {
  const plain = intoSputnikBody(sputnik, block('The envoy later flew to Zürich for talks with the Taliban.'));
  const noisy = intoSputnikBody(sputnik, block('The   en\u00advoy later\u00a0flew to Zu\u0308rich for\u200b talks\n   with the Taliban.'))
    .replace(/<\/div><\/div>\n/g, '</div></div>\n\n    \t');
  const a = fromPage(plain);
  const b = fromPage(noisy);
  assert.notEqual(a.text, b.text);
  assert.equal(significantChange(a, b).changed, false, significantChange(a, b).reason);
});

/** The Courier story's body as its feed would carry it in content:encoded. */
const courierBody = /<div class="story-body">([\s\S]*?)<\/div>\s*<div class="story-tags">/.exec(courier)?.[1] ?? '';

test('feed HTML with rotating chrome and tracking links (no Readability in between) makes no new version', () => {
  assert.ok(courierBody.includes('Flood defences along the River Severn'));
  const withChrome = (views: string, ago: string, related: string[], utm: string): string => courierBody
    .replace('<h2>Warnings ignored</h2>', `<p>${views} views</p><p>Updated ${ago}</p><p>Advertisement</p><p>${related[2]}</p>
      <p>Full report: https://environment-agency.example/severn?${utm}</p>
      <h3>Most read</h3><ul>${related.map((r) => `<li><a href="/news/${r.length}?${utm}">${r}</a></li>`).join('')}</ul>
      <p>Read also: <a href="/news/rail?${utm}">${related[0]}</a></p>
      <h2>Warnings ignored</h2>`)
    .replace('Upton-upon-Severn had', `<a href="https://courier.example/upton?${utm}">Upton-upon-Severn</a> had`);
  const a = fromFeedHtml('Flood defences fail', withChrome('1,204', '3 minutes ago', ['Rail strike dates announced', 'Cup draw: holders face away trip', 'Win a weekend in Bath'], 'utm_source=rss'));
  const b = fromFeedHtml('Flood defences fail', withChrome('98,311', '1 hour ago', ['Ministers to visit flood area', 'Weather: more rain on the way', 'Half price wellies today'], 'utm_campaign=x&mc_cid=9'));
  assert.notEqual(a.text, b.text);
  assert.ok(a.text.includes('Win a weekend in Bath') && a.text.includes('Most read'), 'the chrome is in the feed text');
  const decision = significantChange(a, b);
  assert.equal(decision.changed, false, decision.reason);
  // The same body with one figure edited is a version.
  const edited = fromFeedHtml('Flood defences fail', withChrome('98,311', '1 hour ago', ['Ministers to visit flood area', 'Weather: more rain on the way', 'Half price wellies today'], 'utm_campaign=x')
    .replace('340 properties', '430 properties'));
  assert.deepEqual(significantChange(a, edited).parts, ['text']);
});

test('a changed sentence in the article makes a version (text)', () => {
  const before = fromPage(intoSputnikBody(sputnik, sputnikChrome(CHROME_A)));
  const edited = sputnik.replace('using an air base in Qatar to fly these missions', 'using an air base in Saudi Arabia to fly these missions');
  const after = fromPage(intoSputnikBody(edited, sputnikChrome(CHROME_B)));
  const decision = significantChange(before, after);
  assert.equal(decision.changed, true);
  assert.deepEqual(decision.parts, ['text']);
  assert.equal(decision.reason, 'The text changed.');
});

test('a dropped footnote makes a version (text and labels), even when the chrome rotated too', () => {
  const before = fromPage(intoSputnikBody(sputnik, sputnikChrome(CHROME_A)));
  const dropped = sputnik.replace(/<div class="article__block" data-type="text"><div class="article__text"><em>\*The Taliban is a terrorist group[^<]*<\/em><\/div><\/div>/, '');
  assert.notEqual(dropped, sputnik);
  const after = fromPage(intoSputnikBody(dropped.replace(/Taliban\*/g, 'Taliban'), sputnikChrome(CHROME_B)));
  assert.ok(before.labels.some((l) => l.kind === 'terrorist' && /taliban/i.test(l.entity)), 'the detector finds the footnote label before');
  assert.equal(after.labels.length, 0);
  const decision = significantChange(before, after);
  assert.deepEqual(decision.parts, ['text', 'labels']);
});

test('a footnote right after a related-links block is content, never chrome', () => {
  const base = 'Main paragraph of the story about the talks.\nRead also\nKremlin comments on Kabul talks\nGold slips as dollar firms';
  const withNote = `${base}\n*The Taliban is a terrorist group banned in Russia`;
  assert.notEqual(comparableText(base), comparableText(withNote));
  assert.match(comparableText(withNote), /\*The Taliban is a terrorist group banned in Russia$/);
});

test('a changed title makes a version (title only)', () => {
  const newTitle = 'US Uses Pakistani Airspace to Bomb Taliban Targets, Pakistan Denies';
  const retitled = sputnik.replaceAll('Fears of Backlash as US &#x27;Uses Pakistani Airspace to Bomb Taliban Targets in Afghanistan&#x27;', newTitle)
    .replaceAll('Fears of Backlash as US \'Uses Pakistani Airspace to Bomb Taliban Targets in Afghanistan\'', newTitle);
  const before = fromPage(sputnik);
  const after = fromPage(retitled);
  assert.equal(after.title, newTitle);
  const decision = significantChange(before, after);
  assert.deepEqual(decision.parts, ['title']);
  assert.equal(decision.changed, true);
});

test('a label that changes kind makes a version; evidence and offsets that merely move do not', () => {
  const text = 'Story text.';
  const label: Label = { kind: 'foreign_agent', entity: 'Meduza', canonical: 'Meduza', marker: null, evidence: 'x', start: 0, end: 1, rule: 'test' };
  const rekinded: Label = { ...label, kind: 'undesirable' };
  const moved: Label = { ...label, start: 40, end: 60, evidence: 'y', entity: 'MEDUZA' };
  assert.deepEqual(significantChange({ title: 't', text, labels: [label] }, { title: 't', text, labels: [rekinded] }).parts, ['labels']);
  assert.equal(significantChange({ title: 't', text, labels: [label] }, { title: 't', text, labels: [moved] }).changed, false);
  // With canonical names, inflections of one entity are one label.
  const inflected = [{ kind: 'extremist' as const, entity: 'Алексеем Навальным', canonical: 'Alexei Navalny' }];
  assert.equal(significantChange({ title: 't', text, labels: [{ kind: 'extremist', entity: 'Алексей Навальный', canonical: 'Alexei Navalny' }] }, { title: 't', text, labels: inflected }).changed, false);
});

test('the volatile-line rules take chrome out and leave look-alike content in', () => {
  const chrome = [
    'Updated 5 minutes ago', '3 hours ago', 'Обновлено 2 часа назад', '5 мин. назад', 'vor 2 Stunden', 'il y a 5 minutes', 'hace 3 horas', '5分钟前', 'just now',
    'Updated: 14.03.2024, 09:10', 'Updated 14 March 2024, 09:10 GMT', 'Обновлено 9 августа 2021, 16:22 (МСК)', 'Обновлено 09.08.2021 16:22 (МСК)', '15:57 GMT 09.08.2021', '2024-03-14 09:10 UTC',
    '1,204 views', 'Views: 1204', 'Просмотров: 5 120', '12 comments · 1.2K shares', '👁 1204', '💬 12',
    'Share', 'Share on Facebook', 'Поделиться', 'Read also: Kremlin comments on talks', 'Читайте также: Песков прокомментировал переговоры',
  ];
  const content = 'The talks in Doha ended without agreement on Tuesday.';
  for (const line of chrome) {
    assert.equal(comparableText(`${content}\n${line}`), content, `"${line}" is chrome`);
  }
  const kept = [
    'Shares rose 4% on Monday', 'Published 14.03.2024', '172', '1,204', 'Warnings ignored', 'Updated figures show 340 homes', 'Updated figures show 340 homes were evacuated after the barriers failed overnight in the county',
    'Read the full report on the agency\'s website.', 'Most of the residents were moved to rest centres in schools.',
  ];
  for (const line of kept) {
    assert.equal(comparableText(`${content}\n${line}`), `${content} ${line}`, `"${line}" is content`);
  }
  // The line after an ad label goes only when it reads as ad copy; a sentence after it stays.
  assert.equal(comparableText(`${content}\nAdvertisement\nThe minister resigned on Friday.`), `${content} The minister resigned on Friday.`);
  // A number in a table cell that changes is an edit.
  assert.notEqual(comparableText('Casualties\n172'), comparableText('Casualties\n200'));
});

test('tracking parameters in links written in the text are set aside; other parameters are not', () => {
  assert.equal(comparableText('See https://a.example/r?id=7&utm_source=x#top'), comparableText('See https://a.example/r?id=7&fbclid=1'));
  assert.notEqual(comparableText('See https://a.example/r?id=7'), comparableText('See https://a.example/r?id=8'));
});

test('an empty new fetch says nothing about an edit; a missing new title is not a title change', () => {
  const stored: VersionContent = { title: 'Title', text: 'Some text here.', labels: [] };
  assert.equal(significantChange(stored, { title: 'Title', text: ' \n ', labels: [] }).changed, false);
  assert.equal(significantChange(stored, { title: null, text: 'Some text here.', labels: [] }).changed, false);
});

test('the version summary carries the SHA-256 of the stored text as stored, and UTC times', () => {
  const text = 'Кабул,\u00a09 августа.\nТекст.';
  const v = summariseVersion({ n: 2, firstSeen: '2021-08-09T18:57:00+03:00', lastSeen: '2021-08-10T00:00:00Z', title: 'T', text, labels: [
    { kind: 'terrorist', entity: 'Талибан' }, { kind: 'terrorist', entity: 'талибан' }, { kind: 'extremist', entity: 'Meta', canonical: 'Meta' },
  ] });
  // As `printf 'Кабул,\xc2\xa09 августа.\nТекст.' | sha256sum` prints it.
  assert.equal(v.sha256, '830bc29645abb33d08c545deccb0e29723d7bfc44b25ddccab635bb9b8e66a46');
  assert.equal(textSha256('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(v.firstSeen, '2021-08-09T15:57:00.000Z');
  assert.deepEqual(v.labels, [{ kind: 'terrorist', entity: 'Талибан', canonical: null }, { kind: 'extremist', entity: 'Meta', canonical: 'Meta' }]);
  assert.throws(() => summariseVersion({ n: 1, firstSeen: 'yesterday', lastSeen: 'today', title: null, text: '', labels: [] }), /not a date/);
});

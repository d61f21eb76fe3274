import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { extractArticle, NoArticleError } from '../electron/articles/extract.ts';
import { decodeFeedBytes } from '../electron/text/decode.ts';

const page = (name: string): Buffer => readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url));

test('a news page comes out as the article body alone: no share bar, comments, login footer or menus', () => {
  const a = extractArticle(page('news-article.html').toString('utf8'), 'https://courier.example/news/uk/flood');
  assert.equal(a.title, 'Flood defences fail as river reaches record height');
  assert.equal(a.byline, 'Helen Marsh');
  assert.equal(a.published, '2024-03-14T06:45:00.000Z');
  assert.equal(a.lang, 'en-GB');
  const lines = a.text.split('\n');
  assert.equal(lines[0], 'Flood defences along the River Severn were overtopped overnight as water levels reached the highest point since records began, forcing the evacuation of hundreds of homes in Worcestershire and Gloucestershire.');
  assert.ok(lines.includes('Warnings ignored'), 'the subheading is its own line');
  assert.equal(lines.at(-1), 'The government\'s flood minister is due to visit the area on Friday morning. Opposition MPs have called for an urgent statement in the Commons on funding for permanent defences.');
  for (const junk of ['Share on Facebook', 'Copy link', 'WhatsApp', 'Comments (3)', 'RiversideRon', 'Utterly predictable', 'logged in to comment', 'Create an account', 'Most viewed', 'Sign up to our morning briefing', 'Cookie settings', 'All rights reserved', 'Subscribe']) {
    assert.ok(!a.text.includes(junk), `"${junk}" is not article text`);
    assert.ok(!a.html.includes(junk), `"${junk}" is not article HTML`);
  }
});

test('the extracted HTML is sanitised', () => {
  const a = extractArticle(page('news-article.html').toString('utf8'), 'https://courier.example/news/uk/flood');
  const { document } = new JSDOM(a.html).window;
  assert.equal(document.querySelectorAll('script, button, form, style').length, 0);
  for (const el of document.querySelectorAll('*')) {
    assert.ok(![...el.attributes].some((attr) => attr.name.startsWith('on')), `${el.tagName} has no event handler`);
  }
  assert.ok(document.querySelectorAll('p').length >= 7);
});

test('a Sputnik-style page keeps the legal footnote line and loses the site chrome', () => {
  const a = extractArticle(page('sputnik-us-airspace.html').toString('utf8'), 'https://sputniknews.com/20210809/fears-of-backlash-1083562135.html');
  assert.equal(a.title, 'Fears of Backlash as US \'Uses Pakistani Airspace to Bomb Taliban Targets in Afghanistan\'');
  assert.equal(a.published, '2021-08-09T15:57:00.000Z', 'Sputnik writes article:published_time as 20210809T1557+0000');
  assert.equal(a.lang, 'en');
  const lines = a.text.split('\n');
  // The labels detector reads the marker in the body and the footnote at the end: both must be there.
  assert.ok(lines.some((l) => l.startsWith('US bombing raids against Taliban* targets in Afghanistan')));
  assert.equal(lines.at(-1), '*The Taliban is a terrorist group banned in Russia and many other countries.');
  assert.ok(lines.includes('The ALOC allows thr passage of American aircraft through the skies over Balochistan.'));
  assert.ok(lines.some((l) => l.startsWith('“Absolutely not. There is no way we are going to allow any bases')), 'quote blocks are kept');
  for (const junk of ['To participate in the discussion', 'log in or register', 'Заголовок открываемого материала', 'Get the latest news from around the world', 'Telegram', '1,204', 'All rights reserved', 'Taliban Seize Third Afghan Provincial Capital']) {
    assert.ok(!a.text.includes(junk), `"${junk}" is not article text`);
  }
});

test('a windows-1251 Russian page decodes through its meta charset and keeps its footnote', () => {
  const bytes = page('ru-kabul-windows-1251.html');
  assert.ok(!bytes.toString('utf8').includes('Кабул'), 'the fixture really is windows-1251');
  const a = extractArticle(decodeFeedBytes(bytes, null), 'https://news.example.ru/world/2021/08/16/kabul.html');
  assert.equal(a.title, 'В Кабуле закрылись посольства западных стран');
  assert.equal(a.byline, 'Ирина Соколова');
  assert.equal(a.lang, 'ru');
  assert.equal(a.published, '2021-08-16T07:30:00.000Z');
  const lines = a.text.split('\n');
  assert.ok(lines[0]?.startsWith('Посольства ряда западных государств в Кабуле'));
  assert.ok(lines.includes('* Движение «Талибан» признано террористическим и запрещено в России.'));
  for (const junk of ['Поделиться', 'Комментарии', 'войдите на сайт', 'Регистрация', 'Все права защищены']) {
    assert.ok(!a.text.includes(junk), `"${junk}" is not article text`);
  }
});

test('a page with no article is a clear NoArticleError naming the page', () => {
  assert.throws(
    () => extractArticle(page('no-article-consent.html').toString('utf8'), 'https://courier.example/consent'),
    (err: Error) => err instanceof NoArticleError && err.message.includes('https://courier.example/consent') && /no main block of text/.test(err.message),
  );
  assert.throws(() => extractArticle('', null), NoArticleError);
});

test('a hostile page nested 100,000 levels deep is refused quickly instead of hanging', () => {
  const html = `<html><body>${'<div>'.repeat(100_000)}<p>${'word '.repeat(100)}</p>${'</div>'.repeat(100_000)}</body></html>`;
  assert.throws(() => extractArticle(html, 'https://evil.example/deep'), (err: Error) => err instanceof NoArticleError && /nest more than/.test(err.message));
});

test('relative links and images resolve against the page (and its <base>); images wait in data-src', () => {
  const body = `<p>${'Reporting from the capital on the vote count. '.repeat(6)}<a href="/politics/vote">more</a></p><p><img src="img/chart.png" alt="chart"></p><p>${'Officials said the count would finish on Monday. '.repeat(4)}</p>`;
  const a = extractArticle(`<html><head><title>Vote</title></head><body><article>${body}</article></body></html>`, 'https://news.example/2024/story.html');
  const { document } = new JSDOM(a.html).window;
  assert.equal(document.querySelector('a')?.getAttribute('href'), 'https://news.example/politics/vote');
  assert.equal(document.querySelector('img')?.getAttribute('data-src'), 'https://news.example/2024/img/chart.png');
  assert.equal(document.querySelector('img')?.hasAttribute('src'), false);

  const based = extractArticle(`<html><head><base href="https://cdn.example/site/"></head><body><article>${body}</article></body></html>`, 'https://news.example/2024/story.html');
  assert.equal(new JSDOM(based.html).window.document.querySelector('a')?.getAttribute('href'), 'https://cdn.example/politics/vote');
});

test('published falls back from meta to JSON-LD to <time datetime>', () => {
  const text = `<p>${'The committee published its findings on the budget today. '.repeat(5)}</p>`;
  const ld = `<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2023-05-01T12:00:00+02:00"}]}</script></head><body><article>${text}</article></body></html>`;
  assert.equal(extractArticle(ld, null).published, '2023-05-01T10:00:00.000Z');
  const time = `<html><body><article><time datetime="2022-12-24T18:30:00-05:00">Christmas Eve</time>${text}</article></body></html>`;
  assert.equal(extractArticle(time, null).published, '2022-12-24T23:30:00.000Z');
  const none = `<html><body><article>${text}</article></body></html>`;
  assert.equal(extractArticle(none, null).published, null);
});

test('a hostile page with an absurd number of elements is refused before Readability walks it', () => {
  const html = `<html><body>${'<div><span>x</span><a href="/a">link</a></div>'.repeat(12_000)}</body></html>`;
  assert.throws(() => extractArticle(html, 'https://evil.example/wide'), (err: Error) => err instanceof NoArticleError && /about 36002 elements, more than the 30000/.test(err.message));
});

test('a hostile article page comes out as its text, with nothing that runs, frames, submits, styles or loads', () => {
  const a = extractArticle(page('hostile-article.html').toString('utf8'), 'https://news.example/2024/convoy.html');
  assert.ok(a.text.startsWith('The defence ministry on Tuesday denied reports that a grain convoy had come under fire'));
  assert.ok(a.text.includes('Officials urged the public to rely on official channels'));
  const { document } = new JSDOM(a.html).window;
  assert.deepEqual([...document.querySelectorAll('script, style, link, meta, base, iframe, frame, object, embed, form, input, button, svg, math')].map((e) => e.tagName), []);
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      assert.ok(!attr.name.startsWith('on') && attr.name !== 'style' && attr.name !== 'srcdoc', `${el.tagName} ${attr.name}`);
      if (attr.name === 'href' || attr.name === 'src' || attr.name === 'data-src') assert.match(attr.value, /^(https?:|mailto:|#)/, `${el.tagName} ${attr.name}=${attr.value}`);
    }
  }
  assert.ok(!/evil\.example/.test(a.html), 'no address of the attacker is left to load');
  assert.equal(document.querySelector('img[src]'), null, 'no image loads until the user allows');
});

test('a footnote the site keeps outside the article container is brought back when the text marks it', () => {
  const a = extractArticle(page('sputnik-footnote-apart.html').toString('utf8'), 'https://sputniknews.com/20210809/story.html');
  const lines = a.text.split('\n');
  assert.equal(lines.at(-1), '*The Taliban is a terrorist group banned in Russia and many other countries.');
  assert.equal(lines.filter((l) => l.startsWith('*The Taliban')).length, 1);
  assert.ok(a.html.endsWith('<p>*The Taliban is a terrorist group banned in Russia and many other countries.</p>'));
  assert.ok(!a.text.includes('log in or register'));

  // Where it was inside the body, it is there once, not twice.
  const inside = extractArticle(page('sputnik-us-airspace.html').toString('utf8'), null).text.split('\n');
  assert.equal(inside.filter((l) => l.startsWith('*The Taliban')).length, 1);
});

test('an asterisk line elsewhere on the page is not added when the article marks nothing', () => {
  const story = `<p>${'The council approved the new budget after a long debate on Tuesday evening. '.repeat(5)}</p>`;
  const html = `<html><body><article>${story}${story}</article><footer><p>* Prices include VAT and delivery.</p></footer></body></html>`;
  assert.ok(!extractArticle(html, null).text.includes('Prices include VAT'));
  // The same page with a marked word: now the line is the article's footnote.
  assert.ok(extractArticle(html.replace('new budget', 'new budget*'), null).text.endsWith('\n* Prices include VAT and delivery.'));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { runCli, runCliAsync } from './support/library-fixture.ts';
import { serve, startFeedServer } from './support/feed-server.ts';
import { tempDir } from './helpers.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/pages/${name}`, import.meta.url));

test('footnote extract <file> --json prints exactly {title, byline, published, lang, text, html}', (t) => {
  const run = runCli(tempDir(t), ['extract', fixture('sputnik-us-airspace.html'), '--url', 'https://sputniknews.com/20210809/story.html', '--json']);
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout) as Record<string, unknown>;
  assert.deepEqual(Object.keys(out), ['title', 'byline', 'published', 'lang', 'text', 'html']);
  assert.equal(out['title'], 'Fears of Backlash as US \'Uses Pakistani Airspace to Bomb Taliban Targets in Afghanistan\'');
  assert.equal(out['byline'], null);
  assert.equal(out['published'], '2021-08-09T15:57:00.000Z');
  assert.equal(out['lang'], 'en');
  assert.match(out['text'] as string, /\n\*The Taliban is a terrorist group banned in Russia and many other countries\.$/);
  assert.match(out['html'] as string, /href="https:\/\/sputniknews\.com\/20210808\/taliban-seize-third/, '--url resolves the page\'s relative links');
});

test('footnote extract without --json prints the title, the metadata line and the text', (t) => {
  const run = runCli(tempDir(t), ['extract', fixture('ru-kabul-windows-1251.html')]);
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.split('\n');
  assert.equal(lines[0], 'В Кабуле закрылись посольства западных стран');
  assert.equal(lines[1], 'Ирина Соколова · 2021-08-16 07:30 · ru');
  assert.equal(lines[2], '');
  assert.ok(lines[3]?.startsWith('Посольства ряда западных государств'));
});

test('footnote extract <url> fetches the page (the typed localhost address is allowed)', async (t) => {
  const s = await startFeedServer({ '/story': serve(readFileSync(fixture('news-article.html')), 'text/html; charset=utf-8') });
  t.after(() => s.close());
  const run = await runCliAsync(tempDir(t), ['extract', s.url('/story'), '--json']);
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout) as { title: string; text: string; html: string };
  assert.equal(out.title, 'Flood defences fail as river reaches record height');
  assert.ok(out.text.startsWith('Flood defences along the River Severn'));
  assert.match(s.requestsTo('/story')[0]?.headers['accept'] ?? '', /text\/html/);
});

test('footnote extract fails with one clear line: no article, no file, no argument', (t) => {
  const dir = tempDir(t);
  const none = runCli(dir, ['extract', fixture('no-article-consent.html'), '--json']);
  assert.equal(none.status, 1);
  assert.equal(none.stdout, '');
  assert.match(none.stderr, /^footnote extract: No article text found in the page: the page has no main block of text/);
  assert.equal(none.stderr.trim().split('\n').length, 1);

  const missing = runCli(dir, ['extract', '/nonexistent/page.html']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /\/nonexistent\/page\.html: no such file/);

  const usage = runCli(dir, ['extract']);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /Usage: footnote extract <file\|url> \[--url U\]/);
});

test('footnote extract --json gives the language of the text, the page\'s lang attribute only as a hint', (t) => {
  const dir = tempDir(t);
  const ru = runCli(dir, ['extract', fixture('ru-text-lang-en.html'), '--json']);
  assert.equal(ru.status, 0, ru.stderr);
  assert.equal((JSON.parse(ru.stdout) as { lang: string }).lang, 'ru', 'Russian text on a page declared lang="en"');
  const en = runCli(dir, ['extract', fixture('news-article.html'), '--json']);
  assert.equal((JSON.parse(en.stdout) as { lang: string }).lang, 'en', 'lang="en-GB" English text is en, an ISO 639-1 code');
});

// Deletion evidence rules (electron/articles/recheck-verdict.ts): each way a re-check can come back, and its
// verdict. Pages go through the real extractor and labels through the real detector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle, NoArticleError } from '../electron/articles/extract.ts';
import { htmlToText } from '../electron/text/html-text.ts';
import { detectLabels } from '../electron/labels/footnotes.ts';
import { judgeRecheck, type RecheckResponse, type RecheckSite } from '../electron/articles/recheck-verdict.ts';
import type { VersionContent } from '../electron/articles/versions.ts';

const ARTICLE = 'https://sputniknews.com/20210809/fears-of-backlash-1083562135.html';
const site: RecheckSite = {
  articleUrl: ARTICLE,
  homeUrls: ['https://sputniknews.com/'],
  sectionUrls: ['https://sputniknews.com/world/', 'https://sputniknews.com/military/'],
};
const sputnik = readFileSync(join(import.meta.dirname, 'fixtures', 'pages', 'sputnik-us-airspace.html'), 'utf8');

/** What the re-check pipeline would hand over for a 2xx page: the page title, and the extracted article. */
function served(html: string, status = 200, finalUrl = ARTICLE, headers: Record<string, string> = {}): RecheckResponse {
  const pageTitle = /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? null;
  let page: VersionContent;
  try {
    const a = extractArticle(html, finalUrl);
    page = { title: a.title, text: a.text, labels: detectLabels(a.text) };
  } catch (err) {
    if (!(err instanceof NoArticleError)) throw err;
    page = { title: null, text: '', labels: [] };
  }
  return { status, finalUrl, headers, pageTitle, pageText: htmlToText(html), page };
}

const failed = (status: number | null, headers: Record<string, string> = {}, error: string | null = null): RecheckResponse =>
  ({ status, error, finalUrl: status === null ? null : ARTICLE, headers, pageTitle: null, pageText: '', page: { title: null, text: '', labels: [] } });

const stored = served(sputnik).page;

test('the same page is live; an edited page is edited, with what changed', () => {
  const live = judgeRecheck(site, served(sputnik), stored);
  assert.equal(live.state, 'live', live.reason);
  assert.equal(live.change?.changed, false);
  const edited = judgeRecheck(site, served(sputnik.replace('air base in Qatar', 'air base in Saudi Arabia')), stored);
  assert.equal(edited.state, 'edited');
  assert.deepEqual(edited.change?.parts, ['text']);
  const unlabelled = judgeRecheck(site, served(sputnik.replace(/<em>\*The Taliban is a terrorist group[^<]*<\/em>/, '')), stored);
  assert.equal(unlabelled.state, 'edited');
  assert.deepEqual(unlabelled.change?.parts, ['text', 'labels']);
});

test('an article that has left the feed but whose page is still there is live: the feed is no input', () => {
  // judgeRecheck reads the page alone; nothing about the feed can be passed, so leaving it can never delete.
  assert.equal(judgeRecheck(site, served(sputnik), stored).state, 'live');
  assert.equal(judgeRecheck.length, 3);
});

test('304 Not Modified is live', () => {
  const v = judgeRecheck(site, failed(304), stored);
  assert.equal(v.state, 'live');
  assert.match(v.reason, /304/);
});

test('404 and 410 are deleted, with the status in the reason', () => {
  for (const status of [404, 410]) {
    const v = judgeRecheck(site, failed(status), stored);
    assert.equal(v.state, 'deleted');
    assert.match(v.reason, new RegExp(String(status)));
  }
});

test('a redirect to the home page or a section front is deleted', () => {
  const home = '<html><head><title>Sputnik International</title></head><body><nav>World US Russia</nav><h2><a href="/a">Top story</a></h2></body></html>';
  for (const [finalUrl, word] of [
    ['https://sputniknews.com/', 'home page'],
    ['https://www.sputniknews.com', 'home page'],
    ['https://sputniknews.com/?utm_source=redirect', 'home page'],
    ['https://sputniknews.com/en/', 'home page'],
    ['https://sputniknews.com/world/', 'section front'],
    ['https://sputniknews.com/20210809/', 'section front'],
    ['https://sputniknews.com/politics', 'section front'],
  ] as const) {
    const v = judgeRecheck(site, served(home, 200, finalUrl), stored);
    assert.equal(v.state, 'deleted', `${finalUrl}: ${v.reason}`);
    assert.match(v.reason, new RegExp(word));
  }
});

test('a redirect to the article\'s new address is judged on its content, not taken for a deletion', () => {
  const moved = 'https://sputniknews.com/20210809/fears-of-backlash-as-us-uses-pakistani-airspace-1083562135.html';
  const v = judgeRecheck(site, served(sputnik, 200, moved), stored);
  assert.equal(v.state, 'live', v.reason);
  assert.match(v.reason, /fears-of-backlash-as-us/);
  const flat: RecheckSite = { articleUrl: 'https://outlet.example/kabul-falls-to-the-taliban', homeUrls: [], sectionUrls: [] };
  const renamed = judgeRecheck(flat, served(sputnik, 200, 'https://outlet.example/taliban-take-kabul'), stored);
  assert.equal(renamed.state, 'live', `a renamed slug on a flat site is a move: ${renamed.reason}`);
  const newDomain = judgeRecheck(site, served(sputnik, 200, 'https://sputnikglobe.com/20210809/fears-of-backlash-1083562135.html'), stored);
  assert.equal(newDomain.state, 'live', newDomain.reason);
});

test('a redirect off the site to another site\'s front page (a block page, a domain move) is unknown', () => {
  const block = '<html><head><title>Доступ ограничен</title></head><body><p>Доступ к ресурсу ограничен на основании закона.</p></body></html>';
  const v = judgeRecheck(site, served(block, 200, 'https://blocked.isp.example/'), stored);
  assert.equal(v.state, 'unknown', v.reason);
});

test('a "page not found" page served with 200 is deleted; so is a redirect to an error page', () => {
  const soft404 = `<html><head><title>Page not found - Sputnik International</title></head><body><header><a href="/">Sputnik</a></header>
    <main><h1>Page not found</h1><p>The page you requested could not be found. It may have been moved or deleted. Go back to the home page or use the search to find what you were looking for on our website today.</p></main></body></html>`;
  const v = judgeRecheck(site, served(soft404), stored);
  assert.equal(v.state, 'deleted', v.reason);
  assert.match(v.reason, /not there/);
  const ru = '<html><head><title>Ошибка 404</title></head><body><h1>Страница не найдена</h1></body></html>';
  assert.equal(judgeRecheck(site, served(ru), stored).state, 'deleted');
  const errorPage = judgeRecheck(site, served(soft404, 200, 'https://sputniknews.com/errors/404.html'), stored);
  assert.equal(errorPage.state, 'deleted');
});

test('a long article whose headline says "could not be found" is an article, not a soft 404', () => {
  const headline = sputnik.replaceAll('Fears of Backlash as US &#x27;Uses Pakistani Airspace to Bomb Taliban Targets in Afghanistan&#x27;', 'Wreckage could not be found, officials say')
    .replaceAll('Fears of Backlash as US \'Uses Pakistani Airspace to Bomb Taliban Targets in Afghanistan\'', 'Wreckage could not be found, officials say');
  const v = judgeRecheck(site, served(headline), stored);
  assert.equal(v.state, 'edited', v.reason);
  assert.deepEqual(v.change?.parts, ['title']);
});

test('an empty template (the article text gone) is deleted; a consent or bot wall is unknown', () => {
  const empty = '<html><head><title>Sputnik International</title></head><body><div class="article"><h1></h1><div class="article__body"></div></div></body></html>';
  const v = judgeRecheck(site, served(empty), stored);
  assert.equal(v.state, 'deleted', v.reason);
  assert.match(v.reason, /no longer carries the article/);
  const wall = '<html><head><title>Just a moment...</title></head><body><p>Checking your browser.</p></body></html>';
  assert.equal(judgeRecheck(site, served(wall), stored).state, 'unknown');
  const consent = readFileSync(join(import.meta.dirname, 'fixtures', 'pages', 'no-article-consent.html'), 'utf8');
  assert.equal(judgeRecheck(site, served(consent), stored).state, 'unknown', 'the consent fixture');
});

test('5xx, 429, 503 with Retry-After, timeouts and refusals are unknown (tried again later), never deleted', () => {
  for (const status of [500, 502, 504]) assert.equal(judgeRecheck(site, failed(status), stored).state, 'unknown');
  const slow = judgeRecheck(site, failed(429, { 'retry-after': '120' }), stored);
  assert.equal(slow.state, 'unknown');
  assert.equal(slow.retryAfter, '120');
  assert.equal(judgeRecheck(site, failed(503, { 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT' }), stored).retryAfter, 'Wed, 21 Oct 2026 07:28:00 GMT');
  const timeout = judgeRecheck(site, failed(null, {}, 'The server did not answer within 30 s.'), stored);
  assert.equal(timeout.state, 'unknown');
  assert.match(timeout.reason, /did not answer/);
  for (const status of [401, 403, 451]) assert.equal(judgeRecheck(site, failed(status), stored).state, 'unknown', `${status}`);
});

test('an article known only from its feed: a page that is there is live, with nothing to compare', () => {
  const v = judgeRecheck(site, served(sputnik), null);
  assert.equal(v.state, 'live');
  assert.equal(v.change, null);
  assert.equal(judgeRecheck(site, failed(404), null).state, 'deleted');
});

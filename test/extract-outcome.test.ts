// What happened to an article's full text, as the poller will store it and the UI show it: saved, failed with
// the reason in words, or blocked by a consent wall or a paywall read from the page itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BlockedPageError, extractArticle } from '../electron/articles/extract.ts';
import { classifyFullText, servesWebPage, type FullTextStatus } from '../electron/articles/outcome.ts';
import { fetchUrl } from '../electron/net/fetch.ts';
import { serve, startFeedServer } from './support/feed-server.ts';

const page = (name: string): string => readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url), 'utf8');

/** What the poller would store for this page: extract it, classify the article or the error. */
function outcomeOf(name: string, url = `https://news.example/${name}`): FullTextStatus {
  try {
    return classifyFullText({ url, article: extractArticle(page(name), url) });
  } catch (error) {
    return classifyFullText({ url, error });
  }
}

function assertBlocked(status: FullTextStatus, wall: 'consent' | 'paywall', evidence: RegExp): void {
  assert.equal(status.status, 'blocked', JSON.stringify(status));
  if (status.status !== 'blocked') return;
  assert.equal(status.wall, wall);
  assert.match(status.evidence, evidence);
  assert.deepEqual(status.retry, { when: 'manual' }, 'retrying on its own does not get past a wall');
  assert.match(status.message, wall === 'consent' ? /^A consent wall stands before the article/ : /^The article is behind a paywall/);
}

test('a full article is saved, with its word count', () => {
  const status = outcomeOf('news-article.html');
  assert.equal(status.status, 'saved');
  assert.ok(status.status === 'saved' && status.words > 200);
});

test('"Before you continue to Google" is a consent wall, though its notice is long enough to pass for an article', () => {
  assertBlocked(outcomeOf('consent-google.html'), 'consent', /Google's consent page|consent page titled "Before you continue to Google"/);
});

test('an IAB TCF consent overlay (Sourcepoint) over a teaser is a consent wall', () => {
  assertBlocked(outcomeOf('consent-tcf-overlay.html'), 'consent', /IAB TCF|Sourcepoint/);
});

test('a cookie-wall page with no consent-manager script is a consent wall', () => {
  const status = outcomeOf('no-article-consent.html');
  assertBlocked(status, 'consent', /Before you continue|cookie wall/);
});

test('isAccessibleForFree: false with the locked part missing from the page is a paywall', () => {
  assertBlocked(outcomeOf('paywall-jsonld.html'), 'paywall', /isAccessibleForFree: false/);
});

test('truncated text under a paywall element is a paywall', () => {
  assertBlocked(outcomeOf('paywall-class.html'), 'paywall', /paywall element \(#paywall-container\)|for subscribers only/);
});

test('a paywall marker and a consent banner over a page that carries the whole text: saved', () => {
  const url = 'https://ledger.example/crossing';
  const a = extractArticle(page('paywall-text-present.html'), url);
  assert.ok(a.text.includes('Residents of the streets nearest the eastern approach'));
  assert.ok(!a.text.includes('We use cookies'));
  assert.equal(classifyFullText({ url, article: a }).status, 'saved');
});

test('the blocked error says so in words and names the page', () => {
  assert.throws(() => extractArticle(page('paywall-jsonld.html'), 'https://ledger.example/port'), (err: Error) =>
    err instanceof BlockedPageError && err.wall.kind === 'paywall' && err.message.includes('https://ledger.example/port') && /only a paywall/.test(err.message));
});

test('a page drawn by scripts, a page without an article, and a too-large page fail with their reason', () => {
  const shell = outcomeOf('script-shell.html');
  assert.equal(shell.status === 'failed' && shell.reason, 'script-page');
  const thrown = (html: string): unknown => {
    try {
      extractArticle(html, null);
    } catch (e) {
      return e;
    }
    return assert.fail('the page was extracted');
  };
  const empty = classifyFullText({ url: 'https://x.example/', error: thrown('<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>') });
  assert.equal(empty.status === 'failed' && empty.reason, 'no-article');
  assert.match(empty.status === 'failed' ? empty.message : '', /No article was found on the page/);
  const wide = `<html><body>${'<div><span>x</span><a href="/a">link</a></div>'.repeat(12_000)}</body></html>`;
  const big = classifyFullText({ url: 'https://x.example/', error: thrown(wide) });
  assert.equal(big.status === 'failed' && big.reason, 'too-large');
});

test('a response that is not a web page fails as not HTML, and only web pages (or untyped ones) are worth extracting', () => {
  const status = classifyFullText({ url: 'https://x.example/report.pdf', contentType: 'application/pdf' });
  assert.deepEqual(status, { status: 'failed', reason: 'not-html', httpStatus: null, retry: { when: 'manual' }, message: 'The article\'s address serves application/pdf, not a web page, so there is no text to read from it.' });
  assert.equal(servesWebPage('text/html; charset=utf-8'), true);
  assert.equal(servesWebPage('application/xhtml+xml'), true);
  assert.equal(servesWebPage(null), true);
  assert.equal(servesWebPage('application/rss+xml'), false);
});

test('fetch failures from a real server: HTTP statuses, a timeout, a refused connection, each with its retry advice', async (t) => {
  const s = await startFeedServer({
    '/gone': (_req, res) => { res.writeHead(404); res.end('not here'); },
    '/busy': (_req, res) => { res.writeHead(503, { 'retry-after': '120' }); res.end(); },
    '/slow': (_req, res) => { setTimeout(() => { if (!res.destroyed) { res.writeHead(200); res.end('<p>late</p>'); } }, 2000); },
    '/ok': serve('<p>fine</p>', 'text/html'),
  });
  t.after(() => s.close());
  const attempt = async (path: string, timeoutMs = 10_000): Promise<FullTextStatus> => {
    const url = s.url(path);
    try {
      await fetchUrl(url, { allowHostPort: new URL(url).host, timeoutMs, idleTimeoutMs: timeoutMs });
      return classifyFullText({ url, article: { title: null, byline: null, published: null, lang: null, text: 'fine', html: '<p>fine</p>' } });
    } catch (error) {
      return classifyFullText({ url, error });
    }
  };
  const gone = await attempt('/gone');
  assert.deepEqual(gone.status === 'failed' && [gone.reason, gone.httpStatus, gone.retry.when], ['http-status', 404, 'manual']);
  assert.match(gone.status === 'failed' ? gone.message : '', /HTTP 404/);
  const busy = await attempt('/busy');
  assert.deepEqual(busy.status === 'failed' && [busy.reason, busy.httpStatus, busy.retry], ['http-status', 503, { when: 'auto', retryAfter: '120' }]);
  const slow = await attempt('/slow', 300);
  assert.deepEqual(slow.status === 'failed' && [slow.reason, slow.retry.when], ['timed-out', 'auto']);
  assert.equal((await attempt('/ok')).status, 'saved');

  const closed = await startFeedServer({});
  const url = closed.url('/x');
  await closed.close();
  let refused: FullTextStatus;
  try {
    await fetchUrl(url, { allowHostPort: new URL(url).host });
    assert.fail('the closed port answered');
  } catch (error) {
    refused = classifyFullText({ url, error });
    assert.deepEqual(refused.status === 'failed' && [refused.reason, refused.retry.when], ['unreachable', 'auto']);
  }
});

test('an unexpected error is a failure with its message, not a crash', () => {
  const status = classifyFullText({ url: 'https://x.example/', error: new Error('database is locked') });
  assert.deepEqual(status.status === 'failed' && [status.reason, status.message], ['error', 'Full text could not be saved: database is locked']);
});

// What happened when Footnote tried to get an article's full text, as one typed value the poller stores per
// article and the UI shows: saved, failed (with the reason in words), or blocked by a consent wall or a paywall.
// It also says whether trying again on its own can help, so the poller knows what to retry with backoff and what
// to leave for the user's "try again".
import type { FetchError } from '../net/fetch.ts';
import { BlockedPageError, NoArticleError } from './extract-errors.ts';
import type { ExtractedArticle } from './extract.ts';
import { ExtractCutOffError } from './extract-pool.ts';
import { durationWords } from '../worker-pool.ts';
import type { WallKind } from './walls.ts';

export type FailureReason =
  | 'not-html' // the address serves something else (a PDF, an image, a feed)
  | 'too-large' // the page is larger than Footnote reads, or has more elements than a real page
  | 'no-article' // no main block of text (an index, a login page), or a DOM nothing can walk
  | 'script-page' // the page is drawn by scripts, which Footnote does not run
  | 'too-slow' // reading the page ran past its time limit and was cut off (extract-pool.ts)
  | 'timed-out'
  | 'http-status' // the server answered with an error status
  | 'unreachable' // DNS, refused or cut connection, TLS, redirect loop
  | 'refused-address' // a private or loopback address Footnote will not fetch
  | 'bad-address'
  | 'cancelled'
  | 'error'; // anything else (a bug, a full disk): the message says what

/** When trying again can help: `auto` on the poller's next rounds (with backoff, not before `retryAfter` if
 * the server named a time), `manual` only when the user asks (the page itself must change first). */
export type RetryAdvice = { when: 'auto'; retryAfter: string | null } | { when: 'manual' };

export type FullTextStatus =
  | { status: 'saved'; words: number }
  | { status: 'failed'; reason: FailureReason; httpStatus: number | null; message: string; retry: RetryAdvice }
  | { status: 'blocked'; wall: WallKind; evidence: string; message: string; retry: RetryAdvice };

/** One attempt: the article extracted, or the error the fetch or the extraction threw, or a response that was
 * not a web page (its Content-Type). */
export type FullTextAttempt =
  | { url: string; article: ExtractedArticle }
  | { url: string; error: unknown }
  | { url: string; contentType: string };

// A web page, or no type at all; a feed, a PDF or an image at an article's address is not extracted.
const PAGE_TYPES = /^\s*(?:text\/html|application\/xhtml\+xml)\s*(?:;|$)/i;

/** Whether a response of this Content-Type is worth extracting (no header: try it). */
export function servesWebPage(contentType: string | null): boolean {
  return contentType === null || PAGE_TYPES.test(contentType);
}

const AUTO: RetryAdvice = { when: 'auto', retryAfter: null };
const MANUAL: RetryAdvice = { when: 'manual' };

export function classifyFullText(attempt: FullTextAttempt): FullTextStatus {
  if ('article' in attempt) return { status: 'saved', words: attempt.article.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0 };
  if ('contentType' in attempt) {
    const type = attempt.contentType.split(';')[0]?.trim() || attempt.contentType;
    return failed('not-html', `The article's address serves ${type}, not a web page, so there is no text to read from it.`, MANUAL);
  }
  const { error } = attempt;
  if (error instanceof NoArticleError) return fromExtraction(error);
  if (error instanceof ExtractCutOffError) return fromCutOff(error);
  if (isFetchError(error)) return fromFetch(error);
  const detail = error instanceof Error ? error.message : String(error);
  return failed('error', `Full text could not be saved: ${detail}`, AUTO);
}

function failed(reason: FailureReason, message: string, retry: RetryAdvice, httpStatus: number | null = null): FullTextStatus {
  return { status: 'failed', reason, httpStatus, message, retry };
}

function fromExtraction(error: NoArticleError): FullTextStatus {
  if (error instanceof BlockedPageError) {
    const { kind, evidence } = error.wall;
    const message = kind === 'consent'
      ? `A consent wall stands before the article (${evidence}). Open it in a browser to accept or refuse, then try again.`
      : `The article is behind a paywall (${evidence}); only a teaser is readable. Read it on the site with a subscription.`;
    return { status: 'blocked', wall: kind, evidence, message, retry: MANUAL };
  }
  switch (error.reason) {
    case 'too-large':
    case 'too-deep':
      return failed('too-large', 'The page is too large or too deeply nested to read safely; open it in a browser.', MANUAL);
    case 'script-page':
      return failed('script-page', 'The page is drawn by scripts, which Footnote does not run; open it in a browser.', MANUAL);
    default:
      return failed('no-article', 'No article was found on the page (it may be an index, a login page or a notice); open it in a browser.', MANUAL);
  }
}

// A page the extraction worker gave up on. Too slow: a busy machine may be the cause, so it is tried again
// with the usual backoff. Out of memory: the page itself is the cause. A dead worker: a bug, tried again (the
// page's row keeps the worker's own words).
function fromCutOff(error: ExtractCutOffError): FullTextStatus {
  switch (error.kind) {
    case 'timeout':
      return failed('too-slow', `Reading the page took longer than Footnote allows (${durationWords(error.limitMs)}), so it was cut off; Footnote will try again later, or open it in a browser.`, AUTO);
    case 'memory':
      return failed('too-large', 'Reading the page needed more memory than Footnote allows, so it was cut off; open it in a browser.', MANUAL);
    case 'crashed':
      return failed('error', 'The page reader stopped unexpectedly while reading this page; Footnote will try again later.', AUTO);
  }
}

// The fetch layer's error, recognised by its shape: its class lives with the feed fetcher, which may move.
function isFetchError(error: unknown): error is FetchError {
  return error instanceof Error && error.name === 'FetchError' && typeof (error as { kind?: unknown }).kind === 'string';
}

// Statuses worth asking again on their own: the server is busy, rate-limiting or briefly broken.
const TRANSIENT_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

function fromFetch(error: FetchError): FullTextStatus {
  switch (error.kind) {
    case 'timeout':
    case 'idle':
      return failed('timed-out', 'The site took too long to answer; Footnote will try again later.', AUTO);
    case 'too_large':
      return failed('too-large', `The page is larger than Footnote reads (${error.message}); open it in a browser.`, MANUAL);
    case 'http': {
      const status = error.status;
      const retry: RetryAdvice = status !== null && TRANSIENT_STATUS.has(status) ? { when: 'auto', retryAfter: error.retryAfter } : MANUAL;
      return failed('http-status', httpMessage(status), retry, status);
    }
    case 'dns':
    case 'network':
    case 'redirects':
    case 'decompress':
      return failed('unreachable', `The site could not be reached: ${error.message}`, AUTO);
    case 'blocked_address':
      return failed('refused-address', `Footnote does not fetch this address: ${error.message}`, MANUAL);
    case 'bad_url':
    case 'scheme':
      return failed('bad-address', `The article's link is not a web address Footnote can fetch: ${error.message}`, MANUAL);
    case 'aborted':
      return failed('cancelled', 'The fetch was cancelled before it finished.', AUTO);
  }
}

function httpMessage(status: number | null): string {
  if (status === 404) return 'The site says the article is not there (HTTP 404): it may have been moved or deleted.';
  if (status === 410) return 'The site says the article was removed for good (HTTP 410).';
  if (status === 401 || status === 403) return `The site refused to serve the page to Footnote (HTTP ${status}); open it in a browser.`;
  if (status === 429) return 'The site asked Footnote to slow down (HTTP 429); it will try again later.';
  if (status !== null && status >= 500) return `The site had an error (HTTP ${status}); Footnote will try again later.`;
  return `The site answered with HTTP ${status ?? 'an error'} instead of the page.`;
}

// Re-checks of recent articles (issue 13, item 3): each article's page is fetched again, as politely as a poll
// (a conditional GET with the last page's validators, the same limits and address guard as full text, a few
// at a time), and recheck-verdict.ts says live, edited, deleted or unknown. An edit is stored as the page's new
// text (the versions decide whether it makes a version); a deletion marks the article with when, why and the
// response. Dropping out of the feed is never read: the verdict rests on the page alone. Nothing is removed.
import type { Store } from '../store/store.ts';
import type { RecheckTarget } from '../store/records.ts';
import type { RawCapture } from '../model.ts';
import { FetchError, fetchUrl, hostPortOf, type FetchOptions, type FetchResult } from '../net/fetch.ts';
import type { CaptureOptions } from '../net/capture.ts';
import { decodeFeedBytes } from '../text/decode.ts';
import { htmlToText } from '../text/html-text.ts';
import type { ExtractedArticle } from '../articles/extract.ts';
import { ExtractCancelledError, extractInPool, type ExtractFn } from '../articles/extract-pool.ts';
import { judgeRecheck, type RecheckResponse } from '../articles/recheck-verdict.ts';
import type { Enricher } from '../articles/enrichment.ts';
import { detectLabels } from '../labels/footnotes.ts';
import { FULLTEXT_CONCURRENCY, PAGE_ACCEPT } from './fulltext.ts';
import { captureOf } from './poller.ts';
import { enrichers as standardEnrichers } from './enrichers.ts';

export const RECHECK_DEFAULT_DAYS = 14;
const DAY_MS = 86_400_000;
const PAGE_MAX_BYTES = 5 * 1024 * 1024;

export interface RecheckOptions {
  /** Articles first seen in the last N days (default 14, the setting). */
  days?: number;
  /** Only this article, whatever its age. */
  id?: number | null;
  concurrency?: number;
  fetch?: Pick<FetchOptions, 'timeoutMs' | 'idleTimeoutMs' | 'maxBytes' | 'maxRedirects'>;
  capture?: CaptureOptions | null;
  enrichers?: Enricher[];
  signal?: AbortSignal;
  now?: () => Date;
  /** How pages are read (default: the shared extraction pool). */
  extract?: ExtractFn;
}

export interface RecheckSummary {
  checked: number;
  edited: number;
  deleted: number;
  failed: { url: string; error: string }[];
}

/** Re-checks the chosen articles now; one article's failure never stops the others. */
export async function recheckArticles(store: Store, opts: RecheckOptions = {}): Promise<RecheckSummary> {
  const now = opts.now ?? ((): Date => new Date());
  const since = new Date(now().getTime() - (opts.days ?? RECHECK_DEFAULT_DAYS) * DAY_MS).toISOString();
  const targets = await store.evidence.recheckTargets(since, opts.id ?? null);
  const summary: RecheckSummary = { checked: 0, edited: 0, deleted: 0, failed: [] };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length && !opts.signal?.aborted) {
      const target = targets[next++] as RecheckTarget;
      try {
        const state = await recheckOne(store, target, opts, now);
        if (state === null) continue;
        summary.checked++;
        if (state.state === 'edited') summary.edited++;
        if (state.state === 'deleted') summary.deleted++;
        if (state.state === 'unknown') summary.failed.push({ url: target.link, error: state.reason });
      } catch (err) {
        summary.failed.push({ url: target.link, error: `The re-check of article ${target.id} could not be stored: ${(err as Error).message}` });
      }
    }
  };
  const workers = Math.max(1, Math.min(opts.concurrency ?? FULLTEXT_CONCURRENCY, targets.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return summary;
}

/** One article: fetch, judge, store. null when cancelled. */
async function recheckOne(store: Store, target: RecheckTarget, opts: RecheckOptions, now: () => Date): Promise<{ state: string; reason: string } | null> {
  const at = now().toISOString();
  let res: FetchResult | null = null;
  let response: RecheckResponse;
  let capture: RawCapture | null = null;
  let extracted: ExtractedArticle | null = null;
  try {
    res = await fetchUrl(target.link, {
      maxBytes: PAGE_MAX_BYTES, ...opts.fetch, accept: PAGE_ACCEPT, etag: target.etag, lastModified: target.lastModified,
      allowHostPort: typedHostPort(target.typedUrl), signal: opts.signal, capture: captureOf(opts),
    });
    capture = res.capture;
    const html = res.notModified ? '' : decodeFeedBytes(res.bytes, res.headers['content-type'] ?? null);
    try {
      extracted = res.notModified ? null : await (opts.extract ?? extractInPool)(html, res.url, opts.signal);
    } catch (err) {
      if (err instanceof ExtractCancelledError) return null;
      extracted = null; // no article on the page, or reading it was cut off: the verdict reads the page's own words
    }
    const text = extracted?.text ?? '';
    response = {
      status: res.status, finalUrl: res.url, headers: res.headers, pageTitle: /<title[^>]*>([^<]*)/i.exec(html)?.[1]?.trim() ?? null,
      pageText: htmlToText(html),
      // The title is the feed's business: a page's <title> carries the site's name and would read as a retitle.
      page: { title: null, text, labels: detectLabels(text) },
    };
  } catch (err) {
    if (err instanceof FetchError && err.kind === 'aborted') return null;
    const fe = err instanceof FetchError ? err : null;
    capture = fe?.capture ?? null;
    response = { status: fe?.status ?? null, error: (err as Error).message, finalUrl: capture?.finalUrl ?? null, headers: {}, pageTitle: null, pageText: '', page: { title: null, text: '', labels: [] } };
  }
  const site = { articleUrl: target.link, homeUrls: homeUrls(target), sectionUrls: [] };
  const verdict = judgeRecheck(site, response, target.stored);
  if (res && !res.notModified && extracted && (verdict.state === 'live' || verdict.state === 'edited')) {
    // The page's text is stored as full text is: the versions decide whether it is a new version.
    await store.pages.record({
      articleId: target.id, url: target.link, fetchedAt: at, finalUrl: res.url, status: res.status, contentType: res.headers['content-type'] ?? null,
      bytes: res.bytes, error: null, capture, captureKind: 'recheck',
    }, { html: extracted.html, text: extracted.text, lang: extracted.lang }, opts.enrichers ?? standardEnrichers);
  }
  await store.evidence.recordRecheck(target.id, {
    at, state: verdict.state, reason: verdict.reason, status: response.status, finalUrl: response.finalUrl,
    etag: res?.headers['etag'] ?? null, lastModified: res?.headers['last-modified'] ?? null, capture: verdict.state === 'deleted' ? capture : null,
  });
  return verdict;
}

/** The site's home page: the feed's site link and the root of the article's own address. */
function homeUrls(t: RecheckTarget): string[] {
  const out: string[] = [];
  if (t.siteUrl) out.push(t.siteUrl);
  try {
    out.push(new URL('/', t.link).href);
  } catch {
    // an article link that is not an address has no home page to compare with
  }
  return out;
}

function typedHostPort(typedUrl: string): string | null {
  try {
    return hostPortOf(typedUrl);
  } catch {
    return null;
  }
}

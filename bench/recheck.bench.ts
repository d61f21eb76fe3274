// Re-check cost (issue 13): 10,000 recent articles re-checked with conditional GET, as `footnote recheck` does
// (poll/recheck.ts: fetch, verdict, store), from a 127.0.0.1 server that answers 304 to a request whose validators
// match the page's current ones and 200 otherwise. The library is bulk-inserted (as test/evidence-retention does)
// with each article's page validators stored as a previous re-check stores them (article.page_etag and
// page_last_modified, rechecked_at set) and its latest version read from the page; one article in twenty has been
// edited on the server since (new ETag and Last-Modified), so its conditional request gets the new page. Baselines
// in the same run: the same URLs fetched by plain GETs with `fetch` at the same concurrency (every one a 200 with the
// page), and the same conditional GETs with `fetch` alone (the HTTP floor of the re-check, without verdict or store).
// A smaller library with no validators stored shows what the conditional GET saves per article.
// `npm run bench recheck -- --quick` re-checks 1,000 articles (and 200 without validators).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SqliteStore } from '../electron/store/sqlite/sqlite-store.ts';
import { insertFeed } from '../electron/store/sqlite/feeds.ts';
import { extractArticle } from '../electron/articles/extract.ts';
import { detectLabels } from '../electron/labels/footnotes.ts';
import { FULLTEXT_CONCURRENCY } from '../electron/poll/fulltext.ts';
import { recheckArticles, type RecheckSummary } from '../electron/poll/recheck.ts';

export const title = 'Re-check of recent articles (conditional GET)';

const QUICK = process.argv.includes('--quick');
const ARTICLES = QUICK ? 1_000 : 10_000;
/** One article in this many was edited on the server after its last re-check. */
const EDIT_EVERY = 20;
/** The library without validators (every re-check a 200 with extraction): smaller, to keep the run short. */
const SAMPLE = QUICK ? 200 : 1_000;
const LAST_MODIFIED = 'Tue, 01 Dec 2026 08:00:00 GMT';
const EDITED_LAST_MODIFIED = 'Thu, 03 Dec 2026 09:00:00 GMT';

const fixture = readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'pages', 'news-article.html'), 'utf8');
const editedFixture = fixture.replace('were overtopped overnight', 'failed overnight');
if (editedFixture === fixture) throw new Error('The edit no longer applies to test/fixtures/pages/news-article.html: change the sentence the bench replaces.');
const pages = { original: gzipSync(fixture), edited: gzipSync(editedFixture) };

const edited = (i: number): boolean => i % EDIT_EVERY === 0;
function current(i: number): { etag: string; lastModified: string; body: Buffer } {
  return edited(i)
    ? { etag: `"a${i}-v2"`, lastModified: EDITED_LAST_MODIFIED, body: pages.edited }
    : { etag: `"a${i}-v1"`, lastModified: LAST_MODIFIED, body: pages.original };
}

interface Counts { requests: number; conditional: number; notModified: number; ok: number }
const zero = (): Counts => ({ requests: 0, conditional: 0, notModified: 0, ok: 0 });

/** 304 when If-None-Match names the current ETag (or, without one, If-Modified-Since is not before the page's
 * Last-Modified), as RFC 9110 §13.1 orders them; the page otherwise. */
function handler(counts: Counts) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const i = Number(/^\/a\/(\d+)$/.exec(req.url ?? '')?.[1] ?? NaN);
    if (!Number.isInteger(i)) {
      res.writeHead(404).end();
      return;
    }
    counts.requests++;
    const page = current(i);
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    if (inm !== undefined || ims !== undefined) counts.conditional++;
    const fresh = inm !== undefined
      ? inm.split(',').some((t) => t.trim() === page.etag)
      : ims !== undefined && Date.parse(ims) >= Date.parse(page.lastModified);
    const validators = { ETag: page.etag, 'Last-Modified': page.lastModified };
    if (fresh) {
      counts.notModified++;
      res.writeHead(304, validators).end();
      return;
    }
    counts.ok++;
    res.writeHead(200, { ...validators, 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip', 'Content-Length': page.body.length });
    res.end(page.body);
  };
}

/** `urls` fetched with the runtime's `fetch`, `concurrency` at a time, each body read to the end. */
async function fetchAll(urls: string[], headersOf: (i: number) => Record<string, string>, concurrency: number): Promise<number> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const i = next++;
      const res = await fetch(urls[i] as string, { headers: headersOf(i + 1) });
      await res.arrayBuffer();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - started;
}

interface Library { store: SqliteStore; dir: string; seconds: number }

/** `n` recent articles linking to /a/1 … /a/n, each with a page version; with `validators`, also the page's
 * ETag and Last-Modified as a re-check a day ago stored them. */
function library(origin: string, n: number, validators: boolean): Library {
  const dir = mkdtempSync(join(tmpdir(), 'footnote-bench-recheck-'));
  const store = SqliteStore.open(dir);
  const db = store.db;
  const now = Date.now();
  const seen = new Date(now - 2 * 86_400_000).toISOString();
  const checked = validators ? new Date(now - 86_400_000).toISOString() : null;
  // The stored version is what the extractor read from the page, as a full-text fetch or re-check stores it.
  const stored = extractArticle(fixture, `${origin}/a/1`);
  const labels = JSON.stringify(detectLabels(stored.text).map((l) => ({ kind: l.kind, entity: l.entity })));
  const feedId = insertFeed(db, { url: `${origin}/feed`, typedUrl: `${origin}/feed`, siteUrl: `${origin}/`, intervalMinutes: 30, createdAt: seen });
  const started = performance.now();
  db.transaction(() => {
    db.prepare(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
      INSERT INTO article (id, feed_id, guid, link, title_date_hash, title, text, full_html, raw, content_hash, first_seen_at, last_seen_at,
        published_at, rechecked_at, page_etag, page_last_modified)
      SELECT i, ?, 'g' || i, ? || '/a/' || i, 'h' || i, 'Story ' || i, ?, ?, '{}', 'c' || i, ?, ?, ?, ?,
        CASE WHEN ? THEN '"a' || i || '-v1"' END, CASE WHEN ? THEN ? END FROM n`)
      .run(n, feedId, origin, stored.text, stored.html, seen, seen, seen, checked, Number(validators), Number(validators), LAST_MODIFIED);
    db.prepare(`INSERT INTO article_version (article_id, content_hash, title, text, seen_from, seen_until, n, labels, source)
      SELECT id, content_hash, title, text, first_seen_at, last_seen_at, 1, ?, 'page' FROM article`).run(labels);
  })();
  return { store, dir, seconds: (performance.now() - started) / 1000 };
}

async function closeLibrary(lib: Library): Promise<void> {
  await lib.store.close();
  rmSync(lib.dir, { recursive: true, force: true });
}

interface Measured { n: number; ms: number; counts: Counts }

export async function run(): Promise<string> {
  const counts = zero();
  const server = createServer(handler(counts));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const concurrency = FULLTEXT_CONCURRENCY;
  const measure = async (n: number, fn: () => Promise<unknown>): Promise<Measured> => {
    Object.assign(counts, zero());
    const started = performance.now();
    await fn();
    return { n, ms: performance.now() - started, counts: { ...counts } };
  };
  const lib = library(origin, ARTICLES, true);
  const sample = library(origin, SAMPLE, false);
  try {
    const urls = Array.from({ length: ARTICLES }, (_, i) => `${origin}/a/${i + 1}`);
    await fetchAll(urls.slice(0, 100), () => ({}), concurrency); // warm-up, not counted: the first fetches set up undici
    const plain = await measure(ARTICLES, () => fetchAll(urls, () => ({}), concurrency));
    const bare = await measure(ARTICLES, () => fetchAll(urls, (i) => ({ 'if-none-match': `"a${i}-v1"`, 'if-modified-since': LAST_MODIFIED }), concurrency));
    let s: RecheckSummary = { checked: 0, edited: 0, deleted: 0, failed: [] };
    const recheck = await measure(ARTICLES, async () => {
      s = await recheckArticles(lib.store, { concurrency });
    });
    const versions = (lib.store.db.prepare('SELECT count(*) AS n FROM article WHERE version_count > 1').get() as { n: number }).n;
    const unconditional = await measure(SAMPLE, () => recheckArticles(sample.store, { concurrency }));

    const perSecond = (m: Measured): number => m.n / (m.ms / 1000);
    const n = (x: number): string => Math.round(x).toLocaleString('en');
    const row = (name: string, m: Measured): string =>
      `| ${name} | ${n(m.n)} | ${n(m.counts.requests)} | ${n(m.counts.conditional)} | ${n(m.counts.notModified)} | ${n(m.counts.ok)} | ${(m.ms / 1000).toFixed(1)} | ${n(perSecond(m))} | ${(perSecond(m) / perSecond(plain)).toFixed(2)}× |`;
    return [
      `${n(ARTICLES)} articles first seen 2 days ago, each with its page validators (ETag, Last-Modified) stored by a re-check a day ago and a page version (the extracted text of a ${(fixture.length / 1024).toFixed(1)} KB news page, served gzip-encoded, ${n(pages.original.length)} bytes on the wire); one in ${EDIT_EVERY} edited on the server since (new validators, so its conditional GET gets the page). Library bulk-inserted in ${lib.seconds.toFixed(1)} s. Server and client on 127.0.0.1, ${concurrency} requests at a time (the re-check's own concurrency, FULLTEXT_CONCURRENCY), one run each after a 100-request warm-up of \`fetch\`, in the order of the table. "vs baseline" is articles/s ÷ the baseline's: above 1× is faster.`,
      '',
      '| case | articles | requests | conditional | 304 | 200 | wall time (s) | articles/s | vs baseline |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      row('**baseline**: plain GET of every page with `fetch`, body read', plain),
      row('for reference: the same conditional GETs with `fetch` alone (no verdict, no store)', bare),
      row('**re-check**: `recheckArticles` as `footnote recheck` runs it (fetch, verdict, store)', recheck),
      row(`for reference: re-check of a ${n(SAMPLE)}-article library with no validators stored (every page a 200, same edits)`, unconditional),
      '',
      `The re-check's summary: ${n(s.checked)} checked, ${n(s.edited)} edited, ${n(s.deleted)} deleted, ${n(s.failed.length)} not judged; ${n(versions)} articles now have a second version. A 304 is judged live without reading a body; a 200 is decoded, extracted, labelled and stored through the versions (as full text is).`,
    ].join('\n');
  } finally {
    await closeLibrary(lib);
    await closeLibrary(sample);
    server.close();
  }
}

// Raw capture's disk cost (issue 13): 1,000 article pages fetched for full text from a local server, into a
// library with raw capture on and into one with it off; the library file's size after a checkpoint, and the
// capture table's own bytes. Pages are a real article fixture wrapped in ~120 KB of page chrome (inline script,
// navigation) that varies per article, as news pages do; served gzip-encoded (what most sites send) and plain.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SqliteStore } from '../electron/store/sqlite/sqlite-store.ts';
import { libraryPath } from '../electron/store/sqlite/db.ts';
import { insertFeed, updateFeedSettings } from '../electron/store/sqlite/feeds.ts';
import { insertArticle } from '../electron/store/sqlite/articles.ts';
import { normaliseItem, itemKeys } from '../electron/articles/normalise.ts';
import { fillFullText } from '../electron/poll/fulltext.ts';

export const title = 'Raw capture: disk cost per 1,000 articles';

const ARTICLES = 1000;
const fixture = readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'pages', 'news-article.html'), 'utf8');

function page(i: number): string {
  let chrome = '';
  for (let n = 0; chrome.length < 120_000; n++) chrome += `window.__cfg_${n}={id:${i * 7919 + n},slot:"ad-${(i * n) % 97}",t:${1_700_000_000 + i * 13 + n}};\n`;
  return fixture.replace('</head>', `<script>${chrome}</script></head>`).replace('<body>', `<body><nav>${Array.from({ length: 60 }, (_, n) => `<a href="/s/${n}">Section ${n}</a>`).join('')}</nav>`);
}

async function serve(gzip: boolean): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const i = Number(/\/a\/(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
    const body = Buffer.from(page(i));
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    res.end(gzip ? gzipSync(body) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function measure(gzip: boolean, capture: boolean): Promise<{ fileBytes: number; captureBytes: number; seconds: number }> {
  const { server, origin } = await serve(gzip);
  const dir = mkdtempSync(join(tmpdir(), 'footnote-bench-capture-'));
  const store = SqliteStore.open(dir);
  try {
    const db = store.db;
    const feedId = insertFeed(db, { url: `${origin}/feed`, typedUrl: `${origin}/feed`, intervalMinutes: 30, createdAt: '2026-12-01T00:00:00Z' });
    updateFeedSettings(db, feedId, { fullText: true });
    const ids = db.transaction(() => Array.from({ length: ARTICLES }, (_, i) => {
      const item = { id: `a${i}`, title: `Story ${i}`, link: `${origin}/a/${i}`, published: null, updated: null, author: null, summary: 'Short.', content: null, categories: [] };
      return insertArticle(db, feedId, normaliseItem(item, 'en', itemKeys(item)), '2026-12-01T00:00:00Z');
    }))();
    const started = performance.now();
    await fillFullText(store, feedId, ids, { maxPages: ARTICLES, capture: capture ? undefined : null, enrichers: [] });
    const seconds = (performance.now() - started) / 1000;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const captureBytes = (db.prepare('SELECT coalesce(sum(length(body) + length(request_head) + length(response_head)), 0) AS n FROM capture').get() as { n: number }).n;
    return { fileBytes: statSync(libraryPath(dir)).size, captureBytes, seconds };
  } finally {
    await store.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const mb = (n: number): string => (n / 2 ** 20).toFixed(1);

export async function run(): Promise<string> {
  const rows: string[] = [];
  for (const gzip of [true, false]) {
    const off = await measure(gzip, false);
    const on = await measure(gzip, true);
    rows.push(`| ${gzip ? 'gzip' : 'identity'} | ${mb(off.fileBytes)} | ${mb(on.fileBytes)} | ${mb(on.fileBytes - off.fileBytes)} | ${mb(on.captureBytes)} | ${off.seconds.toFixed(1)} / ${on.seconds.toFixed(1)} |`);
  }
  return `1,000 article pages of ~128 KB each (a 7.5 KB article in ~120 KB of per-article page chrome), fetched for full text from
127.0.0.1. "Capture" is the raw capture table (head and wire bytes, stored gzip-compressed); the page table's own
compressed copy of the decoded page is there in both columns.

| served as | library, capture off (MB) | library, capture on (MB) | cost of capture per 1,000 articles (MB) | capture table bytes (MB) | fetch time off / on (s) |
|---|---:|---:|---:|---:|---:|
${rows.join('\n')}
`;
}

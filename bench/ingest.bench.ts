// Ingest throughput (articles/s): parse, normalise, detect the language, dedupe and store a generated 5 MB,
// 2,000-item RSS 2.0 feed, with labels and two auto-tag rules on, into an empty library and into one built by the
// same ingest (BUILD_FEEDS polls of 2,000 articles; FOOTNOTE_BENCH_BUILD_FEEDS sets how many: 500 builds 1M).
// The build's time, the process's peak RSS and the load average during the build are reported. The baseline is a
// bare INSERT of the same, already normalised rows in one transaction (index trigger on): no parse, no dedupe
// look-ups, no enrichers; it is measured into an empty library and into the built one. Libraries are made under
// bench/.data/ (git-ignored; a 1M library takes tens of GB, more than /tmp may hold) and deleted at the end.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { openLibrary, type Db } from '../electron/store/sqlite/db.ts';
import { insertFeed } from '../electron/store/sqlite/feeds.ts';
import { insertArticle } from '../electron/store/sqlite/articles.ts';
import { parseFeedBytes } from '../electron/feeds/parse.ts';
import { ingestFeed } from '../electron/poll/ingest.ts';
import { enrichers } from '../electron/poll/enrichers.ts';
import { normaliseItem } from '../electron/articles/normalise.ts';
import { SqliteStore } from '../electron/store/sqlite/sqlite-store.ts';
import { addRule } from '../electron/store/sqlite/rules.ts';
import { ensureTag } from '../electron/store/sqlite/tags.ts';
import { languageDetector } from '../electron/text/language.ts';

export const title = 'Ingest throughput';

export const ITEMS = 2000;
const BUILD_FEEDS = Number(process.env.FOOTNOTE_BENCH_BUILD_FEEDS ?? 50);
const RUNS = 3;
const NOW = '2026-11-25T00:00:00.000Z';

export function generateFeed(): Uint8Array {
  const para = (i: number): string => `<p>The council announced new plans for transport &amp; housing (${i}). <a href="/n/${i}">More</a></p>`;
  const items: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    let content = '';
    for (let n = 0; content.length < 2400; n++) content += para(i * 100 + n);
    items.push(`<item><title>Story ${i} &amp; more</title><link>https://example.com/news/${i}?utm_source=rss</link>`
      + `<guid isPermaLink="false">story-${i}</guid><pubDate>${new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toUTCString()}</pubDate>`
      + `<category>Politics</category><description><![CDATA[${para(i)}]]></description>`
      + `<content:encoded><![CDATA[${content}]]></content:encoded></item>`);
  }
  return Buffer.from(`<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">`
    + `<channel><title>Bench</title><link>https://example.com/</link><description>Generated</description>\n${items.join('\n')}\n</channel></rss>\n`);
}

function newFeed(db: Db, n: number): number {
  const url = `https://bench.example/${n}/feed`;
  return insertFeed(db, { url, typedUrl: url, intervalMinutes: 30, createdAt: NOW });
}

interface Library { db: Db; dir: string }

/** A new library with two auto-tag rules (one matches every generated article), so rules run at ingest. */
function library(): Library {
  const base = join(import.meta.dirname, '.data');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'ingest-'));
  const db = openLibrary(dir);
  addRule(db, 'council AND housing', ensureTag(db, 'Housing'));
  addRule(db, '"central bank" OR sanctions', ensureTag(db, 'Sanctions'));
  return { db, dir };
}

function close(lib: Library): void {
  lib.db.close();
  rmSync(lib.dir, { recursive: true, force: true });
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Median milliseconds of `runs` runs of fn, each handed a fresh feed id in `db`. */
async function timeRuns(db: Db, fn: (feedId: number) => void | Promise<void>, seed: number): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const feedId = newFeed(db, seed + r);
    const t0 = performance.now();
    await fn(feedId);
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function run(): Promise<string> {
  const bytes = generateFeed();
  await languageDetector(); // loaded once per process (~1.5 s), before anything is timed
  const ingest = (db: Db, options: { enrichers?: [] } = {}) => async (feedId: number): Promise<void> => {
    const feed = parseFeedBytes(bytes, { contentType: 'application/rss+xml', url: 'https://example.com/feed' });
    const r = await ingestFeed(new SqliteStore(db), feedId, feed, { now: NOW, ...options });
    if (r.newIds.length !== ITEMS) throw new Error(`expected ${ITEMS} new articles, got ${r.newIds.length}`);
  };

  // Baseline: the same rows, parsed and normalised beforehand, inserted with no dedupe look-up.
  const parsed = parseFeedBytes(bytes, { contentType: 'application/rss+xml', url: 'https://example.com/feed' });
  const rows = parsed.items.map((item) => normaliseItem(item, parsed.language));
  // Warm-up in a throwaway library, so that the first measured case does not pay for JIT compilation.
  const warm = library();
  await ingest(warm.db)(newFeed(warm.db, 0));
  const noIndex = await timeRuns(warm.db, (feedId) => {
    warm.db.exec('DROP TRIGGER IF EXISTS article_fts_insert');
    warm.db.transaction(() => { for (const row of rows) insertArticle(warm.db, feedId, row, NOW); })();
  }, 50);
  close(warm);

  const bareInsert = (db: Db) => (feedId: number): void => db.transaction(() => { for (const row of rows) insertArticle(db, feedId, row, NOW); })();
  const empty = library();
  const bare = await timeRuns(empty.db, bareInsert(empty.db), 1);
  const parseOnly = median(Array.from({ length: RUNS }, () => {
    const t0 = performance.now();
    parseFeedBytes(bytes, { contentType: 'application/rss+xml', url: 'https://example.com/feed' });
    return performance.now() - t0;
  }));
  const intoEmpty = await timeRuns(empty.db, ingest(empty.db), 100);
  const noEnrichers = await timeRuns(empty.db, ingest(empty.db, { enrichers: [] }), 150);
  close(empty);

  // A library built by ingest itself, poll after poll, as a real one grows.
  const big = library();
  const rssBeforeMiB = process.resourceUsage().maxRSS / 1024;
  const loads: number[] = [];
  const buildStart = performance.now();
  for (let f = 0; f < BUILD_FEEDS; f++) {
    await ingest(big.db)(newFeed(big.db, 1000 + f));
    loads.push(loadavg()[0] ?? 0);
    // A long build says how it goes (stdout only; the section below has the figures).
    if ((f + 1) % 50 === 0) console.log(`  built ${((f + 1) * ITEMS).toLocaleString('en-US')} in ${((performance.now() - buildStart) / 1000).toFixed(0)} s, load ${loads.at(-1)?.toFixed(1)}, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  }
  const buildMs = performance.now() - buildStart;
  const built = BUILD_FEEDS * ITEMS;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const bareBig = await timeRuns(big.db, bareInsert(big.db), 2000);
  const intoBig = await timeRuns(big.db, ingest(big.db), 200);
  // A second poll of the same feed: every item known and unchanged (dedupe only, last_seen_at bumped).
  const repollFeed = newFeed(big.db, 300);
  await ingest(big.db)(repollFeed);
  const repollTimes: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const feed = parseFeedBytes(bytes, { contentType: 'application/rss+xml', url: 'https://example.com/feed' });
    await ingestFeed(new SqliteStore(big.db), repollFeed, feed, { now: NOW });
    repollTimes.push(performance.now() - t0);
  }
  const repoll = median(repollTimes);
  close(big);

  const perSec = (ms: number): string => Math.round(ITEMS / (ms / 1000)).toLocaleString('en-US');
  const row = (name: string, ms: number, baseline = bare): string => `| ${name} | ${ms.toFixed(0)} | ${perSec(ms)} | ${(baseline / ms).toFixed(2)}× |`;
  const size = built.toLocaleString('en-US');
  const bareBuildS = (built / ITEMS) * (bare / 1000);
  const load = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (mean ${(loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(1)})`;
  return [
    `Feed: generated RSS 2.0, ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${ITEMS} items with HTML content. Median of ${RUNS} runs; `
      + `ingest includes parse, normalise (HTML → text, canonical links, hashes), language detection, dedupe look-ups, the full-text index, the first version of each article and the registered enrichers (labels, 2 auto-tag rules).`,
    '',
    '| case | ms per feed | articles/s | vs baseline |',
    '|---|---:|---:|---:|',
    row('**baseline**: bare INSERT of the same normalised rows, empty library', bare),
    row('bare INSERT with the full-text trigger dropped (the cost of indexing, for comparison)', noIndex),
    row('parse only (no store)', parseOnly),
    row('ingest into an empty library', intoEmpty),
    row(`ingest into an empty library, enrichers off (the ${enrichers.length} registered: labels, auto-tags)`, noEnrichers),
    row(`**baseline**: bare INSERT of the same normalised rows, ${size}-article library`, bareBig, bareBig),
    row(`ingest into the ${size}-article library (vs the bare INSERT into it)`, intoBig, bareBig),
    row(`re-poll, all ${ITEMS} items unchanged, ${size}-article library (vs the bare INSERT into it)`, repoll, bareBig),
    '',
    `Building the ${size}-article library by ingest (${BUILD_FEEDS} polls of ${ITEMS}, labels and rules on) took `
      + `${(buildMs / 1000).toFixed(1)} s (${Math.round(built / (buildMs / 1000)).toLocaleString('en-US')} articles/s`
      + `${built < 1_000_000 ? `; at that rate 1,000,000 would take ${((buildMs / built) * 1000).toFixed(0)} s, extrapolated, not measured` : ''}); `
      + `the same number of bare INSERTs at the empty-library baseline's rate would take ${bareBuildS.toFixed(0)} s (${(bareBuildS / (buildMs / 1000)).toFixed(2)}×). `
      + `Peak RSS of the process ${peakRssMiB.toFixed(0)} MiB (${rssBeforeMiB.toFixed(0)} MiB before the build: language profiles, label lexicons, the parsed feed). `
      + `1-minute load average during the build ${load}. "vs baseline" is baseline time ÷ case time: below 1× is slower than the bare INSERT.`,
  ].join('\n');
}

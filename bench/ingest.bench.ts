// Ingest throughput (articles/s): parse, normalise, detect the language, dedupe and store a generated 5 MB,
// 2,000-item RSS 2.0 feed, with labels and two auto-tag rules on, into an empty library and into one built by the
// same ingest (BUILD_FEEDS polls of 2,000 articles; FOOTNOTE_BENCH_BUILD_FEEDS sets how many: 500 builds 1M).
// The build's time, the process's peak RSS and the load average during the build are reported. The baseline is a
// bare INSERT of the same, already normalised rows in one transaction (index trigger on): no parse, no dedupe
// look-ups, no enrichers; it is measured into an empty library and into the built one. Libraries are made under
// bench/.data/ (git-ignored; a 1M library takes tens of GB, more than /tmp may hold) and deleted at the end.
// Three ways to run ingest, each timed on the wall clock and by the CPU of this thread (which stands for the engine's
// thread, the one that answers the window): in line (parse, compute and write on this thread), as the app ran before
// ingest7 (parsed on the parse worker, computed and written here) and as the app runs now (parsed and prepared on the
// worker, poll/parse-in-worker.ts, written here). The build runs each path named in FOOTNOTE_BENCH_BUILD_PATHS
// (in-line, worker, pipelined: the worker parses and prepares feed N+1 while this thread writes feed N, as a poll of
// several feeds overlaps them; default all three), each into its own library; the last one built is the one measured
// into.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { openLibrary, type Db } from '../electron/store/sqlite/db.ts';
import { insertFeed } from '../electron/store/sqlite/feeds.ts';
import { insertArticle } from '../electron/store/sqlite/articles.ts';
import { parseFeedBytes, type ParsedFeed } from '../electron/feeds/parse.ts';
import { parseForIngestInWorker, parseInWorker, stopParseWorker } from '../electron/poll/parse-in-worker.ts';
import { contentHashTag, type PreparedItems } from '../electron/articles/prepare.ts';
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
type IngestPath = 'in-line' | 'parse-worker' | 'prepared';
type BuildPath = 'in-line' | 'worker' | 'pipelined';
const BUILD_PATHS = (process.env.FOOTNOTE_BENCH_BUILD_PATHS ?? 'in-line,worker,pipelined').split(',').map((p) => {
  if (p !== 'in-line' && p !== 'worker' && p !== 'pipelined') throw new Error(`FOOTNOTE_BENCH_BUILD_PATHS: unknown path ${p} (in-line, worker, pipelined)`);
  return p as BuildPath;
});
const FEED_OPTS = { contentType: 'application/rss+xml', url: 'https://example.com/feed' };
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

/** Milliseconds of CPU this thread has used (user + system), not counting worker threads. */
function threadCpuMs(): number {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
}

/** Median wall-clock milliseconds of `runs` runs of fn, each handed a fresh feed id in `db`, with the median CPU
 * milliseconds of this thread over the same runs. */
async function timeRunsCpu(db: Db, fn: (feedId: number) => void | Promise<void>, seed: number): Promise<{ ms: number; cpu: number }> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const feedId = newFeed(db, seed + r);
    const c0 = threadCpuMs();
    const t0 = performance.now();
    await fn(feedId);
    times.push(performance.now() - t0);
    cpu.push(threadCpuMs() - c0);
  }
  return { ms: median(times), cpu: median(cpu) };
}

async function timeRuns(db: Db, fn: (feedId: number) => void | Promise<void>, seed: number): Promise<number> {
  return (await timeRunsCpu(db, fn, seed)).ms;
}

/** The bench feed parsed by one of the paths: on this thread, on the worker, or on the worker with its items prepared. */
async function parseBy(path: IngestPath, bytes: Uint8Array, unchanged?: ReadonlySet<number>): Promise<{ feed: ParsedFeed; prepared?: PreparedItems }> {
  if (path === 'in-line') return { feed: parseFeedBytes(bytes, FEED_OPTS) };
  if (path === 'parse-worker') return { feed: await parseInWorker(bytes, FEED_OPTS) };
  const { prepared, ...feed } = await parseForIngestInWorker(bytes, FEED_OPTS, unchanged);
  return { feed, prepared };
}

export async function run(): Promise<string> {
  const bytes = generateFeed();
  await languageDetector('now'); // loaded once per process (~0.4 s), before anything is timed
  const write = async (db: Db, feedId: number, p: { feed: ParsedFeed; prepared?: PreparedItems }, options: { enrichers?: [] } = {}): Promise<void> => {
    const r = await ingestFeed(new SqliteStore(db), feedId, p.feed, { now: NOW, ...options, ...(p.prepared ? { prepared: p.prepared } : {}) });
    if (r.newIds.length !== ITEMS) throw new Error(`expected ${ITEMS} new articles, got ${r.newIds.length}`);
  };
  const ingest = (db: Db, options: { enrichers?: []; path?: IngestPath } = {}) => async (feedId: number): Promise<void> => {
    await write(db, feedId, await parseBy(options.path ?? 'in-line', bytes), options.enrichers ? { enrichers: options.enrichers } : {});
  };

  // Baseline: the same rows, parsed and normalised beforehand, inserted with no dedupe look-up.
  const parsed = parseFeedBytes(bytes, { contentType: 'application/rss+xml', url: 'https://example.com/feed' });
  const rows = parsed.items.map((item) => normaliseItem(item, parsed.language));
  // Warm-up in a throwaway library, so that the first measured case does not pay for JIT compilation.
  const warm = library();
  await ingest(warm.db)(newFeed(warm.db, 0));
  await ingest(warm.db, { path: 'prepared' })(newFeed(warm.db, 1));
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
  const intoEmpty = await timeRunsCpu(empty.db, ingest(empty.db), 100);
  const intoEmptyParseWorker = await timeRunsCpu(empty.db, ingest(empty.db, { path: 'parse-worker' }), 110);
  const intoEmptyPrepared = await timeRunsCpu(empty.db, ingest(empty.db, { path: 'prepared' }), 120);
  const noEnrichers = await timeRuns(empty.db, ingest(empty.db, { enrichers: [] }), 150);
  const emptyLoad = loadavg()[0] ?? 0;
  close(empty);

  // Libraries built by ingest itself, poll after poll, as a real one grows: one per build path.
  interface Build { path: BuildPath; ms: number; loads: number[]; peakRssMiB: number; rssBeforeMiB: number }
  const builds: Build[] = [];
  let big: Library | null = null;
  for (const path of BUILD_PATHS) {
    if (big) close(big);
    big = library();
    const db = big.db;
    const loads: number[] = [];
    const rssBeforeMiB = process.memoryUsage.rss() / 2 ** 20;
    let peakRss = rssBeforeMiB;
    const buildStart = performance.now();
    // pipelined: the next feed's parse and preparation is asked for before this one's write starts.
    let next = path === 'pipelined' ? parseBy('prepared', bytes) : null;
    for (let f = 0; f < BUILD_FEEDS; f++) {
      const feedId = newFeed(db, 1000 + f);
      const p = next ? await next : await parseBy(path === 'in-line' ? 'in-line' : 'prepared', bytes);
      if (next && f + 1 < BUILD_FEEDS) {
        next = parseBy('prepared', bytes);
        await new Promise((resolve) => setImmediate(resolve)); // the request reaches the worker before the write holds this thread
      } else next = null;
      await write(db, feedId, p);
      loads.push(loadavg()[0] ?? 0);
      peakRss = Math.max(peakRss, process.memoryUsage.rss() / 2 ** 20);
      // A long build says how it goes (stdout only; the section below has the figures).
      if ((f + 1) % 50 === 0) console.log(`  ${path}: built ${((f + 1) * ITEMS).toLocaleString('en-US')} in ${((performance.now() - buildStart) / 1000).toFixed(0)} s, load ${loads.at(-1)?.toFixed(1)}, RSS ${peakRss.toFixed(0)} MiB (peak so far)`);
    }
    builds.push({ path, ms: performance.now() - buildStart, loads, peakRssMiB: peakRss, rssBeforeMiB });
  }
  if (!big) throw new Error('FOOTNOTE_BENCH_BUILD_PATHS names no build path');
  const built = BUILD_FEEDS * ITEMS;
  const bareBig = await timeRuns(big.db, bareInsert(big.db), 2000);
  const intoBig = await timeRunsCpu(big.db, ingest(big.db), 200);
  const intoBigPrepared = await timeRunsCpu(big.db, ingest(big.db, { path: 'prepared' }), 250);
  // A second poll of the same feed: every item known and unchanged (dedupe only, last_seen_at bumped).
  const repollFeed = newFeed(big.db, 300);
  await ingest(big.db)(repollFeed);
  // As the poller remembers them: the content hash tags of the items the feed's last poll stored.
  const polledTags = new Set([...(await parseForIngestInWorker(bytes, FEED_OPTS)).prepared.values()].map((p) => contentHashTag(p.keys.contentHash)));
  const repoll = async (path: IngestPath, unchanged?: ReadonlySet<number>): Promise<{ ms: number; cpu: number }> => {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const c0 = threadCpuMs();
      const t0 = performance.now();
      const p = await parseBy(path, bytes, unchanged);
      await ingestFeed(new SqliteStore(big.db), repollFeed, p.feed, { now: NOW, ...(p.prepared ? { prepared: p.prepared } : {}) });
      times.push(performance.now() - t0);
      cpu.push(threadCpuMs() - c0);
    }
    return { ms: median(times), cpu: median(cpu) };
  };
  const repollInLine = await repoll('in-line');
  const repollPrepared = await repoll('prepared');
  const repollHinted = await repoll('prepared', polledTags);
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  close(big);
  await stopParseWorker();

  const perSec = (ms: number): string => Math.round(ITEMS / (ms / 1000)).toLocaleString('en-US');
  const row = (name: string, ms: number, baseline = bare, cpu?: number): string => `| ${name} | ${ms.toFixed(0)} | ${perSec(ms)} | ${(baseline / ms).toFixed(2)}× | ${cpu === undefined ? '' : cpu.toFixed(0)} |`;
  const size = built.toLocaleString('en-US');
  const bareBuildS = (built / ITEMS) * (bare / 1000);
  const load = (loads: number[]): string => `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (mean ${(loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(1)})`;
  const buildName: Record<BuildPath, string> = {
    'in-line': 'in line (parse, compute, write on this thread)',
    worker: 'parsed and prepared on the worker, written here, one feed after another',
    pipelined: 'parsed and prepared on the worker for feed N+1 while this thread writes feed N',
  };
  return [
    `Feed: generated RSS 2.0, ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${ITEMS} items with HTML content. Median of ${RUNS} runs; `
      + `ingest includes parse, normalise (HTML → text, canonical links, hashes), language detection, dedupe look-ups, the full-text index, the first version of each article and the registered enrichers (labels, 2 auto-tag rules). `
      + `"engine CPU" is the CPU of the thread that writes (the engine's, which answers the window), worker threads not counted. 1-minute load average after the empty-library cases ${emptyLoad.toFixed(1)}.`,
    '',
    '| case | ms per feed | articles/s | vs baseline | engine CPU ms |',
    '|---|---:|---:|---:|---:|',
    row('**baseline**: bare INSERT of the same normalised rows, empty library', bare),
    row('bare INSERT with the full-text trigger dropped (the cost of indexing, for comparison)', noIndex),
    row('parse only (no store)', parseOnly),
    row('ingest into an empty library, in line', intoEmpty.ms, bare, intoEmpty.cpu),
    row('ingest into an empty library, parsed on the worker, computed here (the app before ingest7)', intoEmptyParseWorker.ms, bare, intoEmptyParseWorker.cpu),
    row('ingest into an empty library, parsed and prepared on the worker (the app now)', intoEmptyPrepared.ms, bare, intoEmptyPrepared.cpu),
    row(`ingest into an empty library, in line, enrichers off (the ${enrichers.length} registered: labels, auto-tags)`, noEnrichers),
    row(`**baseline**: bare INSERT of the same normalised rows, ${size}-article library`, bareBig, bareBig),
    row(`ingest into the ${size}-article library, in line (vs the bare INSERT into it)`, intoBig.ms, bareBig, intoBig.cpu),
    row(`ingest into the ${size}-article library, prepared on the worker (vs the bare INSERT into it)`, intoBigPrepared.ms, bareBig, intoBigPrepared.cpu),
    row(`re-poll, all ${ITEMS} items unchanged, ${size}-article library, in line (vs the bare INSERT into it)`, repollInLine.ms, bareBig, repollInLine.cpu),
    row(`re-poll, all ${ITEMS} items unchanged, ${size}-article library, all prepared on the worker (a feed's first poll since the app started)`, repollPrepared.ms, bareBig, repollPrepared.cpu),
    row(`re-poll, all ${ITEMS} items unchanged, ${size}-article library, on the worker, the last poll's items known (keys only)`, repollHinted.ms, bareBig, repollHinted.cpu),
    '',
    `Building the ${size}-article library by ingest (${BUILD_FEEDS} polls of ${ITEMS}, labels and rules on); the same number of bare INSERTs at the `
      + `empty-library baseline's rate would take ${bareBuildS.toFixed(0)} s. Peak RSS sampled after each poll; maxRSS of the whole run ${maxRssMiB.toFixed(0)} MiB.`,
    '',
    '| build | s | articles/s | vs bare INSERTs | peak RSS MiB (before) | 1-minute load |',
    '|---|---:|---:|---:|---:|---|',
    ...builds.map((b) => `| ${buildName[b.path]} | ${(b.ms / 1000).toFixed(1)} | ${Math.round(built / (b.ms / 1000)).toLocaleString('en-US')} | `
      + `${(bareBuildS / (b.ms / 1000)).toFixed(2)}× | ${b.peakRssMiB.toFixed(0)} (${b.rssBeforeMiB.toFixed(0)}) | ${load(b.loads)} |`),
    '',
    `"vs baseline" is baseline time ÷ case time: below 1× is slower than the bare INSERT.`
      + `${built < 1_000_000 ? ` 1,000,000 at a build's rate: ${builds.map((b) => `${b.path} ${((b.ms / built) * 1000).toFixed(0)} s`).join(', ')} (extrapolated, not measured).` : ''}`,
  ].join('\n');
}

// The reader's list with 100,000 stored articles, in web mode, in Debian's Chromium: time from opening the page
// to the first painted rows, frames dropped while scrolling the whole list top to bottom, and the renderer's
// memory after the scroll. Baselines in the same run: the same UI over 1,000 articles, and a naive page that puts
// 100,000 plain rows in the DOM (what the list would cost without virtualisation).
import { chromium, type Browser, type Page } from '@playwright/test';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createContext } from '../electron/engine/context.ts';
import { startServer } from '../electron/server/server.ts';

export const title = 'Reader UI: 100,000-article list (web mode, Chromium)';

const root = join(import.meta.dirname, '..');
const rendererDir = join(root, 'dist', 'renderer');
const FRAME_MS = 1000 / 60;
const SCROLL_FRAMES = 300; // the whole list is crossed in this many animation frames

interface Measure { firstPaintMs: number; frames: number; dropped: number; longFrames: number; heapMb: number; domNodes: number }

function seed(dataDir: string, count: number): void {
  const ctx = createContext(dataDir);
  const db = ctx.store.db;
  const feeds = 50;
  const T = '2026-11-01T00:00:00Z';
  db.transaction(() => {
    const feed = db.prepare('INSERT INTO feed (url, typed_url, title, created_at) VALUES (?, ?, ?, ?)');
    for (let f = 1; f <= feeds; f++) feed.run(`https://outlet${f}.example/feed`, `https://outlet${f}.example/feed`, `Outlet ${f}`, T);
    const article = db.prepare(`INSERT INTO article (feed_id, guid, link, title_date_hash, title, text, published_at, raw, content_hash, first_seen_at, last_seen_at, is_read)
      VALUES (?, ?, ?, ?, ?, ?, ?, '{}', 'c', ?, ?, ?)`);
    for (let i = 0; i < count; i++) {
      article.run(1 + (i % feeds), `g${i}`, `https://outlet${1 + (i % feeds)}.example/a/${i}`, `h${i}`, `Article number ${i}: a headline of ordinary length about events`,
        'Body text.', new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(), T, T, i % 3 === 0 ? 1 : 0);
    }
  })();
  db.close();
}

/** Scrolls `selector` from top to bottom in SCROLL_FRAMES frames and reports the animation frames that ran late. */
async function scrollAndCount(page: Page, selector: string): Promise<{ frames: number; dropped: number; longFrames: number }> {
  return page.evaluate(async ({ selector, steps, frameMs }) => {
    const el = document.querySelector(selector) as HTMLElement;
    const max = el.scrollHeight - el.clientHeight;
    const times: number[] = [];
    await new Promise<void>((resolve) => {
      let i = 0;
      const tick = (t: number) => {
        times.push(t);
        i++;
        el.scrollTop = Math.round((max * i) / steps);
        if (i < steps) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    let dropped = 0;
    let longFrames = 0;
    for (let k = 1; k < times.length; k++) {
      const gap = (times[k] as number) - (times[k - 1] as number);
      dropped += Math.max(0, Math.round(gap / frameMs) - 1);
      if (gap > 50) longFrames++;
    }
    return { frames: times.length, dropped, longFrames };
  }, { selector, steps: SCROLL_FRAMES, frameMs: FRAME_MS });
}

async function memory(page: Page): Promise<{ heapMb: number; domNodes: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { heapMb: get('JSHeapUsedSize') / 2 ** 20, domNodes: get('Nodes') };
}

async function measureApp(browser: Browser, count: number): Promise<Measure> {
  const dataDir = mkdtempSync(join(tmpdir(), 'footnote-ui-bench-'));
  try {
    seed(dataDir, count);
    const ctx = createContext(dataDir);
    const server = await startServer({ ctx, rendererDir, port: 0 });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      const started = performance.now();
      await page.goto(server.url);
      await page.waitForSelector('[data-testid="article-row"]');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const firstPaintMs = performance.now() - started;
      const scroll = await scrollAndCount(page, '[data-testid="article-list"]');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="article-row"]').length > 0);
      return { firstPaintMs, ...scroll, ...(await memory(page)) };
    } finally {
      await page.close();
      await server.close();
      ctx.store.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The naive baseline: every one of `count` rows in the DOM at once, no virtualisation, no API. */
async function measureNaive(browser: Browser, count: number): Promise<Measure> {
  const rows = Array.from({ length: count }, (_, i) => `<div class="r"><b>Article number ${i}: a headline of ordinary length about events</b><br><small>Outlet ${1 + (i % 50)}</small></div>`).join('');
  const html = `<!doctype html><style>#l{height:700px;overflow-y:auto}.r{height:64px;box-sizing:border-box;border-bottom:1px solid #ddd;padding:7px}</style><div id="l">${rows}</div>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    const started = performance.now();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const firstPaintMs = performance.now() - started;
    const scroll = await scrollAndCount(page, '#l');
    return { firstPaintMs, ...scroll, ...(await memory(page)) };
  } finally {
    await page.close();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

export async function run(): Promise<string> {
  if (!existsSync(join(rendererDir, 'index.html'))) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const small = await measureApp(browser, 1_000);
    const big = await measureApp(browser, 100_000);
    const naive = await measureNaive(browser, 100_000);
    const ratio = (a: number, b: number) => (b > 0 ? `${Number((a / b).toPrecision(2))}×` : '—');
    const row = (name: string, m: Measure) =>
      `| ${name} | ${m.firstPaintMs.toFixed(0)} | ${m.dropped} of ${m.frames} | ${m.longFrames} | ${m.heapMb.toFixed(1)} | ${m.domNodes.toFixed(0)} |`;
    return [
      `Headless Chromium, 1280×800, list scrolled from top to bottom in ${SCROLL_FRAMES} animation frames (a frame is dropped when an`,
      `animation frame arrives a whole ${FRAME_MS.toFixed(1)} ms period late; a long frame takes over 50 ms). First paint: from page.goto to`,
      'two animation frames after the first row exists. Memory: JS heap after a forced GC, and DOM nodes, from the DevTools protocol.',
      '',
      '| page | first rows painted (ms) | frames dropped while scrolling | long frames | JS heap after scroll (MB) | DOM nodes |',
      '|---|---:|---:|---:|---:|---:|',
      row('Footnote, 100,000 articles', big),
      row('baseline: Footnote, 1,000 articles', small),
      row('baseline: naive page, 100,000 rows in the DOM', naive),
      '',
      `100,000 against 1,000 articles: first paint ${ratio(big.firstPaintMs, small.firstPaintMs)}, heap ${ratio(big.heapMb, small.heapMb)}, DOM nodes ${ratio(big.domNodes, small.domNodes)}.`,
      `Footnote against the naive page at 100,000 rows: first paint ${ratio(big.firstPaintMs, naive.firstPaintMs)}, heap ${ratio(big.heapMb, naive.heapMb)}, DOM nodes ${ratio(big.domNodes, naive.domNodes)}.`,
    ].join('\n');
  } finally {
    await browser.close();
  }
}

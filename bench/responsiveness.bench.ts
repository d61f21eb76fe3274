// Responsiveness of web mode while the engine works hard: a real `footnote serve` (engine on its worker thread)
// polls 24 feeds of 1,500 items each, with full text fetched for about 500 of them, all from a local 127.0.0.1
// server, while a client calls articles.list, search.query and articles.get every 50 ms through the HTTP API
// (each method again 50 ms after its previous call started, or as soon as that call answered if it took longer). Baseline in the same run: the
// same calls on the same library when it is idle, before the heavy poll (after a small warm-up poll) and after it.
// Fetch time-outs are counted where they happen: responses of the local server that the engine abandoned.
// `npm run bench responsiveness -- --quick` runs a smaller poll (24 × 150 items, 60 pages) for a short check.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, Agent, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AddressInfo } from 'node:net';

export const title = 'Responsiveness under a heavy poll (web mode)';

const QUICK = process.argv.includes('--quick');
const FEEDS = 24;
const ITEMS = QUICK ? 150 : 1500;
const WARMUP_ITEMS = QUICK ? 20 : 50;
/** Pages per feed and poll are capped by the engine (poll/fulltext.ts MAX_PAGES_PER_POLL = 30). */
const PAGES_PER_FEED = 30;
const PAGES_TARGET = QUICK ? 60 : 500;
const FULLTEXT_FEEDS = Math.ceil(PAGES_TARGET / PAGES_PER_FEED);
const TICK_MS = 50;
const IDLE_MS = QUICK ? 8_000 : 15_000;
const CALLS = ['articles.list', 'search.query', 'articles.get'] as const;
type CallName = (typeof CALLS)[number];

const WORDS = ['minister', 'election', 'budget', 'sanctions', 'parliament', 'river', 'harvest', 'court', 'strike', 'energy', 'border', 'summit', 'vaccine', 'museum', 'railway', 'drought'];

function word(n: number): string {
  return WORDS[n % WORDS.length] as string;
}

function paragraph(seed: number, words: number): string {
  return Array.from({ length: words }, (_, k) => word(seed * 7 + k * 3 + (k % 5))).join(' ');
}

function feedXml(origin: string, f: number, count: number, generation: string): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    const when = new Date(Date.UTC(2026, 10, 1) + (i * FEEDS + f) * 60_000).toUTCString();
    items.push(`<item><guid isPermaLink="false">${generation}-${f}-${i}</guid><title>${word(i)} ${word(i + f)} report ${f}.${i}</title>`
      + `<link>${origin}/page/${generation}/${f}/${i}</link><description>&lt;p&gt;${paragraph(i + f, 40)}&lt;/p&gt;</description><pubDate>${when}</pubDate></item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Outlet ${f}</title><link>${origin}/</link><description>d</description>\n${items.join('\n')}\n</channel></rss>`;
}

function pageHtml(f: number, i: number): string {
  const paras = Array.from({ length: 12 }, (_, k) => `<p>${paragraph(f * 31 + i + k, 60)}.</p>`).join('\n');
  return `<!doctype html><html><head><title>Report ${f}.${i}</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>`
    + `<article><h1>${word(i)} report ${f}.${i}</h1>${paras}</article><footer>© Outlet ${f}</footer></body></html>`;
}

interface FeedServer { server: Server; origin: string; abandoned: () => number; pages: () => number; setItems: (n: number, generation: string) => void }

/** The outlets: every feed and page pre-rendered, so serving costs almost nothing on the bench's own thread. */
async function startOutlets(): Promise<FeedServer> {
  let feeds = new Map<string, Buffer>();
  let abandoned = 0;
  let pages = 0;
  let origin = '';
  const server = createServer((req, res) => {
    res.on('close', () => { if (!res.writableFinished) abandoned++; });
    const url = req.url ?? '/';
    const feed = feeds.get(url);
    if (feed) return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed);
    const m = /^\/page\/[^/]+\/(\d+)\/(\d+)$/.exec(url);
    if (m) {
      pages++;
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml(Number(m[1]), Number(m[2])));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server, origin, abandoned: () => abandoned, pages: () => pages,
    setItems: (n, generation) => {
      feeds = new Map(Array.from({ length: FEEDS }, (_, f) => [`/feed/${f}.xml`, Buffer.from(feedXml(origin, f, n, generation))]));
    },
  };
}

interface Footnote { child: ChildProcess; call: (name: string, args: unknown) => Promise<unknown> }

async function startFootnote(dataDir: string, rendererDir: string): Promise<Footnote> {
  const bin = join(import.meta.dirname, '..', 'bin', 'footnote.js');
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, FOOTNOTE_RENDERER_DIR: rendererDir }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  const m = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+)$/.exec(line);
  if (!m) throw new Error(`footnote serve printed "${line}"`);
  const [, port, token] = m;
  // node:http rather than fetch: the heavy poll is one call that may outlast fetch's 300 s header timeout.
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const call = (name: string, args: unknown): Promise<unknown> => new Promise((resolve, reject) => {
    const body = JSON.stringify(args);
    const req = request({ host: '127.0.0.1', port: Number(port), path: `/api/${name}`, method: 'POST', agent, headers: {
      Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body),
    } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const value = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
        if (res.statusCode === 200) resolve(value);
        else reject(new Error(`${name}: ${res.statusCode} ${JSON.stringify(value)}`));
      });
    });
    req.on('error', reject);
    req.end(body);
  });
  return { child, call };
}

type Samples = Record<CallName, number[]>;

/**
 * Every TICK_MS each of the three methods is called again, as a busy window would: a method whose previous answer
 * has not come back is not called again until it has (a window does not stack its own requests), so a stall shows
 * as one long call, not as a queue the probe built itself. Runs until `until` settles.
 */
async function probe(f: Footnote, until: Promise<unknown>): Promise<{ samples: Samples; errors: number }> {
  const samples: Samples = { 'articles.list': [], 'search.query': [], 'articles.get': [] };
  let errors = 0;
  let ids: number[] = [];
  let done = false;
  void until.finally(() => (done = true));
  const args = (name: CallName, n: number): unknown | null => {
    if (name === 'articles.list') return { view: 'all', limit: 100 };
    if (name === 'search.query') return { q: `${word(n)} OR ${word(n + 5)}`, limit: 50 };
    const id = ids[n % Math.max(1, ids.length)];
    return id === undefined ? null : { id };
  };
  const caller = async (name: CallName): Promise<void> => {
    for (let n = 0; !done; n++) {
      const started = performance.now();
      const a = args(name, n);
      if (a !== null) {
        try {
          const value = await f.call(name, a);
          samples[name].push(performance.now() - started);
          if (name === 'articles.list') ids = (value as { items: { id: number }[] }).items.map((x) => x.id);
        } catch {
          errors++;
        }
      }
      await new Promise((r) => setTimeout(r, Math.max(0, TICK_MS - (performance.now() - started))));
    }
  };
  await Promise.all(CALLS.map(caller));
  return { samples, errors };
}

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number);
}

export async function run(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'footnote-responsiveness-'));
  const rendererDir = join(dir, 'ui');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Footnote</title>');
  const outlets = await startOutlets();
  const footnote = await startFootnote(join(dir, 'data'), rendererDir);
  try {
    const opml = `<?xml version="1.0"?><opml version="2.0"><body>${Array.from({ length: FEEDS }, (_, f) => `<outline type="rss" text="Outlet ${f}" xmlUrl="${outlets.origin}/feed/${f}.xml"/>`).join('')}</body></opml>`;
    await footnote.call('opml.import', { xml: opml });
    const feeds = (await footnote.call('feeds.list', {})) as { id: number }[];
    // Warm-up poll without full text: a small library to measure the idle baseline on.
    for (const feed of feeds) await footnote.call('feeds.update', { id: feed.id, fullText: false });
    outlets.setItems(WARMUP_ITEMS, 'warm');
    await footnote.call('feeds.poll', {});
    console.log(`warm-up poll done: ${FEEDS * WARMUP_ITEMS} articles; idle baseline for ${IDLE_MS / 1000} s`);
    const idleBefore = await probe(footnote, new Promise((r) => setTimeout(r, IDLE_MS)));

    for (const [k, feed] of feeds.entries()) await footnote.call('feeds.update', { id: feed.id, fullText: k < FULLTEXT_FEEDS });
    outlets.setItems(ITEMS, 'heavy');
    const pagesBefore = outlets.pages();
    const started = performance.now();
    console.log(`heavy poll: ${FEEDS} × ${ITEMS} items, ${FULLTEXT_FEEDS} feeds with full text`);
    const poll = footnote.call('feeds.poll', {}) as Promise<{ new: number; failed: { url: string; error: string }[] }>;
    const load = await probe(footnote, poll);
    const summary = await poll;
    const pollSeconds = (performance.now() - started) / 1000;
    const pages = outlets.pages() - pagesBefore;
    console.log(`heavy poll done in ${pollSeconds.toFixed(1)} s; idle baseline again`);
    const idleAfter = await probe(footnote, new Promise((r) => setTimeout(r, IDLE_MS)));
    const total = ((await footnote.call('articles.list', { view: 'all', limit: 1 })) as { total: number }).total;

    const fmt = (v: number): string => (Number.isNaN(v) ? '—' : v.toFixed(1));
    const ratio = (a: number, b: number): string => (Number.isNaN(a) || Number.isNaN(b) || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);
    const rows = [...CALLS, 'all' as const].map((name) => {
      const pick = (s: Samples): number[] => (name === 'all' ? CALLS.flatMap((c) => s[c]) : s[name]);
      const [ib, l, ia] = [pick(idleBefore.samples), pick(load.samples), pick(idleAfter.samples)];
      return `| ${name === 'all' ? '**all three**' : `\`${name}\``} | ${l.length} | ${fmt(pct(ib, 50))} / ${fmt(pct(ib, 99))} | ${fmt(pct(ia, 50))} / ${fmt(pct(ia, 99))} `
        + `| ${fmt(pct(l, 50))} / **${fmt(pct(l, 99))}** | ${ratio(pct(l, 50), pct(ib, 50))} / ${ratio(pct(l, 99), pct(ib, 99))} | ${ratio(pct(l, 50), pct(ia, 50))} / ${ratio(pct(l, 99), pct(ia, 99))} |`;
    });
    const timeouts = summary.failed.filter((f) => /did not (answer|finish sending)|idle|timed? ?out/i.test(f.error)).length;
    return [
      `Run: \`npm run bench responsiveness${QUICK ? ' -- --quick' : ''}\`. \`footnote serve\` (engine on its worker thread) polls ${FEEDS} feeds × ${ITEMS.toLocaleString('en')} items `
        + `(${FULLTEXT_FEEDS} with full text on: ${pages} pages fetched and extracted) from a 127.0.0.1 server: ${summary.new.toLocaleString('en')} new articles in ${pollSeconds.toFixed(1)} s, `
        + `${total.toLocaleString('en')} in the library after. Meanwhile a client in the bench process calls each of the three methods every ${TICK_MS} ms over HTTP (or as soon as its previous call answered, if later). `
        + `Idle baselines, same run, same calls for ${IDLE_MS / 1000} s: before the heavy poll (library of ${FEEDS * WARMUP_ITEMS} articles from a warm-up poll) and after it.`,
      '',
      '| call | calls under load | idle before: p50 / p99 ms | idle after: p50 / p99 ms | under load: p50 / p99 ms | load ÷ idle before (p50 / p99) | load ÷ idle after (p50 / p99) |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...rows,
      '',
      `Goal: p99 under load < 100 ms. Fetch time-outs during the heavy poll: ${timeouts} feeds failed on a time-out `
        + `(${summary.failed.length} failed in all); the local server saw ${outlets.abandoned()} responses abandoned by the engine (feeds and pages). `
        + `Failed API calls: ${idleBefore.errors} idle before, ${load.errors} under load, ${idleAfter.errors} idle after.`,
    ].join('\n');
  } finally {
    footnote.child.kill('SIGTERM');
    await new Promise((r) => footnote.child.once('exit', r));
    outlets.server.closeAllConnections();
    outlets.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

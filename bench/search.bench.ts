// Search latency over a generated library of synthetic multilingual articles (English, Russian, Spanish,
// Arabic; Zipf-distributed vocabularies with topic words planted at known rates). Records the time to build
// it through the real schema (triggers fold and stem every article), the database size, and p50/p95 of 20
// representative queries through search() (count + first page of 50 + snippets). Baseline: a naive
// LIKE '%term%' scan of title and text for the same queries where one can be written, run once each because
// it is slow. BENCH_ARTICLES sets the size (default 1,000,000); the library is kept under bench/.data/.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../electron/store/sqlite/db.ts';
import { search } from '../electron/store/sqlite/search/search.ts';

export const title = 'Search latency';

const N = Number(process.env['BENCH_ARTICLES'] ?? 1_000_000);
const RUNS = 7;
const DATA = join(import.meta.dirname, '.data');
const FILE = join(DATA, `search-${N}.db`);
const LIKE_CAP_MS = 60_000;
const MMAP_BYTES = 2 ** 31;

/** mulberry32: a seeded generator, so every run builds the same library. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

function vocabulary(syllables: readonly string[], size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    let w = '';
    for (let k = 1 + Math.floor(rand() * 3); k >= 0; k--) w += pick(syllables);
    words.add(w);
  }
  return [...words];
}

/** Draws words with Zipf frequencies (rank r has weight 1/r). */
function zipf(words: string[]): () => string {
  const cum: number[] = [];
  let total = 0;
  for (let r = 0; r < words.length; r++) cum.push((total += 1 / (r + 1)));
  return () => {
    const x = rand() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo] as string;
  };
}

type Lang = 'en' | 'ru' | 'es' | 'ar';
const LANGS: { lang: Lang; share: number; draw: () => string; topics: string[][] }[] = [
  { lang: 'en', share: 0.45, draw: zipf(vocabulary(['ta', 'ro', 'men', 'st', 'ing', 'pre', 'con', 'ed', 'ly', 'er', 'al', 'ti', 'on', 'ba', 'de', 'ver'], 20_000)),
    topics: [['sanctions', 'sanctioned', 'sanction', 'central bank', 'banks', 'Kremlin'], ['Taliban', 'Kabul', 'al-Qaeda', 'U.S.', 'Kremlin'], ['football', 'match', 'league']] },
  { lang: 'ru', share: 0.3, draw: zipf(vocabulary(['ра', 'ко', 'ни', 'ст', 'ов', 'ми', 'пре', 'за', 'ли', 'ва', 'ть', 'ен', 'ска', 'ро'], 20_000)),
    topics: [['санкции', 'санкций', 'санкциями', 'банк', 'банков', 'против'], ['Талибан', 'Кабул', 'США'], ['футбол', 'матч']] },
  { lang: 'es', share: 0.15, draw: zipf(vocabulary(['ca', 'ción', 'de', 'lo', 'mi', 'ra', 'es', 'te', 'ño', 'pa', 'sa', 'ri'], 15_000)),
    topics: [['sanciones', 'banco', 'Kremlin'], ['talibanes', 'Kabul'], ['fútbol', 'partido']] },
  { lang: 'ar', share: 0.1, draw: zipf(vocabulary(['ال', 'م', 'ر', 'ك', 'ت', 'ب', 'س', 'ن', 'ع', 'ق', 'و', 'ي'], 15_000)),
    topics: [['عقوبات', 'بنك'], ['طالبان', 'كابل'], ['كرة', 'مباراة']] },
];
/** Share of articles about each topic (sanctions, Afghanistan, football), per language. */
const TOPIC_RATE = [0.02, 0.005, 0.02];
const AUTHORS = ['Jane Smith', 'John Doe', 'Иван Петров', 'María Núñez', 'Ahmed Ali', 'Anna Ivanova', 'Tom Brown', 'Li Wei', null];
const FEEDS = ['TASS', 'RIA Novosti', 'Reuters', 'El País', 'Al Jazeera', 'Interfax', 'BBC', 'RT', 'Sputnik', 'Meduza'];
const TAGS = ['economy', 'security', 'sport', 'review'];

/** The library of this benchmark (`n` articles), also loaded into PostgreSQL by postgres.bench.ts. */
export function generate(db: Db, n = N): void {
  const feedCount = 100;
  const insertFeed = db.prepare(`INSERT INTO feed (id, url, typed_url, title, language, created_at) VALUES (?, ?, ?, ?, ?, '2020-01-01T00:00:00Z')`);
  const insertArticle = db.prepare(`INSERT INTO article (id, feed_id, link, title_date_hash, title, author, text, lang, published_at, raw, content_hash,
    first_seen_at, last_seen_at, is_read) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?)`);
  const insertTag = db.prepare('INSERT INTO article_tag (article_id, tag_id, applied_at) VALUES (?, ?, ?)');
  const start = Date.UTC(2020, 0, 1);
  const span = 5 * 365 * 86_400_000;
  db.transaction(() => {
    TAGS.forEach((t, i) => db.prepare('INSERT INTO tag (id, name) VALUES (?, ?)').run(i + 1, t));
    for (let f = 1; f <= feedCount; f++) {
      const l = LANGS[(f - 1) % LANGS.length]!.lang;
      insertFeed.run(f, `https://feeds.example/${f}`, `https://feeds.example/${f}`, `${FEEDS[(f - 1) % FEEDS.length]} ${f}`, l);
    }
    for (let id = 1; id <= n; id++) {
      const x = rand();
      const L = x < 0.45 ? LANGS[0]! : x < 0.75 ? LANGS[1]! : x < 0.9 ? LANGS[2]! : LANGS[3]!;
      const words: string[] = [];
      for (let k = 40 + Math.floor(rand() * 60); k > 0; k--) words.push(L.draw());
      const titleWords: string[] = [];
      for (let k = 5 + Math.floor(rand() * 6); k > 0; k--) titleWords.push(L.draw());
      let topic = -1;
      for (let t = 0; t < TOPIC_RATE.length; t++) if (rand() < (TOPIC_RATE[t] as number)) topic = t;
      if (topic >= 0) {
        const planted = L.topics[topic] as string[];
        for (let k = 2 + Math.floor(rand() * 4); k > 0; k--) words.splice(Math.floor(rand() * words.length), 0, pick(planted));
        if (rand() < 0.3) titleWords.splice(1, 0, pick(planted));
      }
      const published = new Date(start + Math.floor(rand() * span)).toISOString();
      const feed = 1 + LANGS.indexOf(L) + LANGS.length * Math.floor(rand() * (feedCount / LANGS.length));
      insertArticle.run(id, feed, `https://news.example/${id}`, `h${id}`, titleWords.join(' '), pick(AUTHORS), `${words.join(' ')}.`, L.lang,
        published, `c${id}`, published, published, rand() < 0.7 ? 1 : 0);
      if (topic === 0 || rand() < 0.03) insertTag.run(id, topic === 0 ? 1 : 1 + Math.floor(rand() * TAGS.length), published);
    }
  })();
}

export const QUERIES: { q: string; kind: string; like?: string }[] = [
  { q: 'sanctions', kind: 'single term (stemmed)', like: "title LIKE '%sanction%' OR text LIKE '%sanction%'" },
  { q: 'санкции', kind: 'single term, Russian', like: "title LIKE '%санкци%' OR text LIKE '%санкци%'" },
  { q: 'kremlin', kind: 'single term, 3 languages', like: "title LIKE '%kremlin%' OR text LIKE '%kremlin%'" },
  { q: 'عقوبات', kind: 'single term, Arabic', like: "title LIKE '%عقوبات%' OR text LIKE '%عقوبات%'" },
  { q: '"central bank"', kind: 'phrase', like: "title LIKE '%central bank%' OR text LIKE '%central bank%'" },
  { q: 'sanction*', kind: 'prefix', like: "title LIKE '%sanction%' OR text LIKE '%sanction%'" },
  { q: 'al-Qaeda OR "U.S."', kind: 'punctuation, OR' },
  { q: 'taliban NEAR/5 kabul', kind: 'NEAR' },
  { q: '(sanctions OR санкции OR sanciones) NEAR/10 (bank OR банк OR banco)', kind: 'NEAR of OR groups (9 NEARs)' },
  { q: 'title:sanctions', kind: 'title field', like: "title LIKE '%sanction%'" },
  { q: 'author:smith sanctions', kind: 'author field + term' },
  { q: 'feed:tass sanctions', kind: 'feed field + term' },
  { q: 'lang:ru санкции', kind: 'lang field + term' },
  { q: 'sanctions date:2021-01..2021-03', kind: 'term + date range' },
  { q: 'date:2022-05-01..2022-05-07', kind: 'date range only' },
  { q: 'tag:economy', kind: 'tag filter only' },
  { q: 'tag:economy kremlin', kind: 'tag filter + term' },
  { q: 'is:unread taliban -football', kind: 'is: + term + -term' },
  { q: 'kremlin NOT (sanctions OR taliban)', kind: 'NOT group' },
  { q: '(sanctions OR санкции OR sanciones OR عقوبات) AND (bank* OR банк* OR banco OR بنك) AND NOT (football OR футбол) AND after:2021-01-01', kind: 'long Boolean' },
];

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

function likeBaseline(db: Db, where: string): number {
  const t = performance.now();
  db.prepare(`SELECT count(*) FROM article WHERE ${where}`).get();
  db.prepare(`SELECT id FROM article WHERE ${where} ORDER BY coalesce(published_at, first_seen_at) DESC LIMIT 50`).all();
  return performance.now() - t;
}

export async function run(): Promise<string> {
  mkdirSync(DATA, { recursive: true });
  // The build takes minutes, so its figures are kept beside the reused library and reported with it.
  const BUILD_NOTE = `${FILE}.build.txt`;
  let built = existsSync(BUILD_NOTE) ? `${readFileSync(BUILD_NOTE, 'utf8').trim()} (an earlier run; the library is reused from bench/.data/)` : 'an earlier run (reused from bench/.data/)';
  let db: Db;
  const ready = existsSync(FILE) && (() => {
    const probe = openDatabase(FILE);
    const n = (probe.prepare('SELECT count(*) AS n FROM article').get() as { n: number }).n;
    probe.close();
    return n === N;
  })();
  if (!ready) {
    rmSync(FILE, { force: true });
    rmSync(`${FILE}-wal`, { force: true });
    db = openDatabase(FILE);
    db.pragma('cache_size = -262144'); // 256 MiB: the FTS index merges stay in memory while building
    const t = performance.now();
    generate(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const s = (performance.now() - t) / 1000;
    built = `${s.toFixed(0)} s (${Math.round(N / s).toLocaleString('en')} articles/s, one transaction, FTS triggers folding and stemming each article)`;
    writeFileSync(BUILD_NOTE, `${built}, on ${new Date().toISOString().slice(0, 10)}`);
  } else {
    db = openDatabase(FILE);
  }
  const size = statSync(FILE).size;
  const rows: string[] = [];
  const all: number[] = [];
  let likeSpent = 0;
  const timed = (q: string): { times: number[]; total: number } => {
    search(db, q, { limit: 50 }); // warm the page cache and statement
    const times: number[] = [];
    let total = 0;
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      total = search(db, q, { limit: 50 }).total;
      times.push(performance.now() - t);
    }
    return { times: times.sort((a, b) => a - b), total };
  };
  const results = QUERIES.map((x) => timed(x.q));
  // The same queries without the mmap the app sets in openDatabase, to show what that pragma buys.
  db.pragma('mmap_size = 0');
  const unmapped = QUERIES.map((x) => timed(x.q).times);
  const allUnmapped = unmapped.flat().sort((a, b) => a - b);
  for (const [i, { q, kind, like }] of QUERIES.entries()) {
    const { times, total } = results[i] as { times: number[]; total: number };
    all.push(...times);
    const p50 = percentile(times, 0.5);
    let base = '—';
    let ratio = '—';
    if (like && likeSpent < LIKE_CAP_MS) {
      const ms = likeBaseline(db, like);
      likeSpent += ms;
      base = `${ms.toFixed(0)}`;
      ratio = `${(ms / p50).toFixed(0)}×`;
    }
    const m = unmapped[i] as number[];
    rows.push(`| \`${q.replace(/\|/g, '\\|')}\` | ${kind} | ${total.toLocaleString('en')} | ${p50.toFixed(1)} | ${percentile(times, 0.95).toFixed(1)} | ${percentile(m, 0.5).toFixed(1)} | ${percentile(m, 0.95).toFixed(1)} | ${base} | ${ratio} |`);
  }
  db.close();
  all.sort((a, b) => a - b);
  return [
    `Library: ${N.toLocaleString('en')} synthetic articles (45% English, 30% Russian, 15% Spanish, 10% Arabic; 40–100 words each),`,
    `built in ${built}; database ${(size / 2 ** 20).toFixed(0)} MiB. Each query: ${RUNS} runs after one warm-up, through search()`,
    `(count + first 50 hits + snippets, relevance order). Baseline: \`LIKE '%…%'\` over title and text (count + newest 50), one run,`,
    `only for queries a LIKE can express, and only while the baseline's total stays under ${LIKE_CAP_MS / 1000} s ("—" otherwise).`,
    '',
    '| query | form | matches | p50 ms | p95 ms | p50 ms, no mmap | p95 ms, no mmap | LIKE ms | LIKE / p50 |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `All queries, as the app runs them (mmap ${MMAP_BYTES / 2 ** 30} GiB): p50 ${percentile(all, 0.5).toFixed(1)} ms, p95 ${percentile(all, 0.95).toFixed(1)} ms (goal: p95 < 50 ms);`,
    `with \`PRAGMA mmap_size = 0\`: p50 ${percentile(allUnmapped, 0.5).toFixed(1)} ms, p95 ${percentile(allUnmapped, 0.95).toFixed(1)} ms.`,
  ].join('\n');
}

// Article extraction per page: Readability on jsdom (the baseline, what STACK.md measured first) against
// Readability on linkedom (what extract.ts uses), and the whole extractArticle (linkedom + the jsdom sanitiser
// + metadata + text). Also the sanitiser alone on the extracted HTML.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../electron/articles/extract.ts';
import { sanitizeHtml } from '../electron/articles/sanitize.ts';
import { decodeFeedBytes } from '../electron/text/decode.ts';

export const title = 'Article extraction (full text)';

const PAGES = ['news-article.html', 'sputnik-us-airspace.html', 'ru-kabul-windows-1251.html'];
const ROUNDS = 30;
const URL_ = 'https://news.example/2024/story.html';

function median(run: () => void): number {
  run(); // warm: jsdom's first load alone is ~0.5 s and would swamp the per-page figure
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export async function run(): Promise<string> {
  const rows: string[] = [];
  for (const name of PAGES) {
    const html = decodeFeedBytes(readFileSync(new URL(`../test/fixtures/pages/${name}`, import.meta.url)), null);
    const jsdom = median(() => new Readability(new JSDOM(html, { url: URL_ }).window.document).parse());
    const linkedom = median(() => new Readability(parseHTML(html).document as unknown as Document).parse());
    const whole = median(() => extractArticle(html, URL_));
    const body = extractArticle(html, URL_).html;
    const sanitise = median(() => sanitizeHtml(body, { baseUrl: URL_ }));
    const kb = (Buffer.byteLength(html) / 1024).toFixed(1);
    rows.push(`| ${name} (${kb} KB) | ${jsdom.toFixed(1)} | ${linkedom.toFixed(1)} (${(jsdom / linkedom).toFixed(1)}× faster) | ${whole.toFixed(1)} (${(jsdom / whole).toFixed(1)}×) | ${sanitise.toFixed(1)} |`);
  }
  return [
    `Median of ${ROUNDS} runs per page after one warm-up, milliseconds. Baseline: Readability on jsdom.`,
    '',
    '| page | Readability on jsdom (baseline) | Readability on linkedom | extractArticle (linkedom + sanitise + text) | sanitizeHtml on the result |',
    '|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

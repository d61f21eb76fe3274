// How much of an article's text the saved full text keeps: mean word F1 against Readability's own test pages
// (mozilla/readability, test/test-pages/*/{source,expected}.html), for (a) Readability alone on jsdom, as its
// own test suite runs it, and (b) our extractArticle's saved text. With --stages, also the steps between, to
// tell which one loses words: Readability on linkedom, then our sanitiser, then our HTML-to-text.
//
//   READABILITY_REPO=/path/to/readability npm run quality:extract [-- --stages] [-- --worst N]
//
// READABILITY_REPO is a checkout or a bare git directory of mozilla/readability. Nothing of it is copied into
// this repository (its pages are not ours to commit); the scorer reads them where they are.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../electron/articles/extract.ts';
import { sanitizeHtml } from '../electron/articles/sanitize.ts';
import { htmlToText } from '../electron/text/html-text.ts';

// Readability's test suite runs every page at this address; relative links in expected.html resolve against it.
const PAGE_URL = 'http://fakehost/test/page.html';

interface TestPage { name: string; source: string; expected: string }

/** The test pages of a checkout (test/test-pages/NAME/) or of a bare git directory (read with git show). */
function testPages(repo: string): TestPage[] {
  const dir = join(repo, 'test', 'test-pages');
  if (existsSync(dir)) {
    return readdirSync(dir).sort().filter((name) => existsSync(join(dir, name, 'expected.html'))).map((name) => ({
      name,
      source: readFileSync(join(dir, name, 'source.html'), 'utf8'),
      expected: readFileSync(join(dir, name, 'expected.html'), 'utf8'),
    }));
  }
  const git = (...args: string[]): string => execFileSync('git', ['--git-dir', repo, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const names = git('ls-tree', '--name-only', 'HEAD', 'test/test-pages/').split('\n').filter(Boolean).map((p) => p.split('/').at(-1) as string);
  return names.sort().map((name) => ({
    name,
    source: git('show', `HEAD:test/test-pages/${name}/source.html`),
    expected: git('show', `HEAD:test/test-pages/${name}/expected.html`),
  }));
}

const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL']);

/** The reference HTML-to-text, independent of ours: jsdom's tree, a break around each block, scripts skipped. */
function referenceText(html: string): string {
  const { document } = new JSDOM(html).window;
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) parts.push(node.textContent ?? '');
    if (node.nodeType !== 1) return;
    const name = (node as Element).tagName;
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') return;
    if (BLOCKS.has(name)) parts.push('\n');
    for (const child of node.childNodes) walk(child);
    if (BLOCKS.has(name)) parts.push('\n');
  };
  if (document.body) walk(document.body);
  return parts.join('');
}

function words(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Word F1 on bags of words: 1 when both texts have the same words as often, 0 when none are shared. */
function wordF1(got: string, expected: string): number {
  const a = words(got);
  const b = words(expected);
  let overlap = 0;
  let na = 0;
  let nb = 0;
  for (const n of a.values()) na += n;
  for (const n of b.values()) nb += n;
  for (const [w, n] of a) overlap += Math.min(n, b.get(w) ?? 0);
  if (na === 0 && nb === 0) return 1;
  if (overlap === 0) return 0;
  const p = overlap / na;
  const r = overlap / nb;
  return (2 * p * r) / (p + r);
}

/** Words of `expected` that `got` lacks (or has fewer times), most frequent first: what a stage drops. */
function missingWords(got: string, expected: string, max = 12): string {
  const a = words(got);
  const lost = [...words(expected)].map(([w, n]) => [w, n - (a.get(w) ?? 0)] as const).filter(([, n]) => n > 0);
  lost.sort((x, y) => y[1] - x[1]);
  return lost.slice(0, max).map(([w, n]) => (n > 1 ? `${w}×${n}` : w)).join(' ');
}

type Stage = (source: string) => string;

function readabilityContent(document: Document): string {
  return new Readability(document).parse()?.content ?? '';
}

const STAGES: Record<string, Stage> = {
  'readability/jsdom': (source) => referenceText(readabilityContent(new JSDOM(source, { url: PAGE_URL }).window.document)),
  'readability/linkedom': (source) => referenceText(readabilityContent(parseHTML(source).document as unknown as Document)),
  '+ sanitise': (source) => referenceText(sanitizeHtml(readabilityContent(parseHTML(source).document as unknown as Document), { baseUrl: PAGE_URL })),
  '+ our text': (source) => htmlToText(sanitizeHtml(readabilityContent(parseHTML(source).document as unknown as Document), { baseUrl: PAGE_URL })),
  'extractArticle': (source) => {
    try {
      return extractArticle(source, PAGE_URL).text;
    } catch {
      return ''; // a page we refuse scores 0: a lost article is the worst loss
    }
  },
};

function main(): void {
  const { values } = parseArgs({ options: { stages: { type: 'boolean' }, worst: { type: 'string' }, page: { type: 'string' } } });
  const repo = process.env['READABILITY_REPO'];
  if (!repo) {
    console.error('Set READABILITY_REPO to a checkout (or bare git directory) of github.com/mozilla/readability.');
    process.exit(2);
  }
  const pages = testPages(repo).filter((p) => values.page === undefined || p.name === values.page);
  const stageNames = values.stages ? Object.keys(STAGES) : ['readability/jsdom', 'extractArticle'];
  const worst = Number(values.worst ?? 10);
  const scores = new Map<string, { name: string; f1: number; missing: string }[]>(stageNames.map((s) => [s, []]));
  for (const page of pages) {
    const expected = referenceText(page.expected);
    for (const stage of stageNames) {
      let got: string;
      try {
        got = (STAGES[stage] as Stage)(page.source);
      } catch {
        got = '';
      }
      scores.get(stage)?.push({ name: page.name, f1: wordF1(got, expected), missing: missingWords(got, expected) });
    }
  }
  console.log(`${pages.length} pages of ${repo}`);
  for (const stage of stageNames) {
    const rows = scores.get(stage) ?? [];
    const mean = rows.reduce((sum, r) => sum + r.f1, 0) / Math.max(1, rows.length);
    console.log(`\n${stage}: mean word F1 ${mean.toFixed(4)}`);
    for (const r of [...rows].sort((a, b) => a.f1 - b.f1).slice(0, worst)) {
      if (r.f1 >= 0.9995) break;
      console.log(`  ${r.f1.toFixed(3)}  ${r.name.padEnd(36)} missing: ${r.missing}`);
    }
  }
}

main();

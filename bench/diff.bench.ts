// Version diff cost (issue 13): building a version's full diff (title and text word diffs, label changes) for a
// 5,000-word article, against the baseline of jsdiff's own word diff alone (diffWordsWithSpace) of the same texts.
// Three edit profiles: a typical edit (three sentences touched, the footnote dropped), one paragraph in ten
// rewritten, and the text replaced outright. Goal: within 2× of the baseline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffWordsWithSpace } from 'diff';
import { diffVersions, wordDiff, type DiffableVersion } from '../electron/articles/version-diff.ts';
import { detectLabels } from '../electron/labels/footnotes.ts';

export const title = 'Version diffs';

const WORDS = 5000;

function article(): string[] {
  const source = readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'labels', 'sputnik-2021-08-09-us-airspace.txt'), 'utf8')
    .split('\n').filter((l) => l.trim() && !l.startsWith('*'));
  const out: string[] = [];
  let words = 0;
  for (let i = 0; words < WORDS; i++) {
    const p = `${i + 1}. ${source[i % source.length]}`;
    out.push(p);
    words += p.split(/\s+/).length;
  }
  out.push('*The Taliban is a terrorist group banned in Russia and many other countries.');
  return out;
}

function profiles(lines: string[]): { name: string; after: string }[] {
  const typical = [...lines];
  typical[3] = `${typical[3]} Officials declined to comment.`;
  typical[40] = (typical[40] as string).replace(/\b(the)\b/, 'that');
  typical.splice(80, 1);
  typical.pop();
  const tenth = lines.map((l, i) => (i % 10 === 5 ? l.split(' ').reverse().join(' ') : l));
  const rewrite = Array.from({ length: lines.length }, (_, i) => `Paragraph ${i} of an entirely different story, with none of the old words kept in it at all.`);
  return [
    { name: 'typical edit: 3 sentences, footnote dropped', after: typical.join('\n') },
    { name: 'one paragraph in ten rewritten', after: tenth.join('\n') },
    { name: 'text replaced outright', after: rewrite.join('\n') },
  ];
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Best of `runs` for each, the functions taking turns (so a busy moment on a shared machine hits both), after a
 * warm-up; a function slower than half a second is timed once (its warm-up run). */
function bestOf(fns: (() => void)[], runs: number): number[] {
  const best = fns.map(time);
  for (let r = 0; r < runs; r++) {
    fns.forEach((fn, i) => {
      if ((best[i] as number) <= 500) best[i] = Math.min(best[i] as number, time(fn));
    });
  }
  return best;
}

export async function run(): Promise<string> {
  const lines = article();
  const before = lines.join('\n');
  const from: DiffableVersion = { n: 1, title: 'Fears of Backlash as US Uses Pakistani Airspace', text: before, labels: detectLabels(before) };
  const rows: string[] = [];
  for (const p of profiles(lines)) {
    const to: DiffableVersion = { n: 2, title: 'Fears of backlash as US uses Pakistani airspace', text: p.after, labels: detectLabels(p.after) };
    const [base = 0, words = 0, full = 0] = bestOf([() => diffWordsWithSpace(before, p.after), () => wordDiff(before, p.after), () => diffVersions(from, to)], 10);
    rows.push(`| ${p.name} | ${base.toFixed(1)} | ${words.toFixed(1)} | ${full.toFixed(1)} | ${(full / base).toFixed(2)}× | ${(full / words).toFixed(2)}× |`);
  }
  return [
    `A ${WORDS}-word article (${(Buffer.byteLength(before) / 1024).toFixed(0)} KB, ${lines.length} paragraphs) against an edited version; best of 10 runs taken in turns after a warm-up (one run when a case takes over 0.5 s), milliseconds. Labels are detected beforehand (a version keeps them).`,
    '',
    '| edit | baseline: jsdiff diffWordsWithSpace of the texts | our word diff alone (wordDiff of the texts) | full diff: diffVersions (title, text, labels) | full ÷ baseline | full ÷ word diff alone |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    'Goal: within 2× of the baseline. diffVersions diffs paragraphs first and words only inside changed ones (with Intl.Segmenter words, so Cyrillic and Chinese are diffed by word), and gives a rewrite past 1,000 changed words as deleted and inserted whole; jsdiff\'s word diff alone walks the whole text.',
  ].join('\n');
}

// Language detection at ingest: accuracy on short news texts in 40 languages (bench/fixtures/language-samples.json,
// headlines and lead sentences written for this benchmark) and texts per second, for detectLanguage (eld's
// profiles plus the declared language as a hint, text/language.ts) against eld's own detect() alone, the
// baseline, measured in the same run.
import { readFileSync } from 'node:fs';
import { eld } from 'eld';
import { languageDetector } from '../electron/text/language.ts';

export const title = 'Language detection (per article, at ingest)';

const samples = JSON.parse(readFileSync(new URL('./fixtures/language-samples.json', import.meta.url), 'utf8')) as [string, string][];

function perSecond(texts: string[], run: (text: string) => unknown): number {
  for (const t of texts) run(t); // warm
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 1500) {
    for (const t of texts) run(t);
    n += texts.length;
  }
  return n / ((performance.now() - start) / 1000);
}

export async function run(): Promise<string> {
  const detect = await languageDetector();
  const raw = eld.newInstance() as unknown as { load(size: string): Promise<unknown>; detect(text: string): { language: string } };
  await raw.load('medium');
  const short = samples.map(([, text]) => text);
  // Longer texts, as articles are: a language's samples run together, 1,000 characters.
  const byLanguage = new Map<string, string[]>();
  for (const [lang, text] of samples) byLanguage.set(lang, [...(byLanguage.get(lang) ?? []), text]);
  const long = [...byLanguage.values()].map((texts) => texts.join(' ').repeat(8).slice(0, 1000));

  const right = (guess: (lang: string, text: string) => string | null): string => {
    const n = samples.filter(([lang, text]) => guess(lang, text) === lang).length;
    return `${n}/${samples.length} (${((100 * n) / samples.length).toFixed(1)}%)`;
  };
  const rows: [string, string, number, number][] = [
    ['eld detect() alone (baseline)', right((_l, t) => raw.detect(t).language || null), perSecond(short, (t) => raw.detect(t)), perSecond(long, (t) => raw.detect(t))],
    ['detectLanguage, no hint', right((_l, t) => detect(t)), perSecond(short, (t) => detect(t)), perSecond(long, (t) => detect(t))],
    ['detectLanguage, declared language as hint', right((l, t) => detect(t, l)), perSecond(short, (t) => detect(t, 'ru')), perSecond(long, (t) => detect(t, 'ru'))],
    ['detectLanguage, feed wrongly declares en (fr for English)', right((l, t) => detect(t, l === 'en' ? 'fr' : 'en')), perSecond(short, (t) => detect(t, 'en')), perSecond(long, (t) => detect(t, 'en'))],
  ];
  const base = rows[0] as [string, string, number, number];
  return [
    `${samples.length} texts in ${byLanguage.size} languages; speed on the same texts (one headline or sentence each) and on 1,000-character texts (detectLanguage reads the first 600).`,
    '',
    '| detector | right | texts/s (short) | texts/s (1,000 chars) |',
    '|---|---:|---:|---:|',
    ...rows.map(([name, acc, s, l]) => `| ${name} | ${acc} | ${Math.round(s)} (${(s / base[2]).toFixed(2)}×) | ${Math.round(l)} (${(l / base[3]).toFixed(2)}×) |`),
  ].join('\n');
}

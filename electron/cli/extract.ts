// `footnote extract <file|url> [--url U]`: the main text of one article page (DESIGN.md §2); stores nothing.
import { UsageError, printJson, stringOption, type CliCommand } from './command.ts';
import type { ExtractedArticle } from '../articles/extract.ts';
import { extractInPool, stopExtractPool } from '../articles/extract-pool.ts';
import { PAGE_ACCEPT } from '../poll/fulltext.ts';
import { decodeFeedBytes } from '../text/decode.ts';
import { languageDetector } from '../text/language.ts';
import { readSource } from './source.ts';

function summary(a: ExtractedArticle): string {
  const meta = [a.byline, a.published?.slice(0, 16).replace('T', ' '), a.lang].filter((v) => v !== null).join(' · ');
  return [a.title ?? '(untitled)', ...(meta ? [meta] : []), '', a.text].join('\n');
}

export const extractCommand: CliCommand = {
  name: 'extract',
  usage: 'extract <file|url> [--url U]',
  summary: 'print the main text of an article page (--json: {title, byline, published, lang, text, html}); stores nothing',
  options: { url: { type: 'string' } },
  async run(io) {
    const [target, ...extra] = io.positionals;
    if (!target || extra.length > 0) throw new UsageError('give exactly one HTML file or URL');
    const read = await readSource(target, 'an HTML page', PAGE_ACCEPT);
    // For a file, the page's own <meta charset> decides, as a browser opening it would.
    const page = { html: decodeFeedBytes(read.bytes, read.contentType), url: stringOption(io, 'url') ?? read.url };
    // Through the pool, as the poller reads pages: a page that would spin is cut off at the same limit.
    let extracted: ExtractedArticle;
    try {
      extracted = await extractInPool(page.html, page.url);
    } finally {
      await stopExtractPool();
    }
    // The language of the text itself; the page's lang attribute is only the hint (text/language.ts).
    const detect = await languageDetector();
    const article: ExtractedArticle = { ...extracted, lang: detect(extracted.text, extracted.lang) };
    if (io.json) return printJson(io, article);
    io.out(summary(article));
  },
};

// `footnote extract <file|url> [--url U]`: the main text of one article page (DESIGN.md §2); stores nothing.
import { readFile } from 'node:fs/promises';
import { UsageError, printJson, stringOption, type CliCommand } from './command.ts';
import { extractArticle, type ExtractedArticle } from '../articles/extract.ts';
import { PAGE_ACCEPT } from '../articles/fulltext.ts';
import { decodeFeedBytes } from '../feeds/decode.ts';
import { fetchUrl, hostPortOf } from '../feeds/fetch.ts';

interface Page { html: string; url: string | null }

async function load(target: string, url: string | undefined): Promise<Page> {
  if (/^https?:\/\//i.test(target)) {
    // The user typed this address, so a page on localhost or the LAN is fine.
    const res = await fetchUrl(target, { allowHostPort: hostPortOf(target), accept: PAGE_ACCEPT });
    return { html: decodeFeedBytes(res.bytes, res.headers['content-type'] ?? null), url: url ?? res.url };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${target}: no such file`);
    if (code === 'EISDIR') throw new Error(`${target} is a folder, not an HTML page`);
    throw new Error(`${target}: cannot be read (${(err as Error).message})`);
  }
  // The page's own <meta charset> decides, as a browser opening the file would.
  return { html: decodeFeedBytes(bytes, null), url: url ?? null };
}

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
    const page = await load(target, stringOption(io, 'url'));
    const article = extractArticle(page.html, page.url);
    if (io.json) return printJson(io, article);
    io.out(summary(article));
  },
};

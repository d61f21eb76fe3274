// `footnote labels <file|-> [--url U]`: the state-media labels in a text or an HTML page, and the outlet of
// --url. The bytes are decoded as the feed pipeline decodes a page (BOM, <meta> charset, then detection: a
// windows-1251 or koi8-r page reads as its UTF-8 copy). An HTML page is read as plain text first (every block on
// its own line, scripts and styles dropped): the offsets in the output refer to that text. The library's registry
// (the analyst's outlet edits) is used when the library exists; the command never creates one.
import { readFileSync } from 'node:fs';
import { printJson, stringOption, UsageError, type CliCommand } from './command.ts';
import type { LabelReport } from '../model.ts';
import { libraryExists } from '../engine/library.ts';
import { detectLabels } from '../labels/footnotes.ts';
import { matchOutlet } from '../labels/outlets.ts';
import { htmlToText } from '../text/html-text.ts';
import { decodeFeedBytes } from '../text/decode.ts';

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)[\s>/]/i;

/** Plain text of the input: HTML pages are converted, anything else is taken as text. */
export function labelInputText(raw: string): string {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return HTML_START.test(text.slice(0, 4096)) ? htmlToText(text) : text;
}

function readInput(path: string): string {
  try {
    return decodeFeedBytes(readFileSync(path === '-' ? 0 : path));
  } catch (err) {
    throw new Error(`cannot read ${path === '-' ? 'standard input' : path}: ${(err as Error).message}`);
  }
}

export const labelsCommand: CliCommand = {
  name: 'labels',
  usage: 'labels <file|-> [--url U]',
  summary: 'state-media labels (terrorist, extremist, undesirable, foreign agent, banned) in a text or HTML page',
  options: { url: { type: 'string' } },
  async run(io) {
    const [path, ...extra] = io.positionals;
    if (path === undefined || extra.length > 0) throw new UsageError('give one file, or - to read standard input.');
    const url = stringOption(io, 'url');
    const text = labelInputText(readInput(path));
    const report: LabelReport = libraryExists(io.dataDir)
      ? await io.api.call('labels.detect', { text, url })
      : { outlet: matchOutlet(url), labels: detectLabels(text) };
    if (io.json) return printJson(io, report);
    const o = report.outlet;
    io.out(o ? `outlet: ${o.name} (${o.country}, ${o.category.replaceAll('_', ' ')}; source: ${o.source})` : `outlet: ${url ? 'not in the registry' : 'unknown (no --url)'}`);
    io.out(`${report.labels.length} ${report.labels.length === 1 ? 'label' : 'labels'}`);
    for (const l of report.labels) {
      io.out(`  ${l.kind.padEnd(13)} ${l.entity}${l.marker ? ` [${l.marker}]` : ''}  @${l.start}-${l.end}`);
      io.out(`    ${l.evidence.length > 200 ? `${l.evidence.slice(0, 200)}…` : l.evidence}`);
    }
  },
};

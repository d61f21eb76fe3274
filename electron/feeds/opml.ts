// OPML, the subscription list every feed reader imports and exports. Nested outlines are folders; nesting deeper
// than one level is kept as a "Parent/Child" folder name. Parsed with htmlparser2 in XML mode, which never reads
// a DTD, so an OPML file cannot expand entities or reach for external ones.
import { Parser } from 'htmlparser2';

export interface OpmlFeed {
  url: string;
  title: string | null;
  siteUrl: string | null;
  folder: string | null;
}

export class OpmlError extends Error {
  override name = 'OpmlError';
}

export function parseOpml(xml: string): { title: string | null; feeds: OpmlFeed[] } {
  const feeds: OpmlFeed[] = [];
  const folders: (string | null)[] = []; // one entry per open <outline>: its folder name, or null for a feed
  let sawOpml = false;
  let inTitle = false;
  let title = '';
  const parser = new Parser({
    onopentag(name, attrs) {
      const tag = name.toLowerCase();
      if (tag === 'opml') sawOpml = true;
      if (tag === 'title' && folders.length === 0) inTitle = true;
      if (tag !== 'outline') return;
      const a = lowerKeys(attrs);
      const label = (a['text'] ?? a['title'] ?? '').trim() || null;
      const xmlUrl = a['xmlurl']?.trim();
      if (xmlUrl) {
        const path = folders.filter((f): f is string => f !== null);
        feeds.push({ url: xmlUrl, title: (a['title'] ?? a['text'])?.trim() || null, siteUrl: a['htmlurl']?.trim() || null, folder: path.length ? path.join('/') : null });
        folders.push(null);
      } else {
        folders.push(label);
      }
    },
    ontext(text) {
      if (inTitle) title += text;
    },
    onclosetag(name) {
      const tag = name.toLowerCase();
      if (tag === 'title') inTitle = false;
      if (tag === 'outline') folders.pop();
    },
  }, { xmlMode: true, decodeEntities: true });
  parser.end(xml);
  if (!sawOpml) throw new OpmlError('This file is not OPML: it has no <opml> element. Export your subscriptions as OPML from the other reader and try again.');
  return { title: title.trim() || null, feeds };
}

function lowerKeys(attrs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) out[k.toLowerCase()] = v;
  return out;
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}

function outline(f: OpmlFeed, indent: string): string {
  const name = escapeAttr(f.title ?? f.url);
  const site = f.siteUrl ? ` htmlUrl="${escapeAttr(f.siteUrl)}"` : '';
  return `${indent}<outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeAttr(f.url)}"${site}/>`;
}

/** OPML 2.0 with one outline per folder (in the order given), feeds without a folder at the top level. */
export function serialiseOpml(feeds: OpmlFeed[], title = 'Footnote subscriptions', now = new Date()): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeAttr(title)}</title>`,
    `    <dateCreated>${now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
  ];
  const byFolder = new Map<string, OpmlFeed[]>();
  for (const f of feeds) {
    if (f.folder === null) lines.push(outline(f, '    '));
    else byFolder.set(f.folder, [...(byFolder.get(f.folder) ?? []), f]);
  }
  for (const [folder, list] of byFolder) {
    lines.push(`    <outline text="${escapeAttr(folder)}" title="${escapeAttr(folder)}">`);
    for (const f of list) lines.push(outline(f, '      '));
    lines.push('    </outline>');
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}

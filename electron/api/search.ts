// Methods for offline search: queries, volume over time, saved searches, export.
import { z } from 'zod';
import { method } from './define.ts';
import { renderVolumeSvg, volumeCsv } from './volume-chart.ts';
import { writeExport } from './export-format.ts';
import type { SavedSearch, SearchResult, VolumeData } from '../store/records.ts';
import { DEFAULT_LIMIT } from '../query/ast.ts';

const id = z.number().int().positive();
export const exportFormat = z.enum(['csv', 'json', 'ndjson']);
const MIME = { csv: 'text/csv; charset=utf-8', json: 'application/json', ndjson: 'application/x-ndjson' } as const;
const volumeArgs = {
  q: z.string().max(10_000),
  interval: z.enum(['day', 'week']).default('day'),
  split: z.enum(['outlet', 'tag', 'label']).nullish(),
};

export const searchApi = {
  'search.query': method(z.object({
    q: z.string().max(10_000),
    limit: z.number().int().min(1).max(1000).default(DEFAULT_LIMIT),
    offset: z.number().int().min(0).default(0),
    sort: z.enum(['relevance', 'date']).default('relevance'),
  }).strict(), (ctx, a): Promise<SearchResult> => ctx.store.search.query(a.q, { limit: a.limit, offset: a.offset, sort: a.sort })),

  'search.volume': method(z.object(volumeArgs).strict(), (ctx, a): Promise<VolumeData> => ctx.store.search.volume(a.q, a.interval, a.split ?? null)),

  /** The chart as a file for a report: SVG (the UI can rasterise it to PNG) or CSV. */
  'search.volumeExport': method(z.object({ ...volumeArgs, format: z.enum(['svg', 'csv']).default('svg') }).strict(), async (ctx, a) => {
    const data = await ctx.store.search.volume(a.q, a.interval, a.split ?? null);
    const content = a.format === 'svg' ? renderVolumeSvg(data, a.q) : volumeCsv(data);
    const mime = a.format === 'svg' ? 'image/svg+xml' : MIME.csv;
    return { format: a.format, mime, filename: `footnote-volume-${new Date().toISOString().slice(0, 10)}.${a.format}`, content };
  }),

  'searches.list': method(z.object({}).strict(), (ctx): Promise<SavedSearch[]> => ctx.store.search.savedList()),
  'searches.save': method(z.object({ name: z.string().min(1).max(200), query: z.string().max(10_000) }).strict(),
    (ctx, a): Promise<SavedSearch> => ctx.store.search.save(a.name, a.query)),
  'searches.remove': method(z.object({ id }).strict(), async (ctx, a) => {
    await ctx.store.search.removeSaved(a.id);
    return { removed: a.id };
  }),

  /** The export as one string, for the window and web mode to save; the CLI streams instead. */
  'export.run': method(z.object({ format: exportFormat.default('csv'), query: z.string().max(10_000).nullish() }).strict(), async (ctx, a) => {
    const parts: string[] = [];
    const count = await writeExport(ctx.store.search.exportRows(a.query ?? null), a.format, (chunk) => { parts.push(chunk); });
    const stamp = new Date().toISOString().slice(0, 10);
    return { format: a.format, mime: MIME[a.format], filename: `footnote-export-${stamp}.${a.format}`, count, content: parts.join('') };
  }),
};

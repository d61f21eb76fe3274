// Methods for offline search: queries, volume over time, saved searches, export.
import { z } from 'zod';
import { method } from './define.ts';
import { search, DEFAULT_LIMIT, type SearchResult } from '../store/sqlite/search/search.ts';
import { volume, type VolumeData } from '../store/sqlite/search/volume.ts';
import { writeExport } from '../store/sqlite/search/export.ts';
import { renderVolumeSvg, volumeCsv } from './volume-chart.ts';
import { outletResolver } from '../store/sqlite/outlets.ts';
import { listSavedSearches, removeSavedSearch, saveSearch, type SavedSearch } from '../store/sqlite/saved-searches.ts';

const id = z.number().int().positive();
export const exportFormat = z.enum(['csv', 'json', 'ndjson']);
const MIME = { csv: 'text/csv; charset=utf-8', json: 'application/json', ndjson: 'application/x-ndjson' } as const;

export const searchApi = {
  'search.query': method(z.object({
    q: z.string().max(10_000),
    limit: z.number().int().min(1).max(1000).default(DEFAULT_LIMIT),
    offset: z.number().int().min(0).default(0),
    sort: z.enum(['relevance', 'date']).default('relevance'),
  }).strict(), (ctx, a): SearchResult => (search(ctx.db, a.q, { limit: a.limit, offset: a.offset, sort: a.sort, outletOf: outletResolver(ctx.db) }))),

  'search.volume': method(z.object({
    q: z.string().max(10_000),
    interval: z.enum(['day', 'week']).default('day'),
    split: z.enum(['outlet', 'tag', 'label']).nullish(),
  }).strict(), (ctx, a): VolumeData => (volume(ctx.db, a.q, a.interval, a.split ?? null, outletResolver(ctx.db)))),

  /** The chart as a file for a report: SVG (the UI can rasterise it to PNG) or CSV. */
  'search.volumeExport': method(z.object({
    q: z.string().max(10_000),
    interval: z.enum(['day', 'week']).default('day'),
    split: z.enum(['outlet', 'tag', 'label']).nullish(),
    format: z.enum(['svg', 'csv']).default('svg'),
  }).strict(), (ctx, a) => {
    const data = volume(ctx.db, a.q, a.interval, a.split ?? null, outletResolver(ctx.db));
    const content = a.format === 'svg' ? renderVolumeSvg(data, a.q) : volumeCsv(data);
    const mime = a.format === 'svg' ? 'image/svg+xml' : MIME.csv;
    return { format: a.format, mime, filename: `footnote-volume-${new Date().toISOString().slice(0, 10)}.${a.format}`, content };
  }),

  'searches.list': method(z.object({}).strict(), (ctx): SavedSearch[] => listSavedSearches(ctx.db, outletResolver(ctx.db))),
  'searches.save': method(z.object({ name: z.string().min(1).max(200), query: z.string().max(10_000) }).strict(),
    (ctx, a): SavedSearch => (saveSearch(ctx.db, a.name, a.query, outletResolver(ctx.db)))),
  'searches.remove': method(z.object({ id }).strict(), (ctx, a) => { removeSavedSearch(ctx.db, a.id); return { removed: a.id }; }),

  /** The export as one string, for the window and web mode to save; the CLI streams instead. */
  'export.run': method(z.object({ format: exportFormat.default('csv'), query: z.string().max(10_000).nullish() }).strict(), (ctx, a) => {
    const parts: string[] = [];
    const count = writeExport(ctx.db, a.format, a.query ?? null, (chunk) => parts.push(chunk), outletResolver(ctx.db));
    const stamp = new Date().toISOString().slice(0, 10);
    return { format: a.format, mime: MIME[a.format], filename: `footnote-export-${stamp}.${a.format}`, count, content: parts.join('') };
  }),
};

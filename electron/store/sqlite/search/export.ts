// The rows of an export: every article, or a query's results, newest first, with outlet, tags, labels and a
// snippet. Formatting them (CSV, JSON, NDJSON) is api/export-format.ts.
import type { Db } from '../db.ts';
import { DATE_EXPR } from './compile.ts';
import { articleExtras, bindOutlets, prepareQuery, querySource, runQuery, type OutletSource } from './search.ts';
import type { ExportRow } from '../../records.ts';
import { exportRowFrom, type ExportSource } from '../../shared.ts';

const BATCH = 500;

type Row = ExportSource;

/** The ids of every article (empty query) or a query's matches, newest first. */
export function matchingIds(db: Db, query: string | null, outletOf?: OutletSource): { ids: number[]; highlight: ReturnType<typeof prepareQuery>['highlight'] } {
  const p = prepareQuery(query ?? '', outletOf);
  bindOutlets(db, p.compiled.needsOutlet, outletOf);
  const src = querySource(p);
  const ids = runQuery(() => (db.prepare(`SELECT a.id FROM ${src.from} WHERE ${src.where} ORDER BY ${DATE_EXPR} DESC, a.id DESC`)
    .all(...src.params) as { id: number }[]).map((r) => r.id));
  return { ids, highlight: p.highlight };
}

/** The rows of an export, in batches (tags and labels fetched per batch). */
export function* exportRows(db: Db, query: string | null, outletOf?: OutletSource): Generator<ExportRow> {
  // Ids first, then the rows in batches: an export of the whole library never holds every text at once.
  const { ids, highlight } = matchingIds(db, query, outletOf);
  const rowsOf = db.prepare(`SELECT a.id, ${DATE_EXPR} AS date, coalesce(a.outlet, f.title, f.url) AS outlet,
      a.title, coalesce(a.link, a.canonical_link) AS url, coalesce(nullif(a.text, ''), a.summary) AS body
    FROM article a JOIN feed f ON f.id = a.feed_id WHERE a.id IN (SELECT value FROM json_each(?))`);
  for (let i = 0; i < ids.length; i += BATCH) {
    const batchIds = ids.slice(i, i + BATCH);
    const byId = new Map((rowsOf.all(JSON.stringify(batchIds)) as Row[]).map((r) => [r.id, r]));
    const batch = batchIds.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined);
    const extras = articleExtras(db, batch.map((r) => r.id));
    for (const r of batch) yield exportRowFrom(r, extras, highlight);
  }
}

// The rows of an export: every article, or a query's results, newest first, with outlet, tags, labels and a
// snippet. Formatting them (CSV, JSON, NDJSON) is api/export-format.ts.
import type { Db } from '../db.ts';
import { DATE_EXPR } from './compile.ts';
import { articleExtras, bindOutlets, prepareQuery, querySource, runQuery, type OutletResolver } from './search.ts';
import { makeSnippet, MARK_END, MARK_START } from '../../../query/snippet.ts';
import type { ExportRow } from '../../records.ts';

const BATCH = 500;

interface Row { id: number; date: string; site: string; feed: string; title: string | null; url: string | null; body: string | null }

/** The rows of an export, in batches (tags and labels fetched per batch). */
export function* exportRows(db: Db, query: string | null, outletOf?: OutletResolver): Generator<ExportRow> {
  const p = prepareQuery(query ?? '');
  bindOutlets(db, p.compiled.needsOutlet, outletOf);
  const src = querySource(p);
  // Ids first, then the rows in batches: an export of the whole library never holds every text at once.
  const ids = runQuery(() => (db.prepare(`SELECT a.id FROM ${src.from} WHERE ${src.where} ORDER BY ${DATE_EXPR} DESC, a.id DESC`)
    .all(...src.params) as { id: number }[]).map((r) => r.id));
  const rowsOf = db.prepare(`SELECT a.id, ${DATE_EXPR} AS date, coalesce(f.site_url, f.url) AS site, coalesce(f.title, f.url) AS feed,
      a.title, coalesce(a.link, a.canonical_link) AS url, coalesce(nullif(a.text, ''), a.summary) AS body
    FROM article a JOIN feed f ON f.id = a.feed_id WHERE a.id IN (SELECT value FROM json_each(?))`);
  for (let i = 0; i < ids.length; i += BATCH) {
    const batchIds = ids.slice(i, i + BATCH);
    const byId = new Map((rowsOf.all(JSON.stringify(batchIds)) as Row[]).map((r) => [r.id, r]));
    const batch = batchIds.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined);
    const extras = articleExtras(db, batch.map((r) => r.id));
    for (const r of batch) {
      yield {
        id: r.id,
        date: r.date,
        outlet: outletOf?.([r.url, r.site])?.name ?? r.feed,
        title: r.title,
        url: r.url,
        tags: extras.tags.get(r.id) ?? [],
        labels: extras.labels.get(r.id) ?? [],
        snippet: stripMarks(makeSnippet(r.body ?? '', p.highlight)),
      };
    }
  }
}

function stripMarks(text: string): string {
  return text.replaceAll(MARK_START, '').replaceAll(MARK_END, '');
}

// Volume over time and export rows from the team library, with the SQLite engine's shapes: the series are built by
// store/volume-series.ts for both, the export's snippets by the same snippet code.
import { parseQuery } from '../../query/parser.ts';
import { highlighter } from '../../query/snippet.ts';
import type { OutletResolver } from '../shared.ts';
import { exportRowFrom, liveLabel, type ExportSource } from '../shared.ts';
import { seriesOf } from '../volume-series.ts';
import type { ExportRow, VolumeData, VolumeInterval, VolumeSplit } from '../records.ts';
import { compilePgQuery, DATE_EXPR, SqlParams, type PgSearchContext } from './search-compile.ts';
import { articleExtras, runQuery, source, type Queryable } from './search.ts';

const UTC_DATE = `(${DATE_EXPR} AT TIME ZONE 'UTC')`;

function periodExpr(interval: VolumeInterval): string {
  return interval === 'day' ? `to_char(${UTC_DATE}, 'YYYY-MM-DD')` : `to_char(date_trunc('week', ${UTC_DATE}), 'YYYY-MM-DD')`;
}

const SPLIT_KEY: Record<VolumeSplit, { join: string; key: string }> = {
  outlet: { join: 'JOIN feed f ON f.id = a.feed_id', key: "coalesce(f.site_url, f.url) || chr(1) || coalesce(f.title, f.url)" },
  tag: { join: 'LEFT JOIN article_tag at ON at.article_id = a.id LEFT JOIN tag t ON t.id = at.tag_id', key: "coalesce(t.name, '(no tag)')" },
  label: { join: `LEFT JOIN label l ON l.article_id = a.id AND ${liveLabel('l')}`, key: "coalesce(l.kind, '(no label)')" },
};

export async function volume(db: Queryable, q: string, interval: VolumeInterval, split: VolumeSplit | null, ctx: PgSearchContext, outletOf: OutletResolver): Promise<VolumeData> {
  const parsed = parseQuery(q);
  const params = new SqlParams();
  const c = compilePgQuery(parsed.root, ctx, params, false);
  const s = split ? SPLIT_KEY[split] : { join: '', key: "'all'" };
  const rows = (await runQuery<{ period: string; key: string; n: number }>(db, `SELECT ${periodExpr(interval)} AS period, ${s.key} AS key,
      count(DISTINCT a.id) AS n FROM ${source(c.usesIndex)} ${s.join} WHERE ${c.where} GROUP BY 1, 2`, params.values)).rows;
  const total = (await runQuery<{ n: number }>(db, `SELECT count(*) AS n FROM ${source(c.usesIndex)} WHERE ${c.where}`, params.values)).rows[0]?.n ?? 0;
  const { periods, series } = seriesOf(rows, interval, split, outletOf);
  return { interval, split, periods, series, total, warnings: parsed.warnings };
}

const BATCH = 500;

/** Every article the parsed query matches (all of them for an empty query), newest first: what an export walks. */
export async function matchingIds(db: Queryable, root: ReturnType<typeof parseQuery>['root'], ctx: PgSearchContext): Promise<number[]> {
  const params = new SqlParams();
  const c = compilePgQuery(root, ctx, params, false);
  return (await runQuery<{ id: number }>(db, `SELECT a.id FROM ${source(c.usesIndex)} WHERE ${c.where} ORDER BY ${DATE_EXPR} DESC, a.id DESC`,
    params.values)).rows.map((r) => r.id);
}

type Row = ExportSource;

/** Ids first, then the rows in batches of their own statements: an export never holds every text at once. */
export async function* exportRows(db: Queryable, query: string | null, ctx: PgSearchContext): AsyncGenerator<ExportRow> {
  const parsed = parseQuery(query ?? '');
  const ids = await matchingIds(db, parsed.root, ctx);
  const highlight = highlighter(parsed.root);
  for (let i = 0; i < ids.length; i += BATCH) {
    const batchIds = ids.slice(i, i + BATCH);
    // The outlet stored at ingest, else the feed, as the SQLite engine's export names it.
    const rows = (await db.query<Row>(`SELECT a.id, ${DATE_EXPR} AS date, coalesce(a.outlet, f.title, f.url) AS outlet,
        a.title, coalesce(a.link, a.canonical_link) AS url, coalesce(nullif(a.text, ''), a.summary) AS body
      FROM article a JOIN feed f ON f.id = a.feed_id WHERE a.id = ANY($1)`, [batchIds])).rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const batch = batchIds.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined);
    const extras = await articleExtras(db, batch.map((r) => r.id));
    for (const r of batch) yield exportRowFrom(r, extras, highlight);
  }
}

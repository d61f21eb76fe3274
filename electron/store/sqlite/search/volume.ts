// Volume over time: how many articles match a query per day or week, optionally one series per outlet, tag or
// label kind. Empty periods between the first and the last are filled with zeros, ready to chart. Outlets are
// the registry's (article URL, then feed site, then feed URL, as outlet: filters), never feed titles.
import type { Db } from '../db.ts';
import { DATE_EXPR } from './compile.ts';
import { bindOutlets, prepareQuery, querySource, resolverOf, runQuery, type OutletSource } from './search.ts';
import { liveLabel } from '../../shared.ts';
import { QuerySyntaxError } from '../../../query/errors.ts';
import type { VolumeData, VolumeInterval, VolumeSplit } from '../../records.ts';
import { seriesOf } from '../../volume-series.ts';

function periodExpr(interval: VolumeInterval): string {
  return interval === 'day' ? `substr(${DATE_EXPR}, 1, 10)` : `date(${DATE_EXPR}, '-6 days', 'weekday 1')`;
}

const SPLIT_KEY: Record<VolumeSplit, { join: string; key: string }> = {
  // The outlet stored at ingest ('' when the registry knew none); rows written without ingest (a bulk import) are
  // asked of the registry here.
  outlet: {
    join: 'JOIN feed f ON f.id = a.feed_id',
    key: "CASE WHEN a.outlet_key IS NULL THEN coalesce(footnote_outlet_name(a.link, f.site_url, f.url), '') ELSE coalesce(a.outlet, '') END",
  },
  tag: { join: 'LEFT JOIN article_tag at ON at.article_id = a.id LEFT JOIN tag t ON t.id = at.tag_id', key: "coalesce(t.name, '(no tag)')" },
  label: { join: `LEFT JOIN label l ON l.article_id = a.id AND ${liveLabel('l')}`, key: "coalesce(l.kind, '(no label)')" },
};

export function volume(db: Db, q: string, interval: VolumeInterval, split: VolumeSplit | null = null, outletOf?: OutletSource): VolumeData {
  const p = prepareQuery(q, outletOf);
  bindOutlets(db, p.compiled.needsOutlet, outletOf);
  if (split === 'outlet') bindOutletName(db, outletOf);
  const src = querySource(p);
  const s = split ? SPLIT_KEY[split] : { join: '', key: "'all'" };
  const rows = runQuery(() => db.prepare(`SELECT ${periodExpr(interval)} AS period, ${s.key} AS key, count(DISTINCT a.id) AS n
    FROM ${src.from} ${s.join} WHERE ${src.where} GROUP BY period, key`).all(...src.params) as { period: string; key: string; n: number }[]);
  const total = runQuery(() => (db.prepare(`SELECT count(DISTINCT a.id) AS n FROM ${src.from} WHERE ${src.where}`).get(...src.params) as { n: number }).n);
  // The outlet key is already the outlet's name ('' for none): no resolver to ask.
  const { periods, series } = seriesOf(rows, interval, split);
  return { interval, split, periods, series, total, warnings: p.warnings };
}

/** Registers footnote_outlet_name(link, site, feedUrl): the registry's outlet of an article, or NULL. */
function bindOutletName(db: Db, source: OutletSource | undefined): void {
  const outletOf = resolverOf(source);
  if (!outletOf) throw new QuerySyntaxError('Splitting by outlet needs the outlet registry, which is not loaded here', 1);
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  db.function('footnote_outlet_name', (link: unknown, site: unknown, feedUrl: unknown) => outletOf([str(link), str(site), str(feedUrl)])?.name ?? null);
}

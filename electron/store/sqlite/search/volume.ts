// Volume over time: how many articles match a query per day or week, optionally one series per outlet, tag or
// label kind. Empty periods between the first and the last are filled with zeros, ready to chart.
import type { Db } from '../db.ts';
import { DATE_EXPR } from './compile.ts';
import { bindOutlets, prepareQuery, querySource, runQuery, type OutletSource } from './search.ts';
import { liveLabel } from '../../shared.ts';
import type { VolumeData, VolumeInterval, VolumeSplit } from '../../records.ts';
import { seriesOf } from '../../volume-series.ts';

function periodExpr(interval: VolumeInterval): string {
  return interval === 'day' ? `substr(${DATE_EXPR}, 1, 10)` : `date(${DATE_EXPR}, '-6 days', 'weekday 1')`;
}

const SPLIT_KEY: Record<VolumeSplit, { join: string; key: string }> = {
  // The article's outlet as stored at ingest, else its feed's title.
  outlet: { join: 'JOIN feed f ON f.id = a.feed_id', key: 'coalesce(a.outlet, f.title, f.url)' },
  tag: { join: 'LEFT JOIN article_tag at ON at.article_id = a.id LEFT JOIN tag t ON t.id = at.tag_id', key: "coalesce(t.name, '(no tag)')" },
  label: { join: `LEFT JOIN label l ON l.article_id = a.id AND ${liveLabel('l')}`, key: "coalesce(l.kind, '(no label)')" },
};

export function volume(db: Db, q: string, interval: VolumeInterval, split: VolumeSplit | null = null, outletOf?: OutletSource): VolumeData {
  const p = prepareQuery(q, outletOf);
  bindOutlets(db, p.compiled.needsOutlet, outletOf);
  const src = querySource(p);
  const s = split ? SPLIT_KEY[split] : { join: '', key: "'all'" };
  const rows = runQuery(() => db.prepare(`SELECT ${periodExpr(interval)} AS period, ${s.key} AS key, count(DISTINCT a.id) AS n
    FROM ${src.from} ${s.join} WHERE ${src.where} GROUP BY period, key`).all(...src.params) as { period: string; key: string; n: number }[]);
  const total = runQuery(() => (db.prepare(`SELECT count(DISTINCT a.id) AS n FROM ${src.from} WHERE ${src.where}`).get(...src.params) as { n: number }).n);
  // The outlet key is already the stored outlet's name (or the feed's title): no resolver to ask.
  const { periods, series } = seriesOf(rows, interval, split);
  return { interval, split, periods, series, total, warnings: p.warnings };
}

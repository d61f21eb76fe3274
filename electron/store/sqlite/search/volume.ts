// Volume over time: how many articles match a query per day or week, optionally one series per outlet, tag or
// label kind. Empty periods between the first and the last are filled with zeros, ready to chart.
import type { Db } from '../db.ts';
import { DATE_EXPR } from './compile.ts';
import { bindOutlets, prepareQuery, querySource, runQuery, type OutletResolver } from './search.ts';
import { liveLabel } from '../flags.ts';
import type { VolumeData, VolumeInterval, VolumeSeries, VolumeSplit } from '../../records.ts';

/** Series beyond this many are summed into "other", so a chart stays readable. */
export const MAX_SERIES = 10;
const MAX_PERIODS = 5000;
export const OTHER = 'other';

function periodExpr(interval: VolumeInterval): string {
  return interval === 'day' ? `substr(${DATE_EXPR}, 1, 10)` : `date(${DATE_EXPR}, '-6 days', 'weekday 1')`;
}

const SPLIT_KEY: Record<VolumeSplit, { join: string; key: string }> = {
  outlet: { join: 'JOIN feed f ON f.id = a.feed_id', key: "coalesce(f.site_url, f.url) || char(1) || coalesce(f.title, f.url)" },
  tag: { join: 'LEFT JOIN article_tag at ON at.article_id = a.id LEFT JOIN tag t ON t.id = at.tag_id', key: "coalesce(t.name, '(no tag)')" },
  label: { join: `LEFT JOIN label l ON l.article_id = a.id AND ${liveLabel('l')}`, key: "coalesce(l.kind, '(no label)')" },
};

export function volume(db: Db, q: string, interval: VolumeInterval, split: VolumeSplit | null = null, outletOf?: OutletResolver): VolumeData {
  const p = prepareQuery(q);
  bindOutlets(db, p.compiled.needsOutlet, outletOf);
  const src = querySource(p);
  const s = split ? SPLIT_KEY[split] : { join: '', key: "'all'" };
  const rows = runQuery(() => db.prepare(`SELECT ${periodExpr(interval)} AS period, ${s.key} AS key, count(DISTINCT a.id) AS n
    FROM ${src.from} ${s.join} WHERE ${src.where} GROUP BY period, key`).all(...src.params) as { period: string; key: string; n: number }[]);
  const total = runQuery(() => (db.prepare(`SELECT count(DISTINCT a.id) AS n FROM ${src.from} WHERE ${src.where}`).get(...src.params) as { n: number }).n);
  const periods = fillPeriods(rows.map((r) => r.period), interval);
  const index = new Map(periods.map((d, i) => [d, i]));
  const byKey = new Map<string, number[]>();
  for (const r of rows) {
    const key = split === 'outlet' ? outletName(r.key, outletOf) : r.key;
    const counts = byKey.get(key) ?? periods.map(() => 0);
    const i = index.get(r.period);
    if (i !== undefined) counts[i] = (counts[i] ?? 0) + r.n;
    byKey.set(key, counts);
  }
  const series = [...byKey].map(([key, counts]) => ({ key, counts, total: counts.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  return { interval, split, periods, series: capSeries(series, periods.length), total, warnings: p.warnings };
}

/** The feed's site (or URL) and title, joined by \x01 in SQL: the registry's outlet name, else the feed title. */
function outletName(key: string, outletOf?: OutletResolver): string {
  const [site = '', title = site] = key.split('\u0001');
  return outletOf?.([site])?.name ?? title;
}

function capSeries(series: VolumeSeries[], length: number): VolumeSeries[] {
  if (series.length <= MAX_SERIES) return series;
  const kept = series.slice(0, MAX_SERIES - 1);
  const other = { key: OTHER, counts: Array.from({ length }, () => 0), total: 0 };
  for (const s of series.slice(MAX_SERIES - 1)) {
    s.counts.forEach((n, i) => { other.counts[i] = (other.counts[i] ?? 0) + n; });
    other.total += s.total;
  }
  return [...kept, other];
}

function fillPeriods(found: string[], interval: VolumeInterval): string[] {
  const sorted = [...new Set(found.filter(Boolean))].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return [];
  const out: string[] = [];
  const step = interval === 'day' ? 1 : 7;
  for (let d = new Date(`${first}T00:00:00Z`); out.length < MAX_PERIODS; d.setUTCDate(d.getUTCDate() + step)) {
    const day = d.toISOString().slice(0, 10);
    out.push(day);
    if (day >= last) break;
  }
  return out;
}

// Volume rows (period, key, count) as chart series, the same for both engines: empty periods between the first and
// the last filled with zeros, outlets named through the registry, series beyond MAX_SERIES summed into "other".
import type { OutletResolver } from './shared.ts';
import type { VolumeInterval, VolumeSeries, VolumeSplit } from './records.ts';

/** Series beyond this many are summed into "All others", so a chart stays readable. */
export const MAX_SERIES = 10;
const MAX_PERIODS = 5000;
export const OTHER = 'All others';
/** The series of articles that no registry outlet claims (an outlet split never falls back to feed titles). */
export const UNKNOWN_OUTLET = 'Other / unknown outlet';

export interface VolumeRow {
  period: string;
  key: string;
  n: number;
}

export function seriesOf(rows: VolumeRow[], interval: VolumeInterval, split: VolumeSplit | null, outletOf?: OutletResolver): { periods: string[]; series: VolumeSeries[] } {
  const periods = fillPeriods(rows.map((r) => r.period), interval);
  const index = new Map(periods.map((d, i) => [d, i]));
  const byKey = new Map<string, number[]>();
  for (const r of rows) {
    const key = split !== 'outlet' ? r.key : outletOf ? outletName(r.key, outletOf) : r.key || UNKNOWN_OUTLET;
    const counts = byKey.get(key) ?? periods.map(() => 0);
    const i = index.get(r.period);
    if (i !== undefined) counts[i] = (counts[i] ?? 0) + r.n;
    byKey.set(key, counts);
  }
  const series = [...byKey].map(([key, counts]) => ({ key, counts, total: counts.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  // The unknown outlets stay a series of their own, last, and never vanish into "All others".
  const unknown = series.filter((x) => x.key === UNKNOWN_OUTLET);
  const named = capSeries(series.filter((x) => x.key !== UNKNOWN_OUTLET), periods.length, MAX_SERIES - unknown.length);
  return { periods, series: [...named, ...unknown] };
}

/** The feed's site (or URL), joined by \x01 with its title in SQL: the registry's outlet name, else unknown. */
function outletName(key: string, outletOf: OutletResolver): string {
  const [site = ''] = key.split('\u0001');
  return outletOf([site])?.name ?? UNKNOWN_OUTLET;
}

function capSeries(series: VolumeSeries[], length: number, max: number): VolumeSeries[] {
  if (series.length <= max) return series;
  const kept = series.slice(0, max - 1);
  const other = { key: OTHER, counts: Array.from({ length }, () => 0), total: 0 };
  for (const s of series.slice(max - 1)) {
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

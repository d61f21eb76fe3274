// A volume series as a file to paste into a report: an SVG chart drawn by Apache ECharts' server-side renderer
// (stacked bars per day or week, lines when asked; self-contained, no scripts) or a CSV table (one row per
// period, one column per series, UTF-8 with BOM like article exports). The renderer shows the SVG through
// <img> and rasterises it for PNG, so the page's CSP needs no inline styles for it.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { VolumeData } from '../store/records.ts';
import { csvField } from '../text/csv.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

export type VolumeStyle = 'bar' | 'line';

/** Tableau 10: distinct in print and for the common colour-vision deficiencies. */
const COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const WIDTH = 800;
const PLOT_HEIGHT = 360;
const LEGEND_ROW = 24;
const LEGEND_TEXT_MAX = 220;
const FONT = 12;
/** ECharts measures text in Node from a table of average widths, up to ~10% short of a real font: keep slack. */
const TITLE_QUERY_MAX = 60;

function cut(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** Legend rows at this width: ECharts wraps a plain legend, and the plot must leave room for every row. */
function legendRows(names: string[]): number {
  const usable = WIDTH - 32;
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const w = 25 + 5 + Math.min(LEGEND_TEXT_MAX, name.length * FONT * 0.62) + 24;
    if (x > 0 && x + w > usable) {
      rows += 1;
      x = 0;
    }
    x += w;
  }
  return rows;
}

export function renderVolumeSvg(data: VolumeData, query: string, style: VolumeStyle = 'bar'): string {
  const names = data.series.map((s) => `${s.key} (${s.total})`);
  const legendHeight = data.series.length > 0 ? legendRows(names) * LEGEND_ROW + 8 : 0;
  const height = PLOT_HEIGHT + legendHeight;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      color: COLORS,
      textStyle: { fontFamily: 'sans-serif', fontSize: FONT },
      title: {
        text: `Articles per ${data.interval}: ${cut(query, TITLE_QUERY_MAX)}`,
        left: 12,
        top: 10,
        textStyle: { fontSize: 14, fontWeight: 'bold', width: Math.round((WIDTH - 24) * 0.85), overflow: 'truncate' },
      },
      legend: {
        type: 'plain',
        bottom: 8,
        left: 16,
        right: 16,
        itemGap: 24,
        selectedMode: false,
        data: names,
        textStyle: { width: LEGEND_TEXT_MAX, overflow: 'truncate' },
      },
      // The plot shrinks until every axis label fits inside this box, however long the counts or dates.
      grid: { left: 16, right: 32, top: 48, bottom: legendHeight + 12, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'category', data: data.periods, axisLabel: { hideOverlap: true }, axisTick: { alignWithLabel: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: data.series.map((s, i) => ({
        name: names[i],
        type: style,
        data: s.counts,
        // A picture for a report: no hover states (ECharts would embed hover CSS for them).
        silent: true,
        emphasis: { disabled: true },
        ...(style === 'bar' ? { stack: 'volume', barMaxWidth: 48 } : { showSymbol: data.periods.length <= 60 }),
      })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function volumeCsv(data: VolumeData): string {
  const header = ['period', ...data.series.map((s) => s.key)];
  const lines = data.periods.map((p, i) => [p, ...data.series.map((s) => String(s.counts[i] ?? 0))]);
  return `\uFEFF${[header, ...lines].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

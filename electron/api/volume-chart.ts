// A volume series as a file to paste into a report: an SVG line chart (self-contained, no scripts, text
// escaped) or a CSV table (one row per period, one column per series, UTF-8 with BOM like article exports).
import type { VolumeData } from '../store/records.ts';
import { csvField } from '../text/csv.ts';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const W = 800;
const H = 320;
const PAD = { left: 48, right: 16, top: 16, bottom: 64 };

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderVolumeSvg(data: VolumeData, heading = ''): string {
  const n = data.periods.length;
  const max = Math.max(1, ...data.series.flatMap((s) => s.counts));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number): number => PAD.left + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1));
  const y = (v: number): number => PAD.top + plotH - (v * plotH) / max;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
  ];
  if (heading) parts.push(`<text x="${PAD.left}" y="12" font-weight="bold">${xml(heading)}</text>`);
  parts.push(`<line x1="${PAD.left}" y1="${y(0)}" x2="${W - PAD.right}" y2="${y(0)}" stroke="#888"/>`);
  parts.push(`<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${y(0)}" stroke="#888"/>`);
  parts.push(`<text x="${PAD.left - 4}" y="${y(max) + 4}" text-anchor="end">${max}</text>`, `<text x="${PAD.left - 4}" y="${y(0) + 4}" text-anchor="end">0</text>`);
  const ticks = n <= 1 ? [0] : [0, Math.floor((n - 1) / 2), n - 1];
  for (const i of new Set(ticks)) {
    if (i < n) parts.push(`<text x="${x(i)}" y="${y(0) + 14}" text-anchor="middle">${xml(data.periods[i] ?? '')}</text>`);
  }
  data.series.forEach((s, k) => {
    const color = COLORS[k % COLORS.length];
    const points = s.counts.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${points}"/>`);
    const lx = PAD.left + (k % 5) * 150;
    const ly = H - 28 + Math.floor(k / 5) * 14;
    parts.push(`<rect x="${lx}" y="${ly - 8}" width="10" height="10" fill="${color}"/>`, `<text x="${lx + 14}" y="${ly + 1}">${xml(`${s.key} (${s.total})`)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

export function volumeCsv(data: VolumeData): string {
  const header = ['period', ...data.series.map((s) => s.key)];
  const lines = data.periods.map((p, i) => [p, ...data.series.map((s) => String(s.counts[i] ?? 0))]);
  return `\uFEFF${[header, ...lines].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

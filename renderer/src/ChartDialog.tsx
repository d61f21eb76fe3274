// Volume over time for the current search: articles per day or week, optionally split by outlet, tag or label,
// drawn by the search engine as a self-contained SVG (shown through <img>, so it can never run anything), and
// exported as SVG, PNG or CSV for a report.
import { useEffect, useState } from 'react';
import { api } from './api-client.ts';
import type { ApiResult } from '../../electron/api/methods.ts';
import { Dialog } from './Dialog.tsx';
import { download } from './download.ts';
import { errorMessage } from './format.ts';

type Exported = ApiResult<'search.volumeExport'>;

function toDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${btoa(String.fromCharCode(...new TextEncoder().encode(svg)))}`;
}

async function svgToPng(svg: string): Promise<Blob> {
  const img = new Image();
  img.src = toDataUrl(svg);
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth * 2;
  canvas.height = img.naturalHeight * 2;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('This browser cannot draw the chart to an image.');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('Could not make the PNG.'))), 'image/png'));
}

export function ChartDialog({ query, onClose }: { query: string; onClose: () => void }) {
  const [interval, setIntervalKind] = useState<'day' | 'week'>('day');
  const [split, setSplit] = useState<'' | 'outlet' | 'tag' | 'label'>('');
  const [svg, setSvg] = useState<Exported | null>(null);
  const [error, setError] = useState<string | null>(null);

  const args = (format: 'svg' | 'csv') => ({ q: query, interval, ...(split ? { split } : {}), format });

  useEffect(() => {
    setSvg(null);
    setError(null);
    api.call('search.volumeExport', args('svg')).then(setSvg, (err: unknown) => setError(errorMessage(err)));
    // args() is rebuilt from query, interval and split, the dependencies below.
  }, [query, interval, split]);

  async function save(kind: 'svg' | 'png' | 'csv') {
    try {
      if (kind === 'csv') {
        const csv = await api.call('search.volumeExport', args('csv'));
        download(csv.content, csv.filename, csv.mime);
      } else if (svg) {
        if (kind === 'svg') download(svg.content, svg.filename, svg.mime);
        else download(await svgToPng(svg.content), svg.filename.replace(/\.svg$/, '.png'), 'image/png');
      }
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Dialog title={`Volume over time: ${query}`} onClose={onClose} testId="chart-dialog">
      <div className="chart-controls">
        <label>Per <select value={interval} onChange={(e) => setIntervalKind(e.target.value as 'day' | 'week')}><option value="day">day</option><option value="week">week</option></select></label>
        <label>Split by <select value={split} onChange={(e) => setSplit(e.target.value as typeof split)} data-testid="chart-split">
          <option value="">nothing</option><option value="outlet">outlet</option><option value="tag">tag</option><option value="label">label</option>
        </select></label>
      </div>
      {svg ? <img className="chart" src={toDataUrl(svg.content)} alt={`Articles matching ${query} per ${interval}`} data-testid="chart" />
        : !error && <p className="empty">Drawing…</p>}
      {error && <p className="error-text" role="alert">{error}</p>}
      <div className="dialog-buttons">
        <button type="button" onClick={() => void save('svg')} disabled={!svg}>Save SVG</button>
        <button type="button" onClick={() => void save('png')} disabled={!svg}>Save PNG</button>
        <button type="button" onClick={() => void save('csv')} data-testid="chart-csv">Save CSV</button>
        <span className="spacer" />
        <button type="button" className="primary" onClick={onClose}>Close</button>
      </div>
    </Dialog>
  );
}

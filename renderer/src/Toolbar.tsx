// The bar above the panes: add, refresh (with the poll's progress), the Flags view, the outlet registry, tags and rules,
// mark all read, OPML in and out, search, remote images, help.
import { useRef, type RefObject } from 'react';
import { api } from './api-client.ts';
import { errorMessage } from './format.ts';
import { download } from './download.ts';
import type { ExportFormat, Prefs, Progress } from './types.ts';

interface Props {
  searchBox: RefObject<HTMLInputElement | null>;
  searchText: string;
  onSearchText: (text: string) => void;
  progress: Progress;
  prefs: Prefs | null;
  onPref: (patch: Partial<Prefs>) => void;
  onAdd: () => void;
  onRefresh: () => void;
  onMarkAll: () => void;
  canMarkAll: boolean;
  onHelp: () => void;
  onNotice: (text: string) => void;
  onImported: () => void;
  /** Set while a search is shown: its results can be saved as a search or tagged. */
  onSaveSearch?: (() => void) | undefined;
  onTagResults?: (() => void) | undefined;
  onChart?: (() => void) | undefined;
  /** The current search's results, or the whole library when no search is shown. */
  exportQuery: string | null;
  onFlags: () => void;
  onOutlets: () => void;
  onTags: () => void;
}

export function Toolbar(p: Props) {
  const fileInput = useRef<HTMLInputElement>(null);

  async function importOpml(file: File) {
    try {
      const r = await api.call('opml.import', { xml: await file.text() });
      p.onNotice(`Imported ${file.name}: ${r.added} feed${r.added === 1 ? '' : 's'} added, ${r.skipped} already there. Press r to fetch them.`);
      p.onImported();
    } catch (err) {
      p.onNotice(`Could not import ${file.name}: ${errorMessage(err)}`);
    }
  }

  async function exportOpml() {
    try {
      const { xml } = await api.call('opml.export', {});
      download(xml, `footnote-subscriptions-${new Date().toISOString().slice(0, 10)}.opml`, 'text/x-opml');
    } catch (err) {
      p.onNotice(`Could not export: ${errorMessage(err)}`);
    }
  }

  async function exportArticles(format: ExportFormat) {
    try {
      const r = await api.call('export.run', { format, query: p.exportQuery });
      download(r.content, r.filename, r.mime);
      p.onNotice(`Exported ${r.count} article${r.count === 1 ? '' : 's'} to ${r.filename}.`);
    } catch (err) {
      p.onNotice(`Could not export: ${errorMessage(err)}`);
    }
  }

  const polling = p.progress !== null;
  return (
    <header className="toolbar">
      <span className="brand">Footnote</span>
      <button type="button" className="primary" onClick={p.onAdd} data-testid="add-feed">+ Add feed</button>
      <button type="button" onClick={p.onRefresh} disabled={polling} data-testid="refresh" title="Check every feed now (r)">⟳ Refresh</button>
      <button type="button" onClick={p.onFlags} data-testid="flags-button" title="State-media labels by entity and outlet">Flags</button>
      <button type="button" onClick={p.onOutlets} data-testid="outlets-button" title="The registry of state-affiliated outlets: add or edit entries">Outlets</button>
      <button type="button" onClick={p.onTags} data-testid="tags-button" title="Create, rename, colour, merge and delete tags; auto-tag rules">Tags &amp; rules</button>
      <button type="button" onClick={p.onMarkAll} disabled={!p.canMarkAll} data-testid="mark-all-read">Mark all read</button>
      <button type="button" onClick={() => fileInput.current?.click()}>Import OPML</button>
      <input ref={fileInput} type="file" accept=".opml,.xml,text/xml,text/x-opml" hidden data-testid="opml-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importOpml(file);
          e.target.value = '';
        }} />
      <button type="button" onClick={() => void exportOpml()}>Export OPML</button>
      <input ref={p.searchBox} type="search" className="search" placeholder="Search (/)…  e.g. sanction* AND title:Russia" value={p.searchText}
        onChange={(e) => p.onSearchText(e.target.value)} aria-label="Search" data-testid="search" />
      {p.onSaveSearch && <button type="button" onClick={p.onSaveSearch} data-testid="save-search">Save search</button>}
      {p.onTagResults && <button type="button" onClick={p.onTagResults} data-testid="tag-results">Tag results</button>}
      {p.onChart && <button type="button" onClick={p.onChart} data-testid="chart-button">Chart</button>}
      <select className="export" value="" aria-label="Export articles" data-testid="export"
        onChange={(e) => {
          // The options below are the export formats; '' is the prompt.
          const format = e.target.value as ExportFormat | '';
          if (format) void exportArticles(format);
        }}>
        <option value="">Export…</option>
        <option value="csv">CSV (Excel)</option>
        <option value="json">JSON</option>
        <option value="ndjson">NDJSON</option>
      </select>
      <label className="toggle" title="Remote images can tell an outlet that you read its article">
        <input type="checkbox" checked={p.prefs?.allowRemoteImages ?? false} onChange={(e) => p.onPref({ allowRemoteImages: e.target.checked })} />
        Remote images
      </label>
      {api.mode === 'app' && (
        <label className="toggle" title="A system notification when new articles carry a state-media label">
          <input type="checkbox" checked={p.prefs?.notifyFlagged ?? false} onChange={(e) => p.onPref({ notifyFlagged: e.target.checked })} />
          Notify flagged
        </label>
      )}
      <button type="button" onClick={p.onHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">?</button>
      {polling && (
        <div className="progress" data-testid="poll-progress" role="progressbar" aria-label="Checking feeds"
          aria-valuemin={0} aria-valuemax={p.progress?.total || undefined} aria-valuenow={p.progress?.total ? p.progress.done : undefined}>
          <progress max={p.progress?.total || undefined} value={p.progress?.total ? p.progress.done : undefined} />
          <span>{p.progress?.total ? `${p.progress.done}/${p.progress.total} feeds` : 'Checking…'}</span>
        </div>
      )}
    </header>
  );
}

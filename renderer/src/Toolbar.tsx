// The bar above the panes, on one line down to 900 px: add, refresh (with the poll's progress), search with its
// chart and results menu, Flags, tags and rules; rare actions (outlets, the library in use, mark all read, OPML,
// export, remote images, theme) in the More menu; help.
import { useRef, type RefObject } from 'react';
import { api } from './api-client.ts';
import { errorMessage } from './format.ts';
import { download } from './download.ts';
import { Menu, MenuItem } from './Menu.tsx';
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
  onLibrary: () => void;
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
  const searching = p.onSaveSearch !== undefined || p.onTagResults !== undefined;
  return (
    <header className="toolbar" data-testid="toolbar">
      <span className="brand">Footnote</span>
      <button type="button" className="primary" onClick={p.onAdd} data-testid="add-feed" title="Subscribe to a feed or a site (a)">+ Add feed</button>
      <button type="button" onClick={p.onRefresh} disabled={polling} data-testid="refresh" title="Check every feed now (r)">⟳ Refresh</button>
      <input ref={p.searchBox} type="search" className="search" placeholder="Search (/)…  e.g. sanction* AND title:Russia" value={p.searchText}
        onChange={(e) => p.onSearchText(e.target.value)} aria-label="Search" data-testid="search" />
      {p.onChart && <button type="button" onClick={p.onChart} data-testid="chart-button" title="Volume of these results over time">Chart</button>}
      {searching && (
        <Menu label="Results" testId="results-menu" title="Save this search or tag its results">
          {(close) => (
            <>
              {p.onSaveSearch && <MenuItem close={close} onSelect={p.onSaveSearch} testId="save-search">Save search…</MenuItem>}
              {p.onTagResults && <MenuItem close={close} onSelect={p.onTagResults} testId="tag-results">Tag results…</MenuItem>}
            </>
          )}
        </Menu>
      )}
      <button type="button" onClick={p.onFlags} data-testid="flags-button" title="State-media labels by entity and outlet">Flags</button>
      <button type="button" onClick={p.onTags} data-testid="tags-button" title="Create, rename, colour, merge and delete tags; auto-tag rules">Tags &amp; rules</button>
      <Menu label="More" testId="more-menu" title="Outlets, OPML, export, images, theme">
        {(close) => (
          <>
            <MenuItem close={close} onSelect={p.onOutlets} testId="outlets-button">Outlets registry…</MenuItem>
            <MenuItem close={close} onSelect={p.onLibrary} testId="library-settings">Settings → Library…</MenuItem>
            <MenuItem close={close} onSelect={p.onMarkAll} disabled={!p.canMarkAll} testId="mark-all-read">Mark all read</MenuItem>
            <hr />
            <MenuItem close={close} onSelect={() => fileInput.current?.click()} testId="import-opml">Import OPML…</MenuItem>
            <MenuItem close={close} onSelect={() => void exportOpml()} testId="export-opml">Export OPML</MenuItem>
            <hr />
            <MenuItem close={close} onSelect={() => void exportArticles('csv')} testId="export-csv">Export {p.exportQuery ? 'results' : 'all'} as CSV (Excel)</MenuItem>
            <MenuItem close={close} onSelect={() => void exportArticles('json')} testId="export-json">Export as JSON</MenuItem>
            <MenuItem close={close} onSelect={() => void exportArticles('ndjson')} testId="export-ndjson">Export as NDJSON</MenuItem>
            <hr />
            <label className="toggle" title="Remote images can tell an outlet that you read its article">
              <input type="checkbox" checked={p.prefs?.allowRemoteImages ?? false} onChange={(e) => p.onPref({ allowRemoteImages: e.target.checked })} data-testid="remote-images" />
              Remote images
            </label>
            {api.mode === 'app' && (
              <label className="toggle" title="A system notification when new articles carry a state-media label">
                <input type="checkbox" checked={p.prefs?.notifyFlagged ?? false} onChange={(e) => p.onPref({ notifyFlagged: e.target.checked })} />
                Notify flagged
              </label>
            )}
            <label className="toggle">Theme
              <select value={p.prefs?.theme ?? 'system'} onChange={(e) => p.onPref({ theme: e.target.value as Prefs['theme'] })} data-testid="theme">
                <option value="system">Like the system</option>
                <option value="light">Light</option>
                <option value="dark">Dark</option>
              </select>
            </label>
          </>
        )}
      </Menu>
      <input ref={fileInput} type="file" accept=".opml,.xml,text/xml,text/x-opml" hidden data-testid="opml-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importOpml(file);
          e.target.value = '';
        }} />
      <button type="button" onClick={p.onHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">?</button>
      {polling && (
        <div className="progress" data-testid="poll-progress" role="progressbar" aria-label="Checking feeds"
          aria-valuemin={0} aria-valuemax={p.progress?.total || undefined} aria-valuenow={p.progress?.total ? p.progress.done : undefined}>
          <progress max={p.progress?.total || undefined} value={p.progress?.total ? p.progress.done : undefined} />
          <span>{p.progress?.total ? `${p.progress.done}/${p.progress.total}` : '…'}</span>
        </div>
      )}
    </header>
  );
}

// The left pane: the four views, feeds grouped by folder with unread counts and error badges, tags and saved
// searches. Everything here only changes the scope the list shows.
import type { ReactNode } from 'react';
import type { Counts, SavedSearch, Scope, View } from './types.ts';

interface Props {
  counts: Counts | null;
  saved: SavedSearch[];
  scope: Scope;
  onScope: (scope: Scope) => void;
  onFeedSettings: (feedId: number) => void;
}

const views: { view: View; title: string; key: 'all' | 'unread' | 'starred' | 'flagged' }[] = [
  { view: 'all', title: 'All articles', key: 'all' },
  { view: 'unread', title: 'Unread', key: 'unread' },
  { view: 'starred', title: 'Starred', key: 'starred' },
  { view: 'flagged', title: 'Flagged', key: 'flagged' },
];

/** A tag's colour: an SVG fill, since the page's Content-Security-Policy allows no inline styles. */
function Swatch({ color }: { color: string }) {
  return <svg className="tag-swatch" width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" data-testid="tag-swatch"><circle cx="5" cy="5" r="5" fill={color} /></svg>;
}

function isCurrent(scope: Scope, s: Partial<Scope>): boolean {
  return scope.view === (s.view ?? 'all') && scope.feedId === s.feedId && scope.folder === s.folder && scope.tag === s.tag && scope.query === s.query;
}

export function Sidebar({ counts, saved, scope, onScope, onFeedSettings }: Props) {
  const feeds = counts?.feeds ?? [];
  const groups = new Map<string | null, typeof feeds>();
  for (const f of feeds) groups.set(f.folder, [...(groups.get(f.folder) ?? []), f]);
  const folderUnread = new Map((counts?.folders ?? []).map((f) => [f.name, f.unread]));

  const item = (label: string, target: Scope, count: number | undefined, extra?: ReactNode, testId?: string) => (
    <li key={`${label}-${target.feedId ?? ''}-${target.folder ?? ''}-${target.tag ?? ''}-${target.query ?? ''}`}>
      <button type="button" className={`side-item${isCurrent(scope, target) ? ' current' : ''}`} onClick={() => onScope(target)} data-testid={testId}>
        <span className="side-label">{label}</span>
        {extra}
        {count !== undefined && count > 0 && <span className="side-count">{count.toLocaleString()}</span>}
      </button>
    </li>
  );

  return (
    <nav className="sidebar" aria-label="Feeds and views">
      <ul className="side-list">
        {views.map((v) => item(v.title, { view: v.view, title: v.title }, counts?.[v.key], undefined, `view-${v.view}`))}
      </ul>

      <h3 className="side-heading">Feeds</h3>
      {feeds.length === 0 && <p className="side-empty">No subscriptions yet: use “Add feed” or import an OPML file.</p>}
      {[...groups.entries()].map(([folder, list]) => (
        <div key={folder ?? ''} className="side-group">
          {folder !== null && (
            <ul className="side-list">
              {item(folder, { view: 'all', folder, title: folder }, folderUnread.get(folder), undefined, 'folder')}
            </ul>
          )}
          <ul className={`side-list${folder !== null ? ' nested' : ''}`}>
            {list.map((f) => (
              <li key={f.id} className="feed-line">
                <button type="button" className={`side-item${isCurrent(scope, { view: 'all', feedId: f.id }) ? ' current' : ''}`}
                  onClick={() => onScope({ view: 'all', feedId: f.id, title: f.title ?? f.url })} data-testid="feed-item" data-feed-id={f.id}>
                  <span className="side-label">{f.title ?? f.url}</span>
                  {(f.status === 'error' || f.status === 'gone') && (
                    <span className="badge error" data-testid="feed-error" title={f.lastError ?? (f.status === 'gone' ? 'The feed is gone (HTTP 410).' : 'The last fetch failed.')}
                      aria-label={`Error: ${f.lastError ?? f.status}`}>!</span>
                  )}
                  {f.unread > 0 && <span className="side-count">{f.unread.toLocaleString()}</span>}
                </button>
                <button type="button" className="feed-settings-button" aria-label={`Settings for ${f.title ?? f.url}`} title="Feed settings"
                  onClick={() => onFeedSettings(f.id)}>⋯</button>
              </li>
            ))}
          </ul>
        </div>
      ))}

      {(counts?.tags.length ?? 0) > 0 && (
        <>
          <h3 className="side-heading">Tags</h3>
          <ul className="side-list">
            {counts?.tags.map((t) => item(t.name, { view: 'all', tag: t.name, title: `Tag: ${t.name}` }, t.count, t.color ? <Swatch color={t.color} /> : null, 'tag-item'))}
          </ul>
        </>
      )}

      {saved.length > 0 && (
        <>
          <h3 className="side-heading">Saved searches</h3>
          <ul className="side-list">
            {saved.map((s) => item(s.name, { view: 'all', query: s.query, title: `Search: ${s.name}` }, s.count ?? undefined, null, 'saved-search'))}
          </ul>
        </>
      )}
    </nav>
  );
}

// The Flags view: state-media labels grouped by canonical entity (one entity across languages and scripts, with
// its forms as written), then by kind and outlet, with review counts and a per-week trend; filters by kind, entity
// and review state (unreviewed: what still needs an analyst). Choosing an entity lists its articles (a label:
// search). Below: the analyst's aliases and the detector's precision from the analyst's reviews.
import { useEffect, useRef, useState } from 'react';
import { api } from './api-client.ts';
import { Dialog } from './Dialog.tsx';
import { OutletBadge } from './OutletBadge.tsx';
import { errorMessage, labelName, labelNames } from './format.ts';
import { EntityAliases } from './EntityAliases.tsx';
import { ReviewPrecision } from './ReviewPrecision.tsx';
import type { FlagGroup, LabelKind, LabelReview, ReviewStats } from './types.ts';

const ENTITY_DEBOUNCE_MS = 250;

/** A row of small bars, one per week: the trend at a glance. */
function Trend({ series }: { series: FlagGroup['series'] }) {
  const recent = series.slice(-26);
  const max = Math.max(1, ...recent.map((s) => s.count));
  return (
    <svg className="trend" viewBox={`0 0 ${recent.length * 4} 16`} width={recent.length * 4} height={16} aria-hidden="true">
      {recent.map((s, i) => <rect key={s.period} x={i * 4} y={16 - (14 * s.count) / max} width={3} height={(14 * s.count) / max} />)}
    </svg>
  );
}

interface EntityGroup {
  canonical: string;
  forms: string[];
  total: number;
  rows: FlagGroup[];
}

/** The rows under their canonical entity, biggest entity first (rows arrive sorted by their own totals). */
function byEntity(groups: FlagGroup[]): EntityGroup[] {
  const out = new Map<string, EntityGroup>();
  for (const g of groups) {
    let e = out.get(g.canonical);
    if (!e) out.set(g.canonical, (e = { canonical: g.canonical, forms: [], total: 0, rows: [] }));
    e.total += g.total;
    e.rows.push(g);
    for (const f of g.forms) if (!e.forms.includes(f)) e.forms.push(f);
  }
  return [...out.values()].sort((a, b) => b.total - a.total || a.canonical.localeCompare(b.canonical));
}

const labelQuery = (name: string): string => `label:"${name.replace(/"/g, '')}"`;

export function FlagsDialog({ onClose, onShow }: { onClose: () => void; onShow: (query: string) => void }) {
  const [kind, setKind] = useState<LabelKind | ''>('');
  const [review, setReview] = useState<LabelReview | ''>('');
  const [entityText, setEntityText] = useState('');
  const [entity, setEntity] = useState('');
  const [entities, setEntities] = useState<string[]>([]);
  const [groups, setGroups] = useState<FlagGroup[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stats, setStats] = useState<ReviewStats | null>(null);
  const [version, setVersion] = useState(0);

  // Set once the analyst types an entity: before that the first answer needs no second asking.
  const typed = useRef(false);
  useEffect(() => {
    if (!typed.current) return undefined;
    // The version bump asks again even when the text came back to the entity already asked for (the rows were cleared).
    const t = setTimeout(() => { setEntity(entityText.trim()); setVersion((v) => v + 1); }, ENTITY_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [entityText]);

  useEffect(() => {
    setError(null);
    // Filters change faster than answers come: an answer to an earlier filter must not overwrite a later one, and
    // the rows of an earlier filter are cleared as soon as one changes (the handlers), so what shows always matches.
    let current = true;
    api.call('labels.flags', { interval: 'week', ...(kind ? { kind } : {}), ...(review ? { review } : {}), ...(entity ? { entity } : {}) })
      .then((list) => {
        if (!current) return;
        setGroups(list);
        // The entity suggestions come from the unfiltered view, so they do not shrink to the one chosen.
        if (!entity) setEntities([...new Set(list.flatMap((g) => [g.canonical, ...g.forms]))]);
      }, (err: unknown) => current && setError(errorMessage(err)));
    api.call('labels.reviewStats', {}).then((s) => current && setStats(s), (err: unknown) => current && setError(errorMessage(err)));
    return () => { current = false; };
  }, [kind, review, entity, version]);

  return (
    <Dialog title="Flags: state-media labels" onClose={onClose} testId="flags-dialog">
      <div className="chart-controls">
        <label>Kind <select value={kind} onChange={(e) => { setGroups(null); setKind(e.target.value as LabelKind | ''); }} data-testid="flags-kind">
          <option value="">all</option>
          {Object.entries(labelNames).map(([k, name]) => <option key={k} value={k}>{name}</option>)}
        </select></label>
        <label>Review <select value={review} onChange={(e) => { setGroups(null); setReview(e.target.value as LabelReview | ''); }} data-testid="flags-review">
          <option value="">any</option><option value="unreviewed">unreviewed</option><option value="confirmed">confirmed</option><option value="rejected">rejected</option>
        </select></label>
        <label>Entity <input type="search" value={entityText} onChange={(e) => { typed.current = true; setGroups(null); setEntityText(e.target.value); }} list="flag-entities" placeholder="any"
          data-testid="flags-entity" /></label>
        <datalist id="flag-entities">{entities.map((e) => <option key={e} value={e} />)}</datalist>
      </div>
      {error && <p className="error-text" role="alert">{error}</p>}
      {groups && groups.length === 0 && <p className="empty">No labels match. Labels appear as feeds from outlets that carry them are polled.</p>}
      {groups && groups.length > 0 && (
        <table className="flags">
          <thead><tr><th>Entity</th><th>Kind</th><th>Outlet</th><th>Labels</th><th>Unreviewed</th><th>Confirmed</th><th>Rejected</th><th>Last 26 weeks</th></tr></thead>
          {byEntity(groups).map((e) => (
            <tbody key={e.canonical} data-testid="flag-entity">
              <tr className="flag-entity-row">
                <th colSpan={8} scope="rowgroup">
                  <button type="button" className="link-button" onClick={() => onShow(labelQuery(e.canonical))} data-testid="flag-entity-name">{e.canonical}</button>
                  {' '}<span className="num">{e.total}</span>
                  <span className="forms" data-testid="flag-forms"> as written: {e.forms.map((f) => `“${f}”`).join(', ')}</span>
                </th>
              </tr>
              {e.rows.map((g) => (
                <tr key={`${g.kind}|${g.outlet}`} data-testid="flag-row">
                  <td><button type="button" className="link-button" onClick={() => onShow(labelQuery(g.canonical))}>{g.forms.join(' · ')}</button></td>
                  <td><span className={`badge label label-${g.kind}`}>{labelName(g.kind)}</span></td>
                  <td>{g.country !== null && g.category !== null
                    ? <OutletBadge outlet={{ name: g.outlet, country: g.country, category: g.category }} testId="flag-outlet" />
                    : g.outlet}{g.country ? ` (${g.country})` : ''}</td>
                  <td className="num">{g.total}</td><td className="num">{g.unreviewed}</td><td className="num">{g.confirmed}</td><td className="num">{g.rejected}</td>
                  <td><Trend series={g.series} /></td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
      <EntityAliases onChanged={() => setVersion((v) => v + 1)} />
      <ReviewPrecision stats={stats} />
      <div className="dialog-buttons"><button type="button" className="primary" onClick={onClose}>Close</button></div>
    </Dialog>
  );
}

// The Flags view: state-media labels grouped by kind, entity and outlet, with review counts and a per-week
// trend; filters by kind, entity and review state (unreviewed: what still needs an analyst). Choosing a row lists its articles (a label: search).
import { useEffect, useState } from 'react';
import { api } from './api-client.ts';
import { Dialog } from './Dialog.tsx';
import { errorMessage, labelName, labelNames } from './format.ts';

import type { FlagGroup, LabelKind, LabelReview } from './types.ts';

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

export function FlagsDialog({ onClose, onShow }: { onClose: () => void; onShow: (query: string) => void }) {
  const [kind, setKind] = useState<LabelKind | ''>('');
  const [review, setReview] = useState<LabelReview | ''>('');
  const [entityText, setEntityText] = useState('');
  const [entity, setEntity] = useState('');
  const [entities, setEntities] = useState<string[]>([]);
  const [groups, setGroups] = useState<FlagGroup[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const t = setTimeout(() => setEntity(entityText.trim()), ENTITY_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [entityText]);

  useEffect(() => {
    setError(null);
    api.call('labels.flags', { interval: 'week', ...(kind ? { kind } : {}), ...(review ? { review } : {}), ...(entity ? { entity } : {}) })
      .then((list) => {
        setGroups(list);
        // The entity suggestions come from the unfiltered view, so they do not shrink to the one chosen.
        if (!entity) setEntities([...new Set(list.map((g) => g.entity))]);
      }, (err: unknown) => setError(errorMessage(err)));
  }, [kind, review, entity]);

  return (
    <Dialog title="Flags: state-media labels" onClose={onClose} testId="flags-dialog">
      <div className="chart-controls">
        <label>Kind <select value={kind} onChange={(e) => setKind(e.target.value as LabelKind | '')} data-testid="flags-kind">
          <option value="">all</option>
          {Object.entries(labelNames).map(([k, name]) => <option key={k} value={k}>{name}</option>)}
        </select></label>
        <label>Review <select value={review} onChange={(e) => setReview(e.target.value as LabelReview | '')} data-testid="flags-review">
          <option value="">any</option><option value="unreviewed">unreviewed</option><option value="confirmed">confirmed</option><option value="rejected">rejected</option>
        </select></label>
        <label>Entity <input type="search" value={entityText} onChange={(e) => setEntityText(e.target.value)} list="flag-entities" placeholder="any"
          data-testid="flags-entity" /></label>
        <datalist id="flag-entities">{entities.map((e) => <option key={e} value={e} />)}</datalist>
      </div>
      {error && <p className="error-text" role="alert">{error}</p>}
      {groups && groups.length === 0 && <p className="empty">No labels match. Labels appear as feeds from outlets that carry them are polled.</p>}
      {groups && groups.length > 0 && (
        <table className="flags">
          <thead><tr><th>Entity</th><th>Kind</th><th>Outlet</th><th>Labels</th><th>Unreviewed</th><th>Confirmed</th><th>Rejected</th><th>Last 26 weeks</th></tr></thead>
          <tbody>
            {groups.map((g) => (
              <tr key={`${g.kind}|${g.entity}|${g.outlet}`} data-testid="flag-row">
                <td><button type="button" className="link-button" onClick={() => onShow(`label:"${g.entity.replace(/"/g, '')}"`)}>{g.entity}</button></td>
                <td><span className={`badge label label-${g.kind}`}>{labelName(g.kind)}</span></td>
                <td>{g.outlet}{g.country ? ` (${g.country})` : ''}</td>
                <td className="num">{g.total}</td><td className="num">{g.unreviewed}</td><td className="num">{g.confirmed}</td><td className="num">{g.rejected}</td>
                <td><Trend series={g.series} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dialog-buttons"><button type="button" className="primary" onClick={onClose}>Close</button></div>
    </Dialog>
  );
}

// The outlet registry as this library sees it: the shipped entries with the analyst's own (origin says which),
// filterable by name or domain; add or edit an entry (the edit overrides the shipped one in this library only),
// remove the analyst's, hide a shipped one, or revert an edited one to what shipped.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from './api-client.ts';
import { Dialog } from './Dialog.tsx';
import { categoryName, errorMessage } from './format.ts';
import type { OutletEntry } from './types.ts';

const originNames: Record<OutletEntry['origin'], string> = { shipped: 'shipped', user: 'yours', edited: 'edited by you' };

interface Draft { name: string; domains: string; country: string; category: string; source: string; date: string }

const blank: Draft = { name: '', domains: '', country: '', category: 'state_controlled', source: '', date: '' };

function draftOf(e: OutletEntry): Draft {
  return { name: e.name, domains: e.domains.join(', '), country: e.country, category: e.category, source: e.source, date: e.date ?? '' };
}

function matches(e: OutletEntry, filter: string): boolean {
  const f = filter.trim().toLowerCase();
  return !f || e.name.toLowerCase().includes(f) || e.domains.some((d) => d.includes(f));
}

export function OutletsDialog({ onClose, onChanged }: { onClose: () => void; onChanged: () => void }) {
  const [entries, setEntries] = useState<OutletEntry[] | null>(null);
  const [filter, setFilter] = useState('');
  /** The entry being edited (its name as it was, null for a new one), or nothing. */
  const [editing, setEditing] = useState<{ was: string | null; draft: Draft } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.call('outlets.list', {}).then(setEntries, (err: unknown) => setError(errorMessage(err)));
  }, []);
  useEffect(load, [load]);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
      load();
      onChanged();
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    }
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!editing) return;
    const d = editing.draft;
    const ok = await run(async () => {
      await api.call('outlets.upsert', {
        name: d.name.trim(),
        domains: d.domains.split(/[\s,]+/).filter(Boolean),
        country: d.country.trim().toUpperCase(),
        category: d.category.trim(),
        source: d.source.trim(),
        date: d.date || null,
      });
      // A rename leaves the old name behind: the entry under it goes (a shipped one is hidden).
      if (editing.was !== null && editing.was.toLowerCase() !== d.name.trim().toLowerCase()) await api.call('outlets.remove', { name: editing.was });
    });
    if (ok) setEditing(null);
  }

  const set = (field: keyof Draft) => (e: { target: { value: string } }) =>
    setEditing((s) => (s ? { ...s, draft: { ...s.draft, [field]: e.target.value } } : s));
  const categories = [...new Set((entries ?? []).map((e) => e.category))];
  const shown = (entries ?? []).filter((e) => matches(e, filter));

  return (
    <Dialog title="Outlet registry" onClose={onClose} testId="outlets-dialog">
      {editing ? (
        <form onSubmit={(e) => void save(e)} data-testid="outlet-form">
          <label className="field"><span>Name</span><input type="text" value={editing.draft.name} onChange={set('name')} required data-testid="outlet-name" /></label>
          <label className="field"><span>Domains (every mirror and language edition, separated by commas)</span>
            <input type="text" value={editing.draft.domains} onChange={set('domains')} required placeholder="sputnikglobe.com, sputniknews.lat" data-testid="outlet-domains" /></label>
          <div className="field-row">
            <label className="field"><span>Country (ISO code)</span><input type="text" value={editing.draft.country} onChange={set('country')} maxLength={10} data-testid="outlet-country" /></label>
            <label className="field"><span>Category</span>
              <input type="text" value={editing.draft.category} onChange={set('category')} list="outlet-categories" required data-testid="outlet-category" /></label>
            <datalist id="outlet-categories">{categories.map((c) => <option key={c} value={c} label={categoryName(c)} />)}</datalist>
            <label className="field"><span>Classified on</span><input type="date" value={editing.draft.date} onChange={set('date')} data-testid="outlet-date" /></label>
          </div>
          <label className="field"><span>Source of the classification</span>
            <input type="text" value={editing.draft.source} onChange={set('source')} required placeholder="State Media Monitor; a platform's state-affiliated label…" data-testid="outlet-source" /></label>
          {error && <p className="error-text" role="alert">{error}</p>}
          <div className="dialog-buttons">
            <button type="button" onClick={() => { setEditing(null); setError(null); }}>Back</button>
            <button type="submit" className="primary" data-testid="outlet-save">Save</button>
          </div>
        </form>
      ) : (
        <>
          <div className="chart-controls">
            <input type="search" className="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Filter by name or domain"
              aria-label="Filter outlets" data-testid="outlets-filter" />
            <button type="button" onClick={() => setEditing({ was: null, draft: blank })} data-testid="outlet-add">+ Add outlet</button>
          </div>
          {error && <p className="error-text" role="alert">{error}</p>}
          {entries && shown.length === 0 && <p className="empty">No outlet matches “{filter}”.</p>}
          {shown.length > 0 && (
            <table className="flags outlets">
              <thead><tr><th>Outlet</th><th>Domains</th><th>Country</th><th>Category</th><th>Origin</th><th /></tr></thead>
              <tbody>
                {shown.map((e) => (
                  <tr key={e.name} data-testid="outlet-row">
                    <td title={e.date ? `${e.source} (${e.date})` : e.source}>{e.name}</td>
                    <td className="domains">{e.domains.join(', ')}</td>
                    <td>{e.country}</td>
                    <td>{categoryName(e.category)}</td>
                    <td data-testid="outlet-origin">{originNames[e.origin]}</td>
                    <td className="row-actions">
                      <button type="button" onClick={() => setEditing({ was: e.name, draft: draftOf(e) })}>Edit</button>
                      {e.origin === 'edited' && (
                        <button type="button" onClick={() => void run(() => api.call('outlets.remove', { name: e.name, restore: true }))}>Revert</button>
                      )}
                      <button type="button" className="danger" onClick={() => void run(() => api.call('outlets.remove', { name: e.name }))}>
                        {e.origin === 'user' ? 'Remove' : 'Hide'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="dialog-buttons"><button type="button" className="primary" onClick={onClose}>Close</button></div>
        </>
      )}
    </Dialog>
  );
}

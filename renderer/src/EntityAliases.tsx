// The analyst's entity aliases in the Flags view: a name as written that means a canonical entity (named by its
// canonical name or any alias the shipped table knows). Stored in the library, applied at once to the labels
// already there and to every later detection; the shipped table is not changed.
import { useEffect, useState, type FormEvent } from 'react';
import { api } from './api-client.ts';
import { errorMessage } from './format.ts';
import type { EntityAlias } from './types.ts';

export function EntityAliases({ onChanged }: { onChanged: () => void }) {
  const [aliases, setAliases] = useState<EntityAlias[]>([]);
  const [alias, setAlias] = useState('');
  const [canonical, setCanonical] = useState('');
  const [lang, setLang] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () => api.call('labels.aliases', {}).then(setAliases, (err: unknown) => setError(errorMessage(err)));
  useEffect(() => { void load(); }, []);

  async function change(run: () => Promise<{ relabelled: number }>, done: string) {
    setError(null);
    try {
      const { relabelled } = await run();
      setStatus(`${done}; ${relabelled} label${relabelled === 1 ? '' : 's'} regrouped.`);
      await load();
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!alias.trim() || !canonical.trim()) return;
    const args = { alias: alias.trim(), canonical: canonical.trim(), ...(lang.trim() ? { lang: lang.trim() } : {}) };
    void change(async () => {
      const r = await api.call('labels.addAlias', args);
      setAlias('');
      setCanonical('');
      return r;
    }, `"${args.alias}" now means ${args.canonical}`);
  }

  return (
    <section className="entity-aliases" aria-label="Entity aliases" data-testid="entity-aliases">
      <h3>Your aliases</h3>
      <form className="label-form" onSubmit={submit}>
        <input type="text" value={alias} onChange={(e) => setAlias(e.target.value)} placeholder="Name as written" aria-label="Alias as written" data-testid="alias-name" />
        <span>means</span>
        <input type="text" value={canonical} onChange={(e) => setCanonical(e.target.value)} placeholder="Entity (canonical name or a known alias)" aria-label="Canonical entity"
          data-testid="alias-canonical" />
        <input type="text" value={lang} onChange={(e) => setLang(e.target.value)} placeholder="lang" aria-label="Language" size={4} data-testid="alias-lang" />
        <button type="submit" disabled={!alias.trim() || !canonical.trim()} data-testid="alias-submit">Add alias</button>
      </form>
      {status && <p className="status-text" role="status">{status}</p>}
      {error && <p className="error-text" role="alert">{error}</p>}
      {aliases.length > 0 && (
        <ul className="alias-list">
          {aliases.map((a) => (
            <li key={a.id} data-testid="alias-row">
              “{a.alias}”{a.lang ? ` (${a.lang})` : ''} → <strong>{a.canonical}</strong>
              <button type="button" className="chip-remove" aria-label={`Remove alias ${a.alias}`}
                onClick={() => void change(() => api.call('labels.removeAlias', { id: a.id }), `"${a.alias}" forgotten`)}>×</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

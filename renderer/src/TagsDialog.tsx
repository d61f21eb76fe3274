// Tags and auto-tag rules. Tags: create, rename, colour, merge into another, delete. Rules: a query plus a tag,
// optionally limited to some feeds; they tag new articles at ingest, and the stored ones when applied here, with
// the server's progress events ('progress', task 'rules.apply') shown as a bar.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from './api-client.ts';
import { Dialog } from './Dialog.tsx';
import { errorMessage } from './format.ts';
import type { Counts, Rule, Tag } from './types.ts';

type Feed = Counts['feeds'][number];

interface Props {
  feeds: Feed[];
  onClose: () => void;
  /** Tags or their articles changed: the sidebar and list follow. */
  onChanged: () => void;
}

const DEFAULT_COLOR = '#2458c6';

function TagRow({ tag, others, run }: { tag: Tag; others: Tag[]; run: (action: () => Promise<unknown>) => Promise<boolean> }) {
  const [name, setName] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  async function rename(e: FormEvent) {
    e.preventDefault();
    if (name === null || !name.trim() || name.trim() === tag.name) return setName(null);
    if (await run(() => api.call('tags.rename', { tag: tag.id, name: name.trim() }))) setName(null);
  }

  return (
    <tr data-testid="manage-tag">
      <td>
        <input type="color" value={tag.color ?? DEFAULT_COLOR} aria-label={`Colour of ${tag.name}`} data-testid="tag-color"
          onChange={(e) => void run(() => api.call('tags.color', { tag: tag.id, color: e.target.value }))} />
      </td>
      <td>
        {name === null
          ? <span data-testid="tag-name">{tag.name}</span>
          : (
            <form onSubmit={(e) => void rename(e)} className="inline-form">
              <input type="text" value={name} onChange={(e) => setName(e.target.value)} aria-label={`New name for ${tag.name}`} autoFocus data-testid="tag-rename-input" />
              <button type="submit" className="primary">Save</button>
            </form>
          )}
      </td>
      <td className="num">{tag.count}</td>
      <td className="row-actions">
        {name === null && <button type="button" onClick={() => setName(tag.name)} aria-label={`Rename ${tag.name}`}>Rename</button>}
        {others.length > 0 && (
          <select value="" aria-label={`Merge ${tag.name} into`} data-testid="tag-merge"
            onChange={(e) => {
              const into = Number(e.target.value);
              if (into) void run(() => api.call('tags.merge', { from: [tag.id], into }));
            }}>
            <option value="">Merge into…</option>
            {others.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        )}
        {confirmDelete
          ? <button type="button" className="danger" onClick={() => void run(() => api.call('tags.delete', { tag: tag.id }))}>Delete from {tag.count} articles</button>
          : <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>Delete…</button>}
      </td>
    </tr>
  );
}

export function TagsDialog({ feeds, onClose, onChanged }: Props) {
  const [tags, setTags] = useState<Tag[]>([]);
  const [rules, setRules] = useState<Rule[]>([]);
  const [newTag, setNewTag] = useState('');
  const [ruleQuery, setRuleQuery] = useState('');
  const [ruleTag, setRuleTag] = useState('');
  const [ruleFeeds, setRuleFeeds] = useState<number[]>([]);
  const [applying, setApplying] = useState(false);
  /** The last retroactive run as its progress events tell it (total 0 until the first one); stays shown once done. */
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.call('tags.list', {}).then(setTags, (err: unknown) => setError(errorMessage(err)));
    api.call('rules.list', {}).then(setRules, (err: unknown) => setError(errorMessage(err)));
  }, []);
  useEffect(load, [load]);

  useEffect(() => api.onEvent((event) => {
    if (event.type === 'progress' && event.task === 'rules.apply') setProgress((p) => (p ? { done: event.done, total: event.total } : p));
  }), []);

  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setError(null);
    try {
      await action();
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      load();
      onChanged();
    }
  }, [load, onChanged]);

  async function createTag(e: FormEvent) {
    e.preventDefault();
    if (await run(() => api.call('tags.create', { name: newTag.trim() }))) setNewTag('');
  }

  async function addRule(e: FormEvent) {
    e.preventDefault();
    const added = await run(() => api.call('rules.add', { query: ruleQuery.trim(), tag: ruleTag.trim(), ...(ruleFeeds.length ? { feedIds: ruleFeeds } : {}) }));
    if (added) {
      setRuleQuery('');
      setRuleTag('');
      setRuleFeeds([]);
    }
  }

  async function apply(id?: number) {
    setResult(null);
    setApplying(true);
    setProgress({ done: 0, total: 0 });
    await run(async () => {
      const r = await api.call('rules.apply', id !== undefined ? { id } : {});
      setResult(`Checked ${r.matched} matching article${r.matched === 1 ? '' : 's'}: ${r.tagged} newly tagged.`);
    });
    setApplying(false);
  }

  const feedName = (id: number) => {
    const f = feeds.find((x) => x.id === id);
    return f ? (f.title ?? f.url) : `feed ${id}`;
  };

  return (
    <Dialog title="Tags and rules" onClose={onClose} testId="tags-dialog">
      <h3 className="dialog-heading">Tags</h3>
      {tags.length === 0
        ? <p className="empty">No tags yet. Create one here, type one under an article, or tag every result of a search.</p>
        : (
          <table className="flags manage">
            <thead><tr><th>Colour</th><th>Tag</th><th>Articles</th><th /></tr></thead>
            <tbody>{tags.map((t) => <TagRow key={t.id} tag={t} others={tags.filter((o) => o.id !== t.id)} run={run} />)}</tbody>
          </table>
        )}
      <form className="inline-form" onSubmit={(e) => void createTag(e)}>
        <input type="text" value={newTag} onChange={(e) => setNewTag(e.target.value)} placeholder="New tag" aria-label="New tag" data-testid="new-tag" />
        <button type="submit" disabled={!newTag.trim()} data-testid="new-tag-submit">Create tag</button>
      </form>

      <h3 className="dialog-heading">Auto-tag rules</h3>
      <p className="hint">A rule tags every new article its query matches; “Apply” tags the articles already stored. Removing a rule removes its tags, never the ones a person applied.</p>
      {rules.length > 0 && (
        <table className="flags manage">
          <thead><tr><th>Query</th><th>Tag</th><th>Feeds</th><th>Tagged</th><th /></tr></thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id} data-testid="rule-row">
                <td><code>{r.query}</code></td>
                <td><span className="badge tag">{r.tag}</span></td>
                <td>{r.feedIds ? r.feedIds.map(feedName).join(', ') : 'all'}</td>
                <td className="num">{r.count}</td>
                <td className="row-actions">
                  <button type="button" disabled={applying} onClick={() => void apply(r.id)}>Apply</button>
                  <button type="button" className="danger" onClick={() => void run(() => api.call('rules.remove', { id: r.id }))}>Remove</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="rule-form" onSubmit={(e) => void addRule(e)}>
        <input type="text" value={ruleQuery} onChange={(e) => setRuleQuery(e.target.value)} placeholder="Query, e.g. sanction* AND lang:en" aria-label="Rule query"
          data-testid="rule-query" />
        <input type="text" value={ruleTag} onChange={(e) => setRuleTag(e.target.value)} placeholder="Tag" aria-label="Rule tag" list="rule-tags" data-testid="rule-tag" />
        <datalist id="rule-tags">{tags.map((t) => <option key={t.id} value={t.name} />)}</datalist>
        {feeds.length > 0 && (
          <select multiple value={ruleFeeds.map(String)} aria-label="Only these feeds (none chosen: every feed)" title="Only these feeds (none chosen: every feed)"
            data-testid="rule-feeds" onChange={(e) => setRuleFeeds([...e.target.selectedOptions].map((o) => Number(o.value)))}>
            {feeds.map((f) => <option key={f.id} value={f.id}>{f.title ?? f.url}</option>)}
          </select>
        )}
        <button type="submit" disabled={!ruleQuery.trim() || !ruleTag.trim()} data-testid="rule-add">Add rule</button>
      </form>
      {progress && (
        <div className="progress" data-testid="rules-progress" role="progressbar" aria-label="Applying rules"
          aria-valuemin={0} aria-valuemax={progress.total || undefined} aria-valuenow={progress.total ? progress.done : undefined}>
          <progress max={progress.total || undefined} value={progress.total ? progress.done : undefined} />
          <span>{progress.total ? `${progress.done}/${progress.total} articles` : applying ? 'Applying…' : 'Nothing to apply'}</span>
        </div>
      )}
      {result && <p className="hint" role="status" data-testid="rules-result">{result}</p>}
      {error && <p className="error-text" role="alert">{error}</p>}
      <div className="dialog-buttons">
        <button type="button" disabled={applying || rules.length === 0} onClick={() => void apply()} data-testid="rules-apply-all">Apply all rules</button>
        <span className="spacer" />
        <button type="button" className="primary" onClick={onClose}>Close</button>
      </div>
    </Dialog>
  );
}

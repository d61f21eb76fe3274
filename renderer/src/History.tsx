// The reader's History tab (issue 13): the article's versions as a timeline, and between the chosen version and
// the one before it an inline red/green word diff of title and text, with labels added, removed or changed called
// out. The diff comes from the API ('articles.diff'); history-view.ts shapes it.
import { useEffect, useState } from 'react';
import { api } from './api-client.ts';
import { historyDiffView, type Run } from './history-view.ts';
import { errorMessage, labelName, longDate } from './format.ts';
import type { ApiResult } from '../../electron/api/methods.ts';

type Versions = ApiResult<'articles.versions'>;
type Diff = ApiResult<'articles.diff'>;

function Runs({ runs }: { runs: Run[] }) {
  return <>{runs.map((r, i) => (r.kind === 'same' ? <span key={i}>{r.text}</span>
    : r.kind === 'added' ? <ins key={i} className="diff-added">{r.text}</ins> : <del key={i} className="diff-removed">{r.text}</del>))}</>;
}

export function History({ articleId, deletedAt, deletedReason }: { articleId: number; deletedAt: string | null; deletedReason: string | null }) {
  const [versions, setVersions] = useState<Versions | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setVersions(null);
    setDiff(null);
    api.call('articles.versions', { id: articleId }).then((v) => {
      if (!live) return;
      setVersions(v);
      setChosen(v.length > 1 ? (v[v.length - 1]?.n ?? null) : null);
    }, (err: unknown) => live && setError(errorMessage(err)));
    return () => { live = false; };
  }, [articleId]);

  useEffect(() => {
    if (chosen === null || chosen < 2) return;
    let live = true;
    api.call('articles.diff', { id: articleId, from: chosen - 1, to: chosen }).then((d) => live && setDiff(d), (err: unknown) => live && setError(errorMessage(err)));
    return () => { live = false; };
  }, [articleId, chosen]);

  if (error) return <p className="error-text" role="alert">{error}</p>;
  if (!versions) return <p className="empty">Loading versions…</p>;
  const view = diff && diff.to === chosen ? historyDiffView(diff) : null;
  return (
    <section className="history" data-testid="history">
      {deletedAt && <p className="history-deleted" data-testid="history-deleted">Taken down: found {longDate(deletedAt)} ({deletedAt}). {deletedReason}</p>}
      <ol className="history-timeline">
        {versions.map((v) => (
          <li key={v.n} className={v.n === chosen ? 'chosen' : undefined} data-testid="history-version">
            <button type="button" disabled={v.n < 2} onClick={() => setChosen(v.n)} aria-pressed={v.n === chosen}>
              Version {v.n}
            </button>
            <span> first seen {v.firstSeen}, last seen {v.lastSeen}</span>
            <span className="history-labels">{v.labels.map((l) => `${labelName(l.kind)}: ${l.canonical ?? l.entity}`).join('; ')}</span>
            <code className="history-sha" title="SHA-256 of this version's text">{v.sha256.slice(0, 12)}</code>
          </li>
        ))}
      </ol>
      {versions.length < 2 && <p className="empty">One version: no edit has been seen.</p>}
      {view && (
        <div className="history-diff" data-testid="history-diff">
          <p className="history-summary">{view.summary}</p>
          {view.callouts.map((c, i) => <p key={i} className={`callout callout-${c.kind}`} data-testid="history-callout">{c.text}</p>)}
          <h2 className="history-title"><Runs runs={view.title} /></h2>
          {view.paragraphs.map((p, i) => (p.kind === 'folded'
            ? <p key={i} className="folded">… {p.count} unchanged paragraph{p.count === 1 ? '' : 's'} …</p>
            : <p key={i}><Runs runs={p.runs} /></p>))}
        </div>
      )}
    </section>
  );
}

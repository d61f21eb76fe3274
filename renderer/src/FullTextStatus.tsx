// One line under the reader's header saying what happened to the article's full text, in words: saved, failed
// (the reason, when Footnote tries again on its own, and a Retry button), or blocked by a consent wall or a
// paywall. Nothing when full text was never tried (the feed carries the whole article).
import { useEffect, useState } from 'react';
import type { ApiResult } from '../../electron/api/methods.ts';
import { api } from './api-client.ts';
import { errorMessage, longDate } from './format.ts';

type State = ApiResult<'articles.retryFullText'>;

interface Props {
  articleId: number;
  /** A retry saved or changed something the article shows: read it again. */
  onChanged: () => void;
}

export function FullTextStatus({ articleId, onChanged }: Props) {
  const [state, setState] = useState<State | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setState(null);
    setError(null);
    api.call('articles.fullTextStatus', { id: articleId }).then((s) => { if (current) setState(s); }, (err: unknown) => { if (current) setError(errorMessage(err)); });
    return () => { current = false; };
  }, [articleId]);

  async function retry() {
    setBusy(true);
    setError(null);
    try {
      setState(await api.call('articles.retryFullText', { id: articleId }));
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (!state && !error) return null;
  return (
    <div className={`fulltext-status ${state?.status ?? 'failed'}`} data-testid="fulltext-status" data-status={state?.status} role="status">
      {state && <span>{describe(state)}</span>}
      {error && <span>{error}</span>}
      {state?.status !== 'saved' && (
        <button type="button" onClick={() => void retry()} disabled={busy} data-testid="fulltext-retry">{busy ? 'Retrying…' : 'Retry'}</button>
      )}
    </div>
  );
}

function describe(state: State): string {
  if (state.status === 'saved') return `Full text saved ${longDate(state.triedAt)}.`;
  if (state.status === 'blocked') {
    const wall = state.reason === 'paywall' ? 'a paywall' : 'a consent wall';
    return `Blocked by ${wall}. ${state.message ?? ''}`.trim();
  }
  const tries = state.attempts > 1 ? ` (${state.attempts} tries)` : '';
  const next = state.nextRetryAt ? ` Footnote tries again ${longDate(state.nextRetryAt)}.` : '';
  return `Full text failed${tries}: ${state.message ?? 'no reason was recorded'}${next}`;
}

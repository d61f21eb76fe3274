// Refreshing feeds from the window: the poll, its progress bar (from the engine's poll events) and its summary.
import { useCallback, useEffect, useState } from 'react';
import { api, ApiCallError } from './api-client.ts';
import { errorMessage } from './format.ts';
import type { Progress } from './types.ts';

export function usePoll(refresh: () => void, notify: (message: string) => void): { progress: Progress; poll: (ids?: number[]) => Promise<void> } {
  const [progress, setProgress] = useState<Progress>(null);

  useEffect(() => api.onEvent((event) => {
    if (event.type === 'poll-progress') setProgress({ done: event.done, total: event.total });
    else if (event.type === 'poll-finished') setProgress(null);
  }), []);

  const poll = useCallback(async (ids?: number[]) => {
    setProgress({ done: 0, total: 0 });
    try {
      const summary = await api.call('feeds.poll', ids ? { ids } : {});
      const failed = summary.failed.length ? `; ${summary.failed.length} failed: ${summary.failed.map((f) => `${f.url} (${f.error})`).join('; ')}` : '';
      notify(`Checked ${summary.feeds} feed${summary.feeds === 1 ? '' : 's'}: ${summary.new} new, ${summary.updated} updated${failed}.`);
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'conflict') notify('A refresh is already running.');
      else notify(errorMessage(err));
    } finally {
      setProgress(null);
      refresh();
    }
  }, [refresh, notify]);

  return { progress, poll };
}

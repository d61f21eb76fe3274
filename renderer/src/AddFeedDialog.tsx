// Subscribe: a feed URL or a site's address. Several feeds on a site → the user picks one; none → a clear message.
import { useState, type FormEvent } from 'react';
import { api } from './api-client.ts';
import { Dialog } from './Dialog.tsx';
import { errorMessage } from './format.ts';
import type { FeedCandidate } from './types.ts';

interface Props {
  folders: string[];
  onClose: () => void;
  onAdded: (feedId: number) => void;
}

export function AddFeedDialog({ folders, onClose, onAdded }: Props) {
  const [url, setUrl] = useState('');
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [candidates, setCandidates] = useState<FeedCandidate[]>([]);
  const [picked, setPicked] = useState<string>('');

  async function subscribe(feedUrl: string) {
    const result = await api.call('feeds.add', { url: feedUrl, ...(folder.trim() ? { folder: folder.trim() } : {}) });
    onAdded(result.feed.id);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      if (candidates.length > 0 && picked) {
        await subscribe(picked);
        return;
      }
      const typed = url.trim();
      if (!typed) throw new Error('Type the address of a feed or of a site.');
      const { candidates: found } = await api.call('feeds.discover', { url: typed });
      if (found.length > 1) {
        setCandidates(found);
        setPicked(found[0]?.url ?? '');
        return;
      }
      await subscribe(found[0]?.url ?? typed);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="Add a feed" onClose={onClose} testId="add-feed-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>Feed or site address</span>
          <input type="text" inputMode="url" value={url} onChange={(e) => { setUrl(e.target.value); setCandidates([]); }}
            placeholder="https://example.org/ or https://example.org/feed.xml" data-testid="add-feed-url" autoComplete="off" />
        </label>
        <label className="field">
          <span>Folder (optional)</span>
          <input type="text" value={folder} onChange={(e) => setFolder(e.target.value)} list="folder-names" data-testid="add-feed-folder" />
          <datalist id="folder-names">{folders.map((f) => <option key={f} value={f} />)}</datalist>
        </label>
        {candidates.length > 1 && (
          <fieldset className="candidates" data-testid="feed-candidates">
            <legend>This site has {candidates.length} feeds: pick one</legend>
            {candidates.map((c) => (
              <label key={c.url} className="candidate">
                <input type="radio" name="candidate" value={c.url} checked={picked === c.url} onChange={() => setPicked(c.url)} />
                <span>{c.title ?? c.url}</span> <small>{c.type.toUpperCase()} · {c.url}</small>
              </label>
            ))}
          </fieldset>
        )}
        {error && <p className="error-text" role="alert" data-testid="add-feed-error">{error}</p>}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" disabled={busy} data-testid="add-feed-submit">{busy ? 'Looking…' : candidates.length > 1 ? 'Subscribe' : 'Add'}</button>
        </div>
      </form>
    </Dialog>
  );
}

// One feed's settings: title, folder, poll interval, full text (detect / on / off); remove, after a confirmation.
import { useEffect, useState, type FormEvent } from 'react';
import { api } from './api-client.ts';
import { Dialog } from './Dialog.tsx';
import { errorMessage } from './format.ts';
import type { Counts } from './types.ts';

type Feed = Counts['feeds'][number];

interface Props {
  feed: Feed;
  folders: string[];
  onClose: () => void;
  onChanged: (removed: boolean) => void;
}

export function FeedSettingsDialog({ feed, folders, onClose, onChanged }: Props) {
  const [title, setTitle] = useState(feed.title ?? '');
  const [folder, setFolder] = useState(feed.folder ?? '');
  const [interval, setIntervalMinutes] = useState<number | ''>('');
  const [fullText, setFullText] = useState<'auto' | 'on' | 'off'>('auto');
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.call('feeds.list', {}).then((list) => {
      const record = list.find((f) => f.id === feed.id);
      if (!record) return;
      setIntervalMinutes(record.intervalMinutes);
      setFullText(record.fullText === null ? 'auto' : record.fullText ? 'on' : 'off');
    }, (err: unknown) => setError(errorMessage(err)));
  }, [feed.id]);

  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await api.call('feeds.update', {
        id: feed.id,
        title: title.trim() || null,
        folder: folder.trim() || null,
        ...(interval !== '' ? { intervalMinutes: interval } : {}),
        fullText: fullText === 'auto' ? null : fullText === 'on',
      });
      onChanged(false);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function remove() {
    try {
      await api.call('feeds.remove', { id: feed.id });
      onChanged(true);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <Dialog title={`Settings: ${feed.title ?? feed.url}`} onClose={onClose} testId="feed-settings-dialog">
      <form onSubmit={(e) => void save(e)}>
        <p className="feed-url">{feed.url}</p>
        {feed.lastError && <p className="error-text">Last error: {feed.lastError}</p>}
        <label className="field"><span>Title</span><input type="text" value={title} onChange={(e) => setTitle(e.target.value)} /></label>
        <label className="field">
          <span>Folder</span>
          <input type="text" value={folder} onChange={(e) => setFolder(e.target.value)} list="settings-folder-names" />
          <datalist id="settings-folder-names">{folders.map((f) => <option key={f} value={f} />)}</datalist>
        </label>
        <label className="field">
          <span>Check every (minutes)</span>
          <input type="number" min={5} max={10080} value={interval} onChange={(e) => setIntervalMinutes(e.target.value === '' ? '' : Number(e.target.value))} />
        </label>
        <label className="field">
          <span>Full text</span>
          <select value={fullText} onChange={(e) => setFullText(e.target.value as 'auto' | 'on' | 'off')}>
            <option value="auto">Detect (fetch pages when the feed carries only summaries)</option>
            <option value="on">Always fetch the article page</option>
            <option value="off">Never: show what the feed carries</option>
          </select>
        </label>
        {error && <p className="error-text" role="alert">{error}</p>}
        <div className="dialog-buttons">
          {confirmRemove
            ? <button type="button" className="danger" onClick={() => void remove()} data-testid="confirm-remove">Remove with its {feed.total} articles</button>
            : <button type="button" className="danger" onClick={() => setConfirmRemove(true)}>Remove feed…</button>}
          <span className="spacer" />
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary">Save</button>
        </div>
      </form>
    </Dialog>
  );
}

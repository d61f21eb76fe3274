// Asks for one line of text (a saved search's name, a tag for a search's results) and runs the action with it;
// the action's error stays in the dialog.
import { useState, type FormEvent } from 'react';
import { Dialog } from './Dialog.tsx';
import { errorMessage } from './format.ts';

interface Props {
  title: string;
  label: string;
  submitText: string;
  initial?: string;
  onSubmit: (value: string) => Promise<void>;
  onClose: () => void;
}

export function PromptDialog({ title, label, submitText, initial = '', onSubmit, onClose }: Props) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!value.trim()) return;
    setBusy(true);
    try {
      await onSubmit(value.trim());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog title={title} onClose={onClose} testId="prompt-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <label className="field"><span>{label}</span><input type="text" value={value} onChange={(e) => setValue(e.target.value)} data-testid="prompt-input" /></label>
        {error && <p className="error-text" role="alert">{error}</p>}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" disabled={busy || !value.trim()} data-testid="prompt-submit">{submitText}</button>
        </div>
      </form>
    </Dialog>
  );
}

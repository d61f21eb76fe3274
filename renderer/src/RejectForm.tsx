// Rejecting a detection says why: a short list of the usual false positives and the analyst's own words. The label
// is kept with its reason, and the Flags view counts the reviews into precision per rule and language.
import { useState, type FormEvent } from 'react';
import { rejectReasonNames } from './format.ts';
import type { RejectReason } from './types.ts';

const reasons = Object.keys(rejectReasonNames) as RejectReason[];

interface Props {
  onSubmit: (why: { reason: RejectReason; note: string }) => void;
  onCancel: () => void;
}

export function RejectForm({ onSubmit, onCancel }: Props) {
  const [reason, setReason] = useState<RejectReason>('not_a_label');
  const [note, setNote] = useState('');

  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit({ reason, note: note.trim() });
  }

  return (
    <form className="label-form" onSubmit={submit} data-testid="reject-form">
      <select value={reason} onChange={(e) => setReason(e.target.value as RejectReason)} aria-label="Why it is not a label" data-testid="reject-reason" autoFocus>
        {reasons.map((r) => <option key={r} value={r}>{rejectReasonNames[r]}</option>)}
      </select>
      <input type="text" value={note} onChange={(e) => setNote(e.target.value)} placeholder="Note (optional)" aria-label="Note on the rejection" data-testid="reject-note" />
      <button type="submit" className="primary" data-testid="reject-submit">Reject</button>
      <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}

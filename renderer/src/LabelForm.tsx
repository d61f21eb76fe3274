// A label added by hand in the reader: the analyst saw a designation the detector missed (kind, entity, a note).
import { useState, type FormEvent } from 'react';
import { labelNames } from './format.ts';
import type { LabelKind } from './types.ts';

const kinds = Object.keys(labelNames) as LabelKind[];

interface Props {
  onSubmit: (label: { kind: LabelKind; entity: string; note: string }) => void;
  onCancel: () => void;
}

export function LabelForm({ onSubmit, onCancel }: Props) {
  const [kind, setKind] = useState<LabelKind>('terrorist');
  const [entity, setEntity] = useState('');
  const [note, setNote] = useState('');

  function submit(e: FormEvent) {
    e.preventDefault();
    if (entity.trim()) onSubmit({ kind, entity: entity.trim(), note: note.trim() });
  }

  return (
    <form className="label-form" onSubmit={submit} data-testid="label-form">
      <select value={kind} onChange={(e) => setKind(e.target.value as LabelKind)} aria-label="Label kind" data-testid="label-kind">
        {kinds.map((k) => <option key={k} value={k}>{labelNames[k]}</option>)}
      </select>
      <input type="text" value={entity} onChange={(e) => setEntity(e.target.value)} placeholder="Entity as the text names it" aria-label="Entity"
        data-testid="label-entity" autoFocus />
      <input type="text" value={note} onChange={(e) => setNote(e.target.value)} placeholder="Note (optional)" aria-label="Note" data-testid="label-note" />
      <button type="submit" className="primary" disabled={!entity.trim()} data-testid="label-submit">Add label</button>
      <button type="button" onClick={onCancel}>Cancel</button>
    </form>
  );
}

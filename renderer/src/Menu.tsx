// A toolbar menu: a button that opens a list of rare actions, so that the bar keeps to one line at 900 px.
// Closes on a choice, on Escape and on a click elsewhere.
import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  label: string;
  testId: string;
  title?: string;
  children: (close: () => void) => ReactNode;
}

export function Menu({ label, testId, title, children }: Props) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="menu" ref={box}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} data-testid={testId} title={title}>
        {label} ▾
      </button>
      {open && <div className="menu-items" role="menu" aria-label={label}>{children(() => setOpen(false))}</div>}
    </div>
  );
}

/** One action in a menu: runs, then closes the menu. */
export function MenuItem({ onSelect, close, testId, disabled, children }: { onSelect: () => void; close: () => void; testId?: string; disabled?: boolean; children: ReactNode }) {
  return (
    <button type="button" role="menuitem" disabled={disabled} data-testid={testId} onClick={() => {
      close();
      onSelect();
    }}>{children}</button>
  );
}

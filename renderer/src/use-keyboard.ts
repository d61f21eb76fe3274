// The reader's keys (listed by the ? overlay). Ignored while typing in a field or when a dialog is open.
import { useEffect, useRef } from 'react';

export interface KeyActions {
  enabled: boolean;
  next: () => void;
  previous: () => void;
  open: () => void;
  toggleRead: () => void;
  star: () => void;
  tag: () => void;
  /** Label review: confirm (y) or reject (n) the open article's first unreviewed label. */
  confirmLabel: () => void;
  rejectLabel: () => void;
  search: () => void;
  refresh: () => void;
  add: () => void;
  help: () => void;
}

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function useKeyboard(actions: KeyActions): void {
  const current = useRef(actions);
  current.current = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const a = current.current;
      if (e.key === 'Escape' && typing(e.target)) {
        (e.target as HTMLElement).blur();
        return;
      }
      if (!a.enabled || typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const map: Record<string, () => void> = {
        j: a.next, k: a.previous, o: a.open, Enter: a.open, m: a.toggleRead, s: a.star, t: a.tag, y: a.confirmLabel, n: a.rejectLabel, '/': a.search, r: a.refresh, a: a.add, '?': a.help,
      };
      const action = map[e.key];
      if (!action) return;
      // Enter on a focused button is that button's business.
      if (e.key === 'Enter' && e.target instanceof HTMLButtonElement) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

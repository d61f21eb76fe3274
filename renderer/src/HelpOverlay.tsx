// The keys, as the ? key shows them.
import { Dialog } from './Dialog.tsx';

export const shortcuts: [string, string][] = [
  ['j', 'next article'],
  ['k', 'previous article'],
  ['o or Enter', 'open the original in the browser'],
  ['m', 'mark read / unread'],
  ['s', 'star / unstar'],
  ['t', 'tag the open article (type the tag, Enter)'],
  ['y', 'confirm the next unreviewed label of the open article'],
  ['n', 'reject the next unreviewed label of the open article'],
  ['/', 'search'],
  ['r', 'refresh every feed'],
  ['a', 'add a feed'],
  ['?', 'this help'],
  ['Esc', 'close a dialog, leave the search box'],
];

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} testId="help-overlay">
      <table className="shortcuts">
        <tbody>
          {shortcuts.map(([key, what]) => (
            <tr key={key}><th scope="row"><kbd>{key}</kbd></th><td>{what}</td></tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-buttons"><button type="button" className="primary" onClick={onClose}>Close</button></div>
    </Dialog>
  );
}

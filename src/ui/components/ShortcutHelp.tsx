import { SHORTCUTS } from '../keyboard/shortcuts';
import { Modal } from './Modal';

/** The "?" overlay: every keyboard shortcut, from the one table in keyboard/shortcuts.ts. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} title="Keyboard shortcuts" onClose={onClose} testId="shortcut-help">
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Shortcuts are off while you type in a field.</p>
    </Modal>
  );
}

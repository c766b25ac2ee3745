import { SHORTCUTS } from '../keyboard/shortcuts';
import { Modal } from './Modal';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Lecture mode: the dialog lives outside the page's .app, so it is told (larger text). */
  lecture?: boolean;
}

/** The "?" overlay: every keyboard shortcut, from the one table in keyboard/shortcuts.ts. */
export function ShortcutHelp({ open, onClose, lecture }: Props) {
  return (
    <Modal
      open={open}
      title="Keyboard shortcuts"
      onClose={onClose}
      testId="shortcut-help"
      lecture={lecture}
    >
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

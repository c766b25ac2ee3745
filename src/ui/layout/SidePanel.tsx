import { useId, type ReactNode } from 'react';

interface Props {
  open: boolean;
  onToggle: () => void;
  children: ReactNode;
}

/**
 * The settings beside the results: a button folds them away to give the charts the width, and
 * brings them back. Folded, the controls are hidden (not just covered) from everyone.
 */
export function SidePanel({ open, onToggle, children }: Props) {
  const id = useId();
  return (
    <aside className="side" aria-label="Settings panel">
      <button
        type="button"
        className="side-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={onToggle}
        data-testid="side-toggle"
        title={open ? 'Fold the settings away' : 'Show the settings'}
      >
        {open ? '« Settings' : 'Settings »'}
      </button>
      <div id={id} hidden={!open}>
        {children}
      </div>
    </aside>
  );
}

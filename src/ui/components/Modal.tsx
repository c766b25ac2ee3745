import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  /** Lecture mode: the dialog's text scales with the page's (the .lecture tokens). */
  lecture?: boolean;
}

/**
 * A modal built on the native <dialog>: showModal() traps focus, Escape closes it, and focus
 * returns to the element that opened it.
 */
export function Modal({ open, title, onClose, children, testId, lecture = false }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`modal${lecture ? ' lecture' : ''}`}
      aria-labelledby={titleId}
      onClose={onClose}
      data-testid={testId}
    >
      <div className="modal-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" onClick={onClose} aria-label={`Close ${title}`}>
          ✕
        </button>
      </div>
      {open ? children : null}
    </dialog>
  );
}

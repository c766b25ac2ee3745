import { useEffect, useRef } from 'react';
import { shortcutFor, type KeyContext, type ShortcutAction } from './shortcuts';

/** Calls onAction for each shortcut pressed anywhere on the page (see shortcuts.ts). */
export function useShortcuts(
  onAction: (action: ShortcutAction) => void,
  context: KeyContext = { lesson: false, lecture: false },
): void {
  const latest = useRef(onAction);
  const ctx = useRef(context);
  useEffect(() => {
    latest.current = onAction;
    ctx.current = context;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      const action = shortcutFor({ ...pick(e), target }, ctx.current);
      if (!action) return;
      e.preventDefault(); // Space would scroll the page, → would scroll sideways.
      latest.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function pick(e: KeyboardEvent) {
  return {
    key: e.key,
    shiftKey: e.shiftKey,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    altKey: e.altKey,
  };
}

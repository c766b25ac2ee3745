import { useEffect, useRef } from 'react';
import { watchPointerFocus } from './pointerFocus';
import { ACTIVATABLE, shortcutFor, type KeyContext, type ShortcutAction } from './shortcuts';

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
    const pointer = watchPointerFocus(window);
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const el = e.target instanceof HTMLElement ? e.target : null;
      const target = el && {
        tagName: el.tagName,
        isContentEditable: el.isContentEditable,
        keyboardFocused: !pointer.isPointerFocused(el),
      };
      const action = shortcutFor({ ...pick(e), target }, ctx.current);
      if (!action) return;
      e.preventDefault(); // Space would scroll the page, → would scroll sideways.
      // A button focused by a click would still be pressed by Space's key-up: let it go.
      if (el && ACTIVATABLE.has(el.tagName)) el.blur();
      latest.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      pointer.stop();
    };
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

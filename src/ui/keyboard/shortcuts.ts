/**
 * The keyboard shortcuts, one table: it drives both the key handling and the "?" help.
 * Pure (no DOM access beyond the event's fields), so it is unit-tested in Node.
 */

export type ShortcutAction =
  | { id: 'playPause' }
  | { id: 'step'; count: 1 | 10 }
  | { id: 'reset' }
  | { id: 'preset'; index: number }
  | { id: 'lecture' }
  | { id: 'pin' }
  | { id: 'reveal' }
  | { id: 'lesson'; delta: 1 | -1 }
  | { id: 'help' };

export interface Shortcut {
  /** How the keys are shown in the help, e.g. 'Shift + →'. */
  keys: string;
  description: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Space', description: 'Play / pause' },
  { keys: '→', description: 'One step (the next explained step in slow motion)' },
  { keys: 'Shift + →', description: 'Ten steps' },
  { keys: 'R', description: 'Reset the run' },
  { keys: '1 – 9', description: 'Load preset 1 to 9 (in the presets menu order)' },
  { keys: 'L', description: 'Lecture mode on / off' },
  { keys: 'P', description: 'Pin the current run (up to three)' },
  { keys: 'H', description: 'Predict, then reveal: hide / reveal the curves' },
  { keys: 'Page Down / Page Up', description: 'Next / previous lesson (when a lesson is open)' },
  { keys: '↓ / ↑', description: 'Next / previous lesson (lecture mode, when a lesson is open)' },
  { keys: '?', description: 'Show / hide these shortcuts' },
];

/** The fields of a KeyboardEvent the matcher reads. */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /**
   * tagName (upper case) and contentEditable of the event target, if an element, and whether
   * its focus came from the keyboard (false: it kept the focus of a mouse click).
   */
  target: { tagName?: string; isContentEditable?: boolean; keyboardFocused?: boolean } | null;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Elements that Space / Enter activate natively: the shortcut must not fire as well. */
export const ACTIVATABLE = new Set(['BUTTON', 'A', 'SUMMARY']);

/** True when keys typed here belong to the element (text, sliders, menus), not to shortcuts. */
export function isTypingTarget(target: KeyPress['target']): boolean {
  return Boolean(target && (TYPING.has(target.tagName ?? '') || target.isContentEditable));
}

/** What the page is showing, for keys that only act in some views. */
export interface KeyContext {
  /** A lesson is open. */
  lesson: boolean;
  lecture: boolean;
}

/**
 * Lesson keys: Page Down / Page Up whenever a lesson is open (a presenter's clicker sends
 * them), ↓ / ↑ only in lecture mode (elsewhere they scroll the page). ← / → stay training steps.
 */
function lessonKey(e: KeyPress, ctx: KeyContext): ShortcutAction | null {
  if (!ctx.lesson || e.shiftKey) return null;
  if (e.key === 'PageDown' || (ctx.lecture && e.key === 'ArrowDown'))
    return { id: 'lesson', delta: 1 };
  if (e.key === 'PageUp' || (ctx.lecture && e.key === 'ArrowUp'))
    return { id: 'lesson', delta: -1 };
  return null;
}

/** The action of one key press, or null (typing, a modifier held, or not a shortcut). */
export function shortcutFor(
  e: KeyPress,
  ctx: KeyContext = { lesson: false, lecture: false },
): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return null;
  const tag = e.target?.tagName ?? '';
  // Enter always, and Space on a button reached by keyboard, press the button. Space on a
  // button that merely kept the focus of a mouse click is play / pause, as everywhere else.
  const keyboardFocused = e.target?.keyboardFocused ?? true;
  if (ACTIVATABLE.has(tag) && (e.key === 'Enter' || (e.key === ' ' && keyboardFocused)))
    return null;
  const lesson = lessonKey(e, ctx);
  if (lesson) return lesson;
  if (e.key === 'ArrowRight') return { id: 'step', count: e.shiftKey ? 10 : 1 };
  if (e.key === '?') return { id: 'help' };
  if (e.shiftKey) return null;
  if (/^[1-9]$/.test(e.key)) return { id: 'preset', index: Number(e.key) - 1 };
  switch (e.key.toLowerCase()) {
    case ' ':
      return { id: 'playPause' };
    case 'r':
      return { id: 'reset' };
    case 'l':
      return { id: 'lecture' };
    case 'p':
      return { id: 'pin' };
    case 'h':
      return { id: 'reveal' };
    default:
      return null;
  }
}

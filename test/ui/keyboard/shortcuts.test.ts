import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyPress } from '../../../src/ui/keyboard/shortcuts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: { tagName: 'BODY' },
  ...extra,
});

describe('shortcutFor', () => {
  it('maps the documented keys', () => {
    expect(shortcutFor(press(' '))).toEqual({ id: 'playPause' });
    expect(shortcutFor(press('ArrowRight'))).toEqual({ id: 'step', count: 1 });
    expect(shortcutFor(press('ArrowRight', { shiftKey: true }))).toEqual({ id: 'step', count: 10 });
    expect(shortcutFor(press('r'))).toEqual({ id: 'reset' });
    expect(shortcutFor(press('R'))).toEqual({ id: 'reset' });
    expect(shortcutFor(press('1'))).toEqual({ id: 'preset', index: 0 });
    expect(shortcutFor(press('9'))).toEqual({ id: 'preset', index: 8 });
    expect(shortcutFor(press('l'))).toEqual({ id: 'lecture' });
    expect(shortcutFor(press('p'))).toEqual({ id: 'pin' });
    expect(shortcutFor(press('h'))).toEqual({ id: 'reveal' });
    expect(shortcutFor(press('?', { shiftKey: true }))).toEqual({ id: 'help' });
  });

  it('never fires while typing in an input, a text area or a menu', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT'])
      for (const key of [' ', 'r', '1', 'ArrowRight', '?'])
        expect(shortcutFor(press(key, { target: { tagName } }))).toBeNull();
    expect(
      shortcutFor(press('r', { target: { tagName: 'DIV', isContentEditable: true } })),
    ).toBeNull();
  });

  it('leaves Space and Enter to a focused button, and ignores modified keys', () => {
    expect(shortcutFor(press(' ', { target: { tagName: 'BUTTON' } }))).toBeNull();
    const kbd = { tagName: 'BUTTON', keyboardFocused: true };
    expect(shortcutFor(press(' ', { target: kbd }))).toBeNull();
    expect(shortcutFor(press('Enter', { target: kbd }))).toBeNull();
    expect(shortcutFor(press('r', { target: { tagName: 'BUTTON' } }))).toEqual({ id: 'reset' });
    expect(shortcutFor(press('r', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('l', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('0'))).toBeNull();
    expect(shortcutFor(press('x'))).toBeNull();
  });

  it('makes Space play / pause on a button that only kept the focus of a mouse click', () => {
    const clicked = { tagName: 'BUTTON', keyboardFocused: false };
    expect(shortcutFor(press(' ', { target: clicked }))).toEqual({ id: 'playPause' });
    expect(shortcutFor(press('Enter', { target: clicked }))).toBeNull();
    expect(
      shortcutFor(press(' ', { target: { tagName: 'INPUT', keyboardFocused: false } })),
    ).toBeNull();
    expect(
      shortcutFor(press(' ', { target: { tagName: 'SELECT', keyboardFocused: false } })),
    ).toBeNull();
  });

  it('steps lessons with Page Down / Up in a lesson, and ↓ / ↑ only in lecture mode', () => {
    const lesson = { lesson: true, lecture: false };
    const lecture = { lesson: true, lecture: true };
    expect(shortcutFor(press('PageDown'), lesson)).toEqual({ id: 'lesson', delta: 1 });
    expect(shortcutFor(press('PageUp'), lesson)).toEqual({ id: 'lesson', delta: -1 });
    expect(shortcutFor(press('ArrowDown'), lesson)).toBeNull(); // the page scrolls
    expect(shortcutFor(press('ArrowDown'), lecture)).toEqual({ id: 'lesson', delta: 1 });
    expect(shortcutFor(press('ArrowUp'), lecture)).toEqual({ id: 'lesson', delta: -1 });
    // No lesson open: the keys are the browser's; → is still a training step in a lesson.
    expect(shortcutFor(press('PageDown'))).toBeNull();
    expect(shortcutFor(press('ArrowDown'), { lesson: false, lecture: true })).toBeNull();
    expect(shortcutFor(press('ArrowRight'), lecture)).toEqual({ id: 'step', count: 1 });
    expect(shortcutFor(press('ArrowDown', { target: { tagName: 'SELECT' } }), lecture)).toBeNull();
  });
});

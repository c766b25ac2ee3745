// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { watchPointerFocus } from '../../../src/ui/keyboard/pointerFocus';

describe('watchPointerFocus', () => {
  let stop = () => {};
  afterEach(() => {
    stop();
    document.body.innerHTML = '';
  });

  function buttons() {
    document.body.innerHTML = '<button id="a">A</button><button id="b">B</button>';
    const w = watchPointerFocus(window);
    stop = w.stop;
    const [a, b] = ['a', 'b'].map((id) => document.getElementById(id)!);
    const click = (el: HTMLElement) => {
      el.dispatchEvent(new Event('pointerdown', { bubbles: true }));
      el.focus();
      el.dispatchEvent(new Event('pointerup', { bubbles: true }));
    };
    return { w, a, b, click };
  }

  it('knows a button focused by a click from one focused by the keyboard', () => {
    const { w, a, b, click } = buttons();
    click(a);
    expect(w.isPointerFocused(a)).toBe(true);
    b.focus(); // Tab
    expect(w.isPointerFocused(b)).toBe(false);
    expect(w.isPointerFocused(a)).toBe(false);
  });

  it('a click on the button that already has the focus counts as a pointer focus', () => {
    const { w, a, click } = buttons();
    a.focus();
    expect(w.isPointerFocused(a)).toBe(false);
    click(a);
    expect(w.isPointerFocused(a)).toBe(true);
  });
});

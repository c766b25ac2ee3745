/**
 * Which element last got the focus from a pointer (a mouse click or a tap) rather than from
 * the keyboard. Browsers' `:focus-visible` cannot tell at key-down time: Chromium turns it on
 * for the focused element as soon as a key is pressed.
 */
export function watchPointerFocus(target: Window): {
  isPointerFocused: (el: Element) => boolean;
  stop: () => void;
} {
  let pointerDown = false;
  let pointerFocused: EventTarget | null = null;
  const onPointerDown = () => {
    pointerDown = true;
    // A click on the element that already has the focus gives it a pointer's focus too.
    pointerFocused = target.document.activeElement;
  };
  const onFocusIn = (e: FocusEvent) => {
    pointerFocused = pointerDown ? e.target : null;
    pointerDown = false;
  };
  const onPointerUp = () => {
    pointerDown = false;
  };
  target.addEventListener('pointerdown', onPointerDown, true);
  target.addEventListener('pointerup', onPointerUp, true);
  target.addEventListener('focusin', onFocusIn, true);
  return {
    isPointerFocused: (el) => el === pointerFocused,
    stop: () => {
      target.removeEventListener('pointerdown', onPointerDown, true);
      target.removeEventListener('pointerup', onPointerUp, true);
      target.removeEventListener('focusin', onFocusIn, true);
    },
  };
}

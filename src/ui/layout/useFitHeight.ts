import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The height from the element's top (on the page, not scrolled) to the bottom of the viewport,
 * minus `gap`, and at least `min`, in px: what is left of the first screen for it. Updated when
 * the window or anything on the page changes size (a notice above it, lecture mode's fonts).
 */
export function useFitHeight(ref: RefObject<HTMLElement | null>, min: number, gap = 8): number {
  const [height, setHeight] = useState(min);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - gap)));
    };
    update();
    const ro = new ResizeObserver(update);
    ro.observe(document.body);
    window.addEventListener('resize', update);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [ref, min, gap]);
  return height;
}

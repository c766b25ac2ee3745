import { useLayoutEffect, useState, type RefObject } from 'react';
import { CHART_FONT } from '../charts/frame';

/**
 * The charts' text size in px: the `--chart-font` token where the element sits (styles.css;
 * lecture mode's is larger). Read again when `lecture` changes, after the class is applied.
 */
export function useChartFont(ref: RefObject<HTMLElement | null>, lecture: boolean): number {
  const [px, setPx] = useState(CHART_FONT);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const v = parseFloat(getComputedStyle(el).getPropertyValue('--chart-font'));
    if (Number.isFinite(v) && v > 0) setPx(v);
  }, [ref, lecture]);
  return px;
}

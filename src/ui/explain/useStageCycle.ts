import { useCallback, useEffect, useState } from 'react';

/** True when the user asked for reduced motion (no auto-advancing highlight then). */
export function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' &&
    !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches
  );
}

/**
 * Which of `count` stages is highlighted: from the first, one more every `ms` until the last
 * (unless reduced motion is preferred). Picking a stage takes over by hand; replay starts
 * the cycle again from the first stage.
 */
export function useStageCycle(count: number, ms: number) {
  const [active, setActive] = useState(0);
  const [auto, setAuto] = useState(() => !prefersReducedMotion());
  useEffect(() => {
    if (!auto || active >= count - 1) return;
    const id = setTimeout(() => setActive((a) => Math.min(a + 1, count - 1)), ms);
    return () => clearTimeout(id);
  }, [auto, active, count, ms]);
  const pick = useCallback((i: number) => {
    setAuto(false);
    setActive(i);
  }, []);
  const replay = useCallback(() => {
    setActive(0);
    setAuto(!prefersReducedMotion());
  }, []);
  return { active, auto, pick, replay };
}

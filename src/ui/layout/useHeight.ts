import { useEffect, useRef, useState } from 'react';

/** The border-box height of an element in px, updated when it changes (a caption that wraps). */
export function useHeight<E extends HTMLElement>() {
  const ref = useRef<E>(null);
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) =>
      setHeight(Math.ceil(entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height)),
    );
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, height] as const;
}

import { useEffect, useState } from 'react';

/** Warming lasts at least this long before it is shown (WASM compiles in a blink). */
const SHOW_AFTER_MS = 400;

/**
 * The training speed, or while a new run compiles its kernels, what it is warming up and for
 * how long ("warming up WebGPU: first measurement… 12 s"), never a frozen "0.0 steps/s".
 */
export function RateReadout({
  stepsPerSecond,
  warming,
  backend,
}: {
  stepsPerSecond: number;
  warming: string | null;
  backend: string;
}) {
  const elapsed = useElapsed(Boolean(warming));
  if (warming && elapsed >= SHOW_AFTER_MS) {
    return (
      <span className="counter warming" role="status" data-testid="warming">
        warming up {backend}: {warming}… {Math.round(elapsed / 1000)} s
      </span>
    );
  }
  return (
    <span className="counter" data-testid="rate">
      <b>{stepsPerSecond.toFixed(1)}</b> steps/s
    </span>
  );
}

/** Milliseconds since `active` last became true (0 while inactive), updated 4 times a second. */
function useElapsed(active: boolean): number {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!active) return;
    const t0 = performance.now();
    const timer = setInterval(() => setElapsed(performance.now() - t0), 250);
    return () => {
      clearInterval(timer);
      setElapsed(0);
    };
  }, [active]);
  return active ? elapsed : 0;
}

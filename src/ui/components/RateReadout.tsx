import { useEffect, useState } from 'react';

/** Warming lasts at least this long before it is shown (WASM compiles in a blink). */
const SHOW_AFTER_MS = 400;

/**
 * The training speed, or while a new run compiles its kernels, what it is warming up and for
 * how long ("warming up WebGPU: first measurement… 12 s"), never a frozen "0.0 steps/s"; and
 * while a slow measurement runs (no new step for seconds), which step it measures.
 */
export function RateReadout({
  stepsPerSecond,
  warming,
  measuring = null,
  backend,
}: {
  stepsPerSecond: number;
  warming: string | null;
  measuring?: number | null;
  backend: string;
}) {
  const elapsed = useElapsed(warming ? true : null);
  const measuringFor = useElapsed(measuring);
  if (warming && elapsed >= SHOW_AFTER_MS) {
    return (
      <span className="counter warming" role="status" data-testid="warming">
        warming up {backend}: {warming}… {Math.round(elapsed / 1000)} s
      </span>
    );
  }
  return (
    <>
      <span className="counter" data-testid="rate">
        <b>{stepsPerSecond.toFixed(1)}</b> steps/s
      </span>
      {measuring !== null && measuringFor >= SHOW_AFTER_MS ? (
        <span className="counter warming" role="status" data-testid="measuring">
          measuring step {measuring}… {Math.round(measuringFor / 1000)} s
        </span>
      ) : null}
    </>
  );
}

/**
 * Milliseconds since `key` last changed to a value other than null (0 while null), updated
 * 4 times a second.
 */
function useElapsed(key: unknown): number {
  const active = key !== null;
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!active) return;
    const t0 = performance.now();
    const timer = setInterval(() => setElapsed(performance.now() - t0), 250);
    return () => {
      clearInterval(timer);
      setElapsed(0);
    };
  }, [active, key]);
  return active ? elapsed : 0;
}

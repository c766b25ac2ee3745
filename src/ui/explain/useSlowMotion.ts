import { useCallback, useState } from 'react';
import type { EngineIntents } from '../useEngine';

/** Slow motion on/off, and the step that → and the Step button take (explained when on). */
export function useSlowMotion(engine: Pick<EngineIntents, 'pause' | 'step' | 'explainStep'>) {
  const [slowMotion, setSlowMotion] = useState(false);
  const toggleSlowMotion = useCallback(() => {
    setSlowMotion((on) => !on);
    engine.pause(); // slow motion steps by hand; leaving it leaves the run paused
  }, [engine]);
  const step = useCallback(
    (count: number) => (slowMotion ? engine.explainStep() : engine.step(count)),
    [engine, slowMotion],
  );
  return { slowMotion, toggleSlowMotion, step };
}

import { useCallback, useState } from 'react';
import type { Command } from '../../engine/protocol';

/** Slow motion on/off, and the step that → and the Step button take (explained when on). */
export function useSlowMotion(send: (cmd: Command) => void) {
  const [slowMotion, setSlowMotion] = useState(false);
  const toggleSlowMotion = useCallback(() => {
    setSlowMotion((on) => !on);
    send({ type: 'pause' }); // slow motion steps by hand; leaving it leaves the run paused
  }, [send]);
  const step = useCallback(
    (count: number) => send(slowMotion ? { type: 'explain-step' } : { type: 'step', count }),
    [send, slowMotion],
  );
  return { slowMotion, toggleSlowMotion, step };
}

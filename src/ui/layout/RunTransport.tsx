import { BACKEND_LABEL } from '../components/BackendBadge';
import { Transport } from '../components/Transport';
import type { Playground } from '../usePlayground';

/** The transport wired to the playground: its run's counters and the engine's intents. */
export function RunTransport({ pg, compact }: { pg: Playground; compact?: boolean }) {
  const { state, engine } = pg;
  return (
    <Transport
      compact={compact}
      status={state.status}
      step={state.step}
      epoch={state.reports.at(-1)?.epoch ?? 0}
      stepsPerSecond={state.stepsPerSecond}
      warming={state.warming}
      measuring={state.measuring}
      backend={state.backend ? BACKEND_LABEL[state.backend.name] : undefined}
      onPlay={engine.play}
      onPause={engine.pause}
      onStep={pg.step}
      onReset={pg.reset}
    />
  );
}

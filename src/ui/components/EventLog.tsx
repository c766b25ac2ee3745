import type { RunInfo } from '../../engine/protocol';
import type { EngineEvent } from '../../core/run/records';

function describe(e: EngineEvent): string | null {
  switch (e.kind) {
    case 'change':
      return `step ${e.step}: ${e.field} ${e.from} → ${e.to}`;
    case 'reset':
      return `new run: ${e.reason}`;
    case 'diverged':
      return `step ${e.step}: the run diverged — ${e.what}`;
    case 'backend':
      return `step ${e.step}: switched from ${e.from} to ${e.to} (${e.reason})`;
    case 'done':
      return `step ${e.step}: reached the step limit`;
    case 'gc':
    case 'svrg':
      return null;
  }
}

/** The run's data and model sizes and the notable events of the run (changes, resets, divergence). */
export function EventLog({
  events,
  info,
}: {
  events: readonly EngineEvent[];
  info: RunInfo | null;
}) {
  const lines = events
    .map(describe)
    .filter((l): l is string => l !== null)
    .slice(-8);
  return (
    <div className="event-log" aria-live="polite">
      {info ? (
        <p>
          {info.dataset}: {info.trainSize} training examples ({info.classes} classes, input
          dimension {info.inputDim}), {info.testSize} test; statistics over a pool of{' '}
          {info.poolSize}; d = {info.parameters} trainable parameters.
        </p>
      ) : null}
      <ul>
        {lines.map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ul>
    </div>
  );
}

import type { RunInfo } from '../../engine/protocol';
import type { EngineEvent } from '../../core/run/records';

function describe(e: EngineEvent): string | null {
  switch (e.kind) {
    case 'change':
      return `step ${e.step}: ${e.field} ${e.from} → ${e.to}${e.note ? ` — ${e.note}` : ''}`;
    case 'reset':
      return `new run: ${e.reason}`;
    case 'diverged':
      return `step ${e.step}: the run diverged — ${e.what}`;
    case 'backend':
      return `step ${e.step}: switched from ${e.from} to ${e.to} (${e.reason})`;
    case 'done':
      return `step ${e.step}: reached the step limit`;
    case 'lrDrop':
      return `step ${e.step}: learning rate dropped ×0.1, ${e.from} → ${e.to}`;
    case 'gc':
    case 'svrg':
      return null;
  }
}

/** Lines the log shows; earlier events are counted, not rendered. */
export const SHOWN_EVENTS = 8;

/**
 * The run's data and model sizes and the latest notable events of the run (changes, resets,
 * divergence): at most SHOWN_EVENTS lines, then how many earlier ones there were (counting
 * those the bounded history let go), so the log stays a few nodes however long the run.
 */
export function EventLog({
  events,
  dropped = 0,
  info,
}: {
  events: readonly EngineEvent[];
  /** Older notable events no longer kept (runStore's eventsDropped.other). */
  dropped?: number;
  info: RunInfo | null;
}) {
  const lines: string[] = [];
  let earlier = dropped;
  for (let i = events.length - 1; i >= 0; i--) {
    const l = describe(events[i]);
    if (l === null) continue;
    if (lines.length < SHOWN_EVENTS) lines.unshift(l);
    else earlier++;
  }
  return (
    <div className="event-log" aria-live="polite">
      {info ? (
        <p>
          {info.dataset}: {info.trainSize} training examples ({info.classes} classes, input
          dimension {info.inputDim}), {info.testSize} test; statistics over a pool of{' '}
          {info.poolSize}; d = {info.parameters} trainable parameters.
        </p>
      ) : null}
      {earlier > 0 ? (
        <p className="muted" data-testid="earlier-events">
          {earlier.toLocaleString('en')} earlier {earlier === 1 ? 'event' : 'events'}
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

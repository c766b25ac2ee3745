import type { EngineMessage, Status } from './protocol';

/**
 * The status the UI shows: `state` when given, else error (a failed run), diverged, playing
 * (only while a run that has not stopped is playing) or paused; with the step, the measured
 * rate and, while a new run compiles its kernels, what it is warming up for; while a slow
 * measurement runs, its step.
 */
export function statusLine(p: {
  state?: Status;
  errored: boolean;
  playing: boolean;
  run: { step: number; stopped: 'diverged' | 'done' | null } | null;
  stepsPerSecond: number;
  warming: string | null;
  /** The step a slow measurement under way measures (none when measurements are quick). */
  measuring?: number | null;
}): EngineMessage {
  const running = p.playing && !p.run?.stopped ? 'playing' : 'paused';
  const status: Status =
    p.state ?? (p.errored ? 'error' : p.run?.stopped === 'diverged' ? 'diverged' : running);
  return {
    type: 'status',
    status,
    step: p.run?.step ?? 0,
    stepsPerSecond: p.stepsPerSecond,
    ...(p.warming ? { warming: p.warming } : {}),
    ...(p.measuring != null ? { measuring: p.measuring } : {}),
  };
}

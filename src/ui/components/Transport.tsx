import { RateReadout } from './RateReadout';
import type { Status } from '../../engine/protocol';

interface Props {
  status: Status;
  step: number;
  epoch: number;
  stepsPerSecond: number;
  /** While a new run compiles its kernels: what for (the engine's status). */
  warming?: string | null;
  /** While a slow measurement runs: the step it measures. */
  measuring?: number | null;
  /** The backend's display name, e.g. 'WebGPU'. */
  backend?: string;
  onPlay: () => void;
  onPause: () => void;
  onStep: (count: number) => void;
  onReset: () => void;
  /** Embeds: play/pause and reset only (with the step counter). */
  compact?: boolean;
}

/** Play / pause / step / reset, with the step and epoch counters and the training speed. */
export function Transport(p: Props) {
  const playing = p.status === 'playing';
  const blocked = p.status === 'loading' || p.status === 'error';
  return (
    <div className="transport" role="group" aria-label="Training controls">
      {playing ? (
        <button type="button" onClick={p.onPause} data-testid="pause" title="Pause (Space)">
          ❚❚ Pause
        </button>
      ) : (
        <button
          type="button"
          onClick={p.onPlay}
          disabled={blocked || p.status === 'diverged'}
          data-testid="play"
          title="Play (Space)"
        >
          ▶ Play
        </button>
      )}
      {p.compact ? null : (
        <button
          type="button"
          onClick={() => p.onStep(1)}
          disabled={blocked || playing}
          data-testid="step"
          title="One step (→); ten steps: Shift + →"
        >
          Step
        </button>
      )}
      <button type="button" onClick={p.onReset} data-testid="reset" title="Reset (R)">
        ↺ Reset
      </button>
      <span className="counter" data-testid="step-counter">
        step <b>{p.step}</b>
      </span>
      {p.compact ? null : (
        <>
          <span className="counter">
            epoch <b>{p.epoch.toFixed(2)}</b>
          </span>
          <RateReadout
            stepsPerSecond={p.stepsPerSecond}
            warming={p.warming ?? null}
            measuring={p.measuring ?? null}
            backend={p.backend ?? 'the backend'}
          />
        </>
      )}
      {p.status === 'diverged' ? (
        <span className="diverged" role="status">
          Diverged — lower the learning rate and reset.
        </span>
      ) : null}
    </div>
  );
}

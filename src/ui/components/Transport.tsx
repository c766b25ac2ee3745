import type { Status } from '../../engine/protocol';

interface Props {
  status: Status;
  step: number;
  epoch: number;
  stepsPerSecond: number;
  onPlay: () => void;
  onPause: () => void;
  onStep: (count: number) => void;
  onReset: () => void;
}

/** Play / pause / step / reset, with the step and epoch counters and the training speed. */
export function Transport(p: Props) {
  const playing = p.status === 'playing';
  const blocked = p.status === 'loading' || p.status === 'error';
  return (
    <div className="transport" role="group" aria-label="Training controls">
      {playing ? (
        <button type="button" onClick={p.onPause} data-testid="pause">
          ❚❚ Pause
        </button>
      ) : (
        <button
          type="button"
          onClick={p.onPlay}
          disabled={blocked || p.status === 'diverged'}
          data-testid="play"
        >
          ▶ Play
        </button>
      )}
      <button
        type="button"
        onClick={() => p.onStep(1)}
        disabled={blocked || playing}
        data-testid="step"
      >
        Step
      </button>
      <button type="button" onClick={p.onReset} data-testid="reset">
        ↺ Reset
      </button>
      <span className="counter" data-testid="step-counter">
        step <b>{p.step}</b>
      </span>
      <span className="counter">
        epoch <b>{p.epoch.toFixed(2)}</b>
      </span>
      <span className="counter">
        <b>{p.stepsPerSecond.toFixed(1)}</b> steps/s
      </span>
      {p.status === 'diverged' ? (
        <span className="diverged" role="status">
          Diverged — lower the learning rate and reset.
        </span>
      ) : null}
    </div>
  );
}

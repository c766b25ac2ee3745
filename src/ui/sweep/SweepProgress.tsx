import { useEffect, useState } from 'react';
import { eta, settled, type SweepState } from './sweepStore';

/** Milliseconds as `1 min 05 s` or `42 s`. */
export function shortDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

/** Runs done of all, time left at the pace so far, Run / Cancel. */
export function SweepProgress(p: {
  state: SweepState;
  canStart: boolean;
  runs: number;
  onStart: () => void;
  onCancel: () => void;
}) {
  const { state } = p;
  const running = state.status === 'running';
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(id);
  }, [running]);
  const done = settled(state);
  const left = eta(state, now);
  const took =
    state.finishedAt !== null && state.startedAt !== null
      ? state.finishedAt - state.startedAt
      : null;
  const text = (() => {
    if (state.status === 'idle') return `${p.runs} runs to do`;
    const base = `${done} / ${state.runs.length} runs`;
    if (running)
      return `${base} · ${left === null ? 'estimating time left…' : `about ${shortDuration(left)} left`} · ${state.workers} workers`;
    if (state.status === 'cancelled') return `${base} · cancelled`;
    return `${base} · done in ${shortDuration(took ?? 0)} on ${state.workers} workers`;
  })();
  return (
    <div className="sweep-progress" role="group" aria-label="Sweep progress">
      {running ? (
        <button type="button" onClick={p.onCancel} data-testid="sweep-cancel">
          Cancel
        </button>
      ) : (
        <button type="button" onClick={p.onStart} disabled={!p.canStart} data-testid="sweep-run">
          ▶ Run sweep
        </button>
      )}
      <progress max={Math.max(1, state.runs.length)} value={done} aria-label="Runs finished" />
      <span data-testid="sweep-status" aria-live="polite">
        {text}
      </span>
      {state.errors.length ? (
        <span className="diverged" role="alert">
          {state.errors.length} run(s) failed: {state.errors[0].message}
        </span>
      ) : null}
    </div>
  );
}

import type { RunState } from '../state/runStore';

/**
 * What went wrong with the engine, in plain words, and the way out: a failed run is restarted
 * by Reset (or a preset); an engine that crashed or stopped answering by Restart, which
 * replaces the worker and starts the current setup afresh.
 */
export function EngineNotice({
  state,
  onRestart,
}: {
  state: Pick<RunState, 'error' | 'unresponsive' | 'status'>;
  onRestart: () => void;
}) {
  if (state.unresponsive) {
    return (
      <div className="notice error" role="alert" data-testid="engine-unresponsive">
        {state.unresponsive}{' '}
        <button type="button" onClick={onRestart} data-testid="restart-engine">
          Restart the engine
        </button>
      </div>
    );
  }
  if (!state.error || state.status !== 'error') return null;
  return (
    <div className="notice error" role="alert" data-testid="engine-error">
      {state.error}{' '}
      <button type="button" onClick={onRestart}>
        Start afresh
      </button>
    </div>
  );
}

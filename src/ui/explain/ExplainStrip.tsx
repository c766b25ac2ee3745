import type { Config } from '../../core/config/schema';
import type { ExplainedStep, Status } from '../../engine/protocol';
import { StageList } from './StageList';
import './explain.css';

export interface ExplainStripProps {
  config: Config;
  on: boolean;
  status: Status;
  explained: ExplainedStep | null;
  onToggle: () => void;
  onNext: () => void;
}

/** What the strip says while slow motion is on but no step is shown. */
function hint(status: Status): string {
  if (status === 'playing') return 'The run is playing: pause it to take one explained step.';
  if (status === 'diverged') return 'The run diverged: reset it (R) to start again.';
  return 'Press Next step (or →) to take one step and see it explained.';
}

/**
 * Explained slow motion: one step at a time (Next step or →, both sending 'explain-step'),
 * narrated in five stages under the charts, each highlighted in turn; the mini-batch is
 * ringed in the 2-D view.
 */
export function ExplainStrip({
  config,
  on,
  status,
  explained,
  onToggle,
  onNext,
}: ExplainStripProps) {
  return (
    <section className={`explain${on ? ' on' : ''}`} aria-label="Explained slow motion">
      <div className="explain-bar">
        <button type="button" aria-pressed={on} onClick={onToggle} data-testid="explain-toggle">
          Explained slow motion
        </button>
        {on ? (
          <button
            type="button"
            onClick={onNext}
            disabled={status !== 'paused'}
            data-testid="explain-next"
            title="Take and explain one step (→)"
          >
            Next step →
          </button>
        ) : (
          <span className="muted">One step at a time, narrated stage by stage.</span>
        )}
      </div>
      {on && explained && !explained.finite ? (
        <p className="explain-diverged" role="alert">
          Step {explained.step} produced values that are not finite: the run diverged. A smaller
          learning rate usually helps; reset to start again.
        </p>
      ) : null}
      {on && explained ? (
        <StageList key={explained.step} explained={explained} config={config} />
      ) : on ? (
        <p className="muted">{hint(status)}</p>
      ) : null}
    </section>
  );
}

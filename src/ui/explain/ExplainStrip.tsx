import { useEffect, useMemo, useState } from 'react';
import type { Config } from '../../core/config/schema';
import type { ExplainedStep, Status } from '../../engine/protocol';
import { GradNormBars } from './GradNormBars';
import { explainStages } from './stages';
import './explain.css';

/** Time each stage stays highlighted before the next one (unless reduced motion is asked for). */
const STAGE_MS = 1200;

export interface ExplainStripProps {
  config: Config;
  on: boolean;
  status: Status;
  explained: ExplainedStep | null;
  onToggle: () => void;
  onNext: () => void;
}

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

/**
 * Explained slow motion: one step at a time (Next step or →), narrated in five stages under
 * the charts, each highlighted in turn; the mini-batch is ringed in the 2-D view.
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
      {on && explained ? (
        <StageList key={explained.step} explained={explained} config={config} />
      ) : on ? (
        <p className="muted">Press Next step (or →) to take one step and see it explained.</p>
      ) : null}
    </section>
  );
}

/** The five stages of one explained step; a new step (new key) starts again at stage ①. */
function StageList({ explained, config }: { explained: ExplainedStep; config: Config }) {
  const stages = useMemo(() => explainStages(explained, config), [explained, config]);
  const [active, setActive] = useState(0);
  useEffect(() => {
    if (reducedMotion()) return;
    const id = setInterval(() => setActive((a) => (a < 4 ? a + 1 : a)), STAGE_MS);
    return () => clearInterval(id);
  }, []);
  return (
    <ol className="explain-stages" data-testid="explain-stages">
      {stages.map((s, i) => (
        <li
          key={s.id}
          className={i === active ? 'active' : undefined}
          aria-current={i === active ? 'step' : undefined}
          data-stage={s.id}
        >
          <h4>
            <button type="button" className="link" onClick={() => setActive(i)}>
              {s.title}
            </button>
          </h4>
          {s.lines.map((l) => (
            <p key={l}>{l}</p>
          ))}
          {s.id === 'examples' ? (
            <GradNormBars norms={explained.batch.gradNorms} labels={explained.batch.labels} />
          ) : null}
        </li>
      ))}
    </ol>
  );
}

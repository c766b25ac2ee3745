import { useMemo } from 'react';
import type { Config } from '../../core/config/schema';
import type { ExplainedStep } from '../../engine/protocol';
import { BatchChips } from './BatchChips';
import { GradientPlane } from './GradientPlane';
import { GradNormBars } from './GradNormBars';
import { explainStages, type StageId } from './stages';
import { useStageCycle } from './useStageCycle';

/** Time each stage stays highlighted before the next one (unless reduced motion is asked for). */
export const STAGE_MS = 1200;

/** The small picture under a stage's sentences, if it has one. */
function StagePicture({ id, e }: { id: StageId; e: ExplainedStep }) {
  switch (id) {
    case 'batch':
      return <BatchChips batch={e.batch} />;
    case 'examples':
      return <GradNormBars norms={e.batch.gradNorms} labels={e.batch.labels} />;
    case 'mean':
      return (
        <>
          <GradientPlane
            plane={e.batch.plane}
            labels={e.batch.labels}
            poolGradNorm={e.poolGradNorm}
          />
          <p className="muted explain-caption">
            Each shape is one g_i (its class), seen in the plane of g (→) and ĝ_B; ĝ_B is their
            mean. Copies of a duplicated point with the same label share one gradient: their shapes
            coincide.
          </p>
        </>
      );
    default:
      return null;
  }
}

/**
 * The five stages of one explained step, highlighted in turn; click a stage to hold it. The
 * owner keys this by step, so a new step starts again at stage ①.
 */
export function StageList({ explained, config }: { explained: ExplainedStep; config: Config }) {
  const stages = useMemo(() => explainStages(explained, config), [explained, config]);
  const { active, pick, replay } = useStageCycle(stages.length, STAGE_MS);
  return (
    <>
      <ol className="explain-stages" data-testid="explain-stages">
        {stages.map((s, i) => (
          <li
            key={s.id}
            className={i === active ? 'active' : undefined}
            aria-current={i === active ? 'step' : undefined}
            data-stage={s.id}
          >
            <h4>
              <button type="button" className="link" onClick={() => pick(i)}>
                {s.title}
              </button>
            </h4>
            {s.lines.map((l) => (
              <p key={l}>{l}</p>
            ))}
            <StagePicture id={s.id} e={explained} />
          </li>
        ))}
      </ol>
      <button type="button" className="link explain-replay" onClick={replay}>
        Replay the stages
      </button>
    </>
  );
}

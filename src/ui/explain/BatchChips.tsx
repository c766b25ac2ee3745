import type { ExplainedStep } from '../../engine/protocol';
import { ClassGlyph } from './ClassGlyph';

/**
 * The B examples of the mini-batch, in the order drawn: training index and class. Examples
 * outside the measurement pool (so not drawn in the 2-D view) are marked.
 */
export function BatchChips({ batch }: { batch: ExplainedStep['batch'] }) {
  return (
    <ol className="explain-batch" data-testid="explain-batch" aria-label="Mini-batch examples">
      {Array.from(batch.indices, (index, k) => {
        const outside = batch.poolIndex[k] < 0;
        const label = batch.labels[k];
        return (
          <li
            key={k}
            className={outside ? 'outside' : undefined}
            title={`training example ${index}, class ${label}${outside ? ', not in the measurement pool' : ''}`}
          >
            <ClassGlyph label={label} />#{index}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * The five stages of an explained step, as plain sentences (numbers filled in). Pure, so the
 * wording is unit-tested; the strip (ExplainStrip.tsx) only lays them out.
 */
import type { Config } from '../../core/config/schema';
import type { ExplainedStep } from '../../engine/protocol';

export interface Stage {
  id: 'batch' | 'examples' | 'mean' | 'variance' | 'update';
  title: string;
  lines: string[];
}

const num = (v: number) =>
  Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? v.toPrecision(3) : v.toExponential(2);

function classMix(labels: Int32Array): string {
  const counts = new Map<number, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([l, c]) => `${c} of class ${l}`)
    .join(', ');
}

export function explainStages(e: ExplainedStep, config: Config): Stage[] {
  const B = e.batch.indices.length;
  const outside = e.batch.poolIndex.filter((p) => p < 0).length;
  const norms = Array.from(e.batch.gradNorms);
  const [lo, hi] = [Math.min(...norms), Math.max(...norms)];
  const est = Object.entries(e.estimators).map(
    ([id, p]) => `${id}: variance ${num(p.variance)}, normalized ${num(p.normalizedVariance)}`,
  );
  const momentum = config.mom > 0 ? ` with momentum ${config.mom}` : '';
  return [
    {
      id: 'batch',
      title: '① Mini-batch drawn',
      lines: [
        `Step ${e.step}: SGD draws B = ${B} training examples (${config.repl ? 'with' : 'without'} replacement): ${classMix(e.batch.labels)}.`,
        outside > 0
          ? `${B - outside} of them are in the measurement pool and ringed in the 2-D view.`
          : 'They are ringed in the 2-D view (when the data is 2-D).',
      ],
    },
    {
      id: 'examples',
      title: '② Per-example gradients',
      lines: [
        `Each example i has its own gradient g_i; their lengths ‖g_i‖ range from ${num(lo)} to ${num(hi)}.`,
        'They point in different directions: that spread is the gradient noise the paper measures.',
      ],
    },
    {
      id: 'mean',
      title: '③ Their mean',
      lines: [
        `SGD uses their average ĝ_B, an unbiased estimate of the full gradient g over the pool.`,
        `‖ĝ_B‖ = ${num(e.meanGradNorm)}, ‖g‖ = ${num(e.poolGradNorm)}, cosine(ĝ_B, g) = ${num(e.cosine)}.`,
      ],
    },
    {
      id: 'variance',
      title: '④ Estimator variances',
      lines: [
        'How far such an estimate lands from g on average, for each estimator at this θ (Faghri et al. 2020, §2); a normalized variance above 0.5 means noise outweighs signal.',
        ...est,
      ],
    },
    {
      id: 'update',
      title: '⑤ The update',
      lines: [
        `θ moves against ĝ_B with learning rate ${config.lr}${momentum}: ‖Δθ‖ = ${num(e.updateNorm)}.`,
        `The mini-batch's loss goes from ${num(e.lossBefore)} to ${num(e.lossAfter)}.`,
      ],
    },
  ];
}

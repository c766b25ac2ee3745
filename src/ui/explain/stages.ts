/**
 * The five stages of an explained step, as plain sentences with the step's numbers filled in.
 * Pure, so the wording is unit-tested; the strip (StageList.tsx) lays them out and adds the
 * small pictures. Citations are to Faghri et al. 2020 (shared/reference).
 */
import type { Config } from '../../core/config/schema';
import type { ExplainedStep } from '../../engine/protocol';

export type StageId = 'batch' | 'examples' | 'mean' | 'variance' | 'update';

export interface Stage {
  id: StageId;
  title: string;
  lines: string[];
}

/** A number for prose: 3 significant digits, exponent form when tiny or huge. */
export const num = (v: number): string =>
  !Number.isFinite(v)
    ? 'not finite'
    : v === 0 || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4)
      ? v.toPrecision(3)
      : v.toExponential(2);

/** "3 of class 0, 5 of class 1". */
export function classMix(labels: ArrayLike<number>): string {
  const counts = new Map<number, number>();
  for (const l of Array.from(labels)) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([l, c]) => `${c} of class ${l}`)
    .join(', ');
}

function batchStage(e: ExplainedStep): Stage {
  const B = e.batch.indices.length;
  const inPool = e.batch.poolIndex.filter((p) => p >= 0).length;
  return {
    id: 'batch',
    title: '① Mini-batch drawn',
    lines: [
      `Step ${e.step}: SGD takes the next B = ${B} examples of this epoch's shuffled order (no example twice in an epoch): ${classMix(e.batch.labels)}.`,
      inPool === B
        ? 'They are ringed in the 2-D view (when the data is 2-D).'
        : `${inPool} of them are in the measurement pool and ringed in the 2-D view; the other ${B - inPool} are not drawn there.`,
    ],
  };
}

function examplesStage(e: ExplainedStep): Stage {
  const norms = Array.from(e.batch.gradNorms);
  return {
    id: 'examples',
    title: '② Per-example gradients',
    lines: [
      `Each example i has its own gradient g_i = ∇ℓ_i(θ), pulling θ its own way; here ‖g_i‖ runs from ${num(Math.min(...norms))} to ${num(Math.max(...norms))}.`,
      'The paper treats these as draws from the distribution of gradients over the training set; how widely they spread is the gradient noise (Faghri et al. 2020, §1).',
    ],
  };
}

function meanStage(e: ExplainedStep): Stage {
  return {
    id: 'mean',
    title: '③ Their mean',
    lines: [
      'SGD follows their average ĝ_B = (1/B) Σ g_i: an unbiased estimate of the full gradient g over the pool, right on average but off in any single draw (§1).',
      `‖ĝ_B‖ = ${num(e.meanGradNorm)}, ‖g‖ = ${num(e.poolGradNorm)}, cosine(ĝ_B, g) = ${num(e.cosine)}.`,
    ],
  };
}

function varianceStage(e: ExplainedStep, config: Config): Stage {
  const est = Object.entries(e.estimators).map(
    ([id, p]) => `${id}: variance ${num(p.variance)}, normalized ${num(p.normalizedVariance)}`,
  );
  const repl = config.repl ? ' (for examples drawn with replacement)' : '';
  return {
    id: 'variance',
    title: '④ Estimator variances',
    lines: [
      `How far such an estimate lands from g, on average over draws, at this θ${repl}: the variance averaged over coordinates, and the normalized variance, which divides it by the estimate's second moment (§4). Above 0.5, noise outweighs signal.`,
      'SG-2B averages twice as many examples; GC draws one example from each gradient cluster (§3); SVRG subtracts the same examples’ gradients at a snapshot.',
      ...est,
    ],
  };
}

/** The update rule in words: SGD (momentum, weight decay) or Adam, and any clipping. */
function updateRule(config: Config): string {
  const decay = config.wd > 0 ? ` + ${config.wd}·θ` : '';
  const clip =
    config.clip > 0 ? ` (ĝ_B first scaled down to norm ${config.clip} if it is longer)` : '';
  if (config.opt === 'adam')
    return `Adam: θ ← θ − lr·m̂/(√v̂ + ε), m and v running means of the gradient ĝ_B${decay} and of its square${clip}`;
  if (config.mom > 0 || config.wd > 0)
    return `θ ← θ − lr·v with v ← ${config.mom}·v + ĝ_B${decay}${clip}`;
  return `θ ← θ − lr·ĝ_B${clip}`;
}

function updateStage(e: ExplainedStep, config: Config): Stage {
  return {
    id: 'update',
    title: '⑤ The update',
    lines: [
      `${updateRule(config)}, lr = ${e.lr}: θ moves by ‖Δθ‖ = ${num(e.updateNorm)}.`,
      `This mini-batch's loss goes from ${num(e.lossBefore)} to ${num(e.lossAfter)}; another draw would have moved θ elsewhere, by the spread measured in ④.`,
    ],
  };
}

export function explainStages(e: ExplainedStep, config: Config): Stage[] {
  return [
    batchStage(e),
    examplesStage(e),
    meanStage(e),
    varianceStage(e, config),
    updateStage(e, config),
  ];
}

import type { ExplainedStep } from '../../../src/engine/protocol';

/** An explained step of B = 4 (one example outside the pool), as the engine sends it. */
export const STEP: ExplainedStep = {
  step: 12,
  lr: 0.05,
  batch: {
    indices: Int32Array.from([4, 9, 1, 7]),
    poolIndex: Int32Array.from([2, -1, 0, 3]),
    labels: Int32Array.from([1, 0, 1, 1]),
    losses: Float32Array.from([0.5, 0.7, 0.2, 0.9]),
    gradNorms: Float32Array.from([0.25, 1.5, 0.1, 2]),
    plane: Float32Array.from([0.2, 0.1, 1.2, -0.9, 0.05, 0.08, 1.75, 0.96]),
  },
  meanGradNorm: 0.8,
  poolGradNorm: 0.6,
  cosine: 0.93,
  estimators: { 'SG-B': { variance: 1.2e-4, normalizedVariance: 0.61 } },
  updateNorm: 0.04,
  lossBefore: 0.575,
  lossAfter: 0.55,
  finite: true,
};

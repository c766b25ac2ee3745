import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/config/codec';
import type { ExplainedStep } from '../../../src/engine/protocol';
import { explainStages } from '../../../src/ui/explain/stages';

const step: ExplainedStep = {
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

describe('explainStages', () => {
  it('narrates the five stages with the step’s numbers', () => {
    const stages = explainStages(step, parse('bs=4&mom=0.9').config);
    expect(stages.map((s) => s.id)).toEqual(['batch', 'examples', 'mean', 'variance', 'update']);
    const text = stages.map((s) => s.lines.join(' '));
    expect(text[0]).toContain('Step 12: SGD draws B = 4 training examples (without replacement)');
    expect(text[0]).toContain('1 of class 0, 3 of class 1');
    expect(text[0]).toContain('3 of them are in the measurement pool');
    expect(text[1]).toContain('from 0.100 to 2.00');
    expect(text[2]).toContain('‖ĝ_B‖ = 0.800, ‖g‖ = 0.600, cosine(ĝ_B, g) = 0.930');
    expect(text[3]).toContain('SG-B: variance 1.20e-4, normalized 0.610');
    expect(text[4]).toContain('learning rate 0.05 with momentum 0.9: ‖Δθ‖ = 0.0400');
    expect(text[4]).toContain('from 0.575 to 0.550');
  });
});

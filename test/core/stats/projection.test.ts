import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { gradientProjection } from '../../../src/core/stats/projection';
import { bruteForceGradients } from '../../helpers/bruteForce';
import { useCpu, withFactors } from '../../helpers/coreHarness';
import { randomData, randomSpec } from '../../helpers/randomSpec';
import { mean } from '../../helpers/reference';

beforeAll(useCpu);

describe('gradientProjection', () => {
  it('matches PCA of explicit per-example gradients up to sign', async () => {
    const rng = new Rng(21);
    const spec = randomSpec({ widths: [3, 4, 3], loss: 'softmax-cross-entropy', bias: true }, rng);
    const { x, y } = randomData(30, 3, 3, spec.loss, rng);
    const rows = bruteForceGradients(spec, x, y);
    const g = mean(rows);
    const centred = rows.map((r) => r.map((e, j) => e - g[j]));
    // Reference: top eigenvector of the d x d covariance by power iteration in float64.
    const d = g.length;
    let u = Float64Array.from({ length: d }, (_, j) => Math.sin(j + 1));
    for (let t = 0; t < 500; t++) {
      const next = new Float64Array(d);
      for (const r of centred) {
        const dot = r.reduce((s, e, j) => s + e * u[j], 0);
        for (let j = 0; j < d; j++) next[j] += dot * r[j];
      }
      const norm = Math.hypot(...next);
      u = next.map((e) => e / norm);
    }
    const ref = centred.map((r) => r.reduce((s, e, j) => s + e * u[j], 0));
    const before = tf.memory().numTensors;
    const got = await withFactors(spec, x, y, async (p) => {
      const proj = gradientProjection(p.factors, new Rng(1), 200);
      const v = await proj.data();
      proj.dispose();
      return v;
    });
    expect(tf.memory().numTensors).toBe(before);
    const sign = Math.sign(got[0] * ref[0]) || 1;
    ref.forEach((r, i) => expect(sign * got[2 * i]).toBeCloseTo(r, 3));
  });
});

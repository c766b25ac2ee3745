import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { measure } from '../../../src/core/stats/measure';
import { readStats } from '../../../src/core/stats/read';
import type { GradientStats } from '../../../src/core/stats/types';
import { expectClose, useCpu, withFactors } from '../../helpers/coreHarness';
import { perturb, randomData, randomSpec } from '../../helpers/randomSpec';

beforeAll(useCpu);

async function both(replacement: boolean, T: number) {
  const rng = new Rng(11);
  const spec = randomSpec({ widths: [3, 5, 3], loss: 'softmax-cross-entropy', bias: true }, rng);
  const snap = perturb(spec, 0.3, rng);
  const { x, y } = randomData(40, 3, 3, spec.loss, rng);
  const K = 6;
  const assignment = Int32Array.from({ length: 40 }, (_, i) => (i * 7) % K);
  const base = { batch: 5, replacement, clusters: { assignment, K } };
  return withFactors(snap, x, y, (s) =>
    withFactors(spec, x, y, async (p) => {
      const opts = { ...base, snapshot: s.factors };
      const exact = await readStats(measure(p, { ...opts, mode: 'exact' }));
      const before = tf.memory().numTensors;
      const m = await readStats(
        measure(p, { ...opts, mode: 'sampled', estimates: T, rng: new Rng(5) }),
      );
      const sampled = { ...m, estimators: m.sampled! };
      expect(tf.memory().numTensors).toBe(before);
      return { exact, sampled };
    }),
  );
}

function expectAgree(a: GradientStats<number>, b: GradientStats<number>, rel: number) {
  for (const id of ['SG-B', 'SG-2B', 'GC', 'SVRG'] as const) {
    expectClose(a.estimators[id]!.variance, b.estimators[id]!.variance, rel, `${id} variance`);
    expectClose(
      a.estimators[id]!.normalizedVariance,
      b.estimators[id]!.normalizedVariance,
      rel,
      `${id} NV`,
    );
  }
}

describe('the sampled protocol converges to the exact values', () => {
  for (const replacement of [true, false]) {
    it(`T = 4000, ${replacement ? 'with' : 'without'} replacement, within 5%`, async () => {
      const { exact, sampled } = await both(replacement, 4000);
      expectAgree(sampled, exact, 0.05);
    });
  }

  it('is visibly noisy at T = 5 (it measures something)', async () => {
    const { exact, sampled } = await both(true, 5);
    const errs = (['SG-B', 'GC', 'SVRG'] as const).map((id) =>
      Math.abs(sampled.estimators[id]!.variance / exact.estimators[id]!.variance - 1),
    );
    expect(Math.max(...errs)).toBeGreaterThan(0.01);
  });

  it('is deterministic for a seed', async () => {
    const a = await both(false, 20);
    const b = await both(false, 20);
    expect(a.sampled).toEqual(b.sampled);
  });
});

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { measure } from '../../../src/core/stats/measure';
import { readStats } from '../../../src/core/stats/read';
import type { GradientStats } from '../../../src/core/stats/types';
import { expectClose, useCpu, withFactors } from '../../helpers/coreHarness';
import { perturb, randomData, randomSpec } from '../../helpers/randomSpec';
import { referenceSampled } from '../../helpers/reference';
import { bruteForceGradients } from '../../helpers/bruteForce';
import { planDraws } from '../../../src/core/stats/sampled';

beforeAll(useCpu);

async function both(replacement: boolean, T: number, population?: number) {
  const rng = new Rng(11);
  const spec = randomSpec({ widths: [3, 5, 3], loss: 'softmax-cross-entropy', bias: true }, rng);
  const snap = perturb(spec, 0.3, rng);
  const { x, y } = randomData(40, 3, 3, spec.loss, rng);
  const K = 6;
  const assignment = Int32Array.from({ length: 40 }, (_, i) => (i * 7) % K);
  const base = { batch: 5, replacement, population, clusters: { assignment, K } };
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

  it('T = 4000, the pool a fifth of the training set (N_train = 200), within 5%', async () => {
    const { exact, sampled } = await both(false, 4000, 200);
    expectAgree(sampled, exact, 0.05);
  });

  it("the authors' NV is about (1 + 1/T) NV (T = 4000, within 5%)", async () => {
    const { sampled } = await both(false, 4000);
    for (const id of ['SG-B', 'SG-2B', 'GC', 'SVRG'] as const) {
      const e = sampled.estimators[id]!;
      expectClose(e.normalizedVarianceAuthors!, e.normalizedVariance * (1 + 1 / 4000), 0.05, id);
    }
  });

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

describe('the sampled protocol equals its formulas in float64 on the same draws', () => {
  it.each([
    ['pool = training set', false, undefined, 1],
    ['pool a subset of N_train = 90', false, 90, 1],
    ['with replacement, tiny gradients (the 1e-7 matters)', true, undefined, 1e-4],
  ])('%s', async (_, replacement, population, scale) => {
    const rng = new Rng(21);
    const spec = randomSpec({ widths: [3, 4, 3], loss: 'softmax-cross-entropy', bias: true }, rng);
    const snapSpec = perturb(spec, 0.3, rng);
    const n = 30;
    const data = randomData(n, 3, 3, spec.loss, rng);
    const x = data.x.map((r) => r.map((e) => e * scale));
    const K = 4;
    const clusters = { assignment: Int32Array.from({ length: n }, (_, i) => i % K), K };
    const opts = { batch: 4, replacement, population, clusters, estimates: 7 };
    const plans = planDraws(n, { ...opts, snapshot: true, rng: new Rng(9) });
    const got = await withFactors(snapSpec, x, data.y, (s) =>
      withFactors(spec, x, data.y, (p) =>
        readStats(measure(p, { ...opts, snapshot: s.factors, mode: 'sampled', rng: new Rng(9) })),
      ),
    );
    const rows = bruteForceGradients(spec, x, data.y);
    const snapRows = bruteForceGradients(snapSpec, x, data.y);
    expect(plans.map((p) => p.id)).toEqual(['SG-B', 'SG-2B', 'GC', 'SVRG']);
    for (const plan of plans) {
      const want = referenceSampled(
        rows,
        plan.mean,
        plan.main,
        plan.id === 'SVRG' ? snapRows : undefined,
      );
      const e = got.sampled![plan.id]!;
      expectClose(e.variance, want.variance, 1e-4, `${plan.id} variance`);
      expectClose(e.normalizedVariance, want.normalizedVariance, 1e-4, `${plan.id} NV`);
      expectClose(
        e.normalizedVarianceAuthors!,
        want.normalizedVarianceAuthors,
        1e-4,
        `${plan.id} NV authors`,
      );
    }
  });
});

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { measure } from '../../../src/core/stats/measure';
import { readStats } from '../../../src/core/stats/read';
import { bruteForceGradients } from '../../helpers/bruteForce';
import { expectClose, useCpu, withFactors } from '../../helpers/coreHarness';
import { perturb, randomData, randomSpec, type SpecShape } from '../../helpers/randomSpec';
import { referenceStats } from '../../helpers/reference';

const CASES: [string, SpecShape][] = [
  ['linear softmax with bias', { widths: [4, 3], loss: 'softmax-cross-entropy', bias: true }],
  ['linear logistic with bias', { widths: [3, 1], loss: 'logistic', bias: true }],
  [
    'mlp 2 hidden softmax bias',
    { widths: [4, 6, 5, 3], loss: 'softmax-cross-entropy', bias: true },
  ],
  ['mlp 3 hidden logistic no bias', { widths: [3, 5, 4, 4, 1], loss: 'logistic', bias: false }],
  [
    'random features (frozen first layer)',
    { widths: [5, 7, 3], loss: 'softmax-cross-entropy', bias: false, frozenFirst: true },
  ],
  [
    'frozen first layer, mlp on top, bias',
    { widths: [3, 6, 4, 2], loss: 'softmax-cross-entropy', bias: true, frozenFirst: true },
  ],
];

beforeAll(useCpu);

describe('exact statistics match brute-force per-example gradients', () => {
  for (const [name, shape] of CASES) {
    for (const replacement of [true, false]) {
      it(`${name}, ${replacement ? 'with' : 'without'} replacement`, async () => {
        const rng = new Rng(name.length * 7 + (replacement ? 1 : 0));
        const spec = randomSpec(shape, rng);
        const snap = perturb(spec, 0.2, rng);
        const n = 23;
        const { x, y } = randomData(n, shape.widths[0], shape.widths.at(-1)!, shape.loss, rng);
        const K = 5;
        // Balanced clusters, or one big cluster beside small ones (several size buckets).
        const assignment = Int32Array.from({ length: n }, (_, i) =>
          replacement ? i % K : i < 12 ? 0 : 1 + (i % (K - 1)),
        );
        const rows = bruteForceGradients(spec, x, y);
        const snapRows = bruteForceGradients(snap, x, y);
        const ref = referenceStats(rows, {
          batch: 4,
          replacement,
          assignment,
          K,
          snapshot: snapRows,
        });
        const before = tf.memory().numTensors;
        const got = await withFactors(snap, x, y, (s) =>
          withFactors(spec, x, y, (p) =>
            readStats(
              measure(p, {
                mode: 'exact',
                batch: 4,
                replacement,
                clusters: { assignment, K },
                snapshot: s.factors,
              }),
            ),
          ),
        );
        expect(tf.memory().numTensors).toBe(before);
        expectClose(got.gradNorm2, ref.gradNorm2, 1e-4, 'gradNorm2');
        expectClose(got.meanExampleGradNorm2, ref.meanExampleGradNorm2, 1e-4, 'mean ||g_i||^2');
        expectClose(got.bSimple, ref.bSimple, 1e-4, 'bSimple');
        for (const id of ['SG-B', 'SG-2B', 'GC', 'SVRG'] as const) {
          expectClose(
            got.estimators[id]!.variance,
            ref.estimators[id].variance,
            1e-4,
            `${id} variance`,
          );
          expectClose(
            got.estimators[id]!.normalizedVariance,
            ref.estimators[id].normalizedVariance,
            1e-4,
            `${id} NV`,
          );
        }
      });
    }
  }
});

describe('SGD samples from N_train: the correction uses the training-set size', () => {
  const shape: SpecShape = { widths: [4, 6, 3], loss: 'softmax-cross-entropy', bias: true };
  it.each([
    ['pool a subset of a larger training set', 4, 60],
    ['2B > N_train: SG-2B cannot be formed', 16, 30],
    ['B > the pool, B ≤ N_train', 30, 100],
  ])('%s (B = %i, N_train = %i)', async (_, batch, population) => {
    const rng = new Rng(batch * 31 + population);
    const spec = randomSpec(shape, rng);
    const n = 23;
    const { x, y } = randomData(n, 4, 3, shape.loss, rng);
    const ref = referenceStats(bruteForceGradients(spec, x, y), {
      batch,
      replacement: false,
      population,
    });
    const got = await withFactors(spec, x, y, (p) =>
      readStats(measure(p, { mode: 'exact', batch, replacement: false, population })),
    );
    expect(Object.keys(got.estimators).sort()).toEqual(Object.keys(ref.estimators).sort());
    for (const [id, want] of Object.entries(ref.estimators)) {
      const e = got.estimators[id as 'SG-B']!;
      expectClose(e.variance, want.variance, 1e-4, `${id} variance`);
      expectClose(e.normalizedVariance, want.normalizedVariance, 1e-4, `${id} NV`);
    }
  });

  it('refuses a population smaller than the pool', async () => {
    const rng = new Rng(2);
    const spec = randomSpec(shape, rng);
    const { x, y } = randomData(10, 4, 3, shape.loss, rng);
    await withFactors(spec, x, y, (p) => {
      expect(() =>
        measure(p, { mode: 'exact', batch: 2, replacement: false, population: 9 }),
      ).toThrow(/population/);
    });
  });
});

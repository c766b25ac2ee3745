import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { measure } from '../../../src/core/stats/measure';
import { readStats } from '../../../src/core/stats/read';
import type { Clusters } from '../../../src/core/stats/types';
import { expectClose, useCpu, withFactors } from '../../helpers/coreHarness';
import { randomData, randomSpec } from '../../helpers/randomSpec';

beforeAll(useCpu);

const rng = new Rng(3);
const spec = randomSpec({ widths: [4, 6, 3], loss: 'softmax-cross-entropy', bias: true }, rng);
const data = randomData(30, 4, 3, spec.loss, rng);

function stats(
  x: number[][],
  y: number[],
  batch: number,
  replacement: boolean,
  clusters?: Clusters,
) {
  return withFactors(spec, x, y, (p) =>
    readStats(measure(p, { mode: 'exact', batch, replacement, clusters })),
  );
}

describe('estimator identities', () => {
  it('SG-2B has half the variance of SG-B with replacement', async () => {
    const s = await stats(data.x, data.y, 4, true);
    expectClose(s.estimators['SG-2B']!.variance, s.estimators['SG-B']!.variance / 2, 1e-6);
  });

  it('without replacement, B = N has zero variance', async () => {
    const s = await stats(data.x, data.y, 30, false);
    expect(s.estimators['SG-B']!.variance).toBe(0);
  });

  it('GC with K = N singleton clusters has zero variance', async () => {
    const n = data.x.length;
    const s = await stats(data.x, data.y, 4, true, {
      assignment: Int32Array.from({ length: n }, (_, i) => i),
      K: n,
    });
    expect(s.estimators.GC!.variance).toBeLessThan(1e-6 * s.estimators['SG-B']!.variance);
  });

  it('GC with one cluster equals SG with one example', async () => {
    const one = { assignment: new Int32Array(data.x.length), K: 1 };
    const gc = await stats(data.x, data.y, 4, true, one);
    const sg1 = await stats(data.x, data.y, 1, true);
    expectClose(gc.estimators.GC!.variance, sg1.estimators['SG-B']!.variance, 1e-5);
    expectClose(
      gc.estimators.GC!.normalizedVariance,
      sg1.estimators['SG-B']!.normalizedVariance,
      1e-5,
    );
  });

  it('duplicates alone in their own cluster add nothing', async () => {
    // 6 copies of example 0 form cluster 0; the rest keep the same 3 clusters.
    const rest = { x: data.x.slice(1), y: data.y.slice(1) };
    const restAssign = Int32Array.from({ length: rest.x.length }, (_, i) => i % 3);
    const x = [...Array(6).fill(data.x[0]), ...rest.x];
    const y = [...Array(6).fill(data.y[0]), ...rest.y];
    const withDup = Int32Array.from([...Array(6).fill(3), ...restAssign]);
    const a = await stats(x, y, 4, true, { assignment: withDup, K: 4 });
    const b = await stats(rest.x, rest.y, 4, true, { assignment: restAssign, K: 3 });
    // V_GC = N^-2 sum_k N_k^2 v_k: the duplicate cluster has v = 0, so N^2 V is unchanged.
    expectClose(
      a.estimators.GC!.variance * x.length ** 2,
      b.estimators.GC!.variance * rest.x.length ** 2,
      1e-4,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { estimatorCosts } from '../../../src/core/run/costs';
import { varianceRatios } from '../../../src/core/run/ratios';

describe('estimator costs in gradient evaluations per estimate', () => {
  it('SG-B B, SG-2B 2B, GC K + N/gcEvery, SVRG 2B + N/svrgEvery', () => {
    expect(
      estimatorCosts({ batch: 128, clusters: 128, pool: 1024, gcEvery: 200, svrgEvery: 256 }),
    ).toEqual({ 'SG-B': 128, 'SG-2B': 256, GC: 128 + 5.12, SVRG: 256 + 4 });
  });
});

describe('variance ratios of a run summary', () => {
  const a = (mean: number) => ({
    variance: { mean, max: 2 * mean },
    normalizedVariance: { mean: 0.5, max: 1 },
  });
  it('GC/SG-B, GC/SG-2B, SVRG/SG-2B; null when an estimator is absent', () => {
    const r = varianceRatios({ 'SG-B': a(4), 'SG-2B': a(2), GC: a(1) });
    expect(r).toEqual([
      { num: 'GC', den: 'SG-B', value: 0.25 },
      { num: 'GC', den: 'SG-2B', value: 0.5 },
      { num: 'SVRG', den: 'SG-2B', value: null },
    ]);
  });
});

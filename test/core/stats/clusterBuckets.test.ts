import { describe, expect, it } from 'vitest';
import { clusterBuckets } from '../../../src/core/stats/clusterVariance';

describe('clusterBuckets', () => {
  it('lists every example once, pads with N, and at most doubles the work', () => {
    // One cluster of 900 (the duplicates), 9 of 10, one empty cluster.
    const sizes = [900, ...Array(9).fill(10), 0];
    const assignment = Int32Array.from(sizes.flatMap((s, k) => Array(s).fill(k)));
    const n = assignment.length;
    const { sizes: counted, buckets } = clusterBuckets({ assignment, K: sizes.length });
    expect([...counted]).toEqual(sizes);
    const seen = buckets.flatMap((b) => [...b.index].filter((i) => i !== n)).sort((a, b) => a - b);
    expect(seen).toEqual([...Array(n).keys()]);
    const padded = buckets.reduce((s, b) => s + b.count * b.width, 0);
    expect(padded).toBeLessThanOrEqual(2 * n);
    expect(buckets.map((b) => [b.count, b.width])).toEqual([
      [1, 900],
      [9, 10],
    ]);
  });
});

/**
 * Seeded index sampling: k of n without replacement, and the measurement pool of DESIGN §2
 * (the examples over which g, v and the estimator variances are computed).
 */
import type { Rng } from '../rng';
import { assertInt } from './dataset';

/**
 * k distinct indices from 0..n-1, each k-subset equally likely, in random order.
 * Partial Fisher–Yates: k draws, O(n) memory.
 */
export function sampleWithoutReplacement(n: number, k: number, rng: Rng): Int32Array {
  assertInt(n, 'n', 0);
  assertInt(k, 'k', 0, n);
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx.slice(0, k);
}

/**
 * Indices of the measurement pool, sorted ascending: all of 0..n-1 when n <= poolSize
 * (consumes no randomness), else poolSize of them drawn uniformly without replacement.
 */
export function measurementPool(n: number, poolSize: number, rng: Rng): Int32Array {
  assertInt(n, 'n', 0);
  assertInt(poolSize, 'poolSize', 1);
  if (n <= poolSize) {
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return all;
  }
  return sampleWithoutReplacement(n, poolSize, rng).sort();
}

import type { Rng } from '../rng';
import { clusterMembers } from './clusterMembers';
import type { Clusters } from './types';

/**
 * One mini-batch estimate is a weighted sum of example gradients: ĝ = sum_s w_s g_(i_s).
 * A Draws holds T such index sets of equal size m, row-major [T][m], and the weights.
 */
export interface Draws {
  index: Int32Array;
  /** Per-slot weight w_s (the same for every draw), length m. */
  weight: Float32Array;
  count: number;
  size: number;
}

/** T uniform mini-batches of m from N, with or without replacement; w = 1/m. */
export function batchDraws(
  n: number,
  m: number,
  count: number,
  replacement: boolean,
  rng: Rng,
): Draws {
  if (!replacement && m > n) throw new RangeError(`cannot draw ${m} of ${n} without replacement`);
  const index = new Int32Array(count * m);
  const scratch = replacement ? null : Int32Array.from({ length: n }, (_, i) => i);
  for (let t = 0; t < count; t++) {
    for (let s = 0; s < m; s++) {
      if (!scratch) {
        index[t * m + s] = rng.int(n);
        continue;
      }
      const j = s + rng.int(n - s); // partial Fisher–Yates: s-th pick among the unpicked
      [scratch[s], scratch[j]] = [scratch[j], scratch[s]];
      index[t * m + s] = scratch[s];
    }
  }
  return { index, weight: new Float32Array(m).fill(1 / m), count, size: m };
}

/**
 * T stratified draws for GC: one example uniformly from each cluster k, weight N_k / N,
 * so that E[ĝ] = (1/N) sum_k N_k mean_(i in k) g_i = g.
 */
export function clusterDraws(clusters: Clusters, count: number, rng: Rng): Draws {
  const nonEmpty = clusterMembers(clusters).filter((m) => m.length > 0);
  const n = clusters.assignment.length;
  const m = nonEmpty.length;
  const index = new Int32Array(count * m);
  for (let t = 0; t < count; t++) {
    nonEmpty.forEach((mem, s) => {
      index[t * m + s] = mem[rng.int(mem.length)];
    });
  }
  const weight = Float32Array.from(nonEmpty, (mem) => mem.length / n);
  return { index, weight, count, size: m };
}

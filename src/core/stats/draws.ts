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

/**
 * Probability that one draw of `batchDraws` is i.i.d. rather than balanced (see there):
 *   q = (σ²_target - σ²_bal) / (σ²_iid - σ²_bal), clamped to [0, 1], with
 *   σ²_target = m (N-1)(P-m) / (N² (P-1)),  σ²_iid = m (N-1) / N²,  σ²_bal = R (N-R) / N²,
 * R = m mod N. For m ≤ N this is q = (P - N)/(P - 1): 0 when the pool is the training set.
 */
export function iidShare(n: number, m: number, population: number): number {
  const r = m % n;
  const target =
    population <= 1 ? 0 : (m * (n - 1) * (population - m)) / (n * n * (population - 1));
  const iid = (m * (n - 1)) / (n * n);
  const bal = (r * (n - r)) / (n * n);
  if (iid <= bal) return 0; // m = 1 or N = 1: both designs are the same
  return Math.min(1, Math.max(0, (target - bal) / (iid - bal)));
}

/**
 * T mini-batches of m from a pool of N examples that stands in for SGD's N_train = P training
 * examples (P ≥ N; the pool estimates their per-example moments). Weight w = 1/m.
 *
 * With replacement: m i.i.d. uniform picks (exactly SGD's design, whatever P).
 * Without replacement, the estimate must have SGD's variance v (P-m)/(m (P-1)) in expectation,
 * v the pool's per-coordinate variance. For any exchangeable design that picks pool example i
 * c_i times (sum c_i = m), E(ĝ_j - g_j)^2 = Var(c_i) N² v_j / (m² (N-1)), so we need
 * Var(c_i) = σ²_target (iidShare). Each draw is, independently, with probability q = iidShare:
 *   - i.i.d.:   m uniform picks (Var c_i = σ²_iid),
 *   - balanced: every pool example floor(m/N) times plus R = m mod N distinct ones
 *               (Var c_i = σ²_bal; for m ≤ N simply m distinct examples),
 * and the mixture has Var c_i = σ²_target exactly (both designs have E c_i = m/N). So when the
 * pool is the training set (P = N) every draw is m distinct examples; as P/N grows the draws
 * approach i.i.d. The target is out of reach (q clamped to 0) only when m > N and the batch is
 * nearly the whole training set; the variance is then above SGD's.
 */
export function batchDraws(
  n: number,
  m: number,
  count: number,
  replacement: boolean,
  rng: Rng,
  population = n,
): Draws {
  if (!replacement && m > population) {
    throw new RangeError(`cannot draw ${m} of ${population} without replacement`);
  }
  const q = replacement ? 1 : iidShare(n, m, population);
  const index = new Int32Array(count * m);
  const scratch = Int32Array.from({ length: n }, (_, i) => i);
  for (let t = 0; t < count; t++) {
    const row = index.subarray(t * m, (t + 1) * m);
    const iid = q >= 1 || (q > 0 && rng.next() < q);
    if (iid) for (let s = 0; s < m; s++) row[s] = rng.int(n);
    else balanced(row, n, scratch, rng);
  }
  return { index, weight: new Float32Array(m).fill(1 / m), count, size: m };
}

/** floor(m/N) copies of 0..N-1, then R = m mod N distinct indices (partial Fisher–Yates). */
function balanced(row: Int32Array, n: number, scratch: Int32Array, rng: Rng): void {
  const m = row.length;
  const full = Math.floor(m / n) * n;
  for (let s = 0; s < full; s++) row[s] = s % n;
  for (let s = 0; s < m - full; s++) {
    const j = s + rng.int(n - s); // s-th pick among the unpicked
    [scratch[s], scratch[j]] = [scratch[j], scratch[s]];
    row[full + s] = scratch[s];
  }
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

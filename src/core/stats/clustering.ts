import type { LayerFactors } from '../model/network';
import type { Rng } from '../rng';
import { clusterSizes, fitsInit, hasEmpty, repairEmpty } from './clusteringRepair';
import { seedAssignment } from './clusteringSeed';
import { gcAssignStep, selfTerm } from './clusteringSteps';

/**
 * Gradient Clustering (Faghri et al. 2020, §3; DESIGN §2.2).
 *
 * Objective (eq. 2), summed over layers l:
 *   J(a) = sum_k N_k sum_(i: a_i = k) ||g_i - C_k||^2,   C_kl = c_kl d_kl^T (rank 1, eq. 6),
 * with c_kl, d_kl the cluster means of a_il (I'_l) and d_il (O_l); g_il = a_il^T d_il is never
 * formed. One iteration = U step (c, d, N_k from the current assignment) then A step
 *   a_i <- argmin_k N_k sum_l (||c_kl||^2 ||d_kl||^2 - 2 (a_il·c_kl)(d_il·d_kl) + ||a_il||^2 ||d_il||^2)
 * with N_k the sizes of the U step just done, held fixed during the A step (paper §3.1: "we first
 * solve it for fixed cluster sizes then update N_k"); the sizes are refreshed by the next U step.
 *
 * Neither the N_k-weighted A step nor the rank-1 U step (c_k d_k^T is not the cluster mean of
 * g_i unless a and d are uncorrelated) is guaranteed to lower J (the paper says so for the
 * former), so every partition a_0..a_T is scored with its own centres and the lowest J is
 * returned (ties: the earliest). Hence the returned objective never increases with `iterations`
 * for a fixed seed / init, and re-clustering from `init` never returns something worse than init.
 */
export interface ClusteringResult {
  /** a_i in 0..K-1 for each of the N examples. */
  assignment: Int32Array;
  /** N_k, all >= 1, summing to N. */
  sizes: Int32Array;
  /** J of the returned assignment with its rank-1 centres (float32 accumulation). */
  objective: number;
  /** Number of clusters actually used: min(K, N). */
  K: number;
  /** J of every evaluated partition a_0 (initial), a_1, ..., a_T, before picking the best. */
  history: number[];
}

export interface ClusteringOptions {
  /** Number of AU iterations T (0 scores the initial partition only). */
  iterations: number;
  /** Seeds the k-means++ initialisation (unused when `init` is given). */
  rng: Rng;
  /**
   * Start from this assignment (e.g. the previous clustering); empty clusters are repaired.
   * Ignored (seeded start instead) unless it has N labels, all in 0..min(K, N)-1.
   */
  init?: Int32Array;
}

function checkArgs(layers: readonly LayerFactors[], k: number, iterations: number): number {
  if (layers.length === 0) throw new RangeError('gradientClustering: no trainable layers');
  const n = layers[0].a.shape[0];
  for (const { a, d } of layers) {
    if (a.shape[0] !== n || d.shape[0] !== n) {
      throw new RangeError('gradientClustering: layers disagree on the number of examples');
    }
  }
  if (!(k >= 1)) throw new RangeError(`gradientClustering: K = ${k} (need K >= 1)`);
  if (!Number.isInteger(iterations) || iterations < 0) {
    throw new RangeError(`gradientClustering: iterations = ${iterations}`);
  }
  return n;
}

/**
 * Weighted gradient clustering of the N examples into min(K, N) non-empty clusters.
 * K > N is clamped to N (at most N non-empty clusters exist); K = N gives singletons (J = 0),
 * K = 1 one cluster; a fractional K is floored. Initial partition: `init` if given, else k-means++ seeding on the exact
 * gradient distances (see clusteringSeed.ts). Empty clusters after an A step are refilled by
 * splitting the largest-distortion cluster (see clusteringRepair.ts).
 * Device work: one readback per pass (T + 1 passes, plus one for seeding). The caller's
 * tensors are neither modified nor disposed, and no tensor outlives the call.
 */
export async function gradientClustering(
  layers: readonly LayerFactors[],
  K: number,
  opts: ClusteringOptions,
): Promise<ClusteringResult> {
  const n = checkArgs(layers, K, opts.iterations);
  const k = Math.min(Math.floor(K), n);
  if (n === 0) {
    return {
      assignment: new Int32Array(0),
      sizes: new Int32Array(0),
      objective: 0,
      K: 0,
      history: [],
    };
  }
  const self = selfTerm(layers);
  try {
    let a =
      opts.init && fitsInit(opts.init, n, k)
        ? Int32Array.from(opts.init)
        : await seedAssignment(layers, self, k, opts.rng);
    let best: { a: Int32Array; objective: number } | null = null;
    const history: number[] = [];
    for (;;) {
      const valid = !hasEmpty(a, k); // only an `init` can have empty clusters
      const step = await gcAssignStep(layers, self, a, k);
      if (valid) {
        history.push(step.objective);
        if (!best || step.objective < best.objective || Number.isNaN(best.objective)) {
          best = { a, objective: step.objective };
        }
        if (history.length > opts.iterations) break;
      }
      a = repairEmpty(step.next, step.distNext, k);
    }
    const assignment = best!.a;
    return {
      assignment,
      sizes: clusterSizes(assignment, k),
      objective: best!.objective,
      K: k,
      history,
    };
  } finally {
    self.dispose();
  }
}

import * as tf from '@tensorflow/tfjs-core';
import { crossProduct } from '../linalg';
import type { LayerFactors } from '../model/network';
import type { Rng } from '../rng';
import { tidy } from '../tidy';
import { batchDraws, clusterDraws, type Draws } from './draws';
import type { MeasureInput } from './exact';
import { layerMean, sumOverLayers } from './moments';
import type { Clusters, EstimatorId, EstimatorStats, Sampling } from './types';

/** Upper bound on the floats of one chunk of estimates: [chunk, I', O] and [chunk, m, I' + O]. */
const MAX_CHUNK_FLOATS = 1 << 23;

export interface SampledOptions extends Sampling {
  estimators?: readonly EstimatorId[];
  clusters?: Clusters;
  snapshot?: readonly LayerFactors[];
  /** T, the number of mini-batch estimates per measurement (50 in the paper). */
  estimates: number;
  rng: Rng;
}

/** Estimates ĝ_t = sum_s w_s a_(i_ts)^T d_(i_ts) for draws t0..t0+tc, shape [tc, I', O]. */
function estimates(f: LayerFactors, draws: Draws, t0: number, tc: number): tf.Tensor3D {
  const m = draws.size;
  const idx = tf.tensor1d(draws.index.subarray(t0 * m, (t0 + tc) * m), 'int32');
  const a = tf.reshape(tf.gather(f.a, idx), [tc, m, f.a.shape[1]]);
  const w = tf.reshape(tf.tensor1d(draws.weight), [1, m, 1]);
  const d = tf.mul(tf.reshape(tf.gather(f.d, idx), [tc, m, f.d.shape[1]]), w);
  return crossProduct(a, d) as tf.Tensor3D;
}

/**
 * The paper's protocol for one estimator over T draws, per coordinate j, with g the pool mean:
 *   variance = (1/d) sum_j (1/T) sum_t (ĝ_tj - g_j)^2
 *   NV       = (1/d) sum_j [sum_t (ĝ_tj - g_j)^2] / [sum_t ĝ_tj^2]   (0 where the sum is 0)
 * SVRG: ĝ_t = (sum over the batch of (g_i - g~_i)) / B + g~. Inside tidy.
 */
function protocol(
  factors: readonly LayerFactors[],
  means: readonly tf.Tensor2D[],
  draws: Draws,
  snapshot?: { factors: readonly LayerFactors[]; means: readonly tf.Tensor2D[] },
): EstimatorStats<tf.Scalar> {
  const T = draws.count;
  const dev: tf.Tensor[] = [];
  const power: tf.Tensor[] = [];
  factors.forEach((f, l) => {
    const g = means[l];
    const snapMean = snapshot ? snapshot.means[l] : null;
    // Per estimate: its I' x O sum and its m gathered rows of I' + O factors.
    const perEstimate = Math.max(g.size, draws.size * (f.a.shape[1] + f.d.shape[1]));
    const chunk = Math.max(1, Math.floor(MAX_CHUNK_FLOATS / perEstimate));
    let sumDev: tf.Tensor = tf.zerosLike(g);
    let sumPow: tf.Tensor = tf.zerosLike(g);
    for (let t0 = 0; t0 < T; t0 += chunk) {
      const tc = Math.min(chunk, T - t0);
      // Each chunk in its own tidy, so that only one chunk's estimates are alive at a time.
      const [prevDev, prevPow] = [sumDev, sumPow];
      [sumDev, sumPow] = tf.tidy(() => {
        let est: tf.Tensor = estimates(f, draws, t0, tc);
        if (snapshot && snapMean) {
          est = tf.add(tf.sub(est, estimates(snapshot.factors[l], draws, t0, tc)), snapMean);
        }
        return [
          tf.add(prevDev, tf.sum(tf.square(tf.sub(est, g)), 0)),
          tf.add(prevPow, tf.sum(tf.square(est), 0)),
        ];
      });
      prevDev.dispose();
      prevPow.dispose();
    }
    dev.push(sumDev);
    const safe = tf.where(tf.greater(sumPow, 0), sumPow, tf.onesLike(sumPow));
    power.push(tf.where(tf.greater(sumPow, 0), tf.div(sumDev, safe), tf.zerosLike(sumPow)));
  });
  const d = g0Size(factors);
  return {
    variance: tf.div(sumOverLayers(dev), d * T),
    normalizedVariance: tf.div(sumOverLayers(power), d),
  };
}

function g0Size(factors: readonly LayerFactors[]): number {
  return factors.reduce((s, f) => s + f.a.shape[1] * f.d.shape[1], 0);
}

/**
 * Sampled estimator statistics (the paper's protocol, DESIGN §2). Draw indices come from
 * the seeded rng; SG-2B is omitted when 2B > N without replacement. Scalars owned by caller.
 */
export function sampledEstimators(
  input: MeasureInput,
  opts: SampledOptions,
): Partial<Record<EstimatorId, EstimatorStats<tf.Scalar>>> {
  const n = input.losses.shape[0];
  const T = opts.estimates;
  const wanted = new Set(opts.estimators ?? ['SG-B', 'SG-2B', 'GC', 'SVRG']);
  const { batch: B, replacement: repl, rng } = opts;
  const out: Partial<Record<EstimatorId, EstimatorStats<tf.Scalar>>> = {};
  const means = tidy(() => input.factors.map(layerMean));
  const snapMeans = opts.snapshot ? tidy(() => opts.snapshot!.map(layerMean)) : [];
  const run = (id: EstimatorId, draws: Draws, snap?: readonly LayerFactors[]) => {
    const s = snap ? { factors: snap, means: snapMeans } : undefined;
    out[id] = tidy(() => protocol(input.factors, means, draws, s));
  };
  if (wanted.has('SG-B')) run('SG-B', batchDraws(n, B, T, repl, rng));
  if (wanted.has('SG-2B') && (repl || 2 * B <= n)) run('SG-2B', batchDraws(n, 2 * B, T, repl, rng));
  if (wanted.has('GC') && opts.clusters) run('GC', clusterDraws(opts.clusters, T, rng));
  if (wanted.has('SVRG') && opts.snapshot)
    run('SVRG', batchDraws(n, B, T, repl, rng), opts.snapshot);
  [...means, ...snapMeans].forEach((t) => t.dispose());
  return out;
}

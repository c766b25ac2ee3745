import * as tf from '@tensorflow/tfjs-core';
import { crossProduct } from '../linalg';
import type { LayerFactors } from '../model/network';
import type { Rng } from '../rng';
import { tidy } from '../tidy';
import { batchDraws, clusterDraws, type Draws } from './draws';
import type { MeasureInput } from './exact';
import { layerMean, populationOf, sumOverLayers } from './moments';
import {
  ESTIMATORS,
  type Clusters,
  type EstimatorId,
  type EstimatorSet,
  type EstimatorStats,
  type Sampling,
} from './types';

/** Upper bound on the floats of one chunk of estimates: [chunk, I', O] and [chunk, m, I' + O]. */
const MAX_CHUNK_FLOATS = 1 << 23;
/** The authors' code adds this to the denominator of the normalized variance. */
export const AUTHORS_EPSILON = 1e-7;

export interface SampledOptions extends Sampling {
  estimators?: readonly EstimatorId[];
  clusters?: Clusters;
  snapshot?: readonly LayerFactors[];
  /** T, the number of mini-batch estimates per measurement (50 in the paper). */
  estimates: number;
  rng: Rng;
}

/** The draws of one estimator: T for the authors' separate mean Ē, then T measured ones. */
export interface DrawPlan {
  id: EstimatorId;
  mean: Draws;
  main: Draws;
}

/**
 * Which estimators the sampled protocol measures and their draws: each estimator from its own
 * stream forked off the seeded rng (its T mean draws, then its T main draws). SG-m draws follow SGD's
 * design over N_train (batchDraws); SG-2B is omitted when 2B > N_train without replacement, GC
 * without clusters, SVRG without a snapshot. Plain numbers: no tensors.
 */
export function planDraws(
  n: number,
  opts: Omit<SampledOptions, 'snapshot'> & { snapshot?: unknown },
): DrawPlan[] {
  const T = opts.estimates;
  const wanted = new Set(opts.estimators ?? ['SG-B', 'SG-2B', 'GC', 'SVRG']);
  const { batch: B, replacement: repl } = opts;
  const population = populationOf(opts.population, n);
  // One stream per estimator, forked whether or not it is measured: an estimator's draws do
  // not depend on which others are measured.
  const [sgb, sg2b, gc, svrg] = ESTIMATORS.map(() => opts.rng.fork());
  const sg = (m: number, rng: Rng) => () => batchDraws(n, m, T, repl, rng, population);
  const plans: [EstimatorId, boolean, () => Draws][] = [
    ['SG-B', true, sg(B, sgb)],
    ['SG-2B', repl || 2 * B <= population, sg(2 * B, sg2b)],
    ['GC', opts.clusters !== undefined, () => clusterDraws(opts.clusters!, T, gc)],
    ['SVRG', opts.snapshot !== undefined, sg(B, svrg)],
  ];
  return plans
    .filter(([id, possible]) => possible && wanted.has(id))
    .map(([id, , draw]) => ({ id, mean: draw(), main: draw() }));
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

/** One layer's estimator (SVRG: with its snapshot correction) for a block of draws. */
type LayerEstimates = (draws: Draws, t0: number, tc: number) => tf.Tensor;

/**
 * Sums terms(ĝ) over every block of at most `chunk` draws, starting from `zeros`. Each block
 * runs in its own tidy, so only one block's estimates are alive at a time. Inside tidy.
 */
function sumOverBlocks(
  est: LayerEstimates,
  draws: Draws,
  chunk: number,
  zeros: tf.Tensor[],
  terms: (e: tf.Tensor) => tf.Tensor[],
): tf.Tensor[] {
  let acc = zeros;
  for (let t0 = 0; t0 < draws.count; t0 += chunk) {
    const prev = acc;
    acc = tf.tidy(() => {
      const e = est(draws, t0, Math.min(chunk, draws.count - t0));
      return terms(e).map((t, i) => tf.add(prev[i], t));
    });
    prev.forEach((t) => t.dispose());
  }
  return acc;
}

/** 0 where the denominator is 0, else num / den. Inside tidy. */
function safeRatio(num: tf.Tensor, den: tf.Tensor): tf.Tensor {
  const ok = tf.greater(den, 0);
  return tf.where(ok, tf.div(num, tf.where(ok, den, tf.onesLike(den))), tf.zerosLike(den));
}

/**
 * The paper's protocol for one estimator, per coordinate j, g the pool mean, over the T main
 * draws ĝ_t (SVRG: ĝ_t = (sum over the batch of (g_i - g~_i)) / B + g~):
 *   variance = (1/d) sum_j (1/T) sum_t (ĝ_tj - g_j)^2
 *   NV       = (1/d) sum_j [sum_t (ĝ_tj - g_j)^2] / [sum_t ĝ_tj^2]       (0 where the sum is 0)
 *   NV (authors' code) = (1/d) sum_j [sum_t (ĝ_tj - Ē_j)^2] / [sum_t ĝ_tj^2 + 1e-7],
 * with Ē = (1/T) sum_t over the T separate mean draws. Inside tidy.
 */
function protocol(
  layers: readonly LayerEstimates[],
  means: readonly tf.Tensor2D[],
  widths: readonly number[],
  plan: DrawPlan,
): EstimatorStats<tf.Scalar> {
  const T = plan.main.count;
  const dev: tf.Tensor[] = [];
  const nv: tf.Tensor[] = [];
  const nvAuthors: tf.Tensor[] = [];
  layers.forEach((est, l) => {
    const g = means[l];
    // Per estimate: its I' x O sum and its m gathered rows of I' + O factors.
    const chunk = Math.max(
      1,
      Math.floor(MAX_CHUNK_FLOATS / Math.max(g.size, widths[l] * plan.main.size)),
    );
    const [sumMean] = sumOverBlocks(est, plan.mean, chunk, [tf.zerosLike(g)], (e) => [
      tf.sum(e, 0),
    ]);
    const meanE = tf.div(sumMean, plan.mean.count);
    const zeros = [tf.zerosLike(g), tf.zerosLike(g), tf.zerosLike(g)];
    const [sumDev, sumDevE, sumPow] = sumOverBlocks(est, plan.main, chunk, zeros, (e) => [
      tf.sum(tf.square(tf.sub(e, g)), 0),
      tf.sum(tf.square(tf.sub(e, meanE)), 0),
      tf.sum(tf.square(e), 0),
    ]);
    dev.push(sumDev);
    nv.push(safeRatio(sumDev, sumPow));
    nvAuthors.push(tf.div(sumDevE, tf.add(sumPow, AUTHORS_EPSILON)));
  });
  const d = means.reduce((s, g) => s + g.size, 0);
  return {
    variance: tf.div(sumOverLayers(dev), d * T),
    normalizedVariance: tf.div(sumOverLayers(nv), d),
    normalizedVarianceAuthors: tf.div(sumOverLayers(nvAuthors), d) as tf.Scalar,
  };
}

/**
 * Sampled estimator statistics (the paper's protocol, DESIGN §2) for the draws of
 * `planDraws`. Scalars owned by the caller.
 */
export function sampledEstimators(
  input: MeasureInput,
  opts: SampledOptions,
): EstimatorSet<tf.Scalar> {
  const plans = planDraws(input.losses.shape[0], opts);
  const out: EstimatorSet<tf.Scalar> = {};
  const means = tidy(() => input.factors.map(layerMean));
  const snap = opts.snapshot;
  const snapMeans = snap ? tidy(() => snap.map(layerMean)) : [];
  // Gathered factor columns per example and layer (I' + O), for sizing the blocks.
  const widths = input.factors.map((f) => f.a.shape[1] + f.d.shape[1]);
  const plain = input.factors.map(
    (f): LayerEstimates =>
      (dr, t0, tc) =>
        estimates(f, dr, t0, tc),
  );
  const svrg = snap
    ? input.factors.map(
        (f, l): LayerEstimates =>
          (dr, t0, tc) =>
            tf.add(tf.sub(estimates(f, dr, t0, tc), estimates(snap[l], dr, t0, tc)), snapMeans[l]),
      )
    : [];
  for (const plan of plans) {
    const layers = plan.id === 'SVRG' ? svrg : plain;
    out[plan.id] = tidy(() => protocol(layers, means, widths, plan));
  }
  [...means, ...snapMeans].forEach((t) => t.dispose());
  return out;
}

import * as tf from '@tensorflow/tfjs-core';
import { addAll, crossProduct } from '../linalg';
import type { LayerFactors } from '../model/network';

/**
 * Per-layer closed forms over N examples (DESIGN §2.1), g_i = a_i^T d_i (I' x O):
 *   G = A^T D / N                      mean gradient
 *   S = (A∘A)^T (D∘D) / N              per-coordinate second moment
 *   v = S - G∘G                        population variance across examples (clamped at 0)
 * Call inside tf.tidy.
 */
export interface LayerMoments {
  mean: tf.Tensor2D;
  /** S, the per-coordinate second moment (reused by SVRG). */
  second: tf.Tensor2D;
  variance: tf.Tensor2D;
}

/** G = A^T D / N alone. Inside tidy. */
export function layerMean({ a, d }: LayerFactors): tf.Tensor2D {
  return tf.div(crossProduct(a, d), a.shape[0]) as tf.Tensor2D;
}

export function layerMoments({ a, d }: LayerFactors): LayerMoments {
  const n = a.shape[0];
  const mean = tf.div(crossProduct(a, d), n) as tf.Tensor2D;
  const second = tf.div(crossProduct(tf.square(a), tf.square(d)), n) as tf.Tensor2D;
  const variance = tf.relu(tf.sub(second, tf.square(mean))) as tf.Tensor2D;
  return { mean, second, variance };
}

/** sum over layers of sum over coordinates of f(layer tensors). Inside tidy. */
export function sumOverLayers(parts: tf.Tensor[]): tf.Scalar {
  return addAll(parts.map((p) => tf.sum(p))) as tf.Scalar;
}

/** ||g_i||^2 = sum_layers ||a_i||^2 ||d_i||^2 (g_i = a_i^T d_i per layer), shape N. Inside tidy. */
export function exampleGradNorm2(layers: readonly LayerFactors[]): tf.Tensor1D {
  return addAll(
    layers.map(({ a, d }) => tf.mul(tf.sum(tf.square(a), 1), tf.sum(tf.square(d), 1))),
  ) as tf.Tensor1D;
}

/** mean_i ||g_i||^2. Inside tidy. */
export function meanExampleGradNorm2(layers: readonly LayerFactors[]): tf.Scalar {
  return tf.mean(exampleGradNorm2(layers));
}

/** Number of scalars in a list of per-layer coordinate tensors. */
export function coordinateCount(parts: readonly tf.Tensor[]): number {
  return parts.reduce((s, p) => s + p.size, 0);
}

/**
 * Reduces per-coordinate estimator variances V (one tensor per layer) and the pool mean
 * gradient g to the reported pair:
 *   variance = (1/d) sum_j V_j
 *   NV       = (1/d) sum_j V_j / (V_j + g_j^2), 0 where V_j + g_j^2 = 0.
 * Inside tidy.
 */
export function reduceEstimator(
  V: readonly tf.Tensor[],
  g: readonly tf.Tensor[],
): { variance: tf.Scalar; normalizedVariance: tf.Scalar } {
  const d = coordinateCount(V);
  const ratios = V.map((v, l) => {
    const denom = tf.add(v, tf.square(g[l]));
    const safe = tf.where(tf.greater(denom, 0), denom, tf.onesLike(denom));
    return tf.where(tf.greater(denom, 0), tf.div(v, safe), tf.zerosLike(denom));
  });
  return {
    variance: tf.div(sumOverLayers([...V]), d),
    normalizedVariance: tf.div(sumOverLayers(ratios), d),
  };
}

/**
 * Variance factor of the mean of m draws from a population of N, relative to one draw:
 * 1/m with replacement, (1/m)(N-m)/(N-1) without (finite-population correction). For SGD's
 * estimators N is N_train, the training-set size, whatever the size of the measurement pool.
 * Throws when m draws without replacement are impossible (m > N).
 */
export function meanOfDrawsFactor(m: number, n: number, replacement: boolean): number {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`batch must be an integer ≥ 1, got ${m}`);
  if (replacement) return 1 / m;
  if (m > n) throw new RangeError(`cannot draw ${m} of ${n} examples without replacement`);
  return n === 1 ? 0 : (n - m) / (m * (n - 1));
}

/** The factor, or null when the estimator cannot be formed (m > N without replacement). */
export function factorOrNull(m: number, n: number, replacement: boolean): number | null {
  return !replacement && m > n ? null : meanOfDrawsFactor(m, n, replacement);
}

/**
 * N_train of a measurement: `population` when given (it must be ≥ the pool's N, since the pool
 * is drawn from the training set), else the pool's N.
 */
export function populationOf(population: number | undefined, poolSize: number): number {
  if (population === undefined) return poolSize;
  if (!Number.isInteger(population) || population < poolSize) {
    throw new RangeError(
      `population (N_train = ${population}) must be a whole number ≥ the pool's ${poolSize} examples`,
    );
  }
  return population;
}

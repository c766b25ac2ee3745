import * as tf from '@tensorflow/tfjs-core';
import type { LayerFactors } from '../model/network';
import type { Rng } from '../rng';
import { tidy } from '../tidy';

/**
 * Gradient Clustering (paper §3, DESIGN §2.2): weighted k-means of the per-example gradients,
 *   minimise  sum_k N_k sum_(i in k) ||g_i - C_k||^2,
 * with a rank-1 centre per layer, C_k = c_k d_k^T (c_k = mean of a_i, d_k = mean of d_i over
 * cluster k, eq. 6), so that no N x d matrix is ever formed:
 *   ||g_i - C_k||^2 = sum_layers ||a_i||^2 ||d_i||^2 - 2 (a_i·c_k)(d_i·d_k) + ||c_k||^2 ||d_k||^2.
 * A step: a_i = argmin_k N_k ||g_i - C_k||^2, with N_k the sizes of the previous U step
 * (all 1 before the first). U step: recompute c_k, d_k, N_k. Empty clusters are refilled
 * with the farthest point of the cluster of largest distortion.
 */
export interface ClusteringResult {
  assignment: Int32Array;
  sizes: Int32Array;
  /** sum_k N_k sum_(i in k) ||g_i - C_k||^2 with the final rank-1 centres. */
  objective: number;
  K: number;
}

interface Centres {
  c: tf.Tensor2D[];
  d: tf.Tensor2D[];
  weight: tf.Tensor1D;
}

/** N x K squared distances ||g_i - C_k||^2 summed over layers. Inside tidy. */
function distances(layers: readonly LayerFactors[], centres: Centres): tf.Tensor2D {
  const parts = layers.map(({ a, d }, l) => {
    const self = tf.mul(tf.sum(tf.square(a), 1, true), tf.sum(tf.square(d), 1, true)); // N x 1
    const cross = tf.mul(
      tf.matMul(a, centres.c[l], false, true),
      tf.matMul(d, centres.d[l], false, true),
    );
    const centre = tf.mul(tf.sum(tf.square(centres.c[l]), 1), tf.sum(tf.square(centres.d[l]), 1)); // K
    return tf.add(tf.sub(self, tf.mul(2, cross)), centre);
  });
  return tf.relu(tf.addN(parts)) as tf.Tensor2D;
}

/** U step: rank-1 centres and sizes from an assignment. Inside tidy. */
function update(layers: readonly LayerFactors[], assignment: Int32Array, K: number): Centres {
  const onehot = tf.cast(tf.oneHot(tf.tensor1d(assignment, 'int32'), K), 'float32') as tf.Tensor2D; // N x K
  const sizes = tf.sum(onehot, 0) as tf.Tensor1D;
  const inv = tf.reshape(tf.div(1, tf.maximum(sizes, 1)), [K, 1]);
  return {
    c: layers.map(({ a }) => tf.mul(tf.matMul(onehot, a, true, false), inv) as tf.Tensor2D),
    d: layers.map(({ d }) => tf.mul(tf.matMul(onehot, d, true, false), inv) as tf.Tensor2D),
    weight: sizes,
  };
}

/** Centres at K distinct random examples, all weights 1 (the seeded start). Inside tidy. */
function randomCentres(layers: readonly LayerFactors[], K: number, rng: Rng): Centres {
  const n = layers[0].a.shape[0];
  const idx = tf.tensor1d(rng.permutation(n).slice(0, K), 'int32');
  return {
    c: layers.map(({ a }) => tf.gather(a, idx) as tf.Tensor2D),
    d: layers.map(({ d }) => tf.gather(d, idx) as tf.Tensor2D),
    weight: tf.ones([K]) as tf.Tensor1D,
  };
}

/** A step on the device; reads back [argmin, min distance] per example in one readback. */
async function assign(
  layers: readonly LayerFactors[],
  centres: Centres,
): Promise<{ assignment: Int32Array; dist: Float32Array }> {
  const packed = tidy(() => {
    const dist = distances(layers, centres);
    const weighted = tf.mul(dist, centres.weight);
    const best = tf.argMin(weighted, 1);
    const own = tf.sum(tf.mul(dist, tf.oneHot(best, dist.shape[1])), 1);
    return tf.concat([tf.cast(best, 'float32'), own]);
  });
  const v = (await packed.data()) as Float32Array;
  packed.dispose();
  const n = v.length / 2;
  return { assignment: Int32Array.from(v.subarray(0, n)), dist: v.slice(n) };
}

function disposeCentres(c: Centres): void {
  [...c.c, ...c.d, c.weight].forEach((t) => t.dispose());
}

/** Cluster sizes of an assignment. */
export function sizesOf(assignment: Int32Array, K: number): Int32Array {
  const sizes = new Int32Array(K);
  for (const k of assignment) sizes[k]++;
  return sizes;
}

/**
 * Keeps every cluster non-empty: each empty cluster takes the point farthest from its centre
 * in the cluster with the largest distortion sum_(i in k) ||g_i - C_k||^2 (of size > 1).
 */
export function refillEmpty(assignment: Int32Array, dist: Float32Array, K: number): void {
  const sizes = sizesOf(assignment, K);
  for (let empty = 0; empty < K; empty++) {
    if (sizes[empty] > 0) continue;
    const distortion = new Float64Array(K);
    assignment.forEach((k, i) => (distortion[k] += dist[i]));
    let worst = -1;
    for (let k = 0; k < K; k++)
      if (sizes[k] > 1 && (worst < 0 || distortion[k] > distortion[worst])) worst = k;
    let far = -1;
    assignment.forEach((k, i) => {
      if (k === worst && (far < 0 || dist[i] > dist[far])) far = i;
    });
    assignment[far] = empty;
    dist[far] = 0;
    sizes[worst]--;
    sizes[empty] = 1;
  }
}

/** Runs GC for `iterations` U/A rounds. K is clamped to N. Leaves numTensors unchanged. */
export async function gradientClustering(
  layers: readonly LayerFactors[],
  K: number,
  opts: { iterations: number; rng: Rng; init?: Int32Array },
): Promise<ClusteringResult> {
  const n = layers[0].a.shape[0];
  const k = Math.max(1, Math.min(Math.floor(K), n));
  let assignment: Int32Array;
  if (opts.init && opts.init.length === n && opts.init.every((c) => c >= 0 && c < k)) {
    assignment = opts.init.slice();
    refillEmpty(assignment, new Float32Array(n).fill(1), k);
  } else {
    const start = tidy(() => randomCentres(layers, k, opts.rng));
    const first = await assign(layers, start);
    disposeCentres(start);
    refillEmpty(first.assignment, first.dist, k);
    assignment = first.assignment;
  }
  for (let t = 0; t < opts.iterations; t++) {
    const centres = tidy(() => update(layers, assignment, k));
    const next = await assign(layers, centres);
    disposeCentres(centres);
    refillEmpty(next.assignment, next.dist, k);
    assignment = next.assignment;
  }
  const sizes = sizesOf(assignment, k);
  const objective = await objectiveOf(layers, assignment, k, sizes);
  return { assignment, sizes, objective, K: k };
}

/** sum_i N_(a_i) ||g_i - C_(a_i)||^2 with the centres of this assignment. */
async function objectiveOf(
  layers: readonly LayerFactors[],
  assignment: Int32Array,
  K: number,
  sizes: Int32Array,
): Promise<number> {
  const t = tidy(() => {
    const centres = update(layers, assignment, K);
    const own = tf.sum(
      tf.mul(distances(layers, centres), tf.oneHot(tf.tensor1d(assignment, 'int32'), K)),
      1,
    );
    return tf.sum(tf.mul(own, tf.tensor1d(Float32Array.from(assignment, (a) => sizes[a]))));
  });
  const v = (await t.data())[0];
  t.dispose();
  return v;
}

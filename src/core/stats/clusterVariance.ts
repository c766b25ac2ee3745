import * as tf from '@tensorflow/tfjs-core';
import { crossProduct } from '../linalg';
import type { LayerFactors } from '../model/network';
import { clusterMembers } from './clusterMembers';
import type { Clusters } from './types';

/** Upper bound on the floats of one batched per-cluster product [chunk, I', O]. */
const MAX_CHUNK_FLOATS = 1 << 23;

/**
 * One batch of clusters of similar size: `index` lists each cluster's example indices,
 * padded to `width` with N (an appended zero row), so their sums are one batched matmul.
 */
export interface ClusterBucket {
  index: Int32Array;
  count: number;
  width: number;
}

/**
 * Buckets of clusters, largest first; a new bucket starts when a cluster is at most half the
 * bucket's width, so padding at most doubles the work even when cluster sizes are very
 * unequal (e.g. one cluster holding the duplicates). Plain numbers.
 */
export function clusterBuckets(clusters: Clusters): {
  sizes: Int32Array;
  buckets: ClusterBucket[];
} {
  const { assignment, K } = clusters;
  const members = clusterMembers(clusters);
  const sizes = Int32Array.from(members, (m) => m.length);
  const order = Array.from({ length: K }, (_, k) => k)
    .filter((k) => sizes[k] > 0)
    .sort((a, b) => sizes[b] - sizes[a]);
  const groups: number[][] = [];
  for (const k of order) {
    const g = groups.at(-1);
    if (g && sizes[k] * 2 > sizes[g[0]]) g.push(k);
    else groups.push([k]);
  }
  const buckets = groups.map((g) => {
    const width = sizes[g[0]];
    const index = new Int32Array(g.length * width).fill(assignment.length);
    g.forEach((k, r) => index.set(members[k], r * width));
    return { index, count: g.length, width };
  });
  return { sizes, buckets };
}

/**
 * GC estimator variance per coordinate of one layer (DESIGN §2.1), one draw per cluster:
 *   V = N^-2 sum_k N_k^2 v_k
 *     = N^-2 [ (A∘A)^T diag(N_a(i)) (D∘D) - sum_k (A_k^T D_k)∘(A_k^T D_k) ]
 * The second term is a batched matmul per bucket of similar-size clusters, chunked so that
 * no chunk's gathered rows or products exceed MAX_CHUNK_FLOATS (one cluster may, alone).
 * Result clamped at 0. Inside tidy.
 */
export function clusterVariance(
  { a, d }: LayerFactors,
  table: { sizes: Int32Array; buckets: readonly ClusterBucket[] },
  assignment: Int32Array,
): tf.Tensor2D {
  const n = a.shape[0];
  const [inDim, outDim] = [a.shape[1], d.shape[1]];
  const weightOf = Float32Array.from(assignment, (k) => table.sizes[k]);
  const first = crossProduct(tf.mul(tf.square(a), tf.tensor2d(weightOf, [n, 1])), tf.square(d));
  const aPad = tf.concat([a, tf.zeros([1, inDim])], 0);
  const dPad = tf.concat([d, tf.zeros([1, outDim])], 0);
  let second: tf.Tensor = tf.zeros([inDim, outDim]);
  for (const { index, count, width } of table.buckets) {
    // Per cluster: its product I' x O and its gathered rows width x (I' + O).
    const perCluster = Math.max(inDim * outDim, width * (inDim + outDim));
    const chunk = Math.max(1, Math.floor(MAX_CHUNK_FLOATS / perCluster));
    for (let k0 = 0; k0 < count; k0 += chunk) {
      const kc = Math.min(chunk, count - k0);
      // Each chunk in its own tidy: inside the caller's tidy, the chunks' gathers and
      // products would otherwise all stay alive until it ends (K x I' x O floats in all).
      const prev = second;
      second = tf.tidy(() => {
        const idx = tf.tensor1d(index.subarray(k0 * width, (k0 + kc) * width), 'int32');
        const ak = tf.reshape(tf.gather(aPad, idx), [kc, width, inDim]);
        const dk = tf.reshape(tf.gather(dPad, idx), [kc, width, outDim]);
        const sums = crossProduct(ak, dk); // [kc, I', O] = A_k^T D_k
        // The sum over clusters as a ones-row matmul: tf.sum over the leading axis transposes
        // first, and on WebGPU a GC measurement took 28 s with it, 11 s without (SwiftShader).
        const squares = tf.reshape(tf.square(sums), [kc, inDim * outDim]);
        return tf.add(prev, tf.reshape(tf.matMul(tf.ones([1, kc]), squares), [inDim, outDim]));
      });
      prev.dispose();
    }
  }
  return tf.relu(tf.div(tf.sub(first, second), n * n)) as tf.Tensor2D;
}

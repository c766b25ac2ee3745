import * as tf from '@tensorflow/tfjs-core';
import { crossProduct } from '../linalg';
import type { LayerFactors } from '../model/network';
import type { Clusters } from './types';

/** Upper bound on the floats of one batched per-cluster product [chunk, I', O]. */
const MAX_CHUNK_FLOATS = 1 << 23;

/**
 * Padded membership table: row k lists cluster k's example indices, padded with N (an
 * appended zero row), so per-cluster sums become one batched matmul. Plain numbers.
 */
export function clusterTable(clusters: Clusters): {
  index: Int32Array;
  width: number;
  sizes: Int32Array;
} {
  const { assignment, K } = clusters;
  const sizes = new Int32Array(K);
  for (const k of assignment) sizes[k]++;
  const width = Math.max(1, ...sizes);
  const index = new Int32Array(K * width).fill(assignment.length);
  const fill = new Int32Array(K);
  assignment.forEach((k, i) => {
    index[k * width + fill[k]++] = i;
  });
  return { index, width, sizes };
}

/**
 * GC estimator variance per coordinate of one layer (DESIGN §2.1), one draw per cluster:
 *   V = N^-2 sum_k N_k^2 v_k
 *     = N^-2 [ (A∘A)^T diag(N_a(i)) (D∘D) - sum_k (A_k^T D_k)∘(A_k^T D_k) ]
 * The second term is a batched matmul over the padded table, chunked over clusters so that
 * no intermediate exceeds MAX_CHUNK_FLOATS. Result clamped at 0. Inside tidy.
 */
export function clusterVariance(
  { a, d }: LayerFactors,
  table: { index: Int32Array; width: number; sizes: Int32Array },
  assignment: Int32Array,
): tf.Tensor2D {
  const n = a.shape[0];
  const [inDim, outDim] = [a.shape[1], d.shape[1]];
  const weightOf = Float32Array.from(assignment, (k) => table.sizes[k]);
  const first = crossProduct(tf.mul(tf.square(a), tf.tensor2d(weightOf, [n, 1])), tf.square(d));
  const aPad = tf.concat([a, tf.zeros([1, inDim])], 0);
  const dPad = tf.concat([d, tf.zeros([1, outDim])], 0);
  const K = table.sizes.length;
  const chunk = Math.max(1, Math.floor(MAX_CHUNK_FLOATS / (inDim * outDim)));
  let second: tf.Tensor = tf.zeros([inDim, outDim]);
  for (let k0 = 0; k0 < K; k0 += chunk) {
    const kc = Math.min(chunk, K - k0);
    const idx = tf.tensor1d(
      table.index.subarray(k0 * table.width, (k0 + kc) * table.width),
      'int32',
    );
    const ak = tf.reshape(tf.gather(aPad, idx), [kc, table.width, inDim]);
    const dk = tf.reshape(tf.gather(dPad, idx), [kc, table.width, outDim]);
    const sums = crossProduct(ak, dk); // [kc, I', O] = A_k^T D_k
    second = tf.add(second, tf.sum(tf.square(sums), 0));
  }
  return tf.relu(tf.div(tf.sub(first, second), n * n)) as tf.Tensor2D;
}

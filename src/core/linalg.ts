import * as tf from '@tensorflow/tfjs-core';

/**
 * X^T Y for X (N x I) and Y (N x O), or batched ([b, N, I] and [b, N, O] -> [b, I, O]).
 * Transposes explicitly: on the tfjs WASM backend matMul(X, Y, true, false) measured about
 * 10x slower than transpose + matMul (bench/core.ts); elsewhere the two cost the same.
 */
export function crossProduct(x: tf.Tensor, y: tf.Tensor): tf.Tensor {
  const perm = x.rank === 3 ? [0, 2, 1] : [1, 0];
  return tf.matMul(tf.transpose(x, perm) as tf.Tensor2D, y as tf.Tensor2D);
}

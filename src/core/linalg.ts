import * as tf from '@tensorflow/tfjs-core';

/**
 * X^T Y for X (N x I) and Y (N x O), or batched ([b, N, I] and [b, N, O] -> [b, I, O]).
 * matMul's transposeA everywhere but on WASM, where it measured about 10x slower than an
 * explicit transpose + matMul (bench/core.ts); on WebGPU the explicit transpose made a
 * training step 40% slower (bench: 3.6 vs 5.1 steps/s on SwiftShader).
 */
export function crossProduct(x: tf.Tensor, y: tf.Tensor): tf.Tensor {
  if (tf.getBackend() !== 'wasm') return tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D, true, false);
  const perm = x.rank === 3 ? [0, 2, 1] : [1, 0];
  return tf.matMul(tf.transpose(x, perm) as tf.Tensor2D, y as tf.Tensor2D);
}

/** Inputs per tf.addN: WebGPU binds each as a storage buffer, the output takes one more. */
const ADDN_MAX = 7;

/**
 * The sum of same-shape tensors, as tf.addN in groups of at most 7: on WebGPU an addN of 8
 * or more silently returned a wrong sum (SwiftShader, whose shaders get the default 8
 * storage buffers). Inside tidy.
 */
export function addAll<T extends tf.Tensor>(ts: readonly T[]): T {
  if (ts.length <= ADDN_MAX) return tf.addN(ts as T[]);
  const groups: T[] = [];
  for (let i = 0; i < ts.length; i += ADDN_MAX) groups.push(addAll(ts.slice(i, i + ADDN_MAX)));
  return addAll(groups);
}

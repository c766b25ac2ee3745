import * as tf from '@tensorflow/tfjs-core';
import type { LayerGradient } from '../model/backprop';
import { addAll } from '../linalg';

/**
 * Clipping by global norm: ĝ ← ĝ · min(1, c / ‖ĝ‖), with ‖ĝ‖² summed over every trainable
 * parameter (weights and biases of all layers together), so the direction is kept and only
 * the length is capped at c. ‖ĝ‖ = 0 leaves ĝ as it is (c / 0 = ∞). Also returns 1 when the
 * gradient was scaled down (‖ĝ‖ > c), else 0, as a scalar on the device. Inside tidy.
 */
export function clipByGlobalNorm(
  grads: readonly LayerGradient[],
  c: number,
): { grads: LayerGradient[]; clipped: tf.Scalar } {
  const squares = grads.flatMap((g) => [
    tf.sum(tf.square(g.weight)),
    ...(g.bias ? [tf.sum(tf.square(g.bias))] : []),
  ]);
  const norm = tf.sqrt(addAll(squares)) as tf.Scalar;
  const scale = tf.minimum(1, tf.div(c, norm));
  return {
    grads: grads.map((g) => ({
      weight: tf.mul(g.weight, scale) as tf.Tensor2D,
      bias: g.bias ? (tf.mul(g.bias, scale) as tf.Tensor1D) : null,
    })),
    clipped: tf.cast(tf.greater(norm, c), 'float32') as tf.Scalar,
  };
}

import * as tf from '@tensorflow/tfjs-core';
import { crossProduct } from '../linalg';
import type { LayerFactors } from '../model/network';

/**
 * SVRG: population variance across examples of the per-example difference
 * g_i(θ) - g_i(θ~), per coordinate of one layer (DESIGN §2.1), with a~, d~ at θ~:
 *   E[(g - g~)^2] = [(A∘A)^T(D∘D) - 2 (A∘A~)^T (D∘D~) + (A~∘A~)^T (D~∘D~)] / N
 *   v_diff = E[(g - g~)^2] - (G - G~)∘(G - G~), clamped at 0.
 * The estimator's variance is v_diff times the mean-of-draws factor. Inside tidy.
 */
export function differenceVariance(now: LayerFactors, snap: LayerFactors): tf.Tensor2D {
  const n = now.a.shape[0];
  const cross = (a1: tf.Tensor2D, d1: tf.Tensor2D, a2: tf.Tensor2D, d2: tf.Tensor2D) =>
    crossProduct(tf.mul(a1, a2), tf.mul(d1, d2));
  const second = tf.div(
    tf.add(
      tf.sub(cross(now.a, now.d, now.a, now.d), tf.mul(2, cross(now.a, now.d, snap.a, snap.d))),
      cross(snap.a, snap.d, snap.a, snap.d),
    ),
    n,
  );
  const meanDiff = tf.div(tf.sub(crossProduct(now.a, now.d), crossProduct(snap.a, snap.d)), n);
  return tf.relu(tf.sub(second, tf.square(meanDiff))) as tf.Tensor2D;
}

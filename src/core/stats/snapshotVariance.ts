import * as tf from '@tensorflow/tfjs-core';
import { crossProduct } from '../linalg';
import type { LayerFactors } from '../model/network';
import type { LayerMoments } from './moments';

/** The two moments of one layer SVRG needs, at θ or at the snapshot θ~. */
export type MeanAndSecond = Pick<LayerMoments, 'mean' | 'second'>;

/**
 * SVRG: population variance across examples of the per-example difference
 * g_i(θ) - g_i(θ~), per coordinate of one layer (DESIGN §2.1), with a~, d~ at θ~:
 *   E[(g - g~)^2] = S - 2 (A∘A~)^T (D∘D~) / N + S~
 *   v_diff = E[(g - g~)^2] - (G - G~)∘(G - G~), clamped at 0,
 * where S, G (and S~, G~) are the layer's second moment and mean at θ (at θ~). Given both
 * moments, only the cross term is a new matmul; the snapshot's moments can be computed once
 * per snapshot. The estimator's variance is v_diff times the mean-of-draws factor. Inside tidy.
 */
export function differenceVariance(
  now: LayerFactors,
  snap: LayerFactors,
  nowMoments: MeanAndSecond,
  snapMoments: MeanAndSecond,
): tf.Tensor2D {
  const n = now.a.shape[0];
  const cross = tf.div(crossProduct(tf.mul(now.a, snap.a), tf.mul(now.d, snap.d)), n / 2);
  const second = tf.add(tf.sub(nowMoments.second, cross), snapMoments.second);
  const meanDiff = tf.sub(nowMoments.mean, snapMoments.mean);
  return tf.relu(tf.sub(second, tf.square(meanDiff))) as tf.Tensor2D;
}

/** G~ and S~ of each layer at the snapshot (keep them while the snapshot lives). Inside tidy. */
export function snapshotMoments(snap: readonly LayerFactors[]): MeanAndSecond[] {
  return snap.map(({ a, d }) => {
    const n = a.shape[0];
    return {
      mean: tf.div(crossProduct(a, d), n) as tf.Tensor2D,
      second: tf.div(crossProduct(tf.square(a), tf.square(d)), n) as tf.Tensor2D,
    };
  });
}

import * as tf from '@tensorflow/tfjs-core';
import type { LossKind } from './network';

/**
 * Per-example losses and their gradients w.r.t. the network output f (N x C), the loss
 * NOT divided by the batch size:
 * - softmax-cross-entropy (y: int class index): l_i = logsumexp(f_i) - f_iy,
 *   dl_i/df_i = softmax(f_i) - onehot(y_i)
 * - logistic (C = 1, y in {-1, +1}): l_i = log(1 + exp(-y_i f_i)) = softplus(-y_i f_i),
 *   dl_i/df_i = -y_i σ(-y_i f_i)
 * Call inside tf.tidy.
 */
export function lossAndOutputGradient(
  kind: LossKind,
  f: tf.Tensor2D,
  y: tf.Tensor1D,
): { losses: tf.Tensor1D; d: tf.Tensor2D } {
  if (kind === 'softmax-cross-entropy') {
    const logp = tf.logSoftmax(f);
    const onehot = tf.oneHot(tf.cast(y, 'int32'), f.shape[1]);
    const losses = tf.neg(tf.sum(tf.mul(logp, onehot), 1)) as tf.Tensor1D;
    const d = tf.sub(tf.exp(logp), onehot) as tf.Tensor2D;
    return { losses, d };
  }
  const yf = tf.reshape(tf.cast(y, 'float32'), [-1, 1]);
  const margin = tf.mul(yf, f); // y_i f_i, N x 1
  const losses = tf.reshape(tf.softplus(tf.neg(margin)), [-1]) as tf.Tensor1D;
  const d = tf.mul(tf.neg(yf), tf.sigmoid(tf.neg(margin))) as tf.Tensor2D;
  return { losses, d };
}

/** Fraction of examples classified correctly (argmax, or sign for logistic). Inside tidy. */
export function accuracy(kind: LossKind, f: tf.Tensor2D, y: tf.Tensor1D): tf.Scalar {
  if (kind === 'softmax-cross-entropy') {
    return tf.mean(tf.cast(tf.equal(tf.argMax(f, 1), tf.cast(y, 'int32')), 'float32'));
  }
  const correct = tf.greater(tf.mul(tf.reshape(f, [-1]), tf.cast(y, 'float32')), 0);
  return tf.mean(tf.cast(correct, 'float32'));
}

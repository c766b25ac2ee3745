import * as tf from '@tensorflow/tfjs-core';

/** Pointwise non-linearity after a dense layer. */
export type Activation = 'relu' | 'linear';

/**
 * Per-example loss on the network output f (N x C):
 * - softmax-cross-entropy, y in {0..C-1}: l = logsumexp(f) - f_y
 * - logistic, one output (C = 1), y in {-1, +1}: l = log(1 + exp(-y f))
 */
export type LossKind = 'softmax-cross-entropy' | 'logistic';

/** One dense layer: h_out = act(h_in @ weight + bias); weight is [in][out]. */
export interface DenseLayer {
  weight: tf.Variable<tf.Rank.R2>;
  bias: tf.Variable<tf.Rank.R1> | null;
  activation: Activation;
  /** Non-trainable layers (random features) contribute no gradient coordinates. */
  trainable: boolean;
}

/** Plain-number description of a network (the CLI's JSON model format). */
export interface NetworkSpec {
  layers: {
    weight: number[][];
    bias: number[] | null;
    activation: Activation;
    trainable: boolean;
  }[];
  loss: LossKind;
}

/**
 * The per-example gradient factors of one trainable dense layer, for N examples:
 * g_i = a_i^T d_i (an outer product, flattened row-major [in'][out]).
 * - a: N x I'  the layer's input activations, with a trailing column of ones when it has a bias
 * - d: N x O   d l_i / d z_i, the gradient of example i's (unscaled) loss w.r.t. the pre-activation
 */
export interface LayerFactors {
  a: tf.Tensor2D;
  d: tf.Tensor2D;
}

/** Number of trainable scalars d = sum over trainable layers of I' * O. */
export function trainableSize(layers: readonly DenseLayer[]): number {
  let d = 0;
  for (const l of layers) {
    if (!l.trainable) continue;
    const [i, o] = l.weight.shape;
    d += (i + (l.bias ? 1 : 0)) * o;
  }
  return d;
}

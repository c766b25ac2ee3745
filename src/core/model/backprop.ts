import * as tf from '@tensorflow/tfjs-core';
import type { Network } from './build';
import type { LayerFactors } from './network';
import { lossAndOutputGradient } from './loss';
import { tidy } from '../tidy';

/** Everything one forward+backward pass over N examples yields. Owned by the caller. */
export interface PerExample {
  /** One entry per trainable layer, in layer order: g_i = a_i^T d_i. */
  factors: LayerFactors[];
  /** Per-example losses l_i, N. */
  losses: tf.Tensor1D;
  /** Network output f, N x C. */
  output: tf.Tensor2D;
}

/** Appends the bias column of ones: [h, 1], N x (I+1). */
function withOnes(h: tf.Tensor2D): tf.Tensor2D {
  return tf.concat([h, tf.ones([h.shape[0], 1])], 1);
}

/**
 * Forward pass, then a hand-written backward pass for all N examples at once
 * (no per-example loop, no autodiff):
 *   z_l = h_(l-1) W_l + b_l,  h_l = act(z_l)
 *   D_L = dl/df (see loss.ts),  D_l = (D_(l+1) W_(l+1)^T) ∘ act'(z_l)
 * The backward pass stops at the first trainable layer (random features need none).
 */
export function perExample(net: Network, x: tf.Tensor2D, y: tf.Tensor1D): PerExample {
  return tidy(() => {
    const inputs: tf.Tensor2D[] = [];
    const pre: tf.Tensor2D[] = [];
    let h: tf.Tensor2D = x;
    for (const l of net.layers) {
      inputs.push(h);
      let z: tf.Tensor2D = tf.matMul(h, l.weight);
      if (l.bias) z = tf.add(z, l.bias);
      pre.push(z);
      h = l.activation === 'relu' ? tf.relu(z) : z;
    }
    const { losses, d: dOut } = lossAndOutputGradient(net.loss, h, y);
    const firstTrainable = net.layers.findIndex((l) => l.trainable);
    const factors: LayerFactors[] = [];
    let d = dOut;
    for (let l = net.layers.length - 1; l >= Math.max(firstTrainable, 0); l--) {
      const layer = net.layers[l];
      if (l < net.layers.length - 1) {
        const next = net.layers[l + 1];
        d = tf.matMul(d, next.weight, false, true);
        if (layer.activation === 'relu') d = tf.mul(d, tf.step(pre[l]));
      }
      if (layer.trainable) {
        factors.unshift({ a: layer.bias ? withOnes(inputs[l]) : inputs[l], d });
      }
    }
    return { factors, losses, output: h };
  });
}

/** Plain forward pass h_L = f(x) with explicit parameters (no intermediates kept). Inside tidy. */
export function forward(
  layers: readonly { weight: tf.Tensor2D; bias: tf.Tensor1D | null; activation: string }[],
  x: tf.Tensor2D,
): tf.Tensor2D {
  let h = x;
  for (const l of layers) {
    h = tf.matMul(h, l.weight);
    if (l.bias) h = tf.add(h, l.bias);
    if (l.activation === 'relu') h = tf.relu(h);
  }
  return h;
}

/** Disposes everything a PerExample holds. */
export function disposePerExample(p: PerExample): void {
  for (const f of p.factors) {
    f.a.dispose();
    f.d.dispose();
  }
  p.losses.dispose();
  p.output.dispose();
}

import * as tf from '@tensorflow/tfjs-core';
import type { Network } from './build';
import type { LayerFactors } from './network';
import { lossAndOutputGradient } from './loss';
import { crossProduct } from '../linalg';
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

/** A forward pass that keeps what the backward pass needs. */
interface Tape {
  /** Each layer's input h_(l-1) and output h_l = act(z_l); relu'(z) = step(z) = step(h). */
  inputs: tf.Tensor2D[];
  outputs: tf.Tensor2D[];
}

/**
 * h_l = act(h_(l-1) W_l + b_l), one fused kernel per layer, then the per-example losses l_i
 * and D_L = dl/df (see loss.ts). Inside tidy.
 */
function forwardTape(
  net: Network,
  x: tf.Tensor2D,
  y: tf.Tensor1D,
): Tape & { losses: tf.Tensor1D; dOut: tf.Tensor2D } {
  const inputs: tf.Tensor2D[] = [];
  const outputs: tf.Tensor2D[] = [];
  let h: tf.Tensor2D = x;
  for (const l of net.layers) {
    inputs.push(h);
    h = dense(h, l);
    outputs.push(h);
  }
  const { losses, d: dOut } = lossAndOutputGradient(net.loss, h, y);
  return { inputs, outputs, losses, dOut };
}

/** act(h W + b) as tfjs's fused matMul (bias and relu in the same kernel). */
function dense(
  h: tf.Tensor2D,
  l: { weight: tf.Tensor2D; bias: tf.Tensor1D | null; activation: string },
): tf.Tensor2D {
  return tf.fused.matMul({
    a: h,
    b: l.weight,
    bias: l.bias ?? undefined,
    activation: l.activation === 'relu' ? 'relu' : 'linear',
  }) as tf.Tensor2D;
}

/**
 * D_l = (D_(l+1) W_(l+1)^T) ∘ act'(z_l), from D_L = dOut, calling visit(l, D_l) for each
 * trainable layer, last first. Stops at the first trainable layer (random features need
 * none). Inside tidy.
 */
function backward(
  net: Network,
  outputs: readonly tf.Tensor2D[],
  dOut: tf.Tensor2D,
  visit: (l: number, d: tf.Tensor2D) => void,
): void {
  const firstTrainable = net.layers.findIndex((l) => l.trainable);
  let d = dOut;
  for (let l = net.layers.length - 1; l >= Math.max(firstTrainable, 0); l--) {
    const layer = net.layers[l];
    if (l < net.layers.length - 1) {
      d = tf.matMul(d, net.layers[l + 1].weight, false, true);
      if (layer.activation === 'relu') d = tf.mul(d, tf.step(outputs[l]));
    }
    if (layer.trainable) visit(l, d);
  }
}

/**
 * Forward pass, then a hand-written backward pass for all N examples at once
 * (no per-example loop, no autodiff).
 */
export function perExample(net: Network, x: tf.Tensor2D, y: tf.Tensor1D): PerExample {
  return tidy(() => {
    const { inputs, outputs, losses, dOut } = forwardTape(net, x, y);
    const factors: LayerFactors[] = [];
    backward(net, outputs, dOut, (l, d) => {
      factors.unshift({ a: net.layers[l].bias ? withOnes(inputs[l]) : inputs[l], d });
    });
    return { factors, losses, output: outputs[outputs.length - 1] };
  });
}

/** The mean gradient of one trainable layer. */
export interface LayerGradient {
  weight: tf.Tensor2D;
  bias: tf.Tensor1D | null;
}

/**
 * The mini-batch's mean loss and mean gradient, for training. Backpropagates D_L / N, so
 * each layer's gradient is already the mean: dW = H^T D, db = sum_i D_i (no ones column,
 * no slicing of a stacked [W; b] gradient). One entry per trainable layer, in layer order.
 */
export function meanGradient(
  net: Network,
  x: tf.Tensor2D,
  y: tf.Tensor1D,
): { loss: tf.Scalar; grads: LayerGradient[] } {
  return tidy(() => {
    const { inputs, outputs, losses, dOut } = forwardTape(net, x, y);
    const grads: LayerGradient[] = [];
    backward(net, outputs, tf.div(dOut, x.shape[0]), (l, d) => {
      const weight = crossProduct(inputs[l], d) as tf.Tensor2D;
      grads.unshift({ weight, bias: net.layers[l].bias ? (tf.sum(d, 0) as tf.Tensor1D) : null });
    });
    return { loss: tf.mean(losses) as tf.Scalar, grads };
  });
}

/** Plain forward pass h_L = f(x) with explicit parameters (no intermediates kept). Inside tidy. */
export function forward(
  layers: readonly { weight: tf.Tensor2D; bias: tf.Tensor1D | null; activation: string }[],
  x: tf.Tensor2D,
): tf.Tensor2D {
  return layers.reduce(dense, x);
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

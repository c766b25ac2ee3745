import type * as tf from '@tensorflow/tfjs-core';
import type { LayerGradient } from '../model/backprop';
import type { Network } from '../model/build';
import type { Config } from '../config/schema';

/** The optimisers a run can use (`opt=`, OPTIMISERS in the schema). */
export type OptimiserKind = Config['opt'];

/** Hyper-parameters every optimiser reads; Adam ignores `momentum` (its β1 is fixed). */
export interface Hyper {
  /** Step size η (the effective one: after any learning-rate drop). */
  lr: number;
  momentum: number;
  /** L2 coefficient λ: λθ is added to the mini-batch gradient (not decoupled). */
  weightDecay: number;
}

/**
 * One update rule θ ← update(θ, ĝ) shared by SGD and Adam. The gradient statistics never go
 * through it: they are measured over the pool on the raw per-example gradients.
 */
export interface Optimiser {
  readonly kind: OptimiserKind;
  hyper: Hyper;
  /**
   * Updates every trainable parameter from its mean mini-batch gradient ĝ (one entry per
   * trainable layer, in layer order, as meanGradient returns them). Synchronous: call it
   * inside tidy.
   */
  apply(grads: readonly LayerGradient[]): void;
  /** Frees the optimiser's state (momentum / moment buffers). */
  dispose(): void;
}

/** A trainable parameter and its gradient, paired in layer order (weight, then bias). */
export interface ParamGrad {
  param: tf.Variable;
  grad: tf.Tensor;
}

/** The trainable parameters of `net`, in layer order: each weight, then its bias. */
export function trainableParams(net: Network): tf.Variable[] {
  return net.layers
    .filter((l) => l.trainable)
    .flatMap((l) => (l.bias ? [l.weight, l.bias] : [l.weight]));
}

/** Pairs each trainable parameter with its entry of `grads` (same order as trainableParams). */
export function pairUp(net: Network, grads: readonly LayerGradient[]): ParamGrad[] {
  const flat = grads.flatMap((g) => (g.bias ? [g.weight, g.bias] : [g.weight]));
  const params = trainableParams(net);
  if (flat.length !== params.length) {
    throw new Error(`${flat.length} gradients for ${params.length} trainable parameters`);
  }
  return params.map((param, i) => ({ param, grad: flat[i] }));
}

import * as tf from '@tensorflow/tfjs-core';
import type { LayerGradient } from '../model/backprop';
import type { Network } from '../model/build';
import { tidy } from '../tidy';
import { pairUp, trainableParams, type Hyper, type Optimiser } from './optimiser';

/** Adam's constants (Kingma & Ba 2015, and PyTorch's defaults). */
export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

/**
 * Adam with bias correction, and weight decay as in Sgd: an L2 term added to the gradient
 * before the moments (PyTorch's Adam(weight_decay=λ), not the decoupled AdamW). At step t = 1, 2, …
 *   grad = ĝ + λ θ
 *   m = β1 m + (1 − β1) grad,      v = β2 v + (1 − β2) grad²      (elementwise)
 *   θ = θ − η (m / (1 − β1^t)) / (√(v / (1 − β2^t)) + ε)
 * Each coordinate moves by about η whatever the gradient's scale, so the learning rate is a
 * step length, not a multiplier of the gradient. `hyper.momentum` is not used (β1 is fixed).
 * The moment buffers are owned here (dispose()); t counts apply() calls, on the host.
 */
export class Adam implements Optimiser {
  readonly kind = 'adam';
  private readonly m: tf.Variable[];
  private readonly v: tf.Variable[];
  private t = 0;

  constructor(
    private readonly net: Network,
    public hyper: Hyper,
  ) {
    const zeros = (p: tf.Tensor) => tidy(() => tf.variable(tf.zerosLike(p), false));
    this.m = trainableParams(net).map(zeros);
    this.v = trainableParams(net).map(zeros);
  }

  apply(grads: readonly LayerGradient[]): void {
    const { lr, weightDecay } = this.hyper;
    const { beta1, beta2, epsilon } = ADAM;
    this.t++;
    const c1 = 1 - beta1 ** this.t;
    const c2 = 1 - beta2 ** this.t;
    tidy(() =>
      pairUp(this.net, grads).forEach(({ param, grad: g }, k) => {
        const grad = weightDecay ? tf.add(g, tf.mul(param, weightDecay)) : g;
        const m = tf.add(tf.mul(this.m[k], beta1), tf.mul(grad, 1 - beta1));
        const v = tf.add(tf.mul(this.v[k], beta2), tf.mul(tf.square(grad), 1 - beta2));
        this.m[k].assign(m);
        this.v[k].assign(v);
        const denom = tf.add(tf.sqrt(tf.div(v, c2)), epsilon);
        param.assign(tf.sub(param, tf.mul(tf.div(m, denom), lr / c1)));
      }),
    );
  }

  dispose(): void {
    for (const b of [...this.m, ...this.v]) b.dispose();
  }
}

import * as tf from '@tensorflow/tfjs-core';
import type { LayerGradient } from '../model/backprop';
import type { Network } from '../model/build';
import { tidy } from '../tidy';
import { pairUp, trainableParams, type Hyper, type Optimiser } from './optimiser';

/**
 * Mini-batch SGD with momentum and weight decay (the PyTorch convention):
 *   grad = ĝ + λ θ                       (ĝ: the mean gradient over the batch, maybe clipped)
 *   buf  = μ buf + grad
 *   θ    = θ - η buf
 * Five kernels per parameter: μ buf, λ θ, their addN with ĝ, η buf, the subtraction.
 * The momentum buffers are owned here (dispose()). Weight decay is an L2 term added to the
 * gradient and applies to every trainable parameter, biases included.
 */
export class Sgd implements Optimiser {
  readonly kind = 'sgd';
  private readonly buffers: tf.Variable[];

  constructor(
    private readonly net: Network,
    public hyper: Hyper,
  ) {
    // tidy disposes each zerosLike: a variable keeps its own reference (TFJS-NOTES 5).
    this.buffers = trainableParams(net).map((p) => tidy(() => tf.variable(tf.zerosLike(p), false)));
  }

  apply(grads: readonly LayerGradient[]): void {
    const { lr, momentum, weightDecay } = this.hyper;
    tidy(() =>
      pairUp(this.net, grads).forEach(({ param, grad }, k) => {
        const buf = this.buffers[k];
        const terms = [grad];
        if (momentum) terms.push(tf.mul(buf, momentum));
        if (weightDecay) terms.push(tf.mul(param, weightDecay));
        const next = terms.length === 1 ? grad : tf.addN(terms);
        buf.assign(next);
        param.assign(tf.sub(param, tf.mul(next, lr)));
      }),
    );
  }

  dispose(): void {
    for (const b of this.buffers) b.dispose();
  }
}

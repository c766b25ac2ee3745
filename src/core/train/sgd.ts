import * as tf from '@tensorflow/tfjs-core';
import type { Network } from '../model/build';
import { meanGradient } from '../model/backprop';
import { tidy } from '../tidy';

export interface Hyper {
  lr: number;
  momentum: number;
  weightDecay: number;
}

/**
 * Mini-batch SGD with momentum and weight decay (the PyTorch convention):
 *   grad = (1/B) sum_i g_i + wd θ        (mean loss over the batch)
 *   buf  = μ buf + grad
 *   θ    = θ - lr buf
 * Five kernels per parameter: μ buf, wd θ, their addN with grad, lr buf, the subtraction.
 * The momentum buffers are owned here (dispose()). Weight decay applies to every trainable
 * parameter, biases included.
 */
export class Sgd {
  private readonly buffers: tf.Variable[] = [];

  constructor(
    private readonly net: Network,
    public hyper: Hyper,
  ) {
    // tidy disposes each zerosLike: a variable keeps its own reference (TFJS-NOTES 5).
    const zeros = (p: tf.Tensor) => tidy(() => tf.variable(tf.zerosLike(p), false));
    for (const l of net.layers) {
      if (!l.trainable) continue;
      this.buffers.push(zeros(l.weight));
      if (l.bias) this.buffers.push(zeros(l.bias));
    }
  }

  /** One step on (x, y); returns the batch's mean loss before the update (caller disposes). */
  step(x: tf.Tensor2D, y: tf.Tensor1D): tf.Scalar {
    return tidy(() => {
      const { loss, grads } = meanGradient(this.net, x, y);
      const { lr, momentum, weightDecay } = this.hyper;
      let k = 0;
      const update = (param: tf.Variable, grad: tf.Tensor) => {
        const buf = this.buffers[k++];
        const terms = [grad];
        if (momentum) terms.push(tf.mul(buf, momentum));
        if (weightDecay) terms.push(tf.mul(param, weightDecay));
        const next = terms.length === 1 ? grad : tf.addN(terms);
        buf.assign(next);
        param.assign(tf.sub(param, tf.mul(next, lr)));
      };
      this.net.layers
        .filter((l) => l.trainable)
        .forEach((l, i) => {
          update(l.weight, grads[i].weight);
          if (l.bias) update(l.bias, grads[i].bias!);
        });
      return loss;
    });
  }

  dispose(): void {
    for (const b of this.buffers) b.dispose();
  }
}

import * as tf from '@tensorflow/tfjs-core';
import { crossProduct } from '../linalg';
import type { Network } from '../model/build';
import { perExample, disposePerExample } from '../model/backprop';
import { tidy } from '../tidy';

export interface Hyper {
  lr: number;
  momentum: number;
  weightDecay: number;
}

/**
 * Mini-batch SGD with momentum and weight decay (the PyTorch convention):
 *   grad = A^T D / B + wd θ        (mean loss over the batch; the bias is the last row)
 *   buf  = μ buf + grad
 *   θ    = θ - lr buf
 * The momentum buffers are owned here (dispose()). Weight decay applies to every
 * trainable parameter, biases included.
 */
export class Sgd {
  private readonly buffers: tf.Variable[] = [];

  constructor(
    private readonly net: Network,
    public hyper: Hyper,
  ) {
    for (const l of net.layers) {
      if (!l.trainable) continue;
      this.buffers.push(tf.variable(tf.zerosLike(l.weight), false));
      if (l.bias) this.buffers.push(tf.variable(tf.zerosLike(l.bias), false));
    }
  }

  /** One step on (x, y); returns the batch's mean loss before the update (caller disposes). */
  step(x: tf.Tensor2D, y: tf.Tensor1D): tf.Scalar {
    const p = perExample(this.net, x, y);
    const loss = tidy(() => {
      const { lr, momentum, weightDecay } = this.hyper;
      const batch = x.shape[0];
      let k = 0;
      const update = (param: tf.Variable, grad: tf.Tensor) => {
        const buf = this.buffers[k++];
        const g = weightDecay ? tf.add(grad, tf.mul(param, weightDecay)) : grad;
        buf.assign(momentum ? tf.add(tf.mul(buf, momentum), g) : g);
        param.assign(tf.sub(param, tf.mul(buf, lr)));
      };
      let f = 0;
      for (const l of this.net.layers) {
        if (!l.trainable) continue;
        const { a, d } = p.factors[f++];
        const G = tf.div(crossProduct(a, d), batch);
        const rows = l.weight.shape[0];
        update(l.weight, l.bias ? tf.slice(G, [0, 0], [rows, -1]) : G);
        if (l.bias) update(l.bias, tf.reshape(tf.slice(G, [rows, 0], [1, -1]), [-1]));
      }
      return tf.mean(p.losses) as tf.Scalar;
    });
    disposePerExample(p);
    return loss;
  }

  dispose(): void {
    for (const b of this.buffers) b.dispose();
  }
}

import * as tf from '@tensorflow/tfjs';
import type { NetworkSpec } from '../../src/core/model/network';
import type { Rows } from './reference';

/**
 * Per-example gradients by autodiff, one tf.grads call per example, over the trainable
 * parameters in the documented order (layer by layer, weight row-major, then bias), in a
 * forward pass written independently of src/core/model.
 */
export function bruteForceGradients(spec: NetworkSpec, x: number[][], y: number[]): Rows {
  const rows: Rows = [];
  for (let i = 0; i < x.length; i++) {
    const flat = tf.tidy(() => {
      const params: tf.Tensor[] = [];
      for (const l of spec.layers) {
        if (!l.trainable) continue;
        params.push(tf.tensor2d(l.weight));
        if (l.bias) params.push(tf.tensor1d(l.bias));
      }
      const loss = (...p: tf.Tensor[]) => {
        let h: tf.Tensor = tf.tensor2d([x[i]]);
        let k = 0;
        for (const l of spec.layers) {
          const w = l.trainable ? p[k++] : tf.tensor2d(l.weight);
          const b = l.bias ? (l.trainable ? p[k++] : tf.tensor1d(l.bias)) : null;
          h = tf.matMul(h, w);
          if (b) h = tf.add(h, b);
          if (l.activation === 'relu') h = tf.relu(h);
        }
        if (spec.loss === 'logistic') return tf.softplus(tf.mul(-y[i], h)).sum() as tf.Scalar;
        return tf.neg(tf.logSoftmax(h).gather([y[i]], 1)).sum() as tf.Scalar;
      };
      const grads = tf.grads(loss)(params);
      return tf.concat(grads.map((t) => t.reshape([-1])));
    });
    rows.push(Float64Array.from(flat.dataSync()));
    flat.dispose();
  }
  return rows;
}

import * as tf from '@tensorflow/tfjs-core';
import type { LayerFactors } from '../model/network';
import type { Rng } from '../rng';

/**
 * Top-2 principal components of the per-example gradients without forming N x d:
 * the Gram matrix of the gradients is a sum of Hadamard products,
 *   <g_i, g_j> = sum_layers (a_i·a_j)(d_i·d_j),   K = sum_l (A A^T) ∘ (D D^T)   (N x N),
 * centred as Kc = H K H with H = I - 11^T/N (kernel PCA with a linear kernel).
 * Subspace iteration gives its top-2 eigenpairs (λ_c, u_c); example i's coordinate on
 * component c is sqrt(λ_c) u_ic. Returns an N x 2 tensor (caller disposes).
 */
export function gradientProjection(
  layers: readonly LayerFactors[],
  rng: Rng,
  iterations = 40,
): tf.Tensor2D {
  return tf.tidy(() => {
    const n = layers[0].a.shape[0];
    // Layer by layer, each in its own tidy: about 4 N x N matrices alive, not 2 per layer.
    let gram: tf.Tensor2D | null = null;
    for (const { a, d } of layers) {
      const prev: tf.Tensor2D | null = gram;
      gram = tf.tidy(() => {
        const t = tf.mul(tf.matMul(a, a, false, true), tf.matMul(d, d, false, true));
        return (prev ? tf.add(prev, t) : t) as tf.Tensor2D;
      });
      prev?.dispose();
    }
    if (!gram) throw new RangeError('gradientProjection: no layers');
    const rowMean = tf.mean(gram, 1, true);
    const centred = tf.add(
      tf.sub(tf.sub(gram, rowMean), tf.transpose(rowMean)),
      tf.mean(gram),
    ) as tf.Tensor2D;
    const init = Float32Array.from({ length: n * 2 }, () => rng.normal());
    let q = orthonormalise(tf.tensor2d(init, [n, 2]));
    for (let t = 0; t < iterations; t++) q = orthonormalise(tf.matMul(centred, q));
    const lambda = tf.relu(tf.sum(tf.mul(q, tf.matMul(centred, q)), 0)); // diag(Q^T Kc Q)
    return tf.mul(q, tf.sqrt(lambda)) as tf.Tensor2D;
  });
}

/** Gram–Schmidt on the two columns of an N x 2 matrix (a zero column stays zero). */
function orthonormalise(q: tf.Tensor2D): tf.Tensor2D {
  const eps = 1e-30;
  const [c0, c1] = tf.split(q, 2, 1);
  const u0 = tf.div(c0, tf.add(tf.norm(c0), eps));
  const r1 = tf.sub(c1, tf.mul(u0, tf.sum(tf.mul(u0, c1))));
  const u1 = tf.div(r1, tf.add(tf.norm(r1), eps));
  return tf.concat([u0, u1], 1) as tf.Tensor2D;
}

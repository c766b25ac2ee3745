/**
 * The anatomy of one SGD step (explained slow motion), as maths on per-example factors: at θ_t,
 *   ‖g_i‖ = sqrt(Σ_layers ‖a_i‖²‖d_i‖²) for the batch's examples,
 *   the mini-batch mean ĝ_B = (1/B) Σ_i g_i against the pool mean g: ‖ĝ_B‖, ‖g‖, cos(ĝ_B, g),
 *   each g_i projected on two orthonormal directions u1 = g/‖g‖, u2 ∝ ĝ_B − (ĝ_B·u1) u1.
 * No per-example gradient is formed. Everything here runs inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs-core';
import { addAll } from '../linalg';
import type { Network } from '../model/build';
import { disposePerExample, perExample, type PerExample } from '../model/backprop';
import type { LayerFactors } from '../model/network';
import { exampleGradNorm2, layerMean } from './moments';

/** Guards divisions by norms that may be 0. */
const TINY = 1e-30;
/** ĝ_B counts as parallel to g (no second direction) below this relative residual. */
const PARALLEL = 1e-4;

/** Euclidean norm of a parameter-shaped list of layer matrices. Inside tidy. */
function normOf(ms: readonly tf.Tensor2D[]): tf.Scalar {
  return tf.sqrt(addAll(ms.map((m) => tf.sum(tf.square(m))))) as tf.Scalar;
}

/** Inner product of two parameter-shaped lists. Inside tidy. */
function dotOf(a: readonly tf.Tensor2D[], b: readonly tf.Tensor2D[]): tf.Scalar {
  return addAll(a.map((m, l) => tf.sum(tf.mul(m, b[l])))) as tf.Scalar;
}

/**
 * g_i · W for every example: g_i = a_i^T d_i per layer, so g_i · W = Σ_l a_i^T W_l d_i
 * = Σ_l rowsum((A_l W_l) ∘ D_l); n. No per-example gradient is formed. Inside tidy.
 */
function dotEach(factors: readonly LayerFactors[], w: readonly tf.Tensor2D[]): tf.Tensor1D {
  return addAll(
    factors.map(({ a, d }, l) => tf.sum(tf.mul(tf.matMul(a, w[l]), d), 1)),
  ) as tf.Tensor1D;
}

/**
 * The batch's gradients against the pool's, at θ_t. Returns ‖g_i‖ (B), the projections
 * (x_i, y_i) = (g_i·u1, g_i·u2) interleaved (2B), and [‖ĝ_B‖, ‖g‖, cos(ĝ_B, g)].
 * Linear, so the mean of the (x_i, y_i) is ĝ_B's projection (‖ĝ_B‖ cos, ‖ĝ_B‖ sin), and g
 * sits at (‖g‖, 0). When ĝ_B ∥ g there is no u2 and every y_i is 0. Inside tidy.
 */
export function batchVersusPool(pb: PerExample, pp: PerExample) {
  const gb = pb.factors.map(layerMean);
  const g = pp.factors.map(layerMean);
  const [nb, ng, dot] = [normOf(gb), normOf(g), dotOf(gb, g)];
  const cos = tf.div(dot, tf.maximum(tf.mul(nb, ng), TINY));
  const c = tf.div(dot, tf.maximum(tf.square(ng), TINY));
  const r = gb.map((m, l) => tf.sub(m, tf.mul(c, g[l])) as tf.Tensor2D);
  const nr = normOf(r);
  const yScale = tf.where(
    tf.greater(nr, tf.mul(PARALLEL, nb)),
    tf.div(1, tf.maximum(nr, TINY)),
    tf.scalar(0),
  );
  const x = tf.div(dotEach(pb.factors, g), tf.maximum(ng, TINY));
  const y = tf.mul(dotEach(pb.factors, r), yScale);
  return {
    norms: tf.sqrt(exampleGradNorm2(pb.factors)) as tf.Tensor1D,
    plane: tf.reshape(tf.stack([x, y], 1), [-1]) as tf.Tensor1D,
    scalars: [nb, ng, cos] as tf.Scalar[],
  };
}

/** Mean loss of the batch at the current parameters. Inside tidy. */
export function batchLoss(net: Network, batch: { x: tf.Tensor2D; y: tf.Tensor1D }): tf.Scalar {
  const p = perExample(net, batch.x, batch.y);
  const loss = tf.mean(p.losses) as tf.Scalar;
  disposePerExample(p);
  return loss;
}

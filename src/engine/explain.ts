/**
 * Explained slow motion: one ordinary SGD step, taken apart for the class. Around the step
 * it measures, at θ_t:
 *   per-example losses l_i and gradient norms ‖g_i‖ (‖g_i‖² = Σ_layers ‖a_i‖²‖d_i‖², DESIGN §2.1)
 *   the mini-batch mean ĝ_B = (1/B) Σ_i g_i and the pool mean g: ‖ĝ_B‖, ‖g‖ and cos(ĝ_B, g)
 *   each g_i projected on two orthonormal directions u1 = g/‖g‖, u2 ∝ ĝ_B − (ĝ_B·u1) u1
 *   every selected estimator's exact variance and normalized variance (DESIGN §2)
 * then lets the optimiser update θ, and measures ‖θ_{t+1} − θ_t‖ and the batch loss after.
 * All of it comes back in one readback (house rule 6); every tensor is disposed.
 */
import * as tf from '@tensorflow/tfjs-core';
import { addAll } from '../core/linalg';
import { layerMean } from '../core/stats/moments';
import type { Network } from '../core/model/build';
import { disposePerExample, perExample, type PerExample } from '../core/model/backprop';
import type { LayerFactors } from '../core/model/network';
import type { ExactOptions } from '../core/stats/exact';
import { measure } from '../core/stats/measure';
import { disposeStats } from '../core/stats/read';
import type { EstimatorId } from '../core/stats/types';
import { tidy } from '../core/tidy';
import type { ExplainedStep } from './protocol';
import type { EstimatorPoint } from '../core/run/records';

export interface ExplainContext extends ExactOptions {
  net: Network;
  pool: { x: tf.Tensor2D; y: tf.Tensor1D };
  /** Sorted training indices of the pool (to find the batch's examples in the 2-D view). */
  poolIndices: Int32Array;
  step: number;
  lr: number;
}

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

/** ‖g_i‖ = sqrt(Σ_l ‖a_i‖² ‖d_i‖²), n. Inside tidy. */
function exampleNorms(factors: readonly LayerFactors[]): tf.Tensor1D {
  return tf.sqrt(
    addAll(factors.map(({ a, d }) => tf.mul(tf.sum(tf.square(a), 1), tf.sum(tf.square(d), 1)))),
  ) as tf.Tensor1D;
}

/**
 * The batch's gradients against the pool's, at θ_t. Returns ‖g_i‖ (B), the projections
 * (x_i, y_i) = (g_i·u1, g_i·u2) interleaved (2B), and [‖ĝ_B‖, ‖g‖, cos(ĝ_B, g)].
 * Linear, so the mean of the (x_i, y_i) is ĝ_B's projection (‖ĝ_B‖ cos, ‖ĝ_B‖ sin), and g
 * sits at (‖g‖, 0). When ĝ_B ∥ g there is no u2 and every y_i is 0. Inside tidy.
 */
function batchVersusPool(pb: PerExample, pp: PerExample) {
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
    norms: exampleNorms(pb.factors),
    plane: tf.reshape(tf.stack([x, y], 1), [-1]) as tf.Tensor1D,
    scalars: [nb, ng, cos] as tf.Scalar[],
  };
}

/** Mean loss of the batch at the current parameters. Inside tidy. */
function batchLoss(net: Network, batch: { x: tf.Tensor2D; y: tf.Tensor1D }): tf.Scalar {
  const p = perExample(net, batch.x, batch.y);
  const loss = tf.mean(p.losses) as tf.Scalar;
  disposePerExample(p);
  return loss;
}

/** Takes the step through `update` (the optimiser's), measuring around it. */
export async function explainUpdate(
  ctx: ExplainContext,
  indices: Int32Array,
  batch: { x: tf.Tensor2D; y: tf.Tensor1D },
  update: () => void,
): Promise<ExplainedStep> {
  const pb = perExample(ctx.net, batch.x, batch.y);
  const pp = perExample(ctx.net, ctx.pool.x, ctx.pool.y);
  const stats = measure(pp, { ...ctx, mode: 'exact' });
  const ids = Object.keys(stats.estimators) as EstimatorId[];
  const before = tidy(() => ({
    ...batchVersusPool(pb, pp),
    loss: tf.mean(pb.losses) as tf.Scalar,
    theta: ctx.net.flat(),
  }));
  disposePerExample(pp);
  update();
  // Layout: losses B | norms B | plane 2B | labels B | scalars (see unpack).
  const packed = tidy(() =>
    tf.concat([
      tf.cast(pb.losses, 'float32'),
      before.norms,
      before.plane,
      tf.cast(batch.y, 'float32'), // class indices, exact in float32
      tf.stack([
        ...before.scalars,
        before.loss,
        tf.norm(tf.sub(ctx.net.flat(), before.theta)),
        batchLoss(ctx.net, batch),
        ...ids.flatMap((id) => [
          stats.estimators[id]!.variance,
          stats.estimators[id]!.normalizedVariance,
        ]),
      ]),
    ]),
  );
  tf.dispose([before.norms, before.plane, before.loss, before.theta, ...before.scalars]);
  disposePerExample(pb);
  disposeStats(stats);
  let values: Float32Array;
  try {
    values = Float32Array.from(await packed.data()); // the one readback
  } finally {
    packed.dispose();
  }
  return unpack(values, ctx, indices, ids);
}

/** The readback, laid out as explainUpdate packs it, as an ExplainedStep. */
function unpack(
  v: Float32Array,
  ctx: ExplainContext,
  indices: Int32Array,
  ids: EstimatorId[],
): ExplainedStep {
  const B = indices.length;
  const s = v.subarray(5 * B);
  const estimators: Partial<Record<EstimatorId, EstimatorPoint>> = {};
  ids.forEach((id, k) => {
    estimators[id] = { variance: s[6 + 2 * k], normalizedVariance: s[7 + 2 * k] };
  });
  return {
    step: ctx.step,
    lr: ctx.lr,
    batch: {
      indices: Int32Array.from(indices),
      poolIndex: poolPositions(indices, ctx.poolIndices),
      labels: Int32Array.from(v.subarray(4 * B, 5 * B)),
      losses: v.slice(0, B),
      gradNorms: v.slice(B, 2 * B),
      plane: v.slice(2 * B, 4 * B),
    },
    meanGradNorm: s[0],
    poolGradNorm: s[1],
    cosine: s[2],
    lossBefore: s[3],
    updateNorm: s[4],
    lossAfter: s[5],
    estimators,
    finite: v.every(Number.isFinite),
  };
}

/**
 * Position of each training index in the sorted pool (the order of ClusterView.points), or
 * -1 when it is not in the pool. A duplicated point's copies are distinct training indices,
 * so each copy keeps its own position (at the same coordinates).
 */
export function poolPositions(indices: Int32Array, pool: Int32Array): Int32Array {
  return indices.map((i) => {
    let lo = 0;
    let hi = pool.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pool[mid] === i) return mid;
      if (pool[mid] < i) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  });
}

/**
 * Explained slow motion: one ordinary SGD step, taken apart for the class. Around the step
 * it measures, at θ_t:
 *   per-example losses l_i and gradient norms ‖g_i‖ (‖g_i‖² = Σ_layers ‖a_i‖²‖d_i‖², DESIGN §2.1)
 *   the mini-batch mean ĝ_B = (1/B) Σ_i g_i and the pool mean g: ‖ĝ_B‖, ‖g‖ and cos(ĝ_B, g)
 *   every selected estimator's exact variance and normalized variance (DESIGN §2)
 * then lets the optimiser update θ, and measures ‖θ_{t+1} − θ_t‖ and the batch loss after.
 * All of it comes back in one readback (house rule 6); every tensor is disposed.
 */
import * as tf from '@tensorflow/tfjs-core';
import { crossProduct } from '../core/linalg';
import type { Network } from '../core/model/build';
import { disposePerExample, perExample } from '../core/model/backprop';
import type { LayerFactors } from '../core/model/network';
import { exactStatistics, type ExactOptions } from '../core/stats/exact';
import { disposeStats } from '../core/stats/read';
import type { EstimatorId } from '../core/stats/types';
import { tidy } from '../core/tidy';
import type { EstimatorPoint, ExplainedStep } from './protocol';

export interface ExplainContext extends ExactOptions {
  net: Network;
  pool: { x: tf.Tensor2D; y: tf.Tensor1D };
  /** Sorted training indices of the pool (to find the batch's examples in the 2-D view). */
  poolIndices: Int32Array;
  step: number;
  lr: number;
}

/** Σ over layers of A^T D / n, as one flat vector (the mean gradient). Inside tidy. */
function meanGradient(factors: readonly LayerFactors[]): tf.Tensor1D {
  return tf.concat(
    factors.map(({ a, d }) => tf.reshape(tf.div(crossProduct(a, d), a.shape[0]), [-1])),
  ) as tf.Tensor1D;
}

/** Position of each training index in the sorted pool, or -1 when it is not in the pool. */
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

/** Takes the step through `update` (the optimiser's), measuring around it. */
export async function explainUpdate(
  ctx: ExplainContext,
  indices: Int32Array,
  batch: { x: tf.Tensor2D; y: tf.Tensor1D },
  update: () => void,
): Promise<ExplainedStep> {
  const B = indices.length;
  const pb = perExample(ctx.net, batch.x, batch.y);
  const pp = perExample(ctx.net, ctx.pool.x, ctx.pool.y);
  const stats = exactStatistics(pp, ctx);
  const ids = Object.keys(stats.estimators) as EstimatorId[];
  const before = tidy(() => {
    const gb = meanGradient(pb.factors);
    const g = meanGradient(pp.factors);
    const norms = tf.sqrt(
      tf.addN(
        pb.factors.map(({ a, d }) => tf.mul(tf.sum(tf.square(a), 1), tf.sum(tf.square(d), 1))),
      ),
    );
    const [nb, ng] = [tf.norm(gb), tf.norm(g)];
    const cos = tf.div(tf.sum(tf.mul(gb, g)), tf.maximum(tf.mul(nb, ng), 1e-30));
    return { norms, scalars: [nb, ng, cos, tf.mean(pb.losses)], theta: ctx.net.flat() };
  });
  disposePerExample(pp);
  update();
  const after = tidy(() => {
    const pa = perExample(ctx.net, batch.x, batch.y);
    const lossAfter = tf.mean(pa.losses);
    disposePerExample(pa);
    return [tf.norm(tf.sub(ctx.net.flat(), before.theta)), lossAfter];
  });
  const estimatorScalars = ids.flatMap((id) => [
    stats.estimators[id]!.variance,
    stats.estimators[id]!.normalizedVariance,
  ]);
  const packed = tidy(() =>
    tf.concat([
      tf.cast(pb.losses, 'float32'),
      before.norms,
      tf.stack([...before.scalars, ...after, ...estimatorScalars]),
    ]),
  );
  const labels = tidy(() => tf.cast(batch.y, 'int32'));
  const [values, labelValues] = await Promise.all([packed.data(), labels.data()]);
  for (const t of [packed, labels, before.norms, before.theta, ...before.scalars, ...after])
    t.dispose();
  disposePerExample(pb);
  disposeStats(stats);
  const v = Float32Array.from(values);
  const s = v.subarray(2 * B);
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
      labels: Int32Array.from(labelValues),
      losses: v.slice(0, B),
      gradNorms: v.slice(B, 2 * B),
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

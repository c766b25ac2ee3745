/**
 * Explained slow motion: one ordinary SGD step, taken apart for the class. Around the step it
 * measures, at θ_t, the step's anatomy (core/stats/stepAnatomy.ts: per-example losses and
 * ‖g_i‖, ‖ĝ_B‖ against ‖g‖, the projections) and every selected estimator's exact statistics,
 * then lets the optimiser update θ, and measures ‖θ_{t+1} − θ_t‖ and the batch loss after.
 * All of it comes back in one readback (house rule 6); every tensor is disposed.
 */
import * as tf from '@tensorflow/tfjs-core';
import { poolPositions } from '../core/data/poolViews';
import type { Network } from '../core/model/build';
import { disposePerExample, perExample } from '../core/model/backprop';
import type { ExactOptions } from '../core/stats/exact';
import { batchLoss, batchVersusPool } from '../core/stats/stepAnatomy';
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

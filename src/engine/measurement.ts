import * as tf from '@tensorflow/tfjs-core';
import type { Network } from '../core/model/build';
import { disposePerExample, forward, perExample, type PerExample } from '../core/model/backprop';
import { accuracy } from '../core/model/loss';
import type { LayerFactors } from '../core/model/network';
import type { Rng } from '../core/rng';
import { exactStatistics, poolSummary } from '../core/stats/exact';
import { readMany } from '../core/stats/read';
import { sampledEstimators } from '../core/stats/sampled';
import type { MeanAndSecond } from '../core/stats/snapshotVariance';
import type { Clusters, EstimatorId, GradientStats } from '../core/stats/types';
import type { EstimatorPoint, Report } from './protocol';

export interface MeasureContext {
  net: Network;
  pool: { x: tf.Tensor2D; y: tf.Tensor1D };
  test: { x: tf.Tensor2D; y: tf.Tensor1D };
  batch: number;
  replacement: boolean;
  estimators: readonly EstimatorId[];
  clusters?: Clusters;
  snapshot?: readonly LayerFactors[];
  /** The snapshot's G~ and S~ per layer, kept by the session for the snapshot's lifetime. */
  snapshotMoments?: readonly MeanAndSecond[];
  mode: 'exact' | 'sampled' | 'both';
  /** Also read the parameters back (in the same readback) as a checkpoint. */
  checkpoint?: boolean;
  estimates: number;
  rng: Rng;
  /** The fraction of steps clipped since the last report, read in the same readback (owned). */
  clipped?: tf.Scalar | null;
}

/** Per-example factors over the pool at the current parameters (caller disposes). */
export function poolFactors(ctx: Pick<MeasureContext, 'net' | 'pool'>): PerExample {
  return perExample(ctx.net, ctx.pool.x, ctx.pool.y);
}

/**
 * One report: pool loss/accuracy, test accuracy and every selected estimator's statistics,
 * exact and/or sampled, read back with a single `await data()` (house rule 6).
 * Returns the report plus whether every value is finite.
 */
export async function measureReport(
  ctx: MeasureContext,
  p: PerExample,
  where: { step: number; epoch: number; lr: number },
): Promise<{ report: Report; finite: boolean; weights: Float32Array | null }> {
  const main: GradientStats<tf.Scalar> =
    ctx.mode === 'sampled' ? { ...poolSummary(p), estimators: {} } : exactStatistics(p, ctx);
  const sets =
    ctx.mode === 'exact'
      ? []
      : [sampledEstimators(p, { ...ctx, estimates: ctx.estimates, rng: ctx.rng })];
  const extras = [
    tf.tidy(() => accuracy(ctx.net.loss, p.output, ctx.pool.y)),
    tf.tidy(() => accuracy(ctx.net.loss, forward(ctx.net.layers, ctx.test.x), ctx.test.y)),
    ...(ctx.clipped ? [ctx.clipped] : []),
  ];
  const tail = ctx.checkpoint ? tf.tidy(() => ctx.net.flat()) : undefined;
  const [[stats], [samp], [acc, testAcc, clipped], weights] = await readMany(
    [main],
    sets,
    extras,
    tail,
  );
  const report: Report = {
    ...where,
    loss: stats.meanLoss,
    acc,
    testAcc,
    gradNorm2: stats.gradNorm2,
    meanExampleGradNorm2: stats.meanExampleGradNorm2,
    bSimple: Number.isFinite(stats.bSimple) ? stats.bSimple : null,
    estimators: points(stats.estimators),
  };
  if (samp) report.sampled = points(samp);
  if (clipped !== undefined) report.clipped = clipped;
  return { report, finite: allFinite(report), weights };
}

function points(
  e: GradientStats<number>['estimators'],
): Partial<Record<EstimatorId, EstimatorPoint>> {
  const out: Partial<Record<EstimatorId, EstimatorPoint>> = {};
  for (const [id, s] of Object.entries(e) as [EstimatorId, EstimatorPoint][]) out[id] = { ...s };
  return out;
}

/** True when every number in the report is finite (bSimple is null when ||g|| = 0). */
function allFinite(r: Report): boolean {
  const nums = [r.loss, r.acc, r.testAcc, r.gradNorm2, r.meanExampleGradNorm2];
  for (const group of [r.estimators, r.sampled ?? {}]) {
    for (const s of Object.values(group)) nums.push(s.variance, s.normalizedVariance);
  }
  return nums.every(Number.isFinite);
}

export { disposePerExample };

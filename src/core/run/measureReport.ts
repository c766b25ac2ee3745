/**
 * One report of a run: the measurement (stats/measure.ts) over the pool, the pool's and the
 * test set's accuracy and, when asked, the parameters as a checkpoint — all read back with a
 * single `await data()` (house rule 6).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Network } from '../model/build';
import { forward, type PerExample } from '../model/backprop';
import { accuracy } from '../model/loss';
import { measure, type MeasureOptions } from '../stats/measure';
import { readMeasurement } from '../stats/read';
import type { EstimatorId, EstimatorSet } from '../stats/types';
import type { EstimatorPoint, Report } from './records';

export interface ReportContext extends MeasureOptions {
  net: Network;
  pool: { x: tf.Tensor2D; y: tf.Tensor1D };
  test: { x: tf.Tensor2D; y: tf.Tensor1D };
  /** Also read the parameters back (in the same readback) as a checkpoint. */
  checkpoint?: boolean;
  /** The fraction of steps clipped since the last report, read in the same readback (owned). */
  clipped?: tf.Scalar | null;
}

/**
 * Measures at the current parameters, given the pool's per-example factors `p`. Returns the
 * report, whether every value in it is finite, and the checkpoint (or null).
 */
export async function measureReport(
  ctx: ReportContext,
  p: PerExample,
  where: { step: number; epoch: number; lr: number },
): Promise<{ report: Report; finite: boolean; weights: Float32Array | null }> {
  const device = measure(p, ctx);
  const extras = [
    tf.tidy(() => accuracy(ctx.net.loss, p.output, ctx.pool.y)),
    tf.tidy(() => accuracy(ctx.net.loss, forward(ctx.net.layers, ctx.test.x), ctx.test.y)),
    ...(ctx.clipped ? [ctx.clipped] : []),
  ];
  const tail = ctx.checkpoint ? tf.tidy(() => ctx.net.flat()) : undefined;
  const {
    measurement: m,
    extras: values,
    tail: weights,
  } = await readMeasurement(device, extras, tail);
  const [acc, testAcc, clipped] = values;
  const report: Report = {
    ...where,
    loss: m.meanLoss,
    acc,
    testAcc,
    gradNorm2: m.gradNorm2,
    meanExampleGradNorm2: m.meanExampleGradNorm2,
    bSimple: Number.isFinite(m.bSimple) ? m.bSimple : null,
    estimators: points(m.estimators),
  };
  if (m.sampled) report.sampled = points(m.sampled);
  if (clipped !== undefined) report.clipped = clipped;
  return { report, finite: allFinite(report), weights };
}

function points(e: EstimatorSet<number>): Partial<Record<EstimatorId, EstimatorPoint>> {
  const out: Partial<Record<EstimatorId, EstimatorPoint>> = {};
  for (const [id, s] of Object.entries(e) as [EstimatorId, EstimatorPoint][]) out[id] = { ...s };
  return out;
}

/** True when every number in the report is finite (bSimple is null when ||g|| = 0). */
function allFinite(r: Report): boolean {
  const nums = [r.loss, r.acc, r.testAcc, r.gradNorm2, r.meanExampleGradNorm2];
  for (const group of [r.estimators, r.sampled ?? {}]) {
    for (const s of Object.values(group)) {
      nums.push(s.variance, s.normalizedVariance, s.normalizedVarianceAuthors ?? 0);
    }
  }
  return nums.every(Number.isFinite);
}

import * as tf from '@tensorflow/tfjs-core';
import { ESTIMATORS, type EstimatorStats, type GradientStats } from './types';

const TOP = ['meanLoss', 'gradNorm2', 'meanExampleGradNorm2', 'bSimple'] as const;

/** The scalars of a measurement in a fixed order (the packing layout). */
function flatten(stats: GradientStats<tf.Scalar>): tf.Scalar[] {
  const out: tf.Scalar[] = TOP.map((k) => stats[k]);
  for (const id of ESTIMATORS) {
    const e = stats.estimators[id];
    if (e) out.push(e.variance, e.normalizedVariance);
  }
  return out;
}

/** Disposes every scalar of a device-side measurement. */
export function disposeStats(stats: GradientStats<tf.Scalar>): void {
  for (const s of flatten(stats)) s.dispose();
}

/**
 * Reads a whole measurement back with ONE `await data()` (house rule 6): all scalars are
 * stacked into one small tensor. Disposes the inputs.
 */
export async function readStats(stats: GradientStats<tf.Scalar>): Promise<GradientStats<number>> {
  return (await readMany([stats], []))[0][0];
}

/**
 * Reads several measurements and extra scalars with ONE `await data()`. Disposes the inputs.
 */
export async function readMany(
  all: GradientStats<tf.Scalar>[],
  extras: tf.Scalar[],
): Promise<[GradientStats<number>[], number[]]> {
  const scalars = [...all.flatMap(flatten), ...extras];
  const packed = tf.stack(scalars);
  const values = await packed.data();
  packed.dispose();
  all.forEach(disposeStats);
  extras.forEach((e) => e.dispose());
  let i = 0;
  const next = () => values[i++];
  const read = all.map((stats) => unflatten(stats, next));
  return [read, extras.map(() => next())];
}

function unflatten(stats: GradientStats<tf.Scalar>, next: () => number): GradientStats<number> {
  const [meanLoss, gradNorm2, meanExampleGradNorm2, bSimple] = TOP.map(() => next());
  const estimators: Partial<Record<(typeof ESTIMATORS)[number], EstimatorStats<number>>> = {};
  for (const id of ESTIMATORS) {
    if (stats.estimators[id]) estimators[id] = { variance: next(), normalizedVariance: next() };
  }
  return { meanLoss, gradNorm2, meanExampleGradNorm2, bSimple, estimators };
}

import * as tf from '@tensorflow/tfjs-core';
import { ESTIMATORS, type GradientStats } from './types';

const TOP = ['meanLoss', 'gradNorm2', 'meanExampleGradNorm2', 'bSimple'] as const;

/** The scalars of a measurement in a fixed order (the packing layout). */
function flatten(stats: GradientStats<tf.Scalar>): tf.Scalar[] {
  return [...TOP.map((k) => stats[k]), ...flattenSet(stats.estimators)];
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
  return (await readMany([stats], [], []))[0][0];
}

type EstimatorSet<T> = GradientStats<T>['estimators'];

function flattenSet(set: EstimatorSet<tf.Scalar>): tf.Scalar[] {
  return ESTIMATORS.flatMap((id) =>
    set[id] ? [set[id].variance, set[id].normalizedVariance] : [],
  );
}

function readSet(set: EstimatorSet<tf.Scalar>, next: () => number): EstimatorSet<number> {
  const out: EstimatorSet<number> = {};
  for (const id of ESTIMATORS)
    if (set[id]) out[id] = { variance: next(), normalizedVariance: next() };
  return out;
}

/**
 * Reads several measurements, extra scalars and an optional vector (e.g. a weight checkpoint)
 * with ONE `await data()`. Disposes the inputs.
 */
export async function readMany(
  all: GradientStats<tf.Scalar>[],
  sets: EstimatorSet<tf.Scalar>[],
  extras: tf.Scalar[],
  tail?: tf.Tensor1D,
): Promise<[GradientStats<number>[], EstimatorSet<number>[], number[], Float32Array | null]> {
  const scalars = [...all.flatMap(flatten), ...sets.flatMap(flattenSet), ...extras];
  const packed = tf.tidy(() => (tail ? tf.concat([tf.stack(scalars), tail]) : tf.stack(scalars)));
  const values = (await packed.data()) as Float32Array;
  packed.dispose();
  scalars.forEach((s) => s.dispose());
  tail?.dispose();
  let i = 0;
  const next = () => values[i++];
  const read = all.map((stats) => unflatten(stats, next));
  const readSets = sets.map((set) => readSet(set, next));
  const extraValues = extras.map(() => next());
  return [read, readSets, extraValues, tail ? values.slice(i) : null];
}

function unflatten(stats: GradientStats<tf.Scalar>, next: () => number): GradientStats<number> {
  const [meanLoss, gradNorm2, meanExampleGradNorm2, bSimple] = TOP.map(() => next());
  return {
    meanLoss,
    gradNorm2,
    meanExampleGradNorm2,
    bSimple,
    estimators: readSet(stats.estimators, next),
  };
}

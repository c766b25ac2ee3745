import * as tf from '@tensorflow/tfjs-core';
import { ESTIMATORS, type EstimatorSet, type Measurement } from './types';

const TOP = ['meanLoss', 'gradNorm2', 'meanExampleGradNorm2', 'bSimple'] as const;

/**
 * The scalars of a measurement in a fixed order (the packing layout): the pool summary, the
 * exact estimators, then the sampled ones, each estimator as (variance, NV[, NV authors]).
 */
function flatten(m: Measurement<tf.Scalar>): tf.Scalar[] {
  return [...TOP.map((k) => m[k]), ...flattenSet(m.estimators), ...flattenSet(m.sampled ?? {})];
}

/** Each estimator as (variance, NV[, NV authors]) in ESTIMATORS order. */
function flattenSet(set: EstimatorSet<tf.Scalar>): tf.Scalar[] {
  return ESTIMATORS.flatMap((id) => {
    const s = set[id];
    if (!s) return [];
    const pair = [s.variance, s.normalizedVariance];
    return s.normalizedVarianceAuthors ? [...pair, s.normalizedVarianceAuthors] : pair;
  });
}

function readSet(set: EstimatorSet<tf.Scalar>, next: () => number): EstimatorSet<number> {
  const out: EstimatorSet<number> = {};
  for (const id of ESTIMATORS) {
    const s = set[id];
    if (!s) continue;
    out[id] = { variance: next(), normalizedVariance: next() };
    if (s.normalizedVarianceAuthors) out[id].normalizedVarianceAuthors = next();
  }
  return out;
}

/** Disposes every scalar of a device-side measurement. */
export function disposeStats(m: Measurement<tf.Scalar>): void {
  for (const s of flatten(m)) s.dispose();
}

/**
 * Reads a whole measurement back with ONE `await data()` (house rule 6): every scalar, the
 * extra scalars and an optional vector (e.g. a weight checkpoint) are packed into one small
 * tensor. Disposes the inputs.
 */
export async function readMeasurement(
  m: Measurement<tf.Scalar>,
  extras: tf.Scalar[] = [],
  tail?: tf.Tensor1D,
): Promise<{ measurement: Measurement<number>; extras: number[]; tail: Float32Array | null }> {
  const scalars = [...flatten(m), ...extras];
  const packed = tf.tidy(() => (tail ? tf.concat([tf.stack(scalars), tail]) : tf.stack(scalars)));
  const values = (await packed.data()) as Float32Array;
  packed.dispose();
  scalars.forEach((s) => s.dispose());
  tail?.dispose();
  let i = 0;
  const next = () => values[i++];
  const [meanLoss, gradNorm2, meanExampleGradNorm2, bSimple] = TOP.map(() => next());
  const measurement: Measurement<number> = {
    meanLoss,
    gradNorm2,
    meanExampleGradNorm2,
    bSimple,
    estimators: readSet(m.estimators, next),
  };
  if (m.sampled) measurement.sampled = readSet(m.sampled, next);
  const extraValues = extras.map(() => next());
  return { measurement, extras: extraValues, tail: tail ? values.slice(i) : null };
}

/** readMeasurement without extras. */
export async function readStats(m: Measurement<tf.Scalar>): Promise<Measurement<number>> {
  return (await readMeasurement(m)).measurement;
}

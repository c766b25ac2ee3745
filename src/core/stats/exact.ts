import * as tf from '@tensorflow/tfjs-core';
import type { LayerFactors } from '../model/network';
import { tidy } from '../tidy';
import { clusterBuckets, clusterVariance } from './clusterVariance';
import {
  type LayerMoments,
  layerMoments,
  meanExampleGradNorm2,
  factorOrNull,
  meanOfDrawsFactor,
  populationOf,
  reduceEstimator,
  sumOverLayers,
} from './moments';
import { differenceVariance, snapshotMoments, type MeanAndSecond } from './snapshotVariance';
import type { Clusters, EstimatorId, EstimatorStats, GradientStats, Sampling } from './types';

export interface MeasureInput {
  /** Per-layer factors over the whole pool (N examples), at the current parameters θ. */
  factors: readonly LayerFactors[];
  /** Per-example losses over the pool, N. */
  losses: tf.Tensor1D;
}

export interface ExactOptions extends Sampling {
  /** Which estimators to compute (default: those whose inputs are given). */
  estimators?: readonly EstimatorId[];
  /** GC: the partition of the pool (one draw per cluster). */
  clusters?: Clusters;
  /** SVRG: per-layer factors over the same pool at the snapshot θ~. */
  snapshot?: readonly LayerFactors[];
  /** SVRG: the snapshot's per-layer G~ and S~ (snapshotMoments), if kept; else computed. */
  snapshotMoments?: readonly MeanAndSecond[];
}

/** Pool-level quantities every measurement reports (DESIGN §2). Scalars owned by caller. */
export function poolSummary(input: MeasureInput): Omit<GradientStats<tf.Scalar>, 'estimators'> {
  return tidy(() => summaryFrom(input, input.factors.map(layerMoments)));
}

/** The pool summary from per-layer moments. Inside tidy. */
function summaryFrom(input: MeasureInput, moments: readonly LayerMoments[]) {
  const gradNorm2 = sumOverLayers(moments.map((m) => tf.square(m.mean)));
  return {
    meanLoss: tf.mean(input.losses) as tf.Scalar,
    gradNorm2,
    meanExampleGradNorm2: meanExampleGradNorm2(input.factors),
    bSimple: tf.div(sumOverLayers(moments.map((m) => m.variance)), gradNorm2) as tf.Scalar,
  };
}

/**
 * The whole exact measurement: pool summary and every requested estimator, with the
 * per-layer moments computed once. Scalars owned by the caller.
 */
export function exactStatistics(input: MeasureInput, opts: ExactOptions): GradientStats<tf.Scalar> {
  return tidy(() => {
    const moments = input.factors.map(layerMoments);
    return { ...summaryFrom(input, moments), estimators: estimatorsFrom(input, opts, moments) };
  });
}

/**
 * Exact statistics of every requested estimator from closed forms (DESIGN §2, §2.1), with v
 * the pool's per-coordinate variance (the pool estimates the training set's moments) and
 * N_train the population SGD samples from:
 * SG-m: V = v * f(m), f = 1/m with replacement or (N_train-m)/(m(N_train-1)) without;
 * GC: V = N^-2 sum_k N_k^2 v_k over the pool's clusters (one draw per cluster: no correction);
 * SVRG: V = v_diff * f(B). No per-example gradients are formed. SG-2B is omitted (cannot be
 * formed) when 2B > N_train without replacement. Inside tidy.
 */
function estimatorsFrom(input: MeasureInput, opts: ExactOptions, moments: readonly LayerMoments[]) {
  const { factors, losses } = input;
  const population = populationOf(opts.population, losses.shape[0]);
  const wanted = new Set(opts.estimators ?? ['SG-B', 'SG-2B', 'GC', 'SVRG']);
  const sgFactor = meanOfDrawsFactor(opts.batch, population, opts.replacement);
  const g = moments.map((m) => m.mean);
  const v = moments.map((m) => m.variance);
  const scaled = (f: number) => v.map((x) => tf.mul(x, f));
  const out: Partial<Record<EstimatorId, EstimatorStats<tf.Scalar>>> = {};
  if (wanted.has('SG-B')) out['SG-B'] = reduceEstimator(scaled(sgFactor), g);
  const f2 = factorOrNull(2 * opts.batch, population, opts.replacement);
  if (wanted.has('SG-2B') && f2 !== null) out['SG-2B'] = reduceEstimator(scaled(f2), g);
  if (wanted.has('GC') && opts.clusters) {
    const { assignment } = opts.clusters;
    const table = clusterBuckets(opts.clusters);
    out.GC = reduceEstimator(
      factors.map((f) => clusterVariance(f, table, assignment)),
      g,
    );
  }
  if (wanted.has('SVRG') && opts.snapshot) {
    const snap = opts.snapshot;
    const snapM = opts.snapshotMoments ?? snapshotMoments(snap);
    const V = factors.map((f, l) =>
      tf.mul(differenceVariance(f, snap[l], moments[l], snapM[l]), sgFactor),
    );
    out.SVRG = reduceEstimator(V, g);
  }
  return out;
}

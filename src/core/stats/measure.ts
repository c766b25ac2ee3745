import type * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../rng';
import { exactStatistics, poolSummary, type ExactOptions, type MeasureInput } from './exact';
import { sampledEstimators } from './sampled';
import type { GradientStats } from './types';

export type StatsMode = 'exact' | 'sampled';

export interface MeasureOptions extends ExactOptions {
  mode: StatsMode;
  /** T draws per estimator (sampled mode). */
  estimates?: number;
  /** Seeded source of the draws (sampled mode). */
  rng?: Rng;
}

/** One measurement over the pool: the pool summary plus each estimator's statistics. */
export function measure(input: MeasureInput, opts: MeasureOptions): GradientStats<tf.Scalar> {
  if (opts.mode === 'exact') return exactStatistics(input, opts);
  if (!opts.rng || !opts.estimates) throw new Error('sampled statistics need estimates and rng');
  const summary = poolSummary(input);
  const estimators = sampledEstimators(input, {
    ...opts,
    estimates: opts.estimates,
    rng: opts.rng,
  });
  return { ...summary, estimators };
}

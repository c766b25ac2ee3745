/**
 * The one measurement entry point (DESIGN §2): the app's sessions, the CLIs, the benches and
 * the tests all measure through `measure` (device-side scalars) and read the result back with
 * one `await data()` (read.ts). Exact closed forms, the paper's sampled protocol, or both.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../rng';
import { exactStatistics, poolSummary, type ExactOptions, type MeasureInput } from './exact';
import { sampledEstimators } from './sampled';
import type { Measurement } from './types';

export type StatsMode = 'exact' | 'sampled' | 'both';

export interface MeasureOptions extends ExactOptions {
  mode: StatsMode;
  /** T draws per estimator (sampled and both modes). */
  estimates?: number;
  /** Seeded source of the draws (sampled and both modes). */
  rng?: Rng;
}

/**
 * One measurement over the pool at the current parameters: the pool summary, the exact
 * estimators (exact, both) and the sampled ones (sampled, both). Scalars owned by the caller.
 */
export function measure(input: MeasureInput, opts: MeasureOptions): Measurement<tf.Scalar> {
  const m: Measurement<tf.Scalar> =
    opts.mode === 'sampled'
      ? { ...poolSummary(input), estimators: {} }
      : exactStatistics(input, opts);
  if (opts.mode === 'exact') return m;
  if (!opts.rng || !opts.estimates) throw new Error('sampled statistics need estimates and rng');
  m.sampled = sampledEstimators(input, { ...opts, estimates: opts.estimates, rng: opts.rng });
  return m;
}

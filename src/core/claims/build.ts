/**
 * Short constructors for claims, so that a preset's claim reads like its sentence.
 */
import type { EstimatorId } from '../stats/types';
import type { Aggregation, Comparison, Quantity, RunClaim, StatName, StatRef } from './types';

/** The seeds every preset claim is checked on. */
export const CLAIM_SEEDS: readonly number[] = [1, 2, 3];

export function stat(
  estimator: EstimatorId,
  statistic: StatName = 'variance',
  aggregate: Aggregation = 'mean',
): StatRef {
  return { estimator, statistic, aggregate };
}

/** num / den of the same statistic and aggregate (late-mean variance by default). */
export function ratio(num: EstimatorId | StatRef, den: EstimatorId | StatRef): Quantity {
  const ref = (x: EstimatorId | StatRef) => (typeof x === 'string' ? stat(x) : x);
  return { kind: 'ratio', num: ref(num), den: ref(den) };
}

export function claim(
  quantity: Quantity | StatRef,
  comparison: Comparison,
  threshold: number,
  steps: number,
  more: Partial<Pick<RunClaim, 'versus' | 'seeds'>> = {},
): RunClaim {
  const q: Quantity = 'kind' in quantity ? quantity : { kind: 'stat', of: quantity };
  return { quantity: q, comparison, threshold, steps, seeds: CLAIM_SEEDS, ...more };
}

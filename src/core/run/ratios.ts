/**
 * The comparisons the paper draws between estimators (§4), from a run summary: late means
 * (last 70 % of training) of the variance, as ratios. null when either estimator is absent
 * (not measured, or n/a: SG-2B when 2B > N_train) or the denominator is 0.
 */
import type { EstimatorId } from '../stats/types';
import type { EstimatorSummaries } from './summary';

export const RATIOS = [
  ['GC', 'SG-B'],
  ['GC', 'SG-2B'],
  ['SVRG', 'SG-2B'],
] as const satisfies readonly (readonly [EstimatorId, EstimatorId])[];

export interface Ratio {
  num: EstimatorId;
  den: EstimatorId;
  /** Late-mean variance of num / of den. */
  value: number | null;
}

export function varianceRatios(s: EstimatorSummaries): Ratio[] {
  return RATIOS.map(([num, den]) => {
    const a = s[num]?.variance.mean;
    const b = s[den]?.variance.mean;
    const value = a === undefined || b === undefined || b === 0 ? null : a / b;
    return { num, den, value };
  });
}

/**
 * A whole run in a few numbers, as the paper summarises its runs (§4): for every estimator,
 * variance and normalized variance as
 *   late mean = mean over the reports with step ≥ 0.3 × (last reported step)   (the last 70 %)
 *   max       = maximum over every report of the run,
 * plus the last report's loss and accuracies, and the same two aggregates of the gradient noise
 * scale B_simple = Σ_j v_j / ‖g‖² (reports where ‖g‖² = 0 have none). One function, used by `npm run experiment`, the
 * sweeps and the app's run summary, so a single run and a sweep point agree exactly.
 */
import { ESTIMATORS, type EstimatorId } from '../stats/types';
import type { EstimatorPoint, Report } from './records';

/** Reports from this fraction of the last step on make up the late window. */
export const LATE_START = 0.3;

export interface Aggregate {
  /** Mean over the late window (the last 70 % of training). */
  mean: number;
  /** Maximum over the whole run. */
  max: number;
}

export interface EstimatorSummary {
  variance: Aggregate;
  normalizedVariance: Aggregate;
  /** The sampled protocol's NV as the authors' code computes it, when measured. */
  normalizedVarianceAuthors?: Aggregate;
}
export type EstimatorSummaries = Partial<Record<EstimatorId, EstimatorSummary>>;

export interface RunSummary {
  /** Step of the last report, and how many reports there were. */
  steps: number;
  reports: number;
  /** The last report's pool loss, pool accuracy and test accuracy. */
  loss: number;
  acc: number;
  testAcc: number;
  /** B_simple's late mean and max; null when no report had one. */
  bSimple?: Aggregate | null;
  /** Exact statistics (the report's `estimators`). */
  estimators: EstimatorSummaries;
  /** The sampled protocol's, when the run measured it. */
  sampled?: EstimatorSummaries;
}

type Group = 'estimators' | 'sampled';

/** Late mean and max of one statistic of one estimator; null when it was never measured. */
function aggregate(
  reports: readonly Report[],
  lateFrom: number,
  pick: (r: Report) => number | undefined,
): Aggregate | null {
  let max = -Infinity;
  let sum = 0;
  let count = 0;
  for (const r of reports) {
    const v = pick(r);
    if (v === undefined) continue;
    max = Math.max(max, v);
    if (r.step >= lateFrom) {
      sum += v;
      count++;
    }
  }
  return count > 0 ? { mean: sum / count, max } : null;
}

function summariesOf(reports: readonly Report[], lateFrom: number, group: Group) {
  const out: EstimatorSummaries = {};
  for (const id of ESTIMATORS) {
    const stat = (key: keyof EstimatorPoint) =>
      aggregate(reports, lateFrom, (r) => r[group]?.[id]?.[key]);
    const variance = stat('variance');
    const normalizedVariance = stat('normalizedVariance');
    if (!variance || !normalizedVariance) continue;
    out[id] = { variance, normalizedVariance };
    const authors = stat('normalizedVarianceAuthors');
    if (authors) out[id].normalizedVarianceAuthors = authors;
  }
  return out;
}

/** The summary of a run's reports (in step order); null when there are none. */
export function summarizeRun(reports: readonly Report[]): RunSummary | null {
  const last = reports.at(-1);
  if (!last) return null;
  const lateFrom = LATE_START * last.step;
  const summary: RunSummary = {
    steps: last.step,
    reports: reports.length,
    loss: last.loss,
    acc: last.acc,
    testAcc: last.testAcc,
    bSimple: aggregate(reports, lateFrom, (r) => r.bSimple ?? undefined),
    estimators: summariesOf(reports, lateFrom, 'estimators'),
  };
  if (reports.some((r) => r.sampled)) summary.sampled = summariesOf(reports, lateFrom, 'sampled');
  return summary;
}

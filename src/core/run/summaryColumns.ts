/**
 * A run summary (summary.ts) as named numbers: the columns of a sweep's CSV and the `# summary`
 * lines of a run's CSV use these names and values, so one run and a sweep point read the same.
 *
 *   loss, acc, testAcc                      the last report's
 *   <EST> variance mean, <EST> variance max, <EST> normalizedVariance mean,
 *   <EST> normalizedVariance max            per estimator (mean: last 70 %, max: whole run)
 *   bSimple mean, bSimple max               the gradient noise scale, same aggregates
 *   <EST> sampled variance mean, …          the sampled protocol's, when measured
 */
import { ESTIMATORS, type EstimatorId } from '../stats/types';
import type { EstimatorSummaries, RunSummary } from './summary';

export const SUMMARY_STATS = ['variance', 'normalizedVariance'] as const;
export type SummaryStat = (typeof SUMMARY_STATS)[number];
export const SUMMARY_AGGS = ['mean', 'max'] as const;
export type SummaryAgg = (typeof SUMMARY_AGGS)[number];

/** The column of one estimator's statistic, e.g. `SG-B variance mean`. */
export function statColumn(
  id: EstimatorId,
  stat: SummaryStat,
  agg: SummaryAgg,
  sampled = false,
): string {
  return `${id}${sampled ? ' sampled' : ''} ${stat} ${agg}`;
}

function estimatorColumns(sampled: boolean): string[] {
  const out: string[] = [];
  for (const id of ESTIMATORS)
    for (const stat of SUMMARY_STATS)
      for (const agg of SUMMARY_AGGS) out.push(statColumn(id, stat, agg, sampled));
  return out;
}

/** Every column, in order; the sampled protocol's only when asked for. */
export function summaryColumns(sampled: boolean): string[] {
  return [
    'loss',
    'acc',
    'testAcc',
    ...estimatorColumns(false),
    'bSimple mean',
    'bSimple max',
    ...(sampled ? estimatorColumns(true) : []),
  ];
}

function putEstimators(
  out: Record<string, number | null>,
  group: EstimatorSummaries | undefined,
  sampled: boolean,
): void {
  for (const id of ESTIMATORS)
    for (const stat of SUMMARY_STATS)
      for (const agg of SUMMARY_AGGS)
        out[statColumn(id, stat, agg, sampled)] = group?.[id]?.[stat][agg] ?? null;
}

/** The summary's values by column name; null where a value was never measured. */
export function summaryValues(s: RunSummary | null): Record<string, number | null> {
  const out: Record<string, number | null> = {
    loss: s?.loss ?? null,
    acc: s?.acc ?? null,
    testAcc: s?.testAcc ?? null,
  };
  putEstimators(out, s?.estimators, false);
  out['bSimple mean'] = s?.bSimple?.mean ?? null;
  out['bSimple max'] = s?.bSimple?.max ?? null;
  if (s?.sampled) putEstimators(out, s.sampled, true);
  return out;
}

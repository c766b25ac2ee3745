/**
 * The run summary under the charts, as rows of text: per shown estimator the late mean (last
 * 70 % of training) and max of variance and NV, its cost in gradient evaluations per estimate,
 * and the paper's variance ratios. An estimator that cannot be formed or was not measured
 * reads "n/a". Pure: from reports, config and the run's sizes.
 */
import { estimatorIds, type Config } from '../../core/config/schema';
import { costInputs, estimatorCosts } from '../../core/run/costs';
import { varianceRatios } from '../../core/run/ratios';
import type { Report } from '../../core/run/records';
import { summarizeRun, type EstimatorSummary } from '../../core/run/summary';
import type { EstimatorId } from '../../core/stats/types';
import type { RunInfo } from '../../engine/protocol';
import { unavailable } from './series';

export const NA = 'n/a';

export interface SummaryRow {
  id: EstimatorId;
  varianceMean: string;
  varianceMax: string;
  nvMean: string;
  nvMax: string;
  /** The authors' NV (late mean), when the sampled protocol ran. */
  nvAuthorsMean?: string;
  cost: string;
  /** Why the estimator is n/a, when it is. */
  note?: string;
}

export interface SummaryTable {
  /** 'exact' or 'sampled (T = …)': which statistics the rows are. */
  source: string;
  rows: SummaryRow[];
  ratios: { label: string; value: string; cost: string }[];
  steps: number;
}

const num = (v: number | undefined) => (v === undefined ? NA : v.toPrecision(3));

function row(
  id: EstimatorId,
  s: EstimatorSummary | undefined,
  scale: number,
  cost: number,
  note: string | null,
): SummaryRow {
  const out: SummaryRow = {
    id,
    varianceMean: num(s && s.variance.mean * scale),
    varianceMax: num(s && s.variance.max * scale),
    nvMean: num(s?.normalizedVariance.mean),
    nvMax: num(s?.normalizedVariance.max),
    cost: cost.toFixed(Number.isInteger(cost) ? 0 : 1),
  };
  if (s?.normalizedVarianceAuthors) out.nvAuthorsMean = num(s.normalizedVarianceAuthors.mean);
  if (note) out.note = note;
  else if (!s) out.note = 'not measured yet';
  return out;
}

/** The summary of the reports so far; null before the first report. */
export function summaryTable(
  reports: readonly Report[],
  config: Config,
  info: RunInfo | null,
): SummaryTable | null {
  const summary = summarizeRun(reports);
  if (!summary) return null;
  const sampled = config.stats === 'sampled';
  const group = (sampled ? summary.sampled : summary.estimators) ?? {};
  const withAuthors = summary.sampled ?? {};
  const scale = config.agg === 'total' && info ? info.parameters : 1;
  const costs = estimatorCosts(costInputs(config));
  const rows = estimatorIds(config).map((id) => {
    const r = row(id, group[id], scale, costs[id], unavailable(id, config, info));
    const authors = withAuthors[id]?.normalizedVarianceAuthors;
    if (authors) r.nvAuthorsMean = num(authors.mean);
    return r;
  });
  const ratios = varianceRatios(group).map(({ num: a, den: b, value }) => ({
    label: `${a} / ${b}`,
    value: value === null ? NA : value.toPrecision(3),
    cost: `${(costs[a] / costs[b]).toFixed(2)}×`,
  }));
  return {
    source: sampled ? `sampled (T = ${config.estim})` : 'exact',
    rows,
    ratios,
    steps: summary.steps,
  };
}

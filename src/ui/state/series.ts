import { estimatorIds, type Config } from '../../core/config/schema';
import type { EstimatorId } from '../../core/stats/types';
import type { EngineEvent, EstimatorPoint, Report } from '../../core/run/records';
import type { RunInfo } from '../../engine/protocol';
import type { LineData, Marker, RefLine, Series } from '../charts/lineTypes';

export type Statistic = keyof EstimatorPoint;

function column(reports: readonly Report[], pick: (r: Report) => number | undefined) {
  const x: number[] = [];
  const y: number[] = [];
  for (const r of reports) {
    const v = pick(r);
    if (v === undefined) continue;
    x.push(r.step);
    y.push(v);
  }
  return { x, y };
}

/**
 * Why an estimator cannot be formed in this run, or null: SGD draws B of the N_train examples
 * without replacement, so SG-2B needs 2B ≤ N_train (B itself is clamped to N_train).
 */
export function unavailable(id: EstimatorId, config: Config, info: RunInfo | null): string | null {
  const n = info?.trainSize ?? config.n;
  if (id === 'SG-2B' && !config.repl && 2 * config.bs > n)
    return `n/a: 2B = ${2 * config.bs} > N = ${n}`;
  return null;
}

/** How a series' values are shown: as reported, or times d (agg=total: the trace). */
interface SeriesOptions {
  stat: Statistic;
  /** Multiplies every value (d for the variance's sum over coordinates). */
  scale?: number;
  info?: RunInfo | null;
}

/**
 * One line per shown estimator: exact (solid) and/or the sampled protocol (dashed). The
 * authors' NV exists only in the sampled protocol. An estimator that cannot be formed keeps
 * its legend entry, labelled "n/a" with the reason, and has no points (never 0).
 */
export function estimatorSeries(
  reports: readonly Report[],
  config: Config,
  { stat, scale = 1, info = null }: SeriesOptions,
): Series[] {
  const out: Series[] = [];
  const from = (g: 'estimators' | 'sampled', id: EstimatorId) => (r: Report) => {
    const v = (r[g] as Partial<Record<EstimatorId, EstimatorPoint>> | undefined)?.[id]?.[stat];
    return v === undefined ? undefined : v * scale;
  };
  for (const id of estimatorIds(config)) {
    const na = unavailable(id, config, info);
    const tag = na ? ` (${na})` : '';
    if (config.stats !== 'sampled' && stat !== 'normalizedVarianceAuthors')
      out.push({
        id,
        label: `${id}${tag}`,
        unavailable: !!na,
        ...column(reports, from('estimators', id)),
      });
    if (config.stats !== 'exact') {
      const s = column(reports, from('sampled', id));
      out.push({
        id: `${id}-sampled`,
        label: `${id} (sampled, T=${config.estim})${tag}`,
        unavailable: !!na,
        dash: '5 3',
        ...s,
      });
    }
  }
  return out;
}

/** Vertical markers for mid-run changes and GC / SVRG refreshes. */
export function markers(events: readonly EngineEvent[]): Marker[] {
  const out: Marker[] = [];
  for (const e of events) {
    if (e.kind === 'change')
      out.push({ x: e.step, kind: 'change', label: `${e.field} ${e.from} → ${e.to}` });
    if (e.kind === 'lrDrop')
      out.push({ x: e.step, kind: 'change', label: `lr ×0.1: ${e.from} → ${e.to}` });
    if (e.kind === 'gc') out.push({ x: e.step, kind: 'gc', label: 'GC re-clustered' });
    if (e.kind === 'svrg') out.push({ x: e.step, kind: 'svrg', label: 'SVRG snapshot' });
  }
  return out;
}

/** The variance chart: mean over the d coordinates (agg=mean, the paper's) or the trace (d × mean). */
export function varianceData(
  reports: readonly Report[],
  events: readonly EngineEvent[],
  config: Config,
  info: RunInfo | null = null,
): LineData {
  const total = config.agg === 'total' && info !== null;
  const scale = total ? info.parameters : 1;
  return {
    series: estimatorSeries(reports, config, { stat: 'variance', scale, info }),
    markers: markers(events),
  };
}

/**
 * Reference lines of the NV chart. Exact V/(V+g²): noise power = signal power (V = g²) at 0.5.
 * Authors' formula, about (1 + 1/T) V/(V+g²) in expectation: the same point sits at
 * (1 + 1/T)/2, and the paper's text reads 1 as noise = signal (it reads NV as 1/SNR).
 */
export function nvRefLines(config: Config): RefLine[] {
  if (config.nv !== 'authors') return [{ y: 0.5, label: 'noise power = signal power' }];
  const half = (1 + 1 / config.estim) / 2;
  return [
    { y: half, label: 'noise power = signal power (≈ (1 + 1/T)/2)' },
    { y: 1, label: "the paper's text: noise = signal at 1" },
  ];
}

/** The NV chart: the exact V/(V+g²) (nv=exact) or the authors' sampled formula (nv=authors). */
export function nvData(
  reports: readonly Report[],
  events: readonly EngineEvent[],
  config: Config,
  info: RunInfo | null = null,
): LineData {
  const stat: Statistic =
    config.nv === 'authors' ? 'normalizedVarianceAuthors' : 'normalizedVariance';
  return {
    series: estimatorSeries(reports, config, { stat, info }),
    markers: markers(events),
    refLines: nvRefLines(config),
  };
}

/** The loss curve, with the mid-run changes (a learning-rate drop among them) marked. */
export function lossData(
  reports: readonly Report[],
  events: readonly EngineEvent[] = [],
): LineData {
  return {
    series: [{ id: 'train-loss', label: 'train loss (pool)', ...column(reports, (r) => r.loss) }],
    markers: markers(events).filter((m) => m.kind === 'change'),
  };
}

export function accuracyData(reports: readonly Report[]): LineData {
  return {
    series: [
      { id: 'train-acc', label: 'train accuracy (pool)', ...column(reports, (r) => r.acc) },
      { id: 'test-acc', label: 'test accuracy', dash: '5 3', ...column(reports, (r) => r.testAcc) },
    ],
  };
}

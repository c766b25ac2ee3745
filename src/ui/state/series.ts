import { estimatorIds, type Config } from '../../core/config/schema';
import type { EstimatorId } from '../../core/stats/types';
import type { EngineEvent, EstimatorPoint, Report } from '../../core/run/records';
import type { LineData, Marker, Series } from '../charts/lineTypes';

export type Statistic = 'variance' | 'normalizedVariance';

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

/** One line per shown estimator: exact (solid) and/or the sampled protocol (dashed). */
export function estimatorSeries(
  reports: readonly Report[],
  config: Config,
  stat: Statistic,
): Series[] {
  const out: Series[] = [];
  const from = (g: 'estimators' | 'sampled', id: EstimatorId) => (r: Report) =>
    (r[g] as Partial<Record<EstimatorId, EstimatorPoint>> | undefined)?.[id]?.[stat];
  for (const id of estimatorIds(config)) {
    if (config.stats !== 'sampled')
      out.push({ id, label: id, ...column(reports, from('estimators', id)) });
    if (config.stats !== 'exact') {
      const s = column(reports, from('sampled', id));
      out.push({
        id: `${id}-sampled`,
        label: `${id} (sampled, T=${config.estim})`,
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
    if (e.kind === 'gc') out.push({ x: e.step, kind: 'gc', label: 'GC re-clustered' });
    if (e.kind === 'svrg') out.push({ x: e.step, kind: 'svrg', label: 'SVRG snapshot' });
  }
  return out;
}

export function varianceData(
  reports: readonly Report[],
  events: readonly EngineEvent[],
  config: Config,
): LineData {
  return { series: estimatorSeries(reports, config, 'variance'), markers: markers(events) };
}

export function nvData(
  reports: readonly Report[],
  events: readonly EngineEvent[],
  config: Config,
): LineData {
  return {
    series: estimatorSeries(reports, config, 'normalizedVariance'),
    markers: markers(events),
    refLines: [{ y: 0.5, label: 'noise power = signal power' }],
  };
}

export function lossData(reports: readonly Report[]): LineData {
  return {
    series: [{ id: 'train-loss', label: 'train loss (pool)', ...column(reports, (r) => r.loss) }],
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

/**
 * What the sweep chart draws, from a sweep's points (core/sweep/points.ts): one line per
 * estimator (its colour everywhere in the app), and with a second varied key one per
 * estimator × value (dashes tell the values apart); the −1 slope where it teaches (variance
 * against B), B_simple on a B axis, and the 0.5 line of normalized variance.
 */
import { format } from 'd3';
import { statColumn, type SummaryAgg, type SummaryStat } from '../../core/run/summaryColumns';
import type { SweepPoint } from '../../core/sweep/points';
import { bSimpleMarker, referenceSlope, slopeLine } from '../../core/sweep/reference';
import type { EstimatorId } from '../../core/stats/types';
import { ESTIMATOR_COLORS } from '../charts/palette';
import type { SweepChartData, SweepSeries } from '../charts/sweepChart';

/** Dash patterns for the second key's values, in order (solid first). */
export const SERIES_DASHES = [undefined, '7 3', '2 3', '10 3 2 3', '4 4'] as const;

export interface ChartInput {
  keys: readonly string[];
  /** The second key's values, in sweep order (empty with one key). */
  seriesValues: readonly number[];
  points: readonly SweepPoint[];
  stat: SummaryStat;
  agg: SummaryAgg;
  estimators: readonly EstimatorId[];
}

function seriesOf(
  input: ChartInput,
  id: EstimatorId,
  value: number | null,
  i: number,
): SweepSeries {
  const column = statColumn(id, input.stat, input.agg);
  const points = input.points
    .filter((p) => p.series === value && p.values[column])
    .map((p) => ({ x: p.x, ...p.values[column]!, runs: p.runs }));
  return {
    id: `${id}|${value ?? ''}`,
    label: value === null ? id : `${id}, ${input.keys[1]} = ${value}`,
    color: ESTIMATOR_COLORS[id],
    dash: SERIES_DASHES[i % SERIES_DASHES.length],
    points,
  };
}

export function sweepChartData(input: ChartInput): SweepChartData {
  const values: (number | null)[] = input.keys.length > 1 ? [...input.seriesValues] : [null];
  const series = input.estimators
    .flatMap((id) => values.map((v, i) => seriesOf(input, id, v, i)))
    .filter((s) => s.points.length > 0);
  const slope = referenceSlope(input.keys[0], input.stat);
  const sgb = statColumn('SG-B', input.stat, input.agg);
  const first = input.points.filter((p) => p.series === values[0]);
  const seg = slope === null ? null : slopeLine(first, sgb, slope);
  const bSimple = bSimpleMarker(input.keys[0], input.points);
  return {
    series,
    slope: seg ? { ...seg, label: `slope ${slope === -1 ? '−1 (∝ 1/B)' : slope}` } : null,
    vline: bSimple === null ? null : { x: bSimple, label: `B_simple ≈ ${format('.3~g')(bSimple)}` },
    hline:
      input.stat === 'normalizedVariance' ? { y: 0.5, label: 'noise power = signal power' } : null,
  };
}

import { useMemo, useState } from 'react';
import { ESTIMATORS, type EstimatorId } from '../../core/stats/types';
import { ChartSvg } from '../components/ChartSvg';
import { useWidth } from '../components/useWidth';
import { render, type SweepChartOptions, type SweepHit } from '../charts/sweepChart';
import { openQuery } from '../shell/address';
import { sweepChartData } from './chartData';
import { SweepRunCurves } from './SweepRunCurves';
import type { Sweep } from './useSweep';

const STAT_LABEL = { variance: 'variance', normalizedVariance: 'normalized variance' } as const;
const AGG_LABEL = { mean: 'mean over the last 70 %', max: 'max over the run' } as const;

/** Estimators some finished run measured, in the paper's order. */
function measured(results: Sweep['state']['results']): EstimatorId[] {
  const seen = new Set(results.flatMap((r) => Object.keys(r.summary?.estimators ?? {})));
  return ESTIMATORS.filter((e) => seen.has(e));
}

/** The plot of the sweep, its choices (statistic, aggregate, estimators) and the hovered run. */
export function SweepPlot({ sw }: { sw: Sweep }) {
  const { state, keys, points, view, setView } = sw;
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const [hidden, setHidden] = useState<ReadonlySet<EstimatorId>>(new Set());
  const [hover, setHover] = useState<SweepHit | null>(null);
  const available = useMemo(() => measured(state.results), [state.results]);
  const estimators = useMemo(() => available.filter((e) => !hidden.has(e)), [available, hidden]);
  const seriesValues = useMemo(
    () => (keys[1] ? [...new Set(state.runs.map((r) => r.varied[keys[1]]))] : []),
    [state.runs, keys],
  );
  const data = useMemo(
    () =>
      sweepChartData({ keys, seriesValues, points, stat: view.stat, agg: view.agg, estimators }),
    [keys, seriesValues, points, view.stat, view.agg, estimators],
  );
  const options = useMemo<Partial<SweepChartOptions>>(
    () => ({
      width: Math.min(width, 900),
      height: 420,
      title: `Sweep: ${STAT_LABEL[view.stat]} against ${keys[0] ?? '…'}`,
      xLabel: keys[0] ?? '',
      yLabel: `${STAT_LABEL[view.stat]} (${AGG_LABEL[view.agg]})`,
      yScale: view.stat === 'variance' ? 'log' : 'linear',
      onHover: (h) => h && setHover(h),
      onClick: (h) => {
        const run = state.runs.find((r) => r.index === h.point.runs[0]);
        if (run) openQuery(run.query);
      },
    }),
    [width, view, keys, state.runs],
  );
  const toggle = (e: EstimatorId) =>
    setHidden((h) => {
      const next = new Set(h);
      if (!next.delete(e)) next.add(e);
      return next;
    });
  return (
    <section className="sweep-plot" aria-label="Sweep plot">
      <div className="sweep-row" role="group" aria-label="What to plot">
        <label>
          Plot{' '}
          <select
            value={view.stat}
            onChange={(e) => setView({ ...view, stat: e.target.value as typeof view.stat })}
            data-testid="sweep-stat"
          >
            <option value="variance">variance</option>
            <option value="normalizedVariance">normalized variance</option>
          </select>
        </label>
        <label>
          as the{' '}
          <select
            value={view.agg}
            onChange={(e) => setView({ ...view, agg: e.target.value as typeof view.agg })}
          >
            <option value="mean">{AGG_LABEL.mean}</option>
            <option value="max">{AGG_LABEL.max}</option>
          </select>
        </label>
        {available.map((e) => (
          <label key={e}>
            <input type="checkbox" checked={!hidden.has(e)} onChange={() => toggle(e)} /> {e}
          </label>
        ))}
      </div>
      <div ref={ref} className="sweep-chart">
        <ChartSvg render={render} data={data} options={options} testId="chart-sweep" />
      </div>
      <p className="hint">
        Each point: the mean over {sw.state.runs.length ? 'the seeds' : 'seeds'} (bar: min to max).
        Hover or focus a point to see its runs; click it (or press Enter) to open its first run in
        the playground.
      </p>
      {hover ? <SweepRunCurves sw={sw} hit={hover} /> : null}
    </section>
  );
}

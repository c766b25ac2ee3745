import { useMemo } from 'react';
import { ChartSvg } from '../components/ChartSvg';
import { render, type LineData, type LineOptions } from '../charts/lineChart';
import { OKABE_ITO } from '../charts/palette';
import type { SweepHit } from '../charts/sweepChart';
import type { EstimatorId } from '../../core/stats/types';
import { pagePath } from '../shell/address';
import type { Sweep } from './useSweep';

/**
 * The runs behind a hovered point: its estimator's statistic along each seed's training (the
 * summary's late window starts at 0.3 × the last step), and a link to each run.
 */
export function SweepRunCurves({ sw, hit }: { sw: Sweep; hit: SweepHit }) {
  const { state, view } = sw;
  const estimator = hit.series.id.split('|')[0] as EstimatorId;
  const runs = state.runs.filter((r) => hit.point.runs.includes(r.index));
  const data = useMemo<LineData>(
    () => ({
      series: runs.map((r, i) => {
        const reports = state.reports.get(r.index) ?? [];
        return {
          id: `seed-${r.seed}`,
          label: `seed ${r.seed}`,
          color: OKABE_ITO[(i % 7) + 1],
          x: reports.map((p) => p.step),
          y: reports.map((p) => p.estimators[estimator]?.[view.stat] ?? NaN),
        };
      }),
    }),
    [runs, state.reports, estimator, view.stat],
  );
  const where = `${sw.keys[0]} = ${hit.point.x}${hit.series.label.includes(',') ? `, ${hit.series.label.split(', ')[1]}` : ''}`;
  const options = useMemo<Partial<LineOptions>>(
    () => ({
      width: 520,
      height: 220,
      yScale: view.stat === 'variance' ? 'log' : 'linear',
      title: `${estimator} ${view.stat} along each run at ${where}`,
      yLabel: `${estimator} ${view.stat === 'variance' ? 'variance' : 'NV'}`,
    }),
    [estimator, view.stat, where],
  );
  return (
    <div className="sweep-runs" data-testid="sweep-runs">
      <h3>
        {estimator} along each run at {where}
      </h3>
      <ChartSvg render={render} data={data} options={options} testId="chart-sweep-run" />
      <p>
        Open in the playground:{' '}
        {runs.map((r) => (
          <a key={r.index} href={pagePath(r.query)} data-testid="sweep-run-link">
            seed {r.seed}
          </a>
        ))}
      </p>
    </div>
  );
}

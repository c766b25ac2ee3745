import { useMemo } from 'react';
import type { Config } from '../../core/config/schema';
import type { EngineEvent, Report } from '../../engine/protocol';
import * as lineChart from '../charts/lineChart';
import type { LineData, LineOptions } from '../charts/lineTypes';
import { ChartSvg } from '../components/ChartSvg';
import { useWidth } from '../components/useWidth';
import { accuracyData, lossData, nvData, varianceData } from '../state/series';

interface Props {
  reports: readonly Report[];
  events: readonly EngineEvent[];
  config: Config;
  smoothing: number;
  lecture: boolean;
  ghosts?: { variance: LineData; nv: LineData }[];
}

/** The time-series charts: variance (log), normalized variance, loss and accuracy. */
export function ChartsPanel({ reports, events, config, smoothing, lecture }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const variance = useMemo(() => varianceData(reports, events, config), [reports, events, config]);
  const nv = useMemo(() => nvData(reports, events, config), [reports, events, config]);
  const loss = useMemo(() => lossData(reports), [reports]);
  const acc = useMemo(() => accuracyData(reports), [reports]);
  const chartWidth = width >= 900 ? Math.floor((width - 16) / 2) : width;
  const base = useMemo(
    (): Partial<LineOptions> => ({
      width: chartWidth,
      height: lecture ? 340 : 260,
      xLabel: 'iteration',
      smoothing,
    }),
    [chartWidth, lecture, smoothing],
  );
  const opts = useMemo(
    () =>
      ({
        variance: { ...base, yScale: 'log', yLabel: 'variance (1/d) Σ V_j', title: 'Variance' },
        nv: {
          ...base,
          yScale: 'linear',
          yLabel: 'normalized variance',
          title: 'Normalized variance',
          yDomain: [0, 1],
        },
        loss: { ...base, yScale: 'log', yLabel: 'loss', title: 'Training loss' },
        acc: { ...base, yScale: 'linear', yLabel: 'accuracy', title: 'Accuracy', yDomain: [0, 1] },
      }) satisfies Record<string, Partial<LineOptions>>,
    [base],
  );
  return (
    <div className="charts" ref={ref}>
      <figure>
        <figcaption>Variance of each gradient estimator (log scale)</figcaption>
        <ChartSvg
          render={lineChart.render}
          data={variance}
          options={opts.variance}
          testId="chart-variance"
        />
      </figure>
      <figure>
        <figcaption>Normalized variance — above 0.5 the noise outweighs the signal</figcaption>
        <ChartSvg render={lineChart.render} data={nv} options={opts.nv} testId="chart-nv" />
      </figure>
      <figure>
        <figcaption>Training loss on the measurement pool</figcaption>
        <ChartSvg render={lineChart.render} data={loss} options={opts.loss} testId="chart-loss" />
      </figure>
      <figure>
        <figcaption>Accuracy: training pool and held-out test set</figcaption>
        <ChartSvg render={lineChart.render} data={acc} options={opts.acc} testId="chart-accuracy" />
      </figure>
    </div>
  );
}

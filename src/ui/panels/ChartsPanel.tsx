import { useMemo } from 'react';
import type { Config } from '../../core/config/schema';
import type { EngineEvent, Report } from '../../core/run/records';
import * as lineChart from '../charts/lineChart';
import type { GhostRun, LineData, LineOptions } from '../charts/lineTypes';
import { ChartSvg } from '../components/ChartSvg';
import { useWidth } from '../components/useWidth';
import { CHART_GAP, chartGrid } from '../layout/chartGrid';
import { useChartFont } from '../layout/useChartFont';
import { useFitHeight } from '../layout/useFitHeight';
import { useHeight } from '../layout/useHeight';
import { describeDiff, PIN_DASHES, type Pin } from '../pins/pins';
import { accuracyData, lossData, nvData, varianceData } from '../state/series';
import type { RunInfo } from '../../engine/protocol';
import {
  NV_TIP,
  VARIANCE_TIP,
  nvCaption,
  nvDomain,
  varianceCaption,
  varianceLabel,
} from './chartText';

type ChartKey = 'variance' | 'nv' | 'loss' | 'acc';

interface ChartSpec {
  key: ChartKey;
  caption: (c: Config) => string;
  /** Explains the chart (tooltip of the caption's "?"). */
  tip?: string;
  data: (
    reports: readonly Report[],
    events: readonly EngineEvent[],
    c: Config,
    info: RunInfo | null,
  ) => LineData;
  options: (c: Config) => Partial<LineOptions>;
}

const CHARTS: readonly ChartSpec[] = [
  {
    key: 'variance',
    caption: varianceCaption,
    tip: VARIANCE_TIP,
    data: varianceData,
    options: (c) => ({ yScale: 'log', yLabel: varianceLabel(c), title: 'Variance' }),
  },
  {
    key: 'nv',
    caption: nvCaption,
    tip: NV_TIP,
    data: nvData,
    options: (c) => ({
      yScale: 'linear',
      yLabel: c.nv === 'authors' ? "normalized variance (authors')" : 'normalized variance',
      title: 'Normalized variance',
      yDomain: nvDomain(c),
    }),
  },
  {
    key: 'loss',
    caption: () => 'Training loss on the measurement pool',
    data: (r, e) => lossData(r, e),
    options: () => ({ yScale: 'log', yLabel: 'loss', title: 'Training loss' }),
  },
  {
    key: 'acc',
    caption: () => 'Accuracy: training pool and held-out test set',
    data: (r) => accuracyData(r),
    options: () => ({ yScale: 'linear', yLabel: 'accuracy', title: 'Accuracy', yDomain: [0, 1] }),
  },
];

const TEST_ID: Record<ChartKey, string> = {
  variance: 'chart-variance',
  nv: 'chart-nv',
  loss: 'chart-loss',
  acc: 'chart-accuracy',
};

interface Props {
  reports: readonly Report[];
  events: readonly EngineEvent[];
  config: Config;
  smoothing: number;
  lecture: boolean;
  /** The run's sizes (N_train, d): for n/a estimators and agg=total. */
  info?: RunInfo | null;
  /** Pinned runs, drawn as labelled ghosts behind the live curves. */
  pins?: readonly Pin[];
}

/**
 * The time-series charts the config shows: variance (log), NV, loss and accuracy. Two columns
 * when there is room, sized to fill what is left of the first screen (chartGrid); text at the
 * page's --chart-font (20 px in lecture mode).
 */
export function ChartsPanel(props: Props) {
  const { config, smoothing, lecture, pins = [], info = null } = props;
  const [ref, width] = useWidth<HTMLDivElement>();
  const fit = useFitHeight(ref, 220);
  const fontSize = useChartFont(ref, lecture);
  const shown = CHARTS.filter((c) => config.charts.includes(c.key));
  const grid = chartGrid(width, fit, shown.length);
  return (
    <div className="charts" ref={ref} style={{ gap: CHART_GAP }}>
      {shown.map((spec) => (
        <LineFigure
          key={spec.key}
          spec={spec}
          reports={props.reports}
          events={props.events}
          config={config}
          info={info}
          pins={pins}
          width={grid.width}
          height={grid.rowHeight}
          fontSize={fontSize}
          smoothing={smoothing}
        />
      ))}
      {shown.length === 0 ? <p className="muted">No charts selected (charts=).</p> : null}
    </div>
  );
}

interface FigureProps {
  spec: ChartSpec;
  reports: readonly Report[];
  events: readonly EngineEvent[];
  config: Config;
  info: RunInfo | null;
  pins: readonly Pin[];
  /** The figure's size in px, caption included. */
  width: number;
  height: number;
  fontSize: number;
  smoothing: number;
}

/** One chart under its caption; the chart takes the height the caption leaves. */
function LineFigure(p: FigureProps) {
  const { spec, reports, events, config, info, pins } = p;
  const [captionRef, captionHeight] = useHeight<HTMLElement>();
  const chartHeight = Math.max(120, p.height - captionHeight - 2);
  const size = useMemo(
    (): Partial<LineOptions> => ({
      width: p.width,
      height: chartHeight,
      xLabel: 'iteration',
      xMinSpan: 10,
      smoothing: p.smoothing,
      fontSize: p.fontSize,
    }),
    [p.width, chartHeight, p.smoothing, p.fontSize],
  );
  const data = useMemo(
    () => spec.data(reports, events, config, info),
    [spec, reports, events, config, info],
  );
  const ghost = useMemo(
    (): GhostRun[] =>
      pins.map((pin, i) => ({
        label: describeDiff(pin.config, config),
        dash: PIN_DASHES[i % PIN_DASHES.length],
        // A pinned run is shown in the current view (nv, agg), with its own sizes.
        series: spec.data(
          pin.reports,
          [],
          { ...pin.config, nv: config.nv, agg: config.agg },
          pin.info ?? null,
        ).series,
      })),
    [pins, spec, config],
  );
  const options = useMemo(
    () => ({ ...size, ...spec.options(config), ghost }),
    [size, spec, config, ghost],
  );
  const caption = spec.caption(config);
  return (
    <figure style={{ width: p.width }}>
      <figcaption ref={captionRef}>
        {caption}
        {spec.tip ? (
          <span className="tip" title={spec.tip} aria-label={spec.tip} role="note" tabIndex={0}>
            {' '}
            ?
          </span>
        ) : null}
      </figcaption>
      <ChartSvg
        render={lineChart.render}
        data={data}
        options={options}
        testId={TEST_ID[spec.key]}
        retained
      />
    </figure>
  );
}

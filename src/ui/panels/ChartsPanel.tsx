import { useMemo } from 'react';
import type { Config } from '../../core/config/schema';
import type { EngineEvent, Report } from '../../core/run/records';
import * as lineChart from '../charts/lineChart';
import type { GhostRun, LineData, LineOptions } from '../charts/lineTypes';
import { ChartSvg } from '../components/ChartSvg';
import { useViewportHeight } from '../components/useViewportHeight';
import { useWidth } from '../components/useWidth';
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

/** Lecture mode draws every chart 1.5× larger: fonts, lines and all (DESIGN: projector). */
export const LECTURE_ZOOM = 1.5;
/** Height above the charts in lecture mode (header, transport, captions), in px. */
const LECTURE_CHROME = 190;

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

/** The time-series charts the config shows: variance (log), NV, loss and accuracy. */
export function ChartsPanel(props: Props) {
  const { config, smoothing, lecture, pins = [], info = null } = props;
  const [ref, width] = useWidth<HTMLDivElement>();
  const viewport = useViewportHeight();
  const shown = CHARTS.filter((c) => config.charts.includes(c.key));
  const twoColumns = width >= 900 || (lecture && shown.length > 1);
  const shownWidth = twoColumns ? Math.floor((width - 16) / 2) : width;
  const rows = Math.ceil(shown.length / (twoColumns ? 2 : 1));
  const shownHeight = lecture
    ? Math.max(300, Math.floor((viewport - LECTURE_CHROME) / Math.max(rows, 1)) - 40)
    : 260;
  const zoom = lecture ? LECTURE_ZOOM : 1;
  const size = useMemo(
    () => ({
      width: Math.floor(shownWidth / zoom),
      height: Math.floor(shownHeight / zoom),
      xLabel: 'iteration',
      smoothing,
    }),
    [shownWidth, shownHeight, zoom, smoothing],
  );
  return (
    <div className="charts" ref={ref}>
      {shown.map((spec) => (
        <LineFigure
          key={spec.key}
          spec={spec}
          reports={props.reports}
          events={props.events}
          config={config}
          info={info}
          pins={pins}
          size={size}
          zoom={zoom}
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
  size: Partial<LineOptions>;
  zoom: number;
}

function LineFigure({ spec, reports, events, config, info, pins, size, zoom }: FigureProps) {
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
    <figure style={{ width: (size.width ?? 0) * zoom }}>
      <figcaption>
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
        zoom={zoom}
      />
    </figure>
  );
}

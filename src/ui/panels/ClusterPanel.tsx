import { useMemo, type ReactNode } from 'react';
import type { ClusterView, PlaneView } from '../../engine/protocol';
import * as bars from '../charts/clusterBars';
import * as digits from '../charts/digitThumbnails';
import * as scatter from '../charts/projectionScatter';
import { ChartSvg } from '../components/ChartSvg';
import { useWidth } from '../components/useWidth';
import { useChartFont } from '../layout/useChartFont';
import { useFitHeight } from '../layout/useFitHeight';
import { useHeight } from '../layout/useHeight';
import { PlaneWithHeatmap } from './PlaneWithHeatmap';

const NO_SIZES = new Int32Array(0);

interface Props {
  view: ClusterView | null;
  /** 2-D data: the plane as the run started, drawn until the first cluster view arrives. */
  plane?: PlaneView | null;
  /** Whether the run re-clusters (GC among the estimators). */
  clustering?: boolean;
  /** GC's K as configured: the plane's legend keeps room for its clusters before they come. */
  k?: number;
  /** Pool indices to ring in the plane (the explained step's mini-batch). */
  highlight?: Int32Array;
  /** Lecture mode: its larger chart text (--chart-font). */
  lecture?: boolean;
  /** Shown right under the main picture (slow motion narrates beside the plane). */
  children?: ReactNode;
}

/** The cluster sizes chart's height over its width. */
const BAR_RATIO = 0.35;
/** The smallest picture (px) fitted to the first screen; less room, and it takes the width. */
const MIN_FITTED = 300;

/**
 * Gradient Clustering views. The main picture first, as large as the column and what is left
 * of the first screen allow: the plane (2-D data), else the digits of each cluster (MNIST),
 * else the gradient projection; then `children`; then the projection and the cluster sizes.
 */
export function ClusterPanel({
  view,
  plane = null,
  clustering = true,
  k = 0,
  highlight,
  lecture = false,
  children,
}: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const fit = useFitHeight(ref, 260);
  const fontSize = useChartFont(ref, lecture);
  const shown = view ?? plane;
  const input = useMemo(() => (shown ? { view: shown, highlight } : null), [shown, highlight]);
  const isPlane = Boolean(shown?.points && shown.boundaries);
  const proj = useMemo(
    () => (view ? { xy: view.projection, cluster: view.assignment } : null),
    [view],
  );
  const sizes = useMemo(() => ({ sizes: view?.sizes ?? NO_SIZES }), [view]);
  const dig = useMemo(
    () => (view?.digits ? { pixels: view.digits.pixels, cluster: view.digits.cluster } : null),
    [view],
  );
  const [titleRef, titleHeight] = useHeight<HTMLHeadingElement>();
  // The first screen holds the title, the picture (size²), slow motion's bar (about five lines
  // of chart text and the gaps) and, on the plane when GC runs, the sizes chart (BAR_RATIO · size tall).
  const withBars = isPlane && clustering;
  const room = (fit - titleHeight - 5 * fontSize) / (withBars ? 1 + BAR_RATIO : 1);
  // A first screen too short for a useful picture (a phone, one scrolled column): full width.
  const size = Math.max(220, Math.min(width, room >= MIN_FITTED ? Math.floor(room) : width));
  const opts = useMemo(() => ({ width: size, height: size, fontSize }), [size, fontSize]);
  const barOpts = useMemo(
    () => ({ width: size, height: Math.round(size * BAR_RATIO), fontSize }),
    [size, fontSize],
  );
  const digOpts = useMemo(() => ({ width: size, height: Math.round(size * 0.8) }), [size]);
  // h2: the page's sections sit under its h1 (the charts have figure captions).
  const title = (
    <h2 className="cluster-title" ref={titleRef}>
      {view
        ? `Gradient Clustering at step ${view.step}: K = ${view.K}`
        : plane && !clustering
          ? `The data at step ${plane.step} (GC off: no clusters)`
          : `Gradient Clustering${plane ? ': not yet run' : ''}`}
    </h2>
  );
  const projection = proj ? (
    <ChartSvg
      render={scatter.render}
      data={proj}
      options={opts}
      testId="chart-projection"
      retained
    />
  ) : null;
  const main = isPlane ? (
    <PlaneWithHeatmap
      input={input!}
      size={size}
      fontSize={fontSize}
      plannedClusters={clustering ? k : 0}
    />
  ) : dig ? (
    <ChartSvg render={digits.render} data={dig} options={digOpts} testId="chart-digits" retained />
  ) : (
    (projection ?? (
      // The main picture's room, kept so that nothing moves when it arrives.
      <p className="hint picture-room" style={{ minHeight: size }}>
        It appears after the first re-clustering (include GC in the estimators).
      </p>
    ))
  );
  // One tree in every state (React keeps each chart's SVG from one view to the next); the
  // sizes chart is there, empty, from the plane's first picture when the run clusters.
  return (
    <div className="cluster-panel" ref={ref}>
      {title}
      {main}
      {children}
      {!isPlane && dig ? projection : null}
      {view || (isPlane && clustering) ? (
        <ChartSvg
          render={bars.render}
          data={sizes}
          options={barOpts}
          testId="chart-cluster-sizes"
          retained
        />
      ) : null}
    </div>
  );
}

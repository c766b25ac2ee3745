import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { ClusterView } from '../../engine/protocol';
import * as bars from '../charts/clusterBars';
import * as plane from '../charts/clusterPlane';
import * as digits from '../charts/digitThumbnails';
import * as scatter from '../charts/projectionScatter';
import { ChartSvg } from '../components/ChartSvg';
import { useWidth } from '../components/useWidth';
import { useChartFont } from '../layout/useChartFont';
import { useFitHeight } from '../layout/useFitHeight';
import { useHeight } from '../layout/useHeight';

/** Fig. 1 data: points, the current boundary and each cluster's one-step boundary. */
function planeData(view: ClusterView, highlight?: Int32Array): plane.PlaneData | null {
  const b = view.boundaries;
  if (!view.points || !b) return null;
  return {
    highlight,
    points: {
      xy: view.points.xy,
      label: view.points.label,
      cluster: view.assignment,
      duplicate: view.points.duplicate,
    },
    boundaries: {
      current: plane.contourLines(b.current, b.res, b.res, b.extent),
      perCluster: b.perCluster.map((g, cluster) => ({
        cluster,
        lines: plane.contourLines(g, b.res, b.res, b.extent),
      })),
    },
    extent: b.extent,
  };
}

/** The 2-D plane over a canvas heat map of the current prediction P(class 1). */
function PlaneWithHeatmap({
  data,
  view,
  size,
  fontSize,
}: {
  data: plane.PlaneData;
  view: ClusterView;
  size: number;
  fontSize: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const options = useMemo(() => ({ width: size, height: size, fontSize }), [size, fontSize]);
  const area = plane.plotArea(data, options);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    const b = view.boundaries;
    if (ctx && b) plane.drawHeatmap(ctx, b.current, b.res, b.res, area.width, area.height);
  }, [view, area.width, area.height]);
  return (
    <div className="plane" style={{ width: size, height: size }}>
      <canvas
        ref={canvas}
        width={area.width}
        height={area.height}
        style={{ left: area.left, top: area.top }}
        aria-hidden="true"
      />
      <ChartSvg render={plane.render} data={data} options={options} testId="chart-cluster-plane" />
    </div>
  );
}

interface Props {
  view: ClusterView | null;
  /** Pool indices to ring in the plane (the explained step's mini-batch). */
  highlight?: Int32Array;
  /** Lecture mode: its larger chart text (--chart-font). */
  lecture?: boolean;
  /** Shown right under the main picture (slow motion narrates beside the plane). */
  children?: ReactNode;
}

/**
 * Gradient Clustering views. The main picture first, as large as the column and what is left
 * of the first screen allow: the plane (2-D data), else the digits of each cluster (MNIST),
 * else the gradient projection; then `children`; then the projection and the cluster sizes.
 */
export function ClusterPanel({ view, highlight, lecture = false, children }: Props) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const fit = useFitHeight(ref, 260);
  const fontSize = useChartFont(ref, lecture);
  const pd = useMemo(() => (view ? planeData(view, highlight) : null), [view, highlight]);
  const proj = useMemo(
    () => (view ? { xy: view.projection, cluster: view.assignment } : null),
    [view],
  );
  const sizes = useMemo(() => (view ? { sizes: view.sizes } : null), [view]);
  const dig = useMemo(
    () => (view?.digits ? { pixels: view.digits.pixels, cluster: view.digits.cluster } : null),
    [view],
  );
  const [titleRef, titleHeight] = useHeight<HTMLHeadingElement>();
  // Room kept under the main picture for slow motion's bar: about four lines of chart text.
  const size = Math.max(220, Math.min(width, fit - titleHeight - 4 * fontSize));
  const opts = useMemo(() => ({ width: size, height: size, fontSize }), [size, fontSize]);
  const barOpts = useMemo(
    () => ({ width: size, height: Math.round(size * 0.4), fontSize }),
    [size, fontSize],
  );
  const digOpts = useMemo(() => ({ width: size, height: Math.round(size * 0.8) }), [size]);
  if (!view) {
    return (
      <div className="cluster-panel" ref={ref}>
        <p className="hint">
          Gradient Clustering appears after the first re-clustering (include GC in the estimators).
        </p>
        {children}
      </div>
    );
  }
  const projection = (
    <ChartSvg render={scatter.render} data={proj!} options={opts} testId="chart-projection" />
  );
  return (
    <div className="cluster-panel" ref={ref}>
      {/* h2: the page's sections sit under its h1 (the charts have figure captions). */}
      <h2 className="cluster-title" ref={titleRef}>
        Gradient Clustering at step {view.step}: K = {view.K}
      </h2>
      {pd ? (
        <PlaneWithHeatmap data={pd} view={view} size={size} fontSize={fontSize} />
      ) : dig ? (
        <ChartSvg render={digits.render} data={dig} options={digOpts} testId="chart-digits" />
      ) : (
        projection
      )}
      {children}
      {!pd && dig ? projection : null}
      <ChartSvg render={bars.render} data={sizes!} options={barOpts} testId="chart-cluster-sizes" />
    </div>
  );
}

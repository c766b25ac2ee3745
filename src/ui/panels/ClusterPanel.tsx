import { useEffect, useMemo, useRef } from 'react';
import type { ClusterView } from '../../engine/protocol';
import * as bars from '../charts/clusterBars';
import * as plane from '../charts/clusterPlane';
import * as digits from '../charts/digitThumbnails';
import * as scatter from '../charts/projectionScatter';
import { ChartSvg } from '../components/ChartSvg';
import { useWidth } from '../components/useWidth';

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
}: {
  data: plane.PlaneData;
  view: ClusterView;
  size: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const options = useMemo(() => ({ width: size, height: size }), [size]);
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

/** Gradient Clustering views: the plane (2-D data) or the gradient projection, sizes, digits. */
export function ClusterPanel({
  view,
  highlight,
}: {
  view: ClusterView | null;
  /** Pool indices to ring in the plane (the explained step's mini-batch). */
  highlight?: Int32Array;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
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
  const size = Math.min(width, 520);
  const opts = useMemo(() => ({ width: size, height: size }), [size]);
  const barOpts = useMemo(() => ({ width: size, height: 160 }), [size]);
  const digOpts = useMemo(() => ({ width: size, height: 300 }), [size]);
  if (!view) {
    return (
      <div className="cluster-panel" ref={ref}>
        <p className="hint">
          Gradient Clustering appears after the first re-clustering (include GC in the estimators).
        </p>
      </div>
    );
  }
  return (
    <div className="cluster-panel" ref={ref}>
      {/* h2: the page's sections sit under its h1 (the charts have figure captions). */}
      <h2 className="cluster-title">
        Gradient Clustering at step {view.step}: K = {view.K}
      </h2>
      {pd ? (
        <PlaneWithHeatmap data={pd} view={view} size={size} />
      ) : (
        <ChartSvg render={scatter.render} data={proj!} options={opts} testId="chart-projection" />
      )}
      <ChartSvg render={bars.render} data={sizes!} options={barOpts} testId="chart-cluster-sizes" />
      {dig ? (
        <ChartSvg render={digits.render} data={dig} options={digOpts} testId="chart-digits" />
      ) : null}
    </div>
  );
}

import { useMemo, type ReactNode } from 'react';
import type { ClusterView } from '../../engine/protocol';
import * as bars from '../charts/clusterBars';
import * as digits from '../charts/digitThumbnails';
import * as scatter from '../charts/projectionScatter';
import { ChartSvg } from '../components/ChartSvg';
import { useWidth } from '../components/useWidth';
import { useChartFont } from '../layout/useChartFont';
import { useFitHeight } from '../layout/useFitHeight';
import { useHeight } from '../layout/useHeight';
import { PlaneWithHeatmap } from './PlaneWithHeatmap';

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
  const input = useMemo(() => (view ? { view, highlight } : null), [view, highlight]);
  const isPlane = Boolean(view?.points && view.boundaries);
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
  // h2: the page's sections sit under its h1 (the charts have figure captions).
  const title = (
    <h2 className="cluster-title" ref={titleRef}>
      Gradient Clustering{view ? ` at step ${view.step}: K = ${view.K}` : ''}
    </h2>
  );
  if (!view) {
    return (
      <div className="cluster-panel" ref={ref}>
        {title}
        {/* The main picture's room, kept so that nothing moves when it arrives. */}
        <p className="hint picture-room" style={{ minHeight: size }}>
          It appears after the first re-clustering (include GC in the estimators).
        </p>
        {children}
      </div>
    );
  }
  const projection = (
    <ChartSvg
      render={scatter.render}
      data={proj!}
      options={opts}
      testId="chart-projection"
      retained
    />
  );
  return (
    <div className="cluster-panel" ref={ref}>
      {title}
      {isPlane ? (
        <PlaneWithHeatmap input={input!} size={size} fontSize={fontSize} />
      ) : dig ? (
        <ChartSvg
          render={digits.render}
          data={dig}
          options={digOpts}
          testId="chart-digits"
          retained
        />
      ) : (
        projection
      )}
      {children}
      {!isPlane && dig ? projection : null}
      <ChartSvg
        render={bars.render}
        data={sizes!}
        options={barOpts}
        testId="chart-cluster-sizes"
        retained
      />
    </div>
  );
}

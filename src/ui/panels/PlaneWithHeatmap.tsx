import { useCallback, useMemo, useRef } from 'react';
import type { ClusterView, PlaneView } from '../../engine/protocol';
import * as plane from '../charts/clusterPlane';
import { ChartSvg } from '../components/ChartSvg';
import type { Draw } from '../components/drawQueue';

/**
 * What the plane draws: the engine's cluster view (or, before the first re-clustering, its
 * plane view: points in no cluster, the current boundary only) and the points to ring.
 */
export interface PlaneInput {
  view: ClusterView | PlaneView;
  /** Pool indices to ring (the explained step's mini-batch). */
  highlight?: Int32Array;
}

/**
 * Fig. 1 data: points, the current boundary and each cluster's one-step boundary (traced by
 * the engine). Null for a view without a plane (data that is not 2-D).
 */
export function planeData({ view, highlight }: PlaneInput): plane.PlaneData | null {
  const b = view.boundaries;
  if (!view.points || !b) return null;
  const clustered = 'assignment' in view && 'perCluster' in b;
  return {
    highlight,
    points: {
      xy: view.points.xy,
      label: view.points.label,
      cluster: clustered ? view.assignment : undefined,
      duplicate: view.points.duplicate,
    },
    boundaries: {
      current: b.lines.current,
      perCluster: clustered ? b.lines.perCluster.map((lines, cluster) => ({ cluster, lines })) : [],
    },
    extent: b.extent,
  };
}

/** Paints the res x res grid of P(class 1) over the canvas (see heatmapPlacement). */
function paintHeatmap(
  ctx: CanvasRenderingContext2D,
  image: HTMLCanvasElement,
  grid: Float32Array,
  res: number,
  area: { width: number; height: number },
): void {
  if (image.width !== res) image.width = res;
  if (image.height !== res) image.height = res;
  image
    .getContext('2d')
    ?.putImageData(new ImageData(plane.heatmapPixels(grid, res, res), res), 0, 0);
  ctx.clearRect(0, 0, area.width, area.height);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(image, ...plane.heatmapPlacement(res, res, area.width, area.height));
}

/**
 * The 2-D plane over a canvas heat map of the current prediction P(class 1), drawn in two
 * turns of the draw queue (ChartSvg), never in React's render: the heat map, then the plane.
 */
export function PlaneWithHeatmap({
  input,
  size,
  fontSize,
  plannedClusters = 0,
}: {
  input: PlaneInput;
  size: number;
  fontSize: number;
  /** GC's K while it has not yet run (0: GC off): the legend keeps their room. */
  plannedClusters?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // The res x res image of the grid, kept between paints (a new canvas costs ~20 ms).
  const gridImage = useRef<HTMLCanvasElement | null>(null);
  const options = useMemo(
    () => ({ width: size, height: size, fontSize, plannedClusters }),
    [size, fontSize, plannedClusters],
  );
  const data = useMemo(() => planeData(input), [input]);
  const area = data ? plane.plotArea(data, options) : null;
  const draw = useCallback(
    (svg: SVGSVGElement, d: plane.PlaneData, o: Partial<plane.PlaneOptions>): Draw | void => {
      const b = input.view.boundaries;
      const ctx = canvas.current?.getContext('2d');
      gridImage.current ??= document.createElement('canvas');
      if (b && ctx) paintHeatmap(ctx, gridImage.current, b.current, b.res, plane.plotArea(d, o));
      return () => plane.render(svg, d, o);
    },
    [input],
  );
  if (!data || !area) return null;
  return (
    <div className="plane" style={{ width: size, height: size }}>
      <canvas
        ref={canvas}
        width={area.width}
        height={area.height}
        style={{ left: area.left, top: area.top }}
        aria-hidden="true"
      />
      <ChartSvg render={draw} data={data} options={options} testId="chart-cluster-plane" retained />
    </div>
  );
}

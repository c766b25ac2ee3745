import { useCallback, useMemo, useRef } from 'react';
import type { ClusterView } from '../../engine/protocol';
import * as plane from '../charts/clusterPlane';
import { ChartSvg } from '../components/ChartSvg';
import type { Draw } from '../components/drawQueue';

/** What the plane draws: the engine's cluster view and the points to ring. */
export interface PlaneInput {
  view: ClusterView;
  /** Pool indices to ring (the explained step's mini-batch). */
  highlight?: Int32Array;
}

/**
 * Fig. 1 data: points, the current boundary and each cluster's one-step boundary, from the
 * traced contours `lines` ([current, cluster 0, cluster 1, ...]; missing ones are empty: the
 * layout alone, for placing the canvas). Null for a view without a plane (not 2-D data).
 */
export function planeData(
  { view, highlight }: PlaneInput,
  lines: readonly plane.Polyline[][] = [],
): plane.PlaneData | null {
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
      current: lines[0] ?? [],
      perCluster: b.perCluster.map((_, cluster) => ({ cluster, lines: lines[cluster + 1] ?? [] })),
    },
    extent: b.extent,
  };
}

/**
 * The 2-D plane over a canvas heat map of the current prediction P(class 1). Drawn in turns
 * of the draw queue, never in React's render: one turn per contour traced (the first traces
 * of a page run cold code, tens of ms each), one for the heat map, one for the plane.
 */
export function PlaneWithHeatmap({
  input,
  size,
  fontSize,
}: {
  input: PlaneInput;
  size: number;
  fontSize: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const options = useMemo(() => ({ width: size, height: size, fontSize }), [size, fontSize]);
  const layout = useMemo(() => planeData(input), [input]);
  const area = layout ? plane.plotArea(layout, options) : null;
  const draw = useCallback(
    (svg: SVGSVGElement, input: PlaneInput, o: Partial<plane.PlaneOptions>): Draw | void => {
      const b = input.view.boundaries;
      if (!b) return;
      const grids = [b.current, ...b.perCluster];
      const lines: plane.Polyline[][] = [];
      const paint = () => {
        const data = planeData(input, lines);
        if (!data) return;
        const at = plane.plotArea(data, o);
        const ctx = canvas.current?.getContext('2d');
        const pixels = plane.heatmapPixels(b.current, b.res, b.res, at.width, at.height);
        if (ctx && pixels.length)
          ctx.putImageData(new ImageData(pixels, Math.floor(at.width)), 0, 0);
        return () => plane.render(svg, data, o);
      };
      const trace = (): Draw => {
        const g = grids[lines.length];
        lines.push(plane.contourLines(g, b.res, b.res, b.extent));
        return lines.length < grids.length ? trace : paint;
      };
      return trace();
    },
    [],
  );
  if (!area) return null;
  return (
    <div className="plane" style={{ width: size, height: size }}>
      <canvas
        ref={canvas}
        width={area.width}
        height={area.height}
        style={{ left: area.left, top: area.top }}
        aria-hidden="true"
      />
      <ChartSvg
        render={draw}
        data={input}
        options={options}
        testId="chart-cluster-plane"
        retained
      />
    </div>
  );
}

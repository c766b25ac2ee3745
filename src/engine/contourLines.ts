/**
 * The decision boundaries of Fig. 1 as polylines, traced from the P(class 1) grids of
 * core/stats/clusterBoundaries.ts. Traced in the engine (a first trace runs cold code for
 * tens of ms, too long for the page's main thread); the page draws them (ui/charts/clusterPlane.ts).
 */
import { contours } from 'd3';

/** An extent [[x0, x1], [y0, y1]] in data coordinates. */
export type Extent = [[number, number], [number, number]];
/** A polyline in data coordinates. */
export type Polyline = [number, number][];

/**
 * Decision-boundary polylines of a gx x gy grid at `level` (P(class 1) = 0.5 by default).
 * grid[r·gx + c] is the value at x = x0 + c/(gx-1)·(x1-x0), y = y0 + r/(gy-1)·(y1-y0) (the
 * engine's layout); non-finite values count as below the level. d3-contour closes its
 * polygons along the grid's border; those border edges are not boundary, so each ring is cut
 * there into open polylines.
 */
export function contourLines(
  grid: ArrayLike<number>,
  gx: number,
  gy: number,
  extent: Extent,
  level = 0.5,
): Polyline[] {
  if (gx < 2 || gy < 2 || grid.length < gx * gy) return [];
  const values = Array.from({ length: gx * gy }, (_, i) =>
    Number.isFinite(grid[i]) ? grid[i] : level - 1,
  );
  const [[x0, x1], [y0, y1]] = extent;
  // d3-contour puts sample c at u = c + 0.5; the border is u = 0 or gx (v = 0 or gy).
  const onBorder = ([u, v]: number[]) => u <= 0 || u >= gx || v <= 0 || v >= gy;
  const toData = ([u, v]: number[]): [number, number] => [
    clamp(x0 + ((u - 0.5) / (gx - 1)) * (x1 - x0), x0, x1),
    clamp(y0 + ((v - 0.5) / (gy - 1)) * (y1 - y0), y0, y1),
  ];
  const lines: Polyline[] = [];
  for (const shape of contours().size([gx, gy]).thresholds([level])(values)) {
    for (const ring of shape.coordinates.flat()) {
      for (const piece of cutAt(ring, onBorder)) lines.push(piece.map(toData));
    }
  }
  return lines;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, Math.min(lo, hi)), Math.max(lo, hi));
}

/** Splits a closed ring into the open runs of points that are not cut; runs of 1 are dropped. */
function cutAt<P>(ring: P[], cut: (p: P) => boolean): P[][] {
  const pts = ring.length > 1 ? ring.slice(0, -1) : ring; // drop the closing duplicate
  const start = pts.findIndex(cut);
  if (start < 0) return pts.length > 1 ? [[...pts, pts[0]]] : [];
  const runs: P[][] = [];
  let run: P[] = [];
  for (let k = 1; k <= pts.length; k++) {
    const p = pts[(start + k) % pts.length];
    if (cut(p)) {
      if (run.length > 1) runs.push(run);
      run = [];
    } else run.push(p);
  }
  return runs;
}

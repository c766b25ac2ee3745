import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../core/rng';
import type { Network } from '../core/model/build';
import {
  GRID_RES,
  boundaryGrids,
  currentGrid,
  extentOf,
  gridPoints,
  type BoundaryInput,
} from '../core/stats/clusterBoundaries';
import { contourLines, type Extent } from './contourLines';
import { gradientProjection } from '../core/stats/projection';
import { tidy } from '../core/tidy';
import type { ClusterView, PlanePoints, PlaneView } from './protocol';

export interface ViewInput extends BoundaryInput {
  step: number;
  rng: Rng;
  /** 2-D datasets: pool inputs (N x 2), labels and duplicate marks. */
  plane?: PlanePoints;
}

/** P = 0.5 lines of a res x res grid of P(class 1). */
const traced = (extent: Extent) => (g: Float32Array) => contourLines(g, GRID_RES, GRID_RES, extent);

/** The plane before any re-clustering: the points and the boundary of `net` (one readback). */
export async function buildPlaneView(
  net: Network,
  plane: PlanePoints,
  step: number,
): Promise<PlaneView> {
  const extent = extentOf(plane.xy);
  const grid = tidy(() => currentGrid(net, gridPoints(extent)));
  const current = (await grid.data()) as Float32Array;
  grid.dispose();
  return {
    step,
    points: plane,
    boundaries: { res: GRID_RES, extent, current, lines: { current: traced(extent)(current) } },
  };
}

/** Builds the cluster view with one readback of everything it needs. */
export async function buildClusterView(v: ViewInput): Promise<ClusterView> {
  const extent = v.plane ? extentOf(v.plane.xy) : null;
  const parts = tidy(() => {
    const out: tf.Tensor[] = [tf.reshape(gradientProjection(v.p.factors, v.rng), [-1])];
    if (extent) out.push(...boundaryGrids(v, gridPoints(extent)));
    return tf.concat(out);
  });
  const all = (await parts.data()) as Float32Array;
  parts.dispose();
  const n = v.assignment.length;
  const view: ClusterView = {
    step: v.step,
    K: v.sizes.length,
    assignment: v.assignment.slice(),
    sizes: v.sizes.slice(),
    projection: all.slice(0, 2 * n),
  };
  if (v.plane && extent) {
    const cells = GRID_RES * GRID_RES;
    const grids = Array.from({ length: v.sizes.length + 1 }, (_, k) =>
      all.slice(2 * n + k * cells, 2 * n + (k + 1) * cells),
    );
    view.points = {
      xy: v.plane.xy.slice(),
      label: v.plane.label.slice(),
      duplicate: v.plane.duplicate.slice(),
    };
    const trace = traced(extent);
    const current = grids.pop()!;
    view.boundaries = {
      res: GRID_RES,
      extent,
      current,
      perCluster: grids,
      lines: { current: trace(current), perCluster: grids.map(trace) },
    };
  }
  return view;
}

import * as tf from '@tensorflow/tfjs-core';
import { addAll, crossProduct } from '../core/linalg';
import type { Network } from '../core/model/build';
import type { PerExample } from '../core/model/backprop';
import { forward } from '../core/model/backprop';
import type { Rng } from '../core/rng';
import { gradientProjection } from '../core/stats/projection';
import { tidy } from '../core/tidy';
import type { ClusterView } from './protocol';

/** Grid resolution of the decision-boundary maps (res x res). */
export const GRID_RES = 48;

export interface ViewInput {
  step: number;
  net: Network;
  p: PerExample;
  assignment: Int32Array;
  sizes: Int32Array;
  lr: number;
  rng: Rng;
  /** 2-D datasets: pool inputs (N x 2), labels and duplicate marks. */
  plane?: { xy: Float32Array; label: Int32Array; duplicate: Uint8Array };
}

/** Bounding box of the points with a 10% margin. */
function extentOf(xy: Float32Array): [[number, number], [number, number]] {
  const lo = [Infinity, Infinity];
  const hi = [-Infinity, -Infinity];
  for (let i = 0; i < xy.length; i++) {
    lo[i % 2] = Math.min(lo[i % 2], xy[i]);
    hi[i % 2] = Math.max(hi[i % 2], xy[i]);
  }
  const pad = (a: number, b: number): [number, number] => [
    a - 0.1 * (b - a || 1),
    b + 0.1 * (b - a || 1),
  ];
  return [pad(lo[0], hi[0]), pad(lo[1], hi[1])];
}

function gridPoints(extent: [[number, number], [number, number]]): tf.Tensor2D {
  const v = new Float32Array(GRID_RES * GRID_RES * 2);
  for (let r = 0; r < GRID_RES; r++) {
    for (let c = 0; c < GRID_RES; c++) {
      const k = 2 * (r * GRID_RES + c);
      v[k] = extent[0][0] + ((extent[0][1] - extent[0][0]) * c) / (GRID_RES - 1);
      v[k + 1] = extent[1][0] + ((extent[1][1] - extent[1][0]) * r) / (GRID_RES - 1);
    }
  }
  return tf.tensor2d(v, [GRID_RES * GRID_RES, 2]);
}

/** P(class 1) on the grid: softmax column 1, or σ(f) for the logistic loss. Inside tidy. */
function classOne(net: Network, f: tf.Tensor2D): tf.Tensor1D {
  if (net.loss === 'logistic') return tf.reshape(tf.sigmoid(f), [-1]);
  return tf.reshape(tf.slice(tf.softmax(f), [0, 1], [-1, 1]), [-1]);
}

/**
 * Fig. 1 of the paper: the decision boundary after one step along each cluster's mean
 * gradient G_k = A_k^T D_k / N_k. The step is lr, raised when needed so that the largest
 * cluster step moves the parameters by 20% of their norm (otherwise the dashed lines would
 * sit on the solid one). Returns one grid per cluster, then the current grid. Inside tidy.
 */
function boundaryGrids(v: ViewInput, grid: tf.Tensor2D): tf.Tensor1D[] {
  const trainable = v.net.layers.filter((l) => l.trainable);
  // One cluster at a time, each in its own tidy: holding every cluster's G_k and grid
  // activations at once took K x (d + 2304 x the layer widths) floats (GBs for wide nets).
  const norms = Array.from(v.sizes, (_, k) =>
    tf.tidy(() => tf.sqrt(addAll(clusterMean(v, k).map((g) => tf.sum(tf.square(g)))))),
  );
  const thetaNorm = tf.sqrt(addAll(trainable.map((l) => tf.sum(tf.square(l.weight)))));
  const maxStep = tf.max(tf.stack(norms));
  const size = tf.maximum(tf.scalar(v.lr), tf.div(tf.mul(0.2, thetaNorm), tf.add(maxStep, 1e-12)));
  const grids = Array.from(v.sizes, (_, k) =>
    tf.tidy(() => classOne(v.net, forward(stepped(v.net, clusterMean(v, k), size), grid))),
  );
  return [...grids, classOne(v.net, forward(v.net.layers, grid))];
}

/** Cluster k's mean gradient per trainable layer, G_k = A_k^T D_k / N_k. Inside tidy. */
function clusterMean(v: ViewInput, k: number): tf.Tensor2D[] {
  const idx = tf.tensor1d(membersOf(v.assignment, k), 'int32');
  const size = Math.max(v.sizes[k], 1);
  return v.p.factors.map(
    ({ a, d }) => tf.div(crossProduct(tf.gather(a, idx), tf.gather(d, idx)), size) as tf.Tensor2D,
  );
}

/** The network's layers after the step θ - size · G (G per trainable layer). Inside tidy. */
function stepped(net: Network, gs: readonly tf.Tensor2D[], size: tf.Tensor) {
  let f = 0;
  return net.layers.map((l) => {
    if (!l.trainable) return l;
    const g = gs[f++];
    const rows = l.weight.shape[0];
    const gw = l.bias ? tf.slice(g, [0, 0], [rows, -1]) : g;
    const weight = tf.sub(l.weight, tf.mul(size, gw)) as tf.Tensor2D;
    const bias = l.bias
      ? (tf.sub(
          l.bias,
          tf.mul(size, tf.reshape(tf.slice(g, [rows, 0], [1, -1]), [-1])),
        ) as tf.Tensor1D)
      : null;
    return { weight, bias, activation: l.activation };
  });
}

/** Indices i with assignment[i] = k. */
function membersOf(assignment: Int32Array, k: number): Int32Array {
  const out: number[] = [];
  assignment.forEach((c, i) => {
    if (c === k) out.push(i);
  });
  return Int32Array.from(out);
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
    view.boundaries = { res: GRID_RES, extent, current: grids.pop()!, perCluster: grids };
  }
  return view;
}

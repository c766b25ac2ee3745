/**
 * Fig. 1 of the paper on a 2-D dataset: the model's decision boundary now, and after one step
 * along each Gradient Clustering cluster's mean gradient, as P(class 1) on a grid. Inside
 * tf.tidy; the engine reads the grids back (engine/clusterView.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { addAll, crossProduct } from '../linalg';
import { forward, type PerExample } from '../model/backprop';
import type { Network } from '../model/build';
import { clusterMembers } from './clusterMembers';

/** Grid resolution of the decision-boundary maps (res x res). */
export const GRID_RES = 48;

export interface BoundaryInput {
  net: Network;
  p: PerExample;
  assignment: Int32Array;
  sizes: Int32Array;
  lr: number;
}

/** Bounding box of the points with a 10% margin. */
export function extentOf(xy: Float32Array): [[number, number], [number, number]] {
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

export function gridPoints(extent: [[number, number], [number, number]]): tf.Tensor2D {
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
export function boundaryGrids(v: BoundaryInput, grid: tf.Tensor2D): tf.Tensor1D[] {
  const trainable = v.net.layers.filter((l) => l.trainable);
  const members = clusterMembers({ assignment: v.assignment, K: v.sizes.length });
  // One cluster at a time, each in its own tidy: holding every cluster's G_k and grid
  // activations at once took K x (d + 2304 x the layer widths) floats (GBs for wide nets).
  const norms = Array.from(v.sizes, (_, k) =>
    tf.tidy(() => tf.sqrt(addAll(clusterMean(v, members[k]).map((g) => tf.sum(tf.square(g)))))),
  );
  const thetaNorm = tf.sqrt(addAll(trainable.map((l) => tf.sum(tf.square(l.weight)))));
  const maxStep = tf.max(tf.stack(norms));
  const size = tf.maximum(tf.scalar(v.lr), tf.div(tf.mul(0.2, thetaNorm), tf.add(maxStep, 1e-12)));
  const grids = Array.from(v.sizes, (_, k) =>
    tf.tidy(() => classOne(v.net, forward(stepped(v.net, clusterMean(v, members[k]), size), grid))),
  );
  return [...grids, currentGrid(v.net, grid)];
}

/** The current model's P(class 1) on the grid (the solid boundary's map). Inside tidy. */
export function currentGrid(net: Network, grid: tf.Tensor2D): tf.Tensor1D {
  return classOne(net, forward(net.layers, grid));
}

/** A cluster's mean gradient per trainable layer, G_k = A_k^T D_k / N_k. Inside tidy. */
function clusterMean(v: BoundaryInput, members: readonly number[]): tf.Tensor2D[] {
  const idx = tf.tensor1d(members as number[], 'int32');
  const size = Math.max(members.length, 1);
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

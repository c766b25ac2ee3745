/**
 * Work a run does, estimated from its shape: floating-point operations on the backend
 * (a multiply-add counts 2) per training step and for the first chunk of a run (the SVRG
 * snapshot, the GC refresh and the first measurement all happen at step 0, in one go), and
 * plain JavaScript operations to generate the data. With P, B, T, K, d, F, W as in
 * memory.ts and p the parameters (fixed ones included):
 *
 *   step         2 B p (forward) + 4 B d (backward: D W^T and H^T D)
 *   measurement  2 P (p + d) per-example pass + 4 P d moments + 6 P d GC + 2 P d SVRG
 *                + 2 T_test p test accuracy + sampled: 2 T m d per estimator (m = B, 2B, K, 2B)
 *   GC refresh   2 K P F seeding + 4 (iters + 1) P K F clustering + 2 P^2 F + 160 P^2
 *                projection (40 subspace iterations) + 2-D maps 2 K 2304 p
 *   SVRG take    2 P (p + d) + 4 P d
 *   data         teacher: (N + T_test) dim th multiply-adds + 20 (N + T_test) dim for the
 *                normal draws; toy sets 30 N; MNIST a copy of N digits
 */
import { ESTIMATOR_NAMES } from '../config/schema';
import { layerSums, type RunShape } from './shape';

const GRID_CELLS = 48 * 48;
const PROJECTION_ITERATIONS = 40;

export interface WorkEstimate {
  stepFlops: number;
  /** The first chunk of the run: SVRG snapshot + GC refresh + measurement at step 0. */
  firstChunkFlops: number;
  measurementFlops: number;
  /** Plain JavaScript operations generating the data set before the run can start. */
  dataOps: number;
}

function measurementFlops(shape: RunShape): number {
  const { pool: P, batch: B, clusters: K } = shape;
  const c = shape.config;
  const s = layerSums(shape.layers);
  const on = new Set(c.est.map((e) => ESTIMATOR_NAMES[e]));
  let flops = 2 * P * (s.params + s.d) + 2 * shape.test * s.params;
  if (c.stats !== 'sampled') {
    flops += 4 * P * s.d;
    if (on.has('GC')) flops += 6 * P * s.d;
    if (on.has('SVRG')) flops += 2 * P * s.d;
  }
  if (c.stats !== 'exact') {
    const draws = { 'SG-B': B, 'SG-2B': 2 * B, GC: K, SVRG: 2 * B };
    for (const id of on) flops += 2 * c.estim * draws[id] * s.d;
  }
  return flops;
}

function clusterFlops(shape: RunShape): number {
  const { pool: P, clusters: K } = shape;
  const s = layerSums(shape.layers);
  const iters = shape.config.gcIters + 1;
  const plane = shape.inputDim === 2 && shape.config.data !== 'teacher';
  return (
    2 * K * P * s.factors +
    4 * iters * P * K * s.factors +
    2 * P * P * s.factors +
    4 * PROJECTION_ITERATIONS * P * P +
    (plane ? 2 * K * GRID_CELLS * s.params : 0)
  );
}

function dataOps(shape: RunShape): number {
  const c = shape.config;
  const all = shape.n + shape.test;
  if (c.data === 'teacher') return all * c.dim * c.th + 20 * all * c.dim + 2 * c.dim * c.th;
  if (c.data === 'mnist') return all * 784;
  return 30 * all;
}

export function estimateWork(shape: RunShape): WorkEstimate {
  const { pool: P, batch: B } = shape;
  const s = layerSums(shape.layers);
  const on = new Set(shape.config.est.map((e) => ESTIMATOR_NAMES[e]));
  const measurement = measurementFlops(shape);
  const svrg = on.has('SVRG') ? 2 * P * (s.params + s.d) + 4 * P * s.d : 0;
  return {
    stepFlops: 2 * B * s.params + 4 * B * s.d,
    firstChunkFlops: measurement + svrg + (on.has('GC') ? clusterFlops(shape) : 0),
    measurementFlops: measurement,
    dataOps: dataOps(shape),
  };
}

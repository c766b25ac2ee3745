import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import type { LayerFactors } from '../../../src/core/model/network';
import type { Rng } from '../../../src/core/rng';
import { clusterSizes } from '../../../src/core/stats/clusteringRepair';

/** Test helpers for clustering.test.ts: plain float64 factors and a brute-force GC reference. */

/** Plain float64 factors: a[l][i] (with a trailing 1 for the bias), d[l][i]. */
export interface Plain {
  a: number[][][];
  d: number[][][];
}

/** Random factors for `protos` distinct examples, laid out by `rowOf` (row i = prototype rowOf[i]). */
export function plainFactors(
  rng: Rng,
  dims: [number, number][],
  protos: number,
  rowOf: number[],
): Plain {
  const randRow = (m: number) => Array.from({ length: m }, () => rng.normal());
  const a = dims.map(([i]) => {
    const p = Array.from({ length: protos }, () => [...randRow(i), 1]);
    return rowOf.map((r) => p[r]);
  });
  const d = dims.map(([, o]) => {
    const p = Array.from({ length: protos }, () => randRow(o));
    return rowOf.map((r) => p[r]);
  });
  return { a, d };
}

export function distinct(rng: Rng, dims: [number, number][], n: number): Plain {
  return plainFactors(rng, dims, n, [...Array(n).keys()]);
}

export function toTensors(p: Plain): LayerFactors[] {
  return p.a.map((a, l) => ({ a: tf.tensor2d(a), d: tf.tensor2d(p.d[l]) }));
}

export async function withLayers<T>(
  p: Plain,
  fn: (layers: LayerFactors[]) => Promise<T>,
): Promise<T> {
  const layers = toTensors(p);
  try {
    return await fn(layers);
  } finally {
    layers.forEach(({ a, d }) => (a.dispose(), d.dispose()));
  }
}

/** True when all rows built from the same prototype share one cluster. */
export function sameClusterPerPrototype(rowOf: number[], assignment: Int32Array): boolean {
  const clusterOf = new Map<number, number>();
  for (let i = 0; i < rowOf.length; i++) {
    const c = clusterOf.get(rowOf[i]) ?? assignment[i];
    if (c !== assignment[i]) return false;
    clusterOf.set(rowOf[i], c);
  }
  return true;
}

/** Adds N(0, sigma^2) noise to every entry except the bias column of ones. */
export function jitter(p: Plain, rng: Rng, sigma: number): Plain {
  const noisy = (rows: number[][], keepLast: boolean) =>
    rows.map((r) =>
      r.map((x, j) => (keepLast && j === r.length - 1 ? x : x + sigma * rng.normal())),
    );
  return { a: p.a.map((rows) => noisy(rows, true)), d: p.d.map((rows) => noisy(rows, false)) };
}

const outer = (u: number[], v: number[]) => u.flatMap((x) => v.map((y) => x * y));
const meanRows = (rows: number[][]) =>
  rows[0].map((_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);

/** Brute force: g_i formed explicitly, rank-1 centres C_k = concat_l c_kl d_kl^T, N x K distances. */
export function bruteDistances(p: Plain, assignment: Int32Array, k: number): number[][] {
  const n = assignment.length;
  const g = [...Array(n).keys()].map((i) => p.a.flatMap((a, l) => outer(a[i], p.d[l][i])));
  const centres = [...Array(k).keys()].map((c) => {
    const members = [...Array(n).keys()].filter((i) => assignment[i] === c);
    return p.a.flatMap((a, l) =>
      outer(meanRows(members.map((i) => a[i])), meanRows(members.map((i) => p.d[l][i]))),
    );
  });
  return g.map((gi) => centres.map((ck) => gi.reduce((s, x, j) => s + (x - ck[j]) ** 2, 0)));
}

export function bruteObjective(p: Plain, assignment: Int32Array, k: number): number {
  const dist = bruteDistances(p, assignment, k);
  const sizes = clusterSizes(assignment, k);
  return dist.reduce((s, row, i) => s + sizes[assignment[i]] * row[assignment[i]], 0);
}

export function expectRel(
  actual: number,
  expected: number,
  rel: number,
  scale = Math.abs(expected),
) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(scale, 1e-9));
}

export function roundRobin(n: number, k: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i % k);
}

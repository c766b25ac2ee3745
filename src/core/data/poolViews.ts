/**
 * What the cluster views show of the measurement pool: its 2-D points, or a few MNIST digits
 * per cluster. Plain arrays, ready to transfer.
 */
import { clusterMembers } from '../stats/clusterMembers';
import type { Clusters } from '../stats/types';
import type { RunData } from './runData';

/** 2-D datasets: the pool's inputs (N x 2 interleaved), labels and duplicate marks. */
export function poolPlane(data: RunData) {
  const { train, pool, isDuplicate } = data;
  const xy = new Float32Array(pool.length * 2);
  pool.forEach((i, k) => xy.set(train.x.subarray(2 * i, 2 * i + 2), 2 * k));
  return {
    xy,
    label: Int32Array.from(pool, (i) => train.y[i]),
    duplicate: Uint8Array.from(pool, (i) => isDuplicate[i]),
  };
}

/** Digits shown per cluster, and clusters shown, in the MNIST cluster view. */
const DIGITS_PER_CLUSTER = 8;
const DIGIT_CLUSTERS = 6;

/**
 * MNIST: up to 8 pool digits from each of the 6 largest clusters, as 0..255 bytes
 * (784 per digit), with their cluster ids.
 */
export function poolDigits(data: RunData, clusters: Clusters) {
  const { train, pool } = data;
  const largest = [...clusterMembers(clusters).entries()]
    .filter(([, m]) => m.length > 0)
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, DIGIT_CLUSTERS);
  const picks = largest.flatMap(([k, members]) =>
    members.slice(0, DIGITS_PER_CLUSTER).map((i) => [k, i]),
  );
  const pixels = new Uint8Array(picks.length * train.dim);
  picks.forEach(([, i], j) => {
    const row = train.x.subarray(pool[i] * train.dim, (pool[i] + 1) * train.dim);
    for (let p = 0; p < train.dim; p++) pixels[j * train.dim + p] = Math.round(row[p] * 255);
  });
  return { pixels, cluster: Int32Array.from(picks, ([k]) => k) };
}

/**
 * Position of each training index in the sorted pool (the order of ClusterView.points), or
 * -1 when it is not in the pool. A duplicated point's copies are distinct training indices,
 * so each copy keeps its own position (at the same coordinates).
 */
export function poolPositions(indices: Int32Array, pool: Int32Array): Int32Array {
  return indices.map((i) => {
    let lo = 0;
    let hi = pool.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pool[mid] === i) return mid;
      if (pool[mid] < i) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  });
}

/**
 * Host half of Gradient Clustering: plain-array bookkeeping on assignments (no tensors).
 */

/** N_k = number of i with a_i = k, for k in 0..K-1. */
export function clusterSizes(assignment: Int32Array, k: number): Int32Array {
  const sizes = new Int32Array(k);
  for (const c of assignment) sizes[c]++;
  return sizes;
}

/** True when `init` is a length-N assignment with integer labels in 0..K-1. */
export function fitsInit(init: Int32Array, n: number, k: number): boolean {
  return init.length === n && init.every((c) => Number.isInteger(c) && c >= 0 && c < k);
}

/** Per-cluster sum, max and min of the distances of its members (NaN-free comparisons). */
function clusterStats(
  assignment: Int32Array,
  dist: Float64Array,
  k: number,
): { sum: Float64Array; max: Float64Array; min: Float64Array } {
  const sum = new Float64Array(k);
  const max = new Float64Array(k).fill(-Infinity);
  const min = new Float64Array(k).fill(Infinity);
  assignment.forEach((c, i) => {
    const v = dist[i];
    sum[c] += v;
    if (v > max[c]) max[c] = v;
    if (v < min[c]) min[c] = v;
  });
  return { sum, max, min };
}

/**
 * The cluster to split: the largest weighted distortion N_s sum_(i in s) dist_i among clusters
 * whose farthest group is a proper subset (max > min); if none, the largest cluster (size >= 2)
 * with `whole` set, meaning only one member may move.
 */
function pickSource(
  sizes: Int32Array,
  stats: { sum: Float64Array; max: Float64Array; min: Float64Array },
): { source: number; whole: boolean } {
  let source = -1;
  let best = -Infinity;
  let largest = -1;
  sizes.forEach((size, c) => {
    if (size < 2) return;
    if (largest < 0 || size > sizes[largest]) largest = c;
    const distortion = size * stats.sum[c];
    if (stats.max[c] > stats.min[c] && (source < 0 || distortion > best)) {
      source = c;
      best = distortion;
    }
  });
  return source >= 0 ? { source, whole: false } : { source: largest, whole: true };
}

/**
 * Fills every empty cluster by splitting another one: the farthest point of the cluster with
 * the largest weighted distortion moves into the empty cluster, together with every other
 * member at exactly the same distance (so exact duplicates, which get bit-identical distances,
 * stay together). Only when every cluster of size >= 2 is a single equal-distance group (more
 * clusters than distinct gradients) is one member split off alone. `dist[i]` is example i's
 * distance to its cluster's centre; moved examples count as distance 0 afterwards.
 * Needs N >= K. Returns a new assignment with every cluster non-empty.
 */
export function repairEmpty(assignment: Int32Array, dist: Float32Array, k: number): Int32Array {
  const out = Int32Array.from(assignment);
  const d = Float64Array.from(dist);
  const sizes = clusterSizes(out, k);
  for (let empty = 0; empty < k; empty++) {
    if (sizes[empty] > 0) continue;
    const stats = clusterStats(out, d, k);
    const { source, whole } = pickSource(sizes, stats);
    for (let i = out.length - 1; i >= 0; i--) {
      if (out[i] !== source || (!whole && d[i] !== stats.max[source])) continue;
      out[i] = empty;
      d[i] = 0;
      sizes[source]--;
      sizes[empty]++;
      if (whole) break;
    }
  }
  return out;
}

/** True when some cluster in 0..K-1 has no member. */
export function hasEmpty(assignment: Int32Array, k: number): boolean {
  return clusterSizes(assignment, k).some((s) => s === 0);
}

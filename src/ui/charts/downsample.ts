/** Deterministic downsampling for drawing only: returns indices, never touches the data. */

/**
 * Min/max bucket downsampling. The first and last points are always kept (the latest value
 * stays visible); the n points are split into floor((maxPoints - 2) / 3) buckets of
 * consecutive indices (x is assumed ascending, so a bucket is a strip of pixels), each keeping
 * the index of its smallest and largest drawable y, plus its first non-drawable point so that
 * gaps in the line survive. Returns ascending distinct indices, at most max(maxPoints, 5) of
 * them; all of 0..n-1 when n <= maxPoints. The same input always gives the same output.
 */
export function minMaxIndices(
  y: ArrayLike<number>,
  maxPoints: number,
  drawable: (v: number) => boolean = Number.isFinite,
): Uint32Array {
  const n = y.length;
  const cap = Math.floor(maxPoints);
  if (!(cap >= 1) || n <= cap) return Uint32Array.from({ length: n }, (_, i) => i);
  const buckets = Math.max(1, Math.floor((cap - 2) / 3));
  const out = [0];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    for (const i of bucketPicks(y, start, end, drawable)) if (i > out[out.length - 1]) out.push(i);
  }
  if (out[out.length - 1] !== n - 1) out.push(n - 1);
  return Uint32Array.from(out);
}

/** The ascending, distinct indices kept from y[start..end). */
function bucketPicks(
  y: ArrayLike<number>,
  start: number,
  end: number,
  drawable: (v: number) => boolean,
): number[] {
  let lo = -1;
  let hi = -1;
  let gap = -1;
  for (let i = start; i < end; i++) {
    const v = y[i];
    if (!drawable(v)) {
      if (gap < 0) gap = i;
      continue;
    }
    if (lo < 0 || v < y[lo]) lo = i;
    if (hi < 0 || v > y[hi]) hi = i;
  }
  const picks = [lo, hi, gap].filter((i) => i >= 0);
  return [...new Set(picks)].sort((a, b) => a - b);
}

/** Gathers `values` at `indices` into a new Float64Array. */
export function pick(values: ArrayLike<number>, indices: Uint32Array): Float64Array {
  const out = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = values[indices[i]];
  return out;
}

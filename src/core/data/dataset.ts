/**
 * The in-memory dataset shared by every generator: plain typed arrays, no tensors.
 * x is row-major n x dim (row i = x[i*dim .. (i+1)*dim)); y holds class indices 0..C-1.
 * For the binary sets, class 1 means "+1" and class 0 means "-1" (see signLabels).
 */
import type { Rng } from '../rng';

export interface Dataset {
  /** n * dim inputs, row-major. */
  x: Float32Array;
  /** n class indices in 0..numClasses-1. */
  y: Int32Array;
  n: number;
  dim: number;
  numClasses: number;
  name: string;
}

/** Throws a RangeError unless v is an integer in [min, max]. */
export function assertInt(v: number, what: string, min = 0, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new RangeError(`${what} must be an integer in [${min}, ${max}], got ${v}`);
  }
}

/** Builds a Dataset after checking that the array sizes and labels agree. */
export function createDataset(
  name: string,
  x: Float32Array,
  y: Int32Array,
  dim: number,
  numClasses: number,
): Dataset {
  assertInt(dim, 'dim', 1);
  assertInt(numClasses, 'numClasses', 1);
  const n = y.length;
  if (x.length !== n * dim) {
    throw new RangeError(`${name}: x has ${x.length} values, expected n*dim = ${n}*${dim}`);
  }
  for (let i = 0; i < n; i++) {
    if (y[i] < 0 || y[i] >= numClasses) {
      throw new RangeError(`${name}: label y[${i}] = ${y[i]} is outside 0..${numClasses - 1}`);
    }
  }
  return { x, y, n, dim, numClasses, name };
}

/** Row i of ds.x as a view (no copy). */
export function row(ds: Dataset, i: number): Float32Array {
  return ds.x.subarray(i * ds.dim, (i + 1) * ds.dim);
}

/** The examples at `indices`, in that order (copies; repeats allowed). */
export function subset(ds: Dataset, indices: ArrayLike<number>, name = ds.name): Dataset {
  const m = indices.length;
  const x = new Float32Array(m * ds.dim);
  const y = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const i = indices[k];
    assertInt(i, 'subset index', 0, ds.n - 1);
    x.set(row(ds, i), k * ds.dim);
    y[k] = ds.y[i];
  }
  return { x, y, n: m, dim: ds.dim, numClasses: ds.numClasses, name };
}

/** The same inputs (shared, not copied) with new labels. */
export function withLabels(ds: Dataset, y: Int32Array, name = ds.name): Dataset {
  return createDataset(name, ds.x, y, ds.dim, ds.numClasses);
}

/** Number of examples per class: counts[c] = #{i : y_i = c}. */
export function classCounts(y: ArrayLike<number>, numClasses: number): Int32Array {
  const counts = new Int32Array(numClasses);
  for (let i = 0; i < y.length; i++) counts[y[i]]++;
  return counts;
}

/**
 * n labels with every class count floor(n/C) or ceil(n/C) (label i % C), in seeded random
 * order, so a generator that draws x_i | y_i gives exactly balanced classes.
 */
export function balancedLabels(n: number, numClasses: number, rng: Rng): Int32Array {
  assertInt(n, 'n', 0);
  assertInt(numClasses, 'numClasses', 1);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = i % numClasses;
  rng.shuffle(y);
  return y;
}

/** Binary class index -> logistic target: 1 -> +1, 0 -> -1. */
export function signLabels(y: Int32Array): Float32Array {
  const s = new Float32Array(y.length);
  for (let i = 0; i < y.length; i++) s[i] = y[i] === 1 ? 1 : -1;
  return s;
}

import * as tf from '@tensorflow/tfjs-core';
import { addAll } from '../linalg';
import type { LayerFactors } from '../model/network';
import { tidy } from '../tidy';
import { exampleGradNorm2 } from './moments';

/**
 * Device half of Gradient Clustering (paper §3.2, DESIGN §2.2): the U step (rank-1 centres)
 * and the A step (weighted assignment) from per-layer factors, never forming g_i (N x d).
 * Per layer l: A_l is N x I_l (ones column included), D_l is N x O_l, g_il = a_il^T d_il.
 */

/** Upper bound on the floats of one N x K block; larger problems are processed in row chunks. */
const MAX_BLOCK_FLOATS = 1 << 22;

/** Rank-1 centres of K clusters: C_kl = c_kl d_kl^T, with the weight N_k used by the A step. */
export interface Centres {
  /** Per layer, K x I_l: c_k = mean of a_i over cluster k (eq. 6). */
  c: tf.Tensor2D[];
  /** Per layer, K x O_l: d_k = mean of d_i over cluster k (eq. 6). */
  d: tf.Tensor2D[];
  /** K: the A-step multiplier N_k (cluster sizes; all ones for unweighted seeding). */
  weight: tf.Tensor1D;
}

/** Result of one A step, read back: all plain arrays. */
export interface AssignStep {
  /** The new assignment a_i = argmin_k N_k ||g_i - C_k||^2 (the current one kept on ties). */
  next: Int32Array;
  /** ||g_i - C_(next_i)||^2 (unweighted, rank-1 centres of the step), per example. */
  distNext: Float32Array;
  /** The weighted objective of the *current* assignment with its own rank-1 centres. */
  objective: number;
}

/** Row ranges [start, size] whose blocks of K columns stay under MAX_BLOCK_FLOATS. */
export function rowChunks(n: number, k: number): [number, number][] {
  const rows = Math.max(1, Math.floor(MAX_BLOCK_FLOATS / Math.max(1, k)));
  const out: [number, number][] = [];
  for (let s = 0; s < n; s += rows) out.push([s, Math.min(rows, n - s)]);
  return out;
}

/** Rows [start, start+size) of a rank-1 or rank-2 tensor (the tensor itself when whole). */
function rows<T extends tf.Tensor>(x: T, start: number, size: number): T {
  if (start === 0 && size === x.shape[0]) return x;
  const rest = x.shape.slice(1);
  return tf.slice(x, [start, ...rest.map(() => 0)], [size, ...rest.map(() => -1)]) as T;
}

/** One-hot M (m x K, float32) of int32 labels (m); unlike tf.oneHot it allows K = 1. */
function oneHot(labels: tf.Tensor1D, k: number): tf.Tensor2D {
  const column = tf.reshape(labels, [-1, 1]);
  return tf.cast(tf.equal(column, tf.range(0, k, 1, 'int32')), 'float32') as tf.Tensor2D;
}

/** s_i = ||g_i||^2 (moments.ts exampleGradNorm2), shape N. Caller disposes. */
export function selfTerm(layers: readonly LayerFactors[]): tf.Tensor1D {
  return tf.tidy(() => exampleGradNorm2(layers));
}

/**
 * U step (eq. 6) from an int32 assignment (N): with the one-hot M (N x K),
 * N_k = 1^T M, c_k = (M^T A)_k / N_k, d_k = (M^T D)_k / N_k. An empty cluster gets c = d = 0
 * and weight 0 (the A step then never picks it). Inside tidy; chunked over rows.
 */
export function updateCentres(
  layers: readonly LayerFactors[],
  assignment: tf.Tensor1D,
  k: number,
): Centres {
  const n = assignment.shape[0];
  let sizes: tf.Tensor = tf.zeros([k]);
  let sa: tf.Tensor[] = layers.map(({ a }) => tf.zeros([k, a.shape[1]]));
  let sd: tf.Tensor[] = layers.map(({ d }) => tf.zeros([k, d.shape[1]]));
  for (const [s, m] of rowChunks(n, k)) {
    const part = tidy(() => {
      const member = oneHot(rows(assignment, s, m), k); // m x K
      return {
        sizes: tf.add(sizes, tf.sum(member, 0)),
        sa: layers.map(({ a }, l) => tf.add(sa[l], tf.matMul(member, rows(a, s, m), true))),
        sd: layers.map(({ d }, l) => tf.add(sd[l], tf.matMul(member, rows(d, s, m), true))),
      };
    });
    [sizes, sa, sd] = [part.sizes, part.sa, part.sd];
  }
  const inv = tf.reshape(tf.div(1, tf.maximum(sizes, 1)), [k, 1]); // K x 1
  return {
    c: sa.map((x) => tf.mul(x, inv) as tf.Tensor2D),
    d: sd.map((x) => tf.mul(x, inv) as tf.Tensor2D),
    weight: sizes as tf.Tensor1D,
  };
}

/** t_k = ||C_k||^2 = sum_l ||c_kl||^2 ||d_kl||^2, shape 1 x K. Inside tidy. */
function centreTerm(centres: Centres): tf.Tensor2D {
  const terms = centres.c.map((c, l) =>
    tf.mul(tf.sum(tf.square(c), 1), tf.sum(tf.square(centres.d[l]), 1)),
  );
  return tf.reshape(addAll(terms), [1, -1]) as tf.Tensor2D;
}

/**
 * Rank-1 squared distances for rows [s, s+m): (m x K)
 *   ||g_i - C_k||^2 = s_i + t_k - 2 sum_l (a_il·c_kl)(d_il·d_kl)      (eq. 5)
 * clamped at 0 (float cancellation). Inside tidy.
 */
function chunkDistances(
  layers: readonly LayerFactors[],
  self: tf.Tensor1D,
  centres: Centres,
  t: tf.Tensor2D,
  [s, m]: [number, number],
): tf.Tensor2D {
  const cross = addAll(
    layers.map(({ a, d }, l) =>
      tf.mul(
        tf.matMul(rows(a, s, m), centres.c[l], false, true),
        tf.matMul(rows(d, s, m), centres.d[l], false, true),
      ),
    ),
  );
  const si = tf.reshape(rows(self, s, m), [m, 1]);
  return tf.relu(tf.sub(tf.add(si, t), tf.mul(2, cross))) as tf.Tensor2D;
}

/** All N x K rank-1 distances to the centres of `assignment` (tests, views). Caller disposes. */
export function gcDistances(
  layers: readonly LayerFactors[],
  assignment: Int32Array,
  k: number,
): tf.Tensor2D {
  return tf.tidy(() => {
    const self = selfTerm(layers);
    const centres = updateCentres(layers, tf.tensor1d(assignment, 'int32'), k);
    return chunkDistances(layers, self, centres, centreTerm(centres), [0, assignment.length]);
  });
}

/**
 * A step for rows [s, s+m) with the fixed multipliers w_k = centres.weight:
 *   cost_ik = w_k ||g_i - C_k||^2 (+Inf where w_k = 0),   next_i = argmin_k cost_ik,
 * keeping the current cluster when its cost ties the minimum. Also returns the weighted
 * distortion sum_i cost_(i, current_i) of the chunk (the objective when w = sizes).
 */
function chunkAssign(
  dist: tf.Tensor2D,
  weight: tf.Tensor1D,
  current: tf.Tensor1D | null,
): { next: tf.Tensor1D; distNext: tf.Tensor1D; objective: tf.Scalar } {
  const k = weight.shape[0];
  const w = tf.reshape(weight, [1, k]);
  const cost = tf.mul(dist, w);
  const masked = tf.add(
    cost,
    tf.where(tf.greater(w, 0), tf.zerosLike(w), tf.fill([1, k], Infinity)),
  );
  let next = tf.argMin(masked, 1) as tf.Tensor1D;
  let objective: tf.Scalar = tf.scalar(0);
  if (current) {
    const own = oneHot(current, k);
    const currentCost = tf.sum(tf.mul(own, cost), 1);
    next = tf.where(tf.lessEqual(currentCost, tf.min(masked, 1)), current, next);
    objective = tf.sum(currentCost);
  }
  const distNext = tf.sum(tf.mul(oneHot(next, k), dist), 1) as tf.Tensor1D;
  return { next, distNext, objective };
}

/**
 * One pass on the device: distances to `centres`, the A step, and the current objective,
 * packed as [next (N, as float), distNext (N), objective (1)] for a single readback.
 */
export function assignPacked(
  layers: readonly LayerFactors[],
  self: tf.Tensor1D,
  centres: Centres,
  current: tf.Tensor1D | null,
): tf.Tensor1D {
  return tf.tidy(() => {
    const n = self.shape[0];
    const t = centreTerm(centres);
    const parts = rowChunks(n, centres.weight.shape[0]).map(([s, m]) =>
      tidy(() => {
        const dist = chunkDistances(layers, self, centres, t, [s, m]);
        return chunkAssign(dist, centres.weight, current ? rows(current, s, m) : null);
      }),
    );
    const next = tf.concat(parts.map((p) => tf.cast(p.next, 'float32')));
    const distNext = tf.concat(parts.map((p) => p.distNext));
    const objective = tf.reshape(addAll(parts.map((p) => p.objective)), [1]);
    return tf.concat([next, distNext, objective]) as tf.Tensor1D;
  });
}

/** Reads a packed pass back (the one readback of a pass) and disposes it. */
export async function readPacked(packed: tf.Tensor1D, n: number): Promise<AssignStep> {
  try {
    const v = await packed.data();
    return {
      next: Int32Array.from(v.subarray(0, n), (x) => Math.round(x)),
      distNext: Float32Array.from(v.subarray(n, 2 * n)),
      objective: v[2 * n],
    };
  } finally {
    packed.dispose();
  }
}

/**
 * One GC iteration on `assignment` (no empty clusters assumed by the caller): U step
 * (centres and N_k of this assignment), then A step with those N_k fixed (paper §3.1:
 * "we first solve it for fixed cluster sizes then update N_k"). One readback.
 */
export async function gcAssignStep(
  layers: readonly LayerFactors[],
  self: tf.Tensor1D,
  assignment: Int32Array,
  k: number,
): Promise<AssignStep> {
  const packed = tf.tidy(() => {
    const current = tf.tensor1d(assignment, 'int32');
    return assignPacked(layers, self, updateCentres(layers, current, k), current);
  });
  return readPacked(packed, assignment.length);
}

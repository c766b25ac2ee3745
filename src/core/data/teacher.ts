/**
 * The random-features teacher–student problem of paper §4.2.
 *   x_i ~ N(0, I_dim),  s_i = relu(x_i^T θ1)^T θ2,  y_i = sign(s_i + b)
 * θ1: dim x th with unit-norm columns (each column N(0, I) rescaled to ||·||₂ = 1),
 * θ2 ~ N(0, I_th). Labels are class indices: 1 means sign +, 0 means sign - (s + b <= 0).
 * The paper draws b ~ N(0, 1); here b is chosen to balance the classes on the drawn set:
 * b = -(midpoint of the two middle order statistics of s), i.e. minus the median; when ties
 * straddle the median (e.g. th = 1, where about half the scores are exactly 0), the cut moves
 * to the gap between distinct scores nearest the median. Cost: O(n · dim · th) multiply-adds.
 */
import type { Rng } from '../rng';
import { type Dataset, assertInt, createDataset } from './dataset';

export interface Teacher {
  dim: number;
  th: number;
  /** dim x th, row-major (θ1[j*th + h]); every column has unit ℓ2 norm. */
  theta1: Float32Array;
  /** th second-layer weights. */
  theta2: Float32Array;
  /** Bias b; y = 1 iff score + b > 0. */
  b: number;
}

export interface TeacherProblem {
  data: Dataset;
  teacher: Teacher;
}

/** θ1 with unit-norm columns and θ2 ~ N(0, 1); b = 0 until balanced on a sample. */
export function sampleTeacher(dim: number, th: number, rng: Rng): Teacher {
  assertInt(dim, 'teacher dim', 1);
  assertInt(th, 'teacher hidden units th', 1);
  const theta1 = new Float32Array(dim * th);
  for (let k = 0; k < theta1.length; k++) theta1[k] = rng.normal();
  for (let h = 0; h < th; h++) {
    let sq = 0;
    for (let j = 0; j < dim; j++) sq += theta1[j * th + h] ** 2;
    const inv = sq > 0 ? 1 / Math.sqrt(sq) : 0;
    for (let j = 0; j < dim; j++) theta1[j * th + h] *= inv;
  }
  const theta2 = new Float32Array(th);
  for (let h = 0; h < th; h++) theta2[h] = rng.normal();
  return { dim, th, theta1, theta2, b: 0 };
}

/** s_i = sum_h relu(sum_j x_ij θ1_jh) θ2_h for the n rows of x (n x dim, row-major). */
export function teacherScores(t: Teacher, x: Float32Array): Float64Array {
  const { dim, th, theta1, theta2 } = t;
  const n = x.length / dim;
  const s = new Float64Array(n);
  const z = new Float64Array(th);
  for (let i = 0; i < n; i++) {
    z.fill(0);
    for (let j = 0; j < dim; j++) {
      const xij = x[i * dim + j];
      const off = j * th;
      for (let h = 0; h < th; h++) z[h] += xij * theta1[off + h];
    }
    let acc = 0;
    for (let h = 0; h < th; h++) if (z[h] > 0) acc += z[h] * theta2[h];
    s[i] = acc;
  }
  return s;
}

/**
 * The bias that splits the scores as evenly as possible: -(s_(k-1) + s_(k))/2 over ascending
 * order statistics, with k the cut nearest n/2 at which s_(k-1) < s_(k).
 * All scores equal: -s_(0), so every label is 0.
 */
export function balancingBias(scores: Float64Array): number {
  const s = Float64Array.from(scores).sort();
  const n = s.length;
  if (n === 0) return 0;
  const half = n / 2;
  let best = -1;
  for (let k = 1; k < n; k++) {
    if (s[k - 1] < s[k] && (best < 0 || Math.abs(k - half) < Math.abs(best - half))) best = k;
  }
  return best < 0 ? -s[0] : -(s[best - 1] + s[best]) / 2;
}

/** y_i = 1 iff s_i + b > 0, else 0. */
function signClasses(s: Float64Array, b: number): Int32Array {
  const y = new Int32Array(s.length);
  for (let i = 0; i < s.length; i++) y[i] = s[i] + b > 0 ? 1 : 0;
  return y;
}

/** The teacher's labels for new inputs x (n x dim, row-major), e.g. a held-out test set. */
export function teacherLabels(t: Teacher, x: Float32Array): Int32Array {
  return signClasses(teacherScores(t, x), t.b);
}

/** n standard normal inputs of dimension dim, row-major. */
export function gaussianInputs(n: number, dim: number, rng: Rng): Float32Array {
  const x = new Float32Array(n * dim);
  for (let k = 0; k < x.length; k++) x[k] = rng.normal();
  return x;
}

/**
 * Draws the teacher (from one fork of rng, so it does not depend on n) and n inputs (from a
 * second fork), balances b on those inputs, and labels them.
 */
export function teacherProblem(n: number, dim: number, th: number, rng: Rng): TeacherProblem {
  assertInt(n, 'teacher: n', 1);
  const teacherRng = rng.fork();
  const dataRng = rng.fork();
  const t = sampleTeacher(dim, th, teacherRng);
  const x = gaussianInputs(n, dim, dataRng);
  const s = teacherScores(t, x);
  const teacher = { ...t, b: balancingBias(s) };
  const data = createDataset('teacher', x, signClasses(s, teacher.b), dim, 2);
  return { data, teacher };
}

/** The training set of the §4.2 problem: (n, dim, th, rng) => Dataset. */
export function teacherDataset(n: number, dim: number, th: number, rng: Rng): Dataset {
  return teacherProblem(n, dim, th, rng).data;
}

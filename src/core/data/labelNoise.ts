/**
 * Label noise (DESIGN §2.3): a seeded fraction p of the labels is replaced by a uniformly
 * random *different* class — a true flip, so exactly round(p*n) labels end up wrong.
 */
import type { Rng } from '../rng';
import { type Dataset, assertInt, withLabels } from './dataset';
import { sampleWithoutReplacement } from './pool';

export interface FlippedLabels {
  /** The new labels (a copy; the input is not modified). */
  y: Int32Array;
  /** flipped[i] = 1 iff y[i] differs from the original label. */
  flipped: Uint8Array;
}

/**
 * Picks m = round(p*n) indices without replacement; each gets y' = (y + 1 + U{0..C-2}) mod C,
 * i.e. uniform over the C-1 classes other than y.
 */
export function flipLabels(y: Int32Array, numClasses: number, p: number, rng: Rng): FlippedLabels {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`label noise p must be in [0, 1], got ${p}`);
  const n = y.length;
  const m = Math.round(p * n);
  const out = y.slice();
  const flipped = new Uint8Array(n);
  if (m === 0) return { y: out, flipped };
  assertInt(numClasses, 'numClasses (label noise needs at least 2 classes)', 2);
  for (const i of sampleWithoutReplacement(n, m, rng)) {
    out[i] = (y[i] + 1 + rng.int(numClasses - 1)) % numClasses;
    flipped[i] = 1;
  }
  return { y: out, flipped };
}

/** flipLabels applied to a dataset: same inputs (shared), noisy labels. */
export function withLabelNoise(
  ds: Dataset,
  p: number,
  rng: Rng,
): { data: Dataset; flipped: Uint8Array } {
  const { y, flipped } = flipLabels(ds.y, ds.numClasses, p, rng);
  return { data: withLabels(ds, y), flipped };
}

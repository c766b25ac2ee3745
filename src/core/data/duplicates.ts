/**
 * Duplicated examples (paper §4.3, DESIGN §2.3): a few points repeated so that their
 * occurrences make up a fraction `dup` of a training set whose size n stays the same.
 *
 * Precisely, with m = round(dup * n) and k = min(dupPts, m):
 * - m distinct indices of the input set are drawn without replacement (seeded); the first k
 *   are the duplicated points ("sources"), the other m - k are overwritten in place by copies
 *   of the sources, round-robin (slot j of those gets source j mod k);
 * - so each source occurs floor(m/k) or ceil(m/k) times (itself included), and together the
 *   sources fill exactly m slots; the other n - m examples are untouched and distinct;
 * - isDuplicate marks those m slots, sourceOf gives the source's index (its own index for a
 *   source slot), -1 elsewhere. Positions and labels of untouched examples are unchanged.
 * dup = 0 returns the input set as is. Copies carry the source's current label, so apply label
 * noise before duplication if all copies should agree.
 */
import type { Rng } from '../rng';
import { type Dataset, assertInt, row } from './dataset';
import { sampleWithoutReplacement } from './pool';

export interface Duplicated {
  data: Dataset;
  /** 1 on the m slots occupied by the duplicated points. */
  isDuplicate: Uint8Array;
  /** Index (in data and in the input) of the point each slot copies; -1 if not a copy. */
  sourceOf: Int32Array;
  /** The k duplicated points' indices, ascending. */
  points: Int32Array;
}

/** m = round(dup*n) slots hold copies; k = min(dupPts, m) distinct points fill them. */
export function duplicateCounts(n: number, dup: number, dupPts: number): { m: number; k: number } {
  if (!(dup >= 0 && dup <= 1)) throw new RangeError(`dup must be in [0, 1], got ${dup}`);
  assertInt(dupPts, 'dupPts', 1);
  const m = Math.round(dup * n);
  return { m, k: Math.min(dupPts, m) };
}

export function withDuplicates(ds: Dataset, dup: number, dupPts: number, rng: Rng): Duplicated {
  const { n, dim } = ds;
  const { m, k } = duplicateCounts(n, dup, dupPts);
  const isDuplicate = new Uint8Array(n);
  const sourceOf = new Int32Array(n).fill(-1);
  if (m === 0) return { data: ds, isDuplicate, sourceOf, points: new Int32Array(0) };

  const chosen = sampleWithoutReplacement(n, m, rng);
  const x = ds.x.slice();
  const y = ds.y.slice();
  for (let j = 0; j < m; j++) {
    const slot = chosen[j];
    const src = j < k ? slot : chosen[(j - k) % k];
    if (slot !== src) {
      x.set(row(ds, src), slot * dim);
      y[slot] = ds.y[src];
    }
    isDuplicate[slot] = 1;
    sourceOf[slot] = src;
  }
  const data: Dataset = { ...ds, x, y, name: `${ds.name}+dup` };
  return { data, isDuplicate, sourceOf, points: chosen.slice(0, k).sort() };
}

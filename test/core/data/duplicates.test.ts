import { describe, expect, it } from 'vitest';
import { createDataset, row, type Dataset } from '../../../src/core/data/dataset';
import { duplicateCounts, withDuplicates } from '../../../src/core/data/duplicates';
import { Rng } from '../../../src/core/rng';

/** n distinct points: x_i = (i, -i), y_i = i mod 3. */
function distinct(n: number): Dataset {
  const x = new Float32Array(2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) [x[2 * i], x[2 * i + 1], y[i]] = [i, -i, i % 3];
  return createDataset('d', x, y, 2, 3);
}

describe('duplicates (paper §4.3)', () => {
  it.each([
    [1000, 0.1, 5],
    [1000, 0.5, 5],
    [1000, 0.9, 5],
    [997, 0.37, 7],
    [50, 0.05, 5], // m = 3 < dupPts: only 3 points, once each
    [100, 0.95, 1],
  ])('n=%i dup=%f dupPts=%i: copies fill exactly round(dup*n) slots', (n, dup, dupPts) => {
    const ds = distinct(n);
    const { data, isDuplicate, sourceOf, points } = withDuplicates(ds, dup, dupPts, new Rng(3));
    const { m, k } = duplicateCounts(n, dup, dupPts);
    expect(m).toBe(Math.round(dup * n));
    expect(k).toBe(Math.min(dupPts, m));
    expect([data.n, data.dim, data.numClasses]).toEqual([n, 2, 3]);
    expect(isDuplicate.reduce((s, v) => s + v, 0)).toBe(m);
    expect(points.length).toBe(k);

    const occurrences = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const src = sourceOf[i];
      expect(src >= 0).toBe(isDuplicate[i] === 1);
      // each slot holds exactly the point it says it copies (x and y)
      const orig = src >= 0 ? src : i;
      expect(Array.from(row(data, i))).toEqual([orig, -orig]);
      expect(data.y[i]).toBe(ds.y[orig]);
      occurrences.set(orig, (occurrences.get(orig) ?? 0) + 1);
    }
    // the k points occur floor(m/k) or ceil(m/k) times, summing to m; everything else once
    expect([...points].every((p) => sourceOf[p] === p)).toBe(true);
    let total = 0;
    for (const p of points) {
      const c = occurrences.get(p)!;
      expect(c === Math.floor(m / k) || c === Math.ceil(m / k)).toBe(true);
      total += c;
    }
    expect(total).toBe(m);
    for (const [p, c] of occurrences) if (!points.includes(p)) expect(c).toBe(1);
    expect(occurrences.size).toBe(n - m + k);
  });

  it('dup = 0 leaves the set unchanged', () => {
    const ds = distinct(40);
    const out = withDuplicates(ds, 0, 5, new Rng(1));
    expect(out.data).toBe(ds);
    expect(out.isDuplicate.every((v) => v === 0)).toBe(true);
    expect(out.sourceOf.every((v) => v === -1)).toBe(true);
    expect(out.points.length).toBe(0);
  });

  it('does not modify the input, and is deterministic in the seed', () => {
    const ds = distinct(200);
    const x0 = ds.x.slice();
    const a = withDuplicates(ds, 0.5, 5, new Rng(8));
    expect(ds.x).toEqual(x0);
    expect(withDuplicates(ds, 0.5, 5, new Rng(8))).toEqual(a);
    expect(withDuplicates(ds, 0.5, 5, new Rng(9)).sourceOf).not.toEqual(a.sourceOf);
  });

  it('rejects bad arguments', () => {
    expect(() => withDuplicates(distinct(10), 1.5, 5, new Rng(1))).toThrow(RangeError);
    expect(() => withDuplicates(distinct(10), 0.5, 0, new Rng(1))).toThrow(RangeError);
  });
});

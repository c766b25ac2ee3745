import { describe, expect, it } from 'vitest';
import { balancedLabels, createDataset } from '../../../src/core/data/dataset';
import { flipLabels, withLabelNoise } from '../../../src/core/data/labelNoise';
import { Rng } from '../../../src/core/rng';

describe('label noise', () => {
  it.each([
    [0, 10],
    [0.1, 10],
    [0.25, 2],
    [0.5, 3],
    [1, 2],
    [0.333, 10],
  ])('p=%f, C=%i flips exactly round(p*n) labels to a different class', (p, C) => {
    const n = 997;
    const y = balancedLabels(n, C, new Rng(1));
    const before = y.slice();
    const out = flipLabels(y, C, p, new Rng(2));
    expect(y).toEqual(before); // input untouched
    let flippedCount = 0;
    for (let i = 0; i < n; i++) {
      expect(out.y[i]).toBeGreaterThanOrEqual(0);
      expect(out.y[i]).toBeLessThan(C);
      if (out.flipped[i]) {
        flippedCount++;
        expect(out.y[i]).not.toBe(y[i]);
      } else {
        expect(out.y[i]).toBe(y[i]);
      }
    }
    expect(flippedCount).toBe(Math.round(p * n));
  });

  it('new classes are spread over all other classes', () => {
    const n = 5000;
    const y = new Int32Array(n); // all class 0
    const out = flipLabels(y, 4, 1, new Rng(3));
    const counts = [0, 0, 0, 0];
    for (const c of out.y) counts[c]++;
    expect(counts[0]).toBe(0);
    for (const c of counts.slice(1)) expect(Math.abs(c - n / 3)).toBeLessThan(150);
  });

  it('is deterministic in the seed', () => {
    const y = balancedLabels(300, 10, new Rng(1));
    const a = flipLabels(y, 10, 0.2, new Rng(7));
    expect(flipLabels(y, 10, 0.2, new Rng(7))).toEqual(a);
    expect(flipLabels(y, 10, 0.2, new Rng(8)).flipped).not.toEqual(a.flipped);
  });

  it('rejects bad arguments', () => {
    const y = new Int32Array(10);
    expect(() => flipLabels(y, 2, -0.1, new Rng(1))).toThrow(RangeError);
    expect(() => flipLabels(y, 2, 1.5, new Rng(1))).toThrow(RangeError);
    expect(() => flipLabels(y, 1, 0.5, new Rng(1))).toThrow(RangeError);
  });

  it('withLabelNoise keeps x and replaces y', () => {
    const ds = createDataset('d', new Float32Array(20), new Int32Array(10), 2, 2);
    const { data, flipped } = withLabelNoise(ds, 0.3, new Rng(1));
    expect(data.x).toBe(ds.x);
    expect(flipped.reduce((s, f) => s + f, 0)).toBe(3);
    expect(data.y.reduce((s, c) => s + c, 0)).toBe(3);
  });
});

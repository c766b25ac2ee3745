import { describe, expect, it } from 'vitest';
import { measurementPool, sampleWithoutReplacement } from '../../../src/core/data/pool';
import { Rng } from '../../../src/core/rng';

describe('measurement pool', () => {
  it('is all indices when n <= poolSize', () => {
    expect(Array.from(measurementPool(5, 5, new Rng(1)))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(measurementPool(3, 2048, new Rng(1)))).toEqual([0, 1, 2]);
  });

  it('is a sorted seeded subset without replacement when n > poolSize', () => {
    const p = measurementPool(10000, 2048, new Rng(4));
    expect(p.length).toBe(2048);
    for (let k = 1; k < p.length; k++) expect(p[k]).toBeGreaterThan(p[k - 1]);
    expect(p[0]).toBeGreaterThanOrEqual(0);
    expect(p[p.length - 1]).toBeLessThan(10000);
    expect(measurementPool(10000, 2048, new Rng(4))).toEqual(p);
    expect(measurementPool(10000, 2048, new Rng(5))).not.toEqual(p);
  });

  it('sampleWithoutReplacement draws k distinct indices, roughly uniformly', () => {
    const hits = new Int32Array(10);
    const rng = new Rng(1);
    for (let t = 0; t < 2000; t++) {
      const s = sampleWithoutReplacement(10, 3, rng);
      expect(new Set(s).size).toBe(3);
      for (const i of s) hits[i]++;
    }
    for (const h of hits) expect(Math.abs(h - 600)).toBeLessThan(90);
    expect(() => sampleWithoutReplacement(3, 4, rng)).toThrow(RangeError);
  });
});

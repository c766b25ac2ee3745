import { describe, expect, it } from 'vitest';
import {
  balancedLabels,
  classCounts,
  createDataset,
  signLabels,
  subset,
  withLabels,
} from '../../../src/core/data/dataset';
import { Rng } from '../../../src/core/rng';

const tiny = () =>
  createDataset('tiny', Float32Array.from([0, 1, 2, 3, 4, 5]), Int32Array.from([0, 1, 2]), 2, 3);

describe('dataset helpers', () => {
  it('createDataset validates sizes and labels', () => {
    expect(tiny().n).toBe(3);
    expect(() => createDataset('bad', new Float32Array(5), new Int32Array(3), 2, 3)).toThrow(
      /x has 5 values/,
    );
    expect(() => createDataset('bad', new Float32Array(2), Int32Array.from([3]), 2, 3)).toThrow(
      /outside 0..2/,
    );
  });

  it('subset copies rows in order, repeats allowed', () => {
    const s = subset(tiny(), [2, 0, 2]);
    expect(Array.from(s.x)).toEqual([4, 5, 0, 1, 4, 5]);
    expect(Array.from(s.y)).toEqual([2, 0, 2]);
    expect([s.n, s.dim, s.numClasses]).toEqual([3, 2, 3]);
    expect(() => subset(tiny(), [3])).toThrow(RangeError);
  });

  it('withLabels shares x and checks labels', () => {
    const ds = tiny();
    expect(withLabels(ds, Int32Array.from([1, 1, 1])).x).toBe(ds.x);
    expect(() => withLabels(ds, Int32Array.from([1, 1, 9]))).toThrow(RangeError);
  });

  it('balancedLabels: counts differ by at most one, seeded order', () => {
    const y = balancedLabels(103, 10, new Rng(4));
    const counts = Array.from(classCounts(y, 10));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(balancedLabels(103, 10, new Rng(4))).toEqual(y);
    expect(balancedLabels(103, 10, new Rng(5))).not.toEqual(y);
  });

  it('signLabels maps 1 -> +1 and 0 -> -1', () => {
    expect(Array.from(signLabels(Int32Array.from([0, 1, 1, 0])))).toEqual([-1, 1, 1, -1]);
  });
});

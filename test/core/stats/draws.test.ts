import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { batchDraws, iidShare } from '../../../src/core/stats/draws';

/** E(ĝ - g)^2 over `count` draws of the mean of m of the scalar values x. */
function meanSquaredError(
  x: number[],
  m: number,
  repl: boolean,
  population: number,
  count: number,
) {
  const g = x.reduce((s, e) => s + e, 0) / x.length;
  const draws = batchDraws(x.length, m, count, repl, new Rng(7), population);
  let sum = 0;
  for (let t = 0; t < count; t++) {
    let e = 0;
    for (let s = 0; s < m; s++) e += draws.weight[s] * x[draws.index[t * m + s]];
    sum += (e - g) ** 2;
  }
  return sum / count;
}

/** SGD's variance of the mean of m of P examples whose per-example variance is v. */
function sgd(v: number, m: number, repl: boolean, population: number) {
  return repl ? v / m : (v * (population - m)) / (m * (population - 1));
}

describe('batchDraws: SGD over N_train with the pool standing in', () => {
  const rng = new Rng(3);
  const x = Array.from({ length: 12 }, () => rng.normal() * 2 + 1);
  const g = x.reduce((s, e) => s + e, 0) / x.length;
  const v = x.reduce((s, e) => s + (e - g) ** 2, 0) / x.length;
  const cases: [string, number, boolean, number][] = [
    ['pool = training set, m < N', 5, false, 12],
    ['pool a subset (P = 5N), m < N', 5, false, 60],
    ['pool a subset (P = 1.5N), m = N', 12, false, 18],
    ['batch larger than the pool (m = 2.5N)', 30, false, 100],
    ['with replacement', 5, true, 60],
  ];
  it.each(cases)('%s: E(ĝ - g)^2 = v (P - m)/(m (P - 1))', (_, m, repl, population) => {
    const got = meanSquaredError(x, m, repl, population, 60_000);
    const want = sgd(v, m, repl, population);
    expect(Math.abs(got / want - 1)).toBeLessThan(0.03);
  });

  it('the i.i.d. share is (P - N)/(P - 1) for m ≤ N, 0 when the pool is the training set', () => {
    expect(iidShare(12, 5, 60)).toBeCloseTo(48 / 59, 12);
    expect(iidShare(12, 5, 12)).toBe(0);
    expect(iidShare(12, 1, 60)).toBe(0); // one pick: both designs are the same
  });

  it('draws distinct examples when the pool is the training set', () => {
    const d = batchDraws(20, 7, 50, false, new Rng(1), 20);
    for (let t = 0; t < 50; t++) expect(new Set(d.index.subarray(t * 7, t * 7 + 7)).size).toBe(7);
  });

  it('refuses m > N_train without replacement', () => {
    expect(() => batchDraws(10, 11, 5, false, new Rng(1), 10)).toThrow(/cannot draw 11 of 10/);
  });
});

import { describe, expect, it } from 'vitest';
import { classCounts, row } from '../../../src/core/data/dataset';
import { TOY2D, TOY2D_NAMES, isToy2dName } from '../../../src/core/data/toy2d';
import { Rng } from '../../../src/core/rng';

describe.each(TOY2D_NAMES)('toy set %s', (name) => {
  const make = TOY2D[name];

  it.each([1, 2, 7, 200, 1001])('has the right shape and balanced classes (n=%i)', (n) => {
    const ds = make(n, new Rng(3));
    expect(ds.name).toBe(name);
    expect([ds.n, ds.dim, ds.numClasses, ds.x.length, ds.y.length]).toEqual([n, 2, 2, 2 * n, n]);
    const [c0, c1] = classCounts(ds.y, 2);
    expect(c0 + c1).toBe(n);
    expect(Math.abs(c0 - c1)).toBeLessThanOrEqual(1);
  });

  it('stays within about [-1.2, 1.2]^2 and is finite', () => {
    const ds = make(2000, new Rng(5));
    for (const v of ds.x) {
      expect(Number.isFinite(v)).toBe(true);
      expect(Math.abs(v)).toBeLessThan(1.2);
    }
  });

  it('is deterministic in the seed', () => {
    const a = make(300, new Rng(11));
    const b = make(300, new Rng(11));
    const c = make(300, new Rng(12));
    expect(b.x).toEqual(a.x);
    expect(b.y).toEqual(a.y);
    expect(c.x).not.toEqual(a.x);
  });

  it('rejects a bad n', () => {
    expect(() => make(0, new Rng(1))).toThrow(RangeError);
    expect(() => make(2.5, new Rng(1))).toThrow(RangeError);
  });
});

describe('toy set geometry', () => {
  const n = 3000;

  it('blobs are linearly separable by x1 + x2 = 0 with a margin', () => {
    const ds = TOY2D.blobs(n, new Rng(1));
    for (let i = 0; i < n; i++) {
      const [a, b] = row(ds, i);
      const across = (a + b) * Math.SQRT1_2;
      expect(ds.y[i] === 1 ? across : -across).toBeGreaterThanOrEqual(0.2 - 1e-6);
    }
  });

  it('xor labels are the sign of x1 * x2', () => {
    const ds = TOY2D.xor(n, new Rng(1));
    for (let i = 0; i < n; i++) {
      const [a, b] = row(ds, i);
      expect(a * b > 0 ? 1 : 0).toBe(ds.y[i]);
    }
  });

  it('circles: class 0 inside r <= 0.4, class 1 in 0.6 <= r <= 1', () => {
    const ds = TOY2D.circles(n, new Rng(1));
    for (let i = 0; i < n; i++) {
      const r = Math.hypot(...row(ds, i));
      if (ds.y[i] === 0) expect(r).toBeLessThanOrEqual(0.4 + 1e-6);
      else expect(r >= 0.6 - 1e-6 && r <= 1 + 1e-6).toBe(true);
    }
  });

  it('spiral points stay within radius 1.1', () => {
    const ds = TOY2D.spiral(n, new Rng(1));
    for (let i = 0; i < n; i++) expect(Math.hypot(...row(ds, i))).toBeLessThan(1.1);
  });

  it('isToy2dName recognises exactly the toy names', () => {
    expect(TOY2D_NAMES.every(isToy2dName)).toBe(true);
    expect(isToy2dName('teacher')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { classCounts } from '../../../src/core/data/dataset';
import {
  balancingBias,
  gaussianInputs,
  sampleTeacher,
  teacherDataset,
  teacherLabels,
  teacherProblem,
  teacherScores,
} from '../../../src/core/data/teacher';
import { Rng } from '../../../src/core/rng';

describe('random-features teacher (paper §4.2)', () => {
  it('has the right shape and exactly balanced classes', () => {
    for (const [n, dim, th] of [
      [500, 10, 20],
      [501, 3, 7],
      [64, 50, 100],
    ]) {
      const ds = teacherDataset(n, dim, th, new Rng(n + dim));
      expect([ds.n, ds.dim, ds.numClasses, ds.x.length, ds.name]).toEqual([
        n,
        dim,
        2,
        n * dim,
        'teacher',
      ]);
      const [c0, c1] = classCounts(ds.y, 2);
      expect(Math.abs(c0 - c1)).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic in the seed', () => {
    const a = teacherDataset(200, 10, 20, new Rng(9));
    const b = teacherDataset(200, 10, 20, new Rng(9));
    const c = teacherDataset(200, 10, 20, new Rng(10));
    expect(b.x).toEqual(a.x);
    expect(b.y).toEqual(a.y);
    expect(c.x).not.toEqual(a.x);
    expect(c.y).not.toEqual(a.y);
  });

  it('the teacher does not depend on n', () => {
    const a = teacherProblem(100, 5, 8, new Rng(2)).teacher;
    const b = teacherProblem(300, 5, 8, new Rng(2)).teacher;
    expect(b.theta1).toEqual(a.theta1);
    expect(b.theta2).toEqual(a.theta2);
  });

  it('teacher features have unit norm and labels are sign(score + b)', () => {
    const { data, teacher } = teacherProblem(300, 6, 9, new Rng(4));
    for (let h = 0; h < teacher.th; h++) {
      let sq = 0;
      for (let j = 0; j < teacher.dim; j++) sq += teacher.theta1[j * teacher.th + h] ** 2;
      expect(sq).toBeCloseTo(1, 5);
    }
    const s = teacherScores(teacher, data.x);
    for (let i = 0; i < data.n; i++) expect(data.y[i]).toBe(s[i] + teacher.b > 0 ? 1 : 0);
    expect(teacherLabels(teacher, data.x)).toEqual(data.y);
  });

  it('scores match a direct relu(x^T θ1)^T θ2', () => {
    const t = sampleTeacher(3, 2, new Rng(1));
    const x = gaussianInputs(4, 3, new Rng(2));
    const s = teacherScores(t, x);
    for (let i = 0; i < 4; i++) {
      let want = 0;
      for (let h = 0; h < 2; h++) {
        let z = 0;
        for (let j = 0; j < 3; j++) z += x[i * 3 + j] * t.theta1[j * 2 + h];
        want += Math.max(0, z) * t.theta2[h];
      }
      expect(s[i]).toBeCloseTo(want, 10);
    }
  });

  it('balancingBias is minus the median, and cuts at a gap when ties straddle it', () => {
    expect(balancingBias(Float64Array.from([3, 1, 4, 2]))).toBe(-2.5);
    // five exact zeros and three positives: the best cut is between 0 and 0.5 (5 vs 3)
    expect(balancingBias(Float64Array.from([0, 0, 0, 0, 0, 0.5, 1, 2]))).toBe(-0.25);
    expect(balancingBias(Float64Array.from([7, 7]))).toBe(-7);
  });

  it('stays roughly balanced with one teacher unit (half the scores are exactly 0)', () => {
    for (let seed = 0; seed < 5; seed++) {
      const ds = teacherDataset(1000, 5, 1, new Rng(seed));
      const c1 = classCounts(ds.y, 2)[1];
      expect(c1).toBeGreaterThan(400);
      expect(c1).toBeLessThan(600);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { sweepPoints, spread } from '../../../src/core/sweep/points';
import {
  bSimpleMarker,
  logSlope,
  referenceSlope,
  slopeLine,
} from '../../../src/core/sweep/reference';
import { runRow } from '../../../src/core/sweep/result';
import { fakeSweep } from './fixture';

describe('points: runs grouped by their varied values, spread over seeds', () => {
  it('one point per (x, series), mean/min/max over the seeds', () => {
    const { runs } = fakeSweep();
    const points = sweepPoints(['bs', 'lr'], runs);
    expect(points.map((p) => [p.x, p.series, p.runs])).toEqual([
      [4, 0.1, [0, 1]],
      [8, 0.1, [4, 5]],
      [16, 0.1, [8, 9]],
      [4, 0.2, [2, 3]],
      [8, 0.2, [6, 7]],
      [16, 0.2, [10, 11]],
    ]);
    // seeds 1 and 2: SG-B variance 1/B and 1/(2B).
    expect(points[0].values['SG-B variance mean']).toEqual({
      mean: 0.1875,
      min: 0.125,
      max: 0.25,
      n: 2,
    });
    expect(points[0].values['SG-B variance max']!.max).toBe(0.5);
    expect(points[0].values.loss).toEqual({ mean: 0.5, min: 0.5, max: 0.5, n: 2 });
  });

  it('points appear as runs stream in, in any order', () => {
    const { runs } = fakeSweep();
    const some = [runs[9], runs[0]];
    const points = sweepPoints(['bs', 'lr'], some);
    expect(points.map((p) => [p.x, p.series, p.values['SG-B variance mean']!.n])).toEqual([
      [4, 0.1, 1],
      [16, 0.1, 1],
    ]);
  });

  it('ignores what was not measured or not finite', () => {
    expect(spread([1, null, NaN, 3, Infinity])).toEqual({ mean: 2, min: 1, max: 3, n: 2 });
    expect(spread([null])).toBeNull();
    const { runs } = fakeSweep();
    const gone = { ...runs[0], summary: null, diverged: 3 };
    expect(runRow(gone)).toMatchObject({ loss: null, 'SG-B variance mean': null, diverged: 3 });
    const p = sweepPoints(['bs'], [gone])[0];
    expect(p.values['SG-B variance mean']).toBeNull();
  });
});

describe('reference lines', () => {
  it('the log–log slope of SG-B variance against B is −1 when Var ∝ 1/B', () => {
    const points = sweepPoints(['bs', 'lr'], fakeSweep().runs).filter((p) => p.series === 0.1);
    const fit = logSlope(points, 'SG-B variance mean')!;
    expect(fit.slope).toBeCloseTo(-1, 12);
    expect(fit.n).toBe(3);
    expect(logSlope(points.slice(0, 1), 'SG-B variance mean')).toBeNull();
  });

  it('a slope line through the geometric centre, across the x range', () => {
    const points = sweepPoints(['bs'], fakeSweep().runs);
    const line = slopeLine(points, 'SG-B variance mean', -1)!;
    expect(line.x).toEqual([4, 16]);
    expect(line.y[0] / line.y[1]).toBeCloseTo(4, 10);
    // Through the centre: the mean of log y over the points equals the line's at the mean log x.
    expect(Math.log10(line.y[0]) + Math.log10(line.y[1])).toBeCloseTo(
      (2 / 3) * points.reduce((a, p) => a + Math.log10(p.values['SG-B variance mean']!.mean), 0),
      10,
    );
  });

  it('B_simple is marked on a batch-size axis only; the −1 slope only for variance against B', () => {
    const points = sweepPoints(['bs'], fakeSweep().runs);
    expect(bSimpleMarker('bs', points)).toBe(12);
    expect(bSimpleMarker('lr', points)).toBeNull();
    expect(referenceSlope('bs', 'variance')).toBe(-1);
    expect(referenceSlope('bs', 'normalizedVariance')).toBeNull();
    expect(referenceSlope('coef', 'variance')).toBeNull();
  });
});

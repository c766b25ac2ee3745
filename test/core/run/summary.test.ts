import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/run/records';
import { summarizeRun } from '../../../src/core/run/summary';

function report(step: number, sgb: number, gc?: number): Report {
  return {
    step,
    epoch: 0,
    lr: 0.1,
    loss: 1 / (step + 1),
    acc: step / 100,
    testAcc: step / 200,
    gradNorm2: 1,
    meanExampleGradNorm2: 2,
    bSimple: 1,
    estimators: {
      'SG-B': { variance: sgb, normalizedVariance: sgb / 10 },
      ...(gc === undefined ? {} : { GC: { variance: gc, normalizedVariance: gc / 10 } }),
    },
  };
}

describe('summarizeRun', () => {
  it('averages the reports from 30 % of the last step on and takes the max over all', () => {
    // steps 0, 10, ..., 100: the late window is steps 30..100 (8 reports).
    const reports = Array.from({ length: 11 }, (_, i) => report(10 * i, i === 1 ? 50 : i));
    const s = summarizeRun(reports)!;
    const late = [3, 4, 5, 6, 7, 8, 9, 10];
    expect(s.estimators['SG-B']!.variance.mean).toBeCloseTo(late.reduce((a, b) => a + b) / 8, 12);
    expect(s.estimators['SG-B']!.variance.max).toBe(50);
    expect(s.estimators['SG-B']!.normalizedVariance.max).toBe(5);
    expect(s).toMatchObject({ steps: 100, reports: 11, loss: 1 / 101, acc: 1, testAcc: 0.5 });
    expect(s.sampled).toBeUndefined();
  });

  it('uses only the reports where an estimator was measured', () => {
    const reports = [report(0, 1, 9), report(50, 2), report(100, 3, 4)];
    const s = summarizeRun(reports)!;
    expect(s.estimators.GC!.variance).toEqual({ mean: 4, max: 9 });
    expect(s.estimators['SG-2B']).toBeUndefined();
  });

  it('aggregates B_simple over the reports that have one (‖g‖² > 0)', () => {
    const reports = [report(0, 1), report(50, 2), report(100, 3)];
    reports[0].bSimple = 40;
    reports[1].bSimple = null;
    reports[2].bSimple = 6;
    expect(summarizeRun(reports)!.bSimple).toEqual({ mean: 6, max: 40 });
    for (const r of reports) r.bSimple = null;
    expect(summarizeRun(reports)!.bSimple).toBeNull();
  });

  it('is null without reports', () => {
    expect(summarizeRun([])).toBeNull();
  });
});

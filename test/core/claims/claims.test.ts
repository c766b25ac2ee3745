import { describe, expect, it } from 'vitest';
import { claim, ratio, stat } from '../../../src/core/claims/build';
import { duplicateGrouping, mixedShare } from '../../../src/core/claims/clusters';
import { describeClaim } from '../../../src/core/claims/describe';
import {
  claimValue,
  evaluateClaim,
  passes,
  quantityValue,
  type RunObservation,
} from '../../../src/core/claims/evaluate';
import { claimConfigs } from '../../../src/core/claims/runs';
import { parse } from '../../../src/core/config/codec';
import type { RunSummary } from '../../../src/core/run/summary';

const agg = (mean: number, max: number) => ({ mean, max });
const summary: RunSummary = {
  steps: 100,
  reports: 11,
  loss: 0.1,
  acc: 0.9,
  testAcc: 0.8,
  estimators: {
    'SG-B': { variance: agg(4, 10), normalizedVariance: agg(0.6, 0.9) },
    GC: { variance: agg(1, 3), normalizedVariance: agg(0.3, 0.5) },
  },
};
const run: RunObservation = { summary };

describe('claims: values, checks and sentences', () => {
  it('reads stats and ratios from the summary; a missing estimator is null', () => {
    expect(quantityValue({ kind: 'stat', of: stat('SG-B') }, run)).toBe(4);
    expect(quantityValue({ kind: 'stat', of: stat('SG-B', 'variance', 'max') }, run)).toBe(10);
    expect(quantityValue(ratio('GC', 'SG-B'), run)).toBe(0.25);
    expect(quantityValue(ratio('SG-2B', 'SG-B'), run)).toBeNull();
    expect(quantityValue({ kind: 'mixedClusters' }, run)).toBeNull();
    expect(quantityValue({ kind: 'mixedClusters' }, { ...run, mixedClusters: 0.7 })).toBe(0.7);
  });

  it('compares strictly; null and NaN never pass', () => {
    expect(passes(0.5, { comparison: '<', threshold: 0.6 })).toBe(true);
    expect(passes(0.6, { comparison: '<', threshold: 0.6 })).toBe(false);
    expect(passes(0.7, { comparison: '>', threshold: 0.6 })).toBe(true);
    expect(passes(null, { comparison: '>', threshold: 0 })).toBe(false);
    expect(passes(NaN, { comparison: '<', threshold: 1 })).toBe(false);
  });

  it('a versus claim divides by the same quantity of the other run', () => {
    const c = claim(stat('SG-B'), '>', 1.5, 100, { versus: { noise: 0 } });
    const clean: RunObservation = {
      summary: { ...summary, estimators: { 'SG-B': summary.estimators['SG-B']!, GC: undefined } },
    };
    clean.summary.estimators['SG-B'] = { variance: agg(2, 5), normalizedVariance: agg(0, 0) };
    expect(claimValue(c, run, clean)).toBe(2);
    expect(claimValue(c, run)).toBeNull();
  });

  it('holds only when every seed passes; mean and spread of the values', () => {
    const c = claim(ratio('GC', 'SG-B'), '<', 0.5, 100);
    const ok = evaluateClaim(c, [0.2, 0.3, 0.4]);
    expect(ok.holds).toBe(true);
    expect(ok.mean).toBeCloseTo(0.3, 12);
    expect(ok.spread).toBeCloseTo(0.1, 12);
    expect(evaluateClaim(c, [0.2, 0.6, 0.4]).holds).toBe(false);
    expect(evaluateClaim(c, [0.2, null, 0.4]).holds).toBe(false);
    expect(evaluateClaim(c, []).holds).toBe(false);
  });

  it('the sentence states the quantity, comparison, threshold, steps and seeds', () => {
    const s = describeClaim(claim(ratio('GC', 'SG-2B'), '<', 0.6, 1000));
    expect(s).toBe(
      'GC / SG-2B variance, late mean (last 70 % of training) < 0.6 after 1000 steps, on each of seeds 1, 2, 3',
    );
    const v = describeClaim(claim(stat('SG-B'), '>', 1.4, 800, { versus: { noise: 0 } }));
    expect(v).toContain('this run / the same with noise=0');
    const fall = describeClaim(
      claim(ratio(stat('SG-B'), stat('SG-B', 'variance', 'max')), '<', 0.7, 600),
    );
    expect(fall).toContain(
      'SG-B variance: late mean (last 70 % of training) / maximum over training',
    );
  });
});

describe('mixedShare', () => {
  it('counts the examples in clusters whose minority class is at least 10 %', () => {
    // cluster 0: 9 of class 0 and 1 of class 1 (10 %: mixed); cluster 1: 5 of class 1 only
    const assignment = Int32Array.from([...Array(10).fill(0), ...Array(5).fill(1)]);
    const labels = Int32Array.from([...Array(9).fill(0), 1, ...Array(5).fill(1)]);
    expect(mixedShare(assignment, labels)).toBeCloseTo(10 / 15, 12);
    labels[9] = 0; // cluster 0 single-class now
    expect(mixedShare(assignment, labels)).toBe(0);
  });
});

describe('claim runs', () => {
  it('measure only what the claims read, with the seed, steps and versus patch', () => {
    const base = parse('preset=fig6-labelnoise').config;
    const a = claim(ratio('GC', 'SG-B'), '<', 1, 300);
    const b = claim(stat('SG-B'), '>', 1.4, 300, { versus: { noise: 0 } });
    const { main, versus } = claimConfigs(base, [a, b], b, 2);
    expect(main).toMatchObject({ seed: 2, steps: 300, est: ['sgb', 'gc'], noise: 0.1 });
    expect(versus).toMatchObject({ seed: 2, steps: 300, est: ['sgb'], noise: 0 });
    expect(claimConfigs(base, [a, b], a, 2).versus).toBeUndefined();
    const sampled = claim({ kind: 'stat', of: { ...stat('GC'), sampled: true } }, '<', 1, 300);
    expect(claimConfigs(base, [a, sampled], a, 1).main.stats).toBe('both');
  });
});

describe('duplicateGrouping', () => {
  it('shares of duplicated points whose copies sit together, and alone, in one cluster', () => {
    // point 0: copies at 0, 1, 2 (cluster 0, alone); point 5: copies 5, 6 (cluster 1, with 7)
    // point 8: copies 8, 9 split over clusters 2 and 3
    const source = Int32Array.from([0, 0, 0, -1, -1, 5, 5, -1, 8, 8]);
    const assignment = Int32Array.from([0, 0, 0, 4, 4, 1, 1, 1, 2, 3]);
    expect(duplicateGrouping(assignment, source)).toEqual({ together: 2 / 3, alone: 1 / 3 });
    expect(
      duplicateGrouping(
        assignment,
        Int32Array.from(source, () => -1),
      ),
    ).toBeNull();
  });
});

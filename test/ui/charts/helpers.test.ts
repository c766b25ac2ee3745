// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { minMaxIndices, pick } from '../../../src/ui/charts/downsample';
import { clusterColor, ESTIMATOR_COLORS, seriesColor } from '../../../src/ui/charts/palette';
import { safeDomain, safeLinearDomain, safeLogDomain } from '../../../src/ui/charts/scales';
import { rollingMeanStd } from '../../../src/ui/charts/smoothing';

describe('smoothing', () => {
  it('computes the centred rolling mean and population std', () => {
    const { mean, std } = rollingMeanStd([1, 2, 3, 4, 5], 3);
    expect(Array.from(mean)).toEqual([1.5, 2, 3, 4, 4.5]);
    expect(std[1]).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(std[0]).toBeCloseTo(0.5, 12);
  });

  it('skips values that fail `keep`, giving NaN for empty windows', () => {
    const { mean } = rollingMeanStd([NaN, NaN, NaN, 4, -1], 2, (v) => v > 0);
    expect(Array.from(mean)).toEqual([NaN, NaN, 4, 4, NaN]);
  });

  it('returns the values themselves for a window of 1 and never mutates input', () => {
    const y = Float64Array.from([3, 1, 2]);
    const { mean, std } = rollingMeanStd(y, 1);
    expect(Array.from(mean)).toEqual([3, 1, 2]);
    expect(Array.from(std)).toEqual([0, 0, 0]);
    expect(Array.from(y)).toEqual([3, 1, 2]);
  });
});

describe('downsample', () => {
  it('keeps everything when short enough', () => {
    expect(Array.from(minMaxIndices([5, 4, 3], 10))).toEqual([0, 1, 2]);
  });

  it('bounds the count, keeps ends and extremes, and is deterministic', () => {
    const y = Float64Array.from(
      { length: 10_000 },
      (_, i) => Math.sin(i / 7) + (i === 5000 ? 9 : 0),
    );
    const copy = y.slice();
    for (const max of [5, 17, 100, 1000]) {
      const idx = minMaxIndices(y, max);
      expect(idx.length).toBeLessThanOrEqual(max);
      expect(idx[0]).toBe(0);
      expect(idx[idx.length - 1]).toBe(y.length - 1);
      expect(Array.from(idx)).toEqual(Array.from(minMaxIndices(y, max)));
      for (let i = 1; i < idx.length; i++) expect(idx[i]).toBeGreaterThan(idx[i - 1]);
    }
    expect(Array.from(minMaxIndices(y, 100))).toContain(5000);
    expect(y).toEqual(copy);
  });

  it('keeps a gap point so lines still split', () => {
    const y = Array.from({ length: 1000 }, (_, i) => (i === 500 ? NaN : i));
    const kept = Array.from(minMaxIndices(y, 50), (i) => y[i]);
    expect(kept.some(Number.isNaN)).toBe(true);
  });

  it('gathers picked values into a new array', () => {
    const src = [10, 20, 30];
    expect(Array.from(pick(src, Uint32Array.from([0, 2])))).toEqual([10, 30]);
    expect(src).toEqual([10, 20, 30]);
  });
});

describe('scales', () => {
  it('log domains ignore 0, negatives, NaN and ±Infinity', () => {
    expect(safeLogDomain([[0, -1, NaN, Infinity, -Infinity, 1e-3, 1e2]])).toEqual([1e-3, 1e2]);
  });

  it('log domains are sensible when empty or all equal', () => {
    expect(safeLogDomain([])).toEqual([1, 10]);
    expect(safeLogDomain([[0, NaN]])).toEqual([1, 10]);
    const [lo, hi] = safeLogDomain([[5, 5]]);
    expect(lo).toBeCloseTo(5 / Math.sqrt(10), 12);
    expect(hi).toBeCloseTo(5 * Math.sqrt(10), 12);
  });

  it('linear domains keep 0 and negatives but not NaN/Infinity', () => {
    expect(safeLinearDomain([[0, -2, NaN, Infinity, 3]])).toEqual([-2, 3]);
    expect(safeLinearDomain([])).toEqual([0, 1]);
    expect(safeLinearDomain([[0.5, 0.5]])).toEqual([0.4, 0.6]);
    expect(safeDomain([[0, 4]], 'log')).toEqual([4 / Math.sqrt(10), 4 * Math.sqrt(10)]);
  });
});

describe('palette', () => {
  it('gives 64 distinct cluster colours, then cycles', () => {
    const colours = Array.from({ length: 64 }, (_, k) => clusterColor(k));
    expect(new Set(colours).size).toBe(64);
    expect(clusterColor(64)).toBe(clusterColor(0));
    expect(colours.every((c) => /^#[0-9a-f]{6}$/i.test(c))).toBe(true);
  });

  it('colours estimators and splits consistently', () => {
    expect(seriesColor('GC', 0)).toBe(ESTIMATOR_COLORS.GC);
    expect(seriesColor('train-acc', 3)).toBe(seriesColor('train-loss', 0));
    expect(seriesColor('test-loss', 0)).not.toBe(seriesColor('train-loss', 0));
  });
});

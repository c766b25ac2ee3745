import { describe, expect, it } from 'vitest';
import {
  INT_LOG_STEPS,
  arrowStep,
  floatLogScale,
  intLogScale,
  linearScale,
} from '../../../src/ui/controls/sliderScale';

describe('intLogScale (the batch size)', () => {
  it('runs from min to max, both ends reached', () => {
    const s = intLogScale(1, 300);
    expect([s.min, s.max, s.step]).toEqual([0, INT_LOG_STEPS, 1]);
    expect(s.fromPosition(0)).toBe(1);
    expect(s.fromPosition(INT_LOG_STEPS)).toBe(300);
    expect(s.toPosition(300)).toBe(INT_LOG_STEPS);
    expect(s.toPosition(1)).toBe(0);
  });

  it('is logarithmic: a quarter of the track is N^(1/4), not N/4', () => {
    const s = intLogScale(1, 4096);
    expect(s.fromPosition(INT_LOG_STEPS / 4)).toBe(8);
    expect(s.fromPosition(INT_LOG_STEPS / 2)).toBe(64);
    expect(intLogScale(1, 300).fromPosition(INT_LOG_STEPS / 4)).toBe(4);
  });

  it('gives integers within [min, max], non-decreasing along the track', () => {
    const s = intLogScale(1, 300);
    let last = 0;
    for (let p = -5; p <= INT_LOG_STEPS + 5; p++) {
      const v = s.fromPosition(p);
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(Math.max(1, last));
      expect(v).toBeLessThanOrEqual(300);
      last = v;
    }
  });

  it('places every small batch size where it reads back unchanged', () => {
    const s = intLogScale(1, 4096);
    for (let v = 1; v <= 40; v++) expect(s.fromPosition(s.toPosition(v))).toBe(v);
    for (const v of [64, 128, 256, 512, 1024, 2048, 4096])
      expect(s.fromPosition(s.toPosition(v))).toBe(v);
  });

  it('clamps values outside the range and collapses when max ≤ min', () => {
    const s = intLogScale(1, 300);
    expect(s.toPosition(5000)).toBe(INT_LOG_STEPS);
    const one = intLogScale(8, 8);
    expect([one.min, one.max, one.toPosition(8), one.fromPosition(3)]).toEqual([0, 0, 0, 8]);
  });
});

describe('floatLogScale and linearScale', () => {
  it('log10 positions for lr, two significant digits', () => {
    const s = floatLogScale(1e-5, 10);
    expect(s.min).toBeCloseTo(-5);
    expect(s.max).toBeCloseTo(1);
    expect(s.fromPosition(Math.log10(0.0123))).toBe(0.012);
  });

  it('linear positions are the values', () => {
    const s = linearScale(0, 1, false);
    expect([s.toPosition(0.3), s.fromPosition(0.3), s.step]).toEqual([0.3, 0.3, 0.005]);
    expect(linearScale(1, 50, true).step).toBe(1);
  });
});

describe('arrowStep', () => {
  it('moves a small batch size by one and a large one by one position', () => {
    const s = intLogScale(1, 4096);
    expect(arrowStep(s, 8, 1)).toBe(9);
    expect(arrowStep(s, 8, -1)).toBe(7);
    const up = arrowStep(s, 2048, 1);
    expect(up).toBeGreaterThan(2048);
    expect(up).toBeLessThan(2048 * 1.03);
  });

  it('stops at the ends', () => {
    const s = intLogScale(1, 300);
    expect(arrowStep(s, 300, 1)).toBe(300);
    expect(arrowStep(s, 1, -1)).toBe(1);
    expect(arrowStep(linearScale(0, 10, true), 10, 1)).toBe(10);
  });
});

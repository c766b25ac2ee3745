import { describe, expect, it } from 'vitest';
import { RateMeter, SLICE_MS, SliceSizer } from '../../src/engine/pacing';

/**
 * A loop that trains `fast` steps a second in 40 ms slices for `trainMs`, then measures for
 * `measureMs` (no steps), over and over; returns the meter's readings after each slice.
 */
function cycles(meter: RateMeter, fast: number, trainMs: number, measureMs: number, ms: number) {
  const readings: { t: number; value: number; steps: number }[] = [];
  let t = 0;
  let steps = 0;
  meter.add(t, steps);
  while (t < ms) {
    for (let s = 0; s < trainMs; s += 40) {
      t += 40;
      steps += (fast * 40) / 1000;
      meter.add(t, steps);
      readings.push({ t, value: meter.value(), steps });
    }
    t += measureMs;
    meter.add(t, steps);
    readings.push({ t, value: meter.value(), steps });
  }
  return readings;
}

describe('RateMeter: the steps/s readout', () => {
  it('steady training: the rate itself', () => {
    const r = cycles(new RateMeter(), 120, 1000, 0, 10_000);
    expect(r.at(-1)!.value).toBeCloseTo(120, 6);
  });

  it('long measurements (MNIST): the throughput a stopwatch measures, not the fast steps', () => {
    // 1 s at 50 steps/s, then a 3 s measurement: 12.5 steps/s over a cycle.
    const r = cycles(new RateMeter(), 50, 1000, 3000, 60_000);
    const later = r.filter((x) => x.t > 20_000);
    for (const x of later) expect(Math.abs(x.value - 12.5) / 12.5).toBeLessThan(0.35);
    const mean = later.reduce((a, x) => a + x.value, 0) / later.length;
    expect(mean).toBeGreaterThan(10.5);
    expect(mean).toBeLessThan(14.5);
  });

  it('0 until two samples half a second apart; clear() forgets the pauses too', () => {
    const m = new RateMeter();
    expect(m.value()).toBe(0);
    m.add(0, 0);
    m.add(400, 10);
    expect(m.value()).toBe(0);
    m.add(600, 20);
    expect(m.value()).toBeCloseTo(20 / 0.6, 6);
    m.add(20_600, 20); // a 20 s gap
    m.clear();
    // After clear the window is 2 s again: 1 s at 100/s after 4 s at 10/s reads ≥ 50/s.
    let t = 0;
    let steps = 0;
    for (; t <= 4000; t += 40) m.add(t, (steps += 0.4));
    for (; t <= 5000; t += 40) m.add(t, (steps += 4));
    expect(m.value()).toBeGreaterThan(50);
  });
});

describe('SliceSizer', () => {
  it('doubles while slices are short, halves when long, ignores measured slices', () => {
    const s = new SliceSizer();
    s.observe(1, 1, false);
    expect(s.steps).toBe(2);
    s.observe(2, SLICE_MS * 3, true);
    expect(s.steps).toBe(2);
    s.observe(2, SLICE_MS * 3, false);
    expect(s.steps).toBe(1);
    expect(s.next(0)).toBe(1);
  });
});

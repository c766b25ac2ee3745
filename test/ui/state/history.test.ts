/**
 * Bounded memory in the UI (issue 15): 100,000 synthetic reports and events, appended as
 * the engine posts them, keep the store bounded, the recent window whole, and each older
 * span's first, last and extreme reports, so the curves keep their envelope.
 */
import { describe, expect, it } from 'vitest';
import type { EngineEvent, Report } from '../../../src/core/run/records';
import {
  appendEvents,
  appendReports,
  decimationNote,
  EMPTY_HISTORY,
  MAX_BUCKETS,
  MAX_EVENTS,
  NONE_DROPPED,
  RECENT_REPORTS,
  selectExtremes,
  SPILL,
  type ReportHistory,
} from '../../../src/ui/state/history';
import { EMPTY_RUN, reduceRun } from '../../../src/ui/state/runStore';

/** A noisy, decaying run: every statistic wanders, with rare spikes and an exact 0 (SVRG). */
function report(step: number): Report {
  const noise = (k: number) => (Math.sin(step * 12.9898 + k * 78.233) * 43758.5453) % 1;
  const v = (k: number) =>
    Math.exp(-step / 30_000) * (1 + 0.5 * noise(k)) * (step % 9973 === 0 ? 50 : 1);
  const point = (k: number) => ({ variance: v(k), normalizedVariance: 0.5 + 0.4 * noise(k + 1) });
  return {
    step,
    epoch: step / 100,
    lr: 0.05,
    loss: v(0),
    acc: 0.5 + 0.4 * noise(2),
    testAcc: 0.5 + 0.4 * noise(3),
    gradNorm2: v(4),
    meanExampleGradNorm2: v(5),
    bSimple: null,
    estimators: {
      'SG-B': point(6),
      'SG-2B': point(8),
      GC: point(10),
      SVRG: { variance: step % 100 === 0 ? 0 : v(12), normalizedVariance: 0.3 },
    },
  };
}

const N = 100_000;
const ALL = Array.from({ length: N }, (_, i) => report(i));

function fill(chunk = 10): ReportHistory {
  let h = EMPTY_HISTORY;
  for (let i = 0; i < N; i += chunk) h = appendReports(h, ALL.slice(i, i + chunk));
  return h;
}

const pick: ((r: Report) => number | undefined)[] = [
  (r) => r.loss,
  (r) => r.acc,
  (r) => r.estimators['SG-B']!.variance,
  (r) => r.estimators.SVRG!.variance,
  (r) => r.estimators.GC!.normalizedVariance,
];

describe('bounded report history', () => {
  const h = fill();

  it('100,000 reports: bounded, the recent window whole and in order', () => {
    expect(h.all.length).toBeLessThan(RECENT_REPORTS + MAX_BUCKETS * 40);
    expect(h.all.length).toBeLessThan(15_000);
    expect(h.recent.length).toBeGreaterThanOrEqual(RECENT_REPORTS);
    expect(h.recent.length).toBeLessThanOrEqual(RECENT_REPORTS + SPILL);
    expect(h.recent).toEqual(ALL.slice(N - h.recent.length));
    const steps = h.all.map((r) => r.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(new Set(steps).size).toBe(steps.length);
    expect(h.all[0]).toBe(ALL[0]);
    expect(h.all.at(-1)).toBe(ALL.at(-1));
    expect(h.buckets.length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(h.buckets.reduce((t, b) => t + b.covered, 0)).toBe(N - h.recent.length);
  });

  /** Each older span of h keeps its first, last and every statistic's max, min and min > 0. */
  function expectEnvelopes(h: ReportHistory): void {
    let start = 0;
    for (const b of h.buckets) {
      const span = ALL.slice(start, start + b.covered);
      expect(b.kept[0]).toBe(span[0]);
      expect(b.kept.at(-1)).toBe(span.at(-1));
      for (const f of pick) {
        const values = span.map(f).filter((v): v is number => v !== undefined);
        const kept = b.kept.map(f).filter((v): v is number => v !== undefined);
        expect(Math.max(...kept)).toBe(Math.max(...values));
        expect(Math.min(...kept)).toBe(Math.min(...values));
        const pos = values.filter((v) => v > 0);
        if (pos.length) expect(Math.min(...kept.filter((v) => v > 0))).toBe(Math.min(...pos));
      }
      start += b.covered;
    }
  }

  it('each older span keeps its first, last and every statistic’s max, min and min > 0', () => {
    expectEnvelopes(h);
  });

  it('the same guarantees whatever the chunking of the messages', () => {
    for (const chunk of [1000, 7]) {
      const other = fill(chunk);
      expectEnvelopes(other);
      expect(other.all.length).toBeLessThan(15_000);
      expect(other.all.at(-1)).toBe(ALL.at(-1));
    }
  });

  it('the decimation is described for exports, on one line without commas', () => {
    expect(decimationNote(EMPTY_HISTORY)).toBeNull();
    const note = decimationNote(h)!;
    const upTo = N - h.recent.length;
    expect(note).toContain(`reports up to step ${upTo - 1}: `);
    expect(note).toContain(` of ${upTo} kept`);
    expect(note).toMatch(
      /^reports up to step \d+: \d+ of \d+ kept \(first and last and each plotted statistic's extremes in every span of \d+ reports\) and every later report kept$/,
    );
    expect(note).not.toMatch(/[,;\n]/);
  });

  it('selectExtremes keeps short lists as they are', () => {
    expect(selectExtremes([])).toEqual([]);
    expect(selectExtremes(ALL.slice(0, 2))).toEqual(ALL.slice(0, 2));
  });
});

describe('bounded events', () => {
  it('100,000 refreshes and 100 changes: at most MAX_EVENTS, every change kept, counts', () => {
    let events: EngineEvent[] = [];
    let dropped = NONE_DROPPED;
    for (let s = 0; s < N; s += 10) {
      const batch: EngineEvent[] = [];
      for (let k = s; k < s + 10; k++) {
        batch.push({
          kind: k % 2 ? 'svrg' : 'gc',
          step: k,
          ...(k % 2 ? {} : { objective: 1 }),
        } as EngineEvent);
        if (k % 1000 === 0)
          batch.push({ kind: 'change', step: k, field: 'lr', from: '0.1', to: '0.2' });
      }
      ({ events, dropped } = appendEvents(events, batch, dropped));
    }
    expect(events.length).toBeLessThanOrEqual(MAX_EVENTS);
    expect(events.filter((e) => e.kind === 'change')).toHaveLength(100);
    expect(dropped.other).toBe(0);
    expect(dropped.refreshes + events.length).toBe(N + 100);
    expect(events.at(-1)).toMatchObject({ kind: 'svrg', step: N - 1 });
    // Refreshes still span the whole run (thinned, not cut), for the charts' ticks.
    expect(events.find((e) => e.kind === 'gc')!.step).toBe(0);
  });

  it('over the cap with only notable events: the oldest go, counted', () => {
    const many: EngineEvent[] = Array.from({ length: MAX_EVENTS + 5 }, (_, i) => ({
      kind: 'change',
      step: i,
      field: 'lr',
      from: '1',
      to: '2',
    }));
    const r = appendEvents([], many, NONE_DROPPED);
    expect(r.events).toHaveLength(MAX_EVENTS);
    expect(r.events[0].step).toBe(5);
    expect(r.dropped).toEqual({ refreshes: 0, other: 5 });
  });
});

describe('the run store with 100,000 reports', () => {
  it('keeps state.reports bounded and resets with a new run', () => {
    let s = EMPTY_RUN;
    for (let i = 0; i < N; i += 100)
      s = reduceRun(s, { type: 'reports', reports: ALL.slice(i, i + 100) });
    expect(s.reports.length).toBeLessThan(15_000);
    expect(s.reports.at(-1)).toBe(ALL.at(-1));
  });
});

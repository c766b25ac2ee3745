/** Sweep records with synthetic summaries, for the format, points and merge tests. */
import type { RunSummary } from '../../../src/core/run/summary';
import { parseSweep } from '../../../src/core/sweep/codec';
import { expandSweep } from '../../../src/core/sweep/expand';
import { runResult, sweepResult, type SweepRunResult } from '../../../src/core/sweep/result';

/** A summary whose SG-B variance is `v`, SG-2B's half of it, NV a tenth. */
export function summary(v: number, extra: Partial<RunSummary> = {}): RunSummary {
  const est = (x: number) => ({
    variance: { mean: x, max: 2 * x },
    normalizedVariance: { mean: x / 10, max: x / 5 },
  });
  return {
    steps: 90,
    reports: 10,
    loss: 0.5,
    acc: 0.75,
    testAcc: 0.7,
    bSimple: { mean: 12, max: 30 },
    estimators: { 'SG-B': est(v), 'SG-2B': est(v / 2), GC: est(v / 3), SVRG: est(v / 4) },
    ...extra,
  };
}

export const QUERY = 'data=xor&steps=100&vary=bs:4,8,16&vary2=lr:0.1,0.2&seeds=2';

/** The whole sweep of QUERY, SG-B variance = 1/(B·seed) at each run. */
export function fakeSweep() {
  const { spec } = parseSweep(QUERY);
  const runs: SweepRunResult[] = expandSweep(spec).runs.map((r) =>
    runResult(r, {
      config: r.config,
      backend: 'wasm',
      steps: 100,
      diverged: null,
      summary: summary(1 / (r.config.bs * r.seed)),
    }),
  );
  return { spec, runs, result: sweepResult(spec, runs) };
}

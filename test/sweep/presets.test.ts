/**
 * Every sweep preset's claims, checked on the sweep itself: the preset's runs (with the
 * overrides in its `test` query, if any) on a pool of worker threads, WASM, as `npm run sweep`
 * runs them; then each claim evaluated on the points (means over the preset's seeds).
 * CI budget: all presets together ≈ 3 minutes on 2 cores (each preset says its steps and seeds).
 */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../cli/sweepPool';
import { evaluate } from '../../src/core/sweep/claims';
import { parseSweep } from '../../src/core/sweep/codec';
import { expandSweep } from '../../src/core/sweep/expand';
import { sweepPoints } from '../../src/core/sweep/points';
import { SWEEP_PRESETS } from '../../src/core/sweep/presets';
import { runResult, type SweepRunResult } from '../../src/core/sweep/result';

describe("sweep presets: every claim holds on the preset's own sweep", () => {
  it.each(SWEEP_PRESETS.map((p) => [p.name, p] as const))(
    '%s',
    async (_name, preset) => {
      const query = `preset=${preset.name}${preset.test ? `&${preset.test}` : ''}`;
      const { spec, problems } = parseSweep(query);
      expect(problems).toEqual([]);
      const { runs, problems: runProblems } = expandSweep(spec);
      expect(runProblems).toEqual([]);
      const done: SweepRunResult[] = [];
      await runSweep(runs, availableParallelism(), (i, o) => done.push(runResult(runs[i], o)));
      expect(done.filter((r) => r.diverged !== null)).toEqual([]);
      const points = sweepPoints(
        spec.axes.map((a) => a.key),
        done,
      );
      const verdicts = preset.claims.map((c) => ({
        claim: c.text,
        ...evaluate(c.check, points, done),
      }));
      for (const v of verdicts)
        console.info(`${preset.name}: ${v.pass ? 'holds' : 'FAILS'}: ${v.seen}`);
      for (const v of verdicts) expect(v.pass, `${v.claim}\n  seen: ${v.seen}`).toBe(true);
    },
    300_000,
  );
});

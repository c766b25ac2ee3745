/**
 * Runs a configuration headless to its `steps` (Node: the experiment CLI, the claims tests and
 * scripts), on whatever tfjs backend is active: the same Session and loop as a sweep's runs
 * (engine/sweepRun.ts) and the browser's worker.
 */
import { duplicateGrouping, mixedShare } from '../src/core/claims/clusters';
import { buildRunData } from '../src/core/data/runData';
import type { RunObservation } from '../src/core/claims/evaluate';
import type { Config } from '../src/core/config/schema';
import type { EngineEvent, Report } from '../src/core/run/records';
import { LATE_START, summarizeRun } from '../src/core/run/summary';
import type { ClusterView } from '../src/engine/protocol';
import { runToEnd } from '../src/engine/sweepRun';
import { loadMnist } from './loadMnist';

export interface RunResult {
  /** The configuration as the session applied it (e.g. bs clamped to N_train). */
  config: Config;
  reports: Report[];
  events: EngineEvent[];
}

/**
 * Trains until the session stops (config.steps must be > 0, or it never does), calling
 * `onView` with each cluster view and `onProgress` after each measurement interval.
 */
export async function runSession(
  config: Config,
  hooks: { onView?: (v: ClusterView) => void; onProgress?: (step: number) => void } = {},
): Promise<RunResult> {
  if (!(config.steps > 0)) throw new Error('runSession needs steps > 0');
  const run = await runToEnd(config, config.data === 'mnist' ? loadMnist() : undefined, hooks);
  const { config: applied, reports, events } = run!;
  return { config: applied, reports, events };
}

/** Late mean of the values at steps ≥ LATE_START × the last step; undefined when none. */
function lateMean(points: readonly { step: number; value: number }[], last: number) {
  const late = points.filter((p) => p.step >= LATE_START * last);
  return late.length ? late.reduce((s, p) => s + p.value, 0) / late.length : undefined;
}

/**
 * What a claim reads from one run (claims/evaluate.ts): its summary and, from the cluster
 * views at steps ≥ LATE_START × the last step, the late means of the mixed-cluster share (2-D
 * data) and of how the duplicated points are clustered (runs with duplicates; the run's data
 * rebuilt from its seed to know which pool examples are copies of which point).
 */
export async function observeRun(config: Config): Promise<RunObservation & RunResult> {
  const mixed: { step: number; value: number }[] = [];
  const together: { step: number; value: number }[] = [];
  const alone: { step: number; value: number }[] = [];
  const source = config.dup > 0 ? poolSources(config) : null;
  const run = await runSession(config, {
    onView: (v) => {
      if (v.points) mixed.push({ step: v.step, value: mixedShare(v.assignment, v.points.label) });
      const d = source ? duplicateGrouping(v.assignment, source) : null;
      if (d) {
        together.push({ step: v.step, value: d.together });
        alone.push({ step: v.step, value: d.alone });
      }
    },
  });
  const summary = summarizeRun(run.reports);
  if (!summary) throw new Error('the run made no report');
  const observation: RunObservation & RunResult = { ...run, summary };
  const m = lateMean(mixed, summary.steps);
  if (m !== undefined) observation.mixedClusters = m;
  const t = lateMean(together, summary.steps);
  const a = lateMean(alone, summary.steps);
  if (t !== undefined && a !== undefined) observation.duplicates = { together: t, alone: a };
  return observation;
}

/** For each pool example, the training point it copies (-1: not a copy). */
function poolSources(config: Config): Int32Array {
  const data = buildRunData(config, config.data === 'mnist' ? loadMnist() : undefined);
  return Int32Array.from(data.pool, (i) => data.sourceOf[i]);
}

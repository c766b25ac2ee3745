/**
 * Runs a configuration headless to its `steps` (Node: the experiment CLI, the claims tests and
 * scripts), on whatever tfjs backend is active: the same Session as the browser's worker.
 */
import { mixedShare } from '../src/core/claims/clusters';
import type { RunObservation } from '../src/core/claims/evaluate';
import type { Config } from '../src/core/config/schema';
import type { EngineEvent, Report } from '../src/core/run/records';
import { LATE_START, summarizeRun } from '../src/core/run/summary';
import type { ClusterView } from '../src/engine/protocol';
import { Session } from '../src/engine/session';
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
  const session = new Session(config, config.data === 'mnist' ? loadMnist() : undefined);
  const reports: Report[] = [];
  const events: EngineEvent[] = [];
  try {
    // As the worker does: the first report before the first clustering (GC absent from it).
    const first = await session.measureFirst();
    reports.push(...first.reports);
    events.push(...first.events);
    while (!session.stopped) {
      const out = await session.advance(config.every);
      reports.push(...out.reports);
      events.push(...out.events);
      out.views.forEach((v) => hooks.onView?.(v));
      hooks.onProgress?.(session.step);
    }
    return { config: session.config, reports, events };
  } finally {
    session.dispose();
  }
}

/**
 * What a claim reads from one run (claims/evaluate.ts): its summary and, on 2-D data with
 * clusters, the late mean of the mixed-cluster share over the re-clusterings at steps
 * ≥ LATE_START × the last step.
 */
export async function observeRun(config: Config): Promise<RunObservation & RunResult> {
  const mixed: { step: number; share: number }[] = [];
  const run = await runSession(config, {
    onView: (v) => {
      if (v.points) mixed.push({ step: v.step, share: mixedShare(v.assignment, v.points.label) });
    },
  });
  const summary = summarizeRun(run.reports);
  if (!summary) throw new Error('the run made no report');
  const late = mixed.filter((m) => m.step >= LATE_START * summary.steps);
  const observation: RunObservation & RunResult = { ...run, summary };
  if (late.length) {
    observation.mixedClusters = late.reduce((s, m) => s + m.share, 0) / late.length;
  }
  return observation;
}

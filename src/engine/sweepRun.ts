/**
 * One run, start to finish, headless: the playground's own Session for config.steps steps,
 * measured on schedule exactly as the worker does (the first report before the first
 * clustering, then chunks of `every` steps). One loop for every headless run: the experiment
 * CLI and the claims tests (cli/runSession.ts), a sweep's Node worker threads
 * (cli/sweepWorker.ts) and its browser workers (sweep.worker.ts), so a sweep point and
 * `npm run experiment` on the same configuration agree exactly. The caller has chosen the
 * tfjs backend.
 */
import type { Config } from '../core/config/schema';
import type { Dataset } from '../core/data/dataset';
import type { EngineEvent, Report } from '../core/run/records';
import type { ClusterView } from './protocol';
import { Session } from './session';

export interface RunToEnd {
  /** The configuration as the session applied it (e.g. bs clamped to N_train). */
  config: Config;
  reports: Report[];
  events: EngineEvent[];
  /** Steps trained (fewer than config.steps when the run diverged). */
  steps: number;
  /** Step at which the run diverged, or null. */
  diverged: number | null;
}

export interface RunHooks {
  onView?: (v: ClusterView) => void;
  /** After each chunk of `every` steps, with the step reached. */
  onProgress?: (step: number) => void;
  /** Asked between chunks: true stops the run (it then resolves null). */
  shouldStop?: () => boolean;
}

/** Trains until the session stops (config.steps must be > 0, or it never does). */
export async function runToEnd(
  config: Config,
  mnist: Dataset | undefined,
  hooks: RunHooks = {},
): Promise<RunToEnd | null> {
  if (!(config.steps > 0)) throw new Error('a headless run needs steps > 0');
  const session = new Session(config, mnist);
  const reports: Report[] = [];
  const events: EngineEvent[] = [];
  try {
    const first = await session.measureFirst();
    reports.push(...first.reports);
    events.push(...first.events);
    while (!session.stopped) {
      if (hooks.shouldStop?.()) return null;
      const out = await session.advance(config.every);
      reports.push(...out.reports);
      events.push(...out.events);
      out.views.forEach((v) => hooks.onView?.(v));
      hooks.onProgress?.(session.step);
    }
    const diverged = events.find((e) => e.kind === 'diverged')?.step ?? null;
    return { config: session.config, reports, events, steps: session.step, diverged };
  } finally {
    session.dispose();
  }
}

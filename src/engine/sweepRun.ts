/**
 * One run of a sweep, start to finish: the playground's own Session for config.steps steps,
 * measured on schedule, then summarised (summarizeRun) exactly as `npm run experiment` does.
 * The same function runs in a Node worker thread (cli/sweepWorker.ts) and in a browser sweep
 * worker (sweep.worker.ts); the caller has chosen the tfjs backend.
 */
import type { Config } from '../core/config/schema';
import type { Dataset } from '../core/data/dataset';
import type { Report } from '../core/run/records';
import { summarizeRun, type RunSummary } from '../core/run/summary';
import { Session } from './session';

export interface RunOutcome {
  /** Steps trained (fewer than config.steps when the run diverged). */
  steps: number;
  /** Step at which the run diverged, or null. */
  diverged: number | null;
  summary: RunSummary | null;
  /** Every report, in step order (the sweep view draws a run's curves from them). */
  reports: Report[];
}

/**
 * Trains to config.steps (> 0) and summarises. `shouldStop` is asked between chunks of
 * `config.every` steps; a stopped run resolves null (cancelled, nothing to record).
 */
export async function runToEnd(
  config: Config,
  mnist?: Dataset,
  shouldStop: () => boolean = () => false,
): Promise<RunOutcome | null> {
  if (!(config.steps > 0)) throw new Error('a sweep run needs steps > 0');
  const session = new Session(config, mnist);
  const reports: Report[] = [];
  let diverged: number | null = null;
  try {
    while (!session.stopped) {
      if (shouldStop()) return null;
      const out = await session.advance(config.every);
      reports.push(...out.reports);
      for (const e of out.events) if (e.kind === 'diverged') diverged = e.step;
    }
    return { steps: session.step, diverged, summary: summarizeRun(reports), reports };
  } finally {
    session.dispose();
  }
}

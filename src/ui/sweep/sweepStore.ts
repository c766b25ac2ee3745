/**
 * The state of a sweep in the browser, as runs stream in: which runs were asked for, the
 * finished ones (their records and reports), failures, and timing for the ETA. Plain data
 * changed only through the functions below (each returns a new state), so React can hold it.
 *
 *   ETA = (elapsed / runs finished) × runs left    (null before the first run finishes)
 */
import type { Report } from '../../core/run/records';
import type { SweepRun } from '../../core/sweep/expand';
import { runResult, type SweepRunResult } from '../../core/sweep/result';
import type { SweepReply } from '../../engine/protocol';

export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled';

export interface SweepState {
  status: SweepStatus;
  runs: readonly SweepRun[];
  results: readonly SweepRunResult[];
  /** Each finished run's reports, by run index (its curves on hover). */
  reports: ReadonlyMap<number, readonly Report[]>;
  errors: readonly { index: number; message: string }[];
  workers: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export const IDLE: SweepState = {
  status: 'idle',
  runs: [],
  results: [],
  reports: new Map(),
  errors: [],
  workers: 0,
  startedAt: null,
  finishedAt: null,
};

export function started(runs: readonly SweepRun[], workers: number, now: number): SweepState {
  return { ...IDLE, status: runs.length ? 'running' : 'done', runs, workers, startedAt: now };
}

/** Runs accounted for: finished or failed. */
export function settled(s: SweepState): number {
  return s.results.length + s.errors.length;
}

/** A reply from a sweep worker; the last one ends the sweep. Replies after a cancel are dropped. */
export function replied(s: SweepState, reply: SweepReply, now: number): SweepState {
  if (s.status !== 'running') return s;
  const run = s.runs.find((r) => r.index === reply.index);
  if (!run) return s;
  let next: SweepState;
  if (reply.type === 'sweep-error') {
    next = { ...s, errors: [...s.errors, { index: reply.index, message: reply.message }] };
  } else {
    const { config, backend, steps, diverged, summary, reports } = reply;
    const reportsByRun = new Map(s.reports).set(reply.index, reports);
    const result = runResult(run, { config, backend, steps, diverged, summary });
    next = { ...s, results: [...s.results, result], reports: reportsByRun };
  }
  return settled(next) === s.runs.length ? { ...next, status: 'done', finishedAt: now } : next;
}

export function cancelled(s: SweepState, now: number): SweepState {
  return s.status === 'running' ? { ...s, status: 'cancelled', finishedAt: now } : s;
}

/** Milliseconds left at the mean pace so far; null until a run has finished. */
export function eta(s: SweepState, now: number): number | null {
  const done = settled(s);
  if (s.status !== 'running' || s.startedAt === null || done === 0) return null;
  return ((now - s.startedAt) / done) * (s.runs.length - done);
}

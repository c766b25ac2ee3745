/**
 * Runs a sweep's runs in parallel on a pool of worker threads (sweepWorker.ts), one run per
 * worker at a time, the next run going to the first worker free. Results come back in
 * completion order; each is the same as a sequential run (same backend, same kernels).
 * workers = 1 runs in this thread, one after another, with no pool.
 */
import { Worker } from 'node:worker_threads';
import type { Config } from '../src/core/config/schema';
import { summarizeRun } from '../src/core/run/summary';
import type { RunOutcome } from '../src/core/sweep/result';
import type { SweepRun } from '../src/core/sweep/expand';
import { runToEnd, type RunToEnd } from '../src/engine/sweepRun';
import { loadMnist } from './loadMnist';
import { useNodeBackend } from './run';

export interface PoolTask {
  index: number;
  config: Config;
}

export type Outcome = RunOutcome;

export type PoolReply =
  | { type: 'done'; index: number; outcome: Outcome }
  | { type: 'error'; index: number; message: string };

/** What a sweep records of a finished run: the summary, not the reports. */
export function outcomeOf(backend: string, run: RunToEnd): Outcome {
  const { config, steps, diverged, reports } = run;
  return { config, backend, steps, diverged, summary: summarizeRun(reports) };
}

/** The worker thread, with tsx registered inside it (workers do not inherit the loader). */
function startWorker(): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const file = new URL('./sweepWorker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(api)}).then((a) => { a.register(); return import(${JSON.stringify(file)}); });`;
  return new Worker(code, { eval: true });
}

/** In this thread, one after another (workers = 1, and the reference for the pool's test). */
async function runHere(runs: readonly SweepRun[], onDone: (index: number, o: Outcome) => void) {
  const mnist = runs.some((r) => r.config.data === 'mnist') ? loadMnist() : undefined;
  for (const run of runs) {
    const backend = await useNodeBackend(run.config.backend);
    onDone(run.index, outcomeOf(backend, (await runToEnd(run.config, mnist))!));
  }
}

function runOnPool(
  runs: readonly SweepRun[],
  size: number,
  onDone: (index: number, o: Outcome) => void,
): Promise<void> {
  const queue = [...runs];
  const workers = Array.from({ length: Math.min(size, runs.length) }, startWorker);
  return new Promise<void>((resolve, reject) => {
    let left = runs.length;
    const stop = (e?: Error) => {
      for (const w of workers) void w.terminate();
      if (e) reject(e);
      else resolve();
    };
    const feed = (w: Worker) => {
      const run = queue.shift();
      if (run) w.postMessage({ index: run.index, config: run.config } satisfies PoolTask);
    };
    for (const w of workers) {
      w.on('message', (reply: PoolReply) => {
        if (reply.type === 'error') return stop(new Error(`run ${reply.index}: ${reply.message}`));
        onDone(reply.index, reply.outcome);
        if (--left === 0) return stop();
        feed(w);
      });
      w.on('error', (e) => stop(e));
      feed(w);
    }
    if (left === 0) stop();
  });
}

/** Runs every run; `onDone` receives each outcome as it finishes. */
export async function runSweep(
  runs: readonly SweepRun[],
  workers: number,
  onDone: (index: number, o: Outcome) => void,
): Promise<void> {
  if (workers <= 1 || runs.length <= 1) await runHere(runs, onDone);
  else await runOnPool(runs, workers, onDone);
}

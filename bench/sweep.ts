/**
 * `npm run bench:sweep`: run-steps/s of a 16-run random-features sweep (h = 1000 features,
 * input dimension 100, B = 10, N = 500; 4 learning rates × 4 seeds) on the tfjs WASM backend
 * in Node, run one after another in this thread vs as a sweep on the worker-thread pool
 * (cli/sweepPool.ts, os.availableParallelism() workers). Measurements are on the run's own
 * schedule (every 10 steps, all four estimators), as a sweep takes them.
 *
 *   run-steps/s = (runs × steps per run) / wall-clock seconds
 *
 * The pool's time includes starting its workers (each loads tsx, tfjs and the WASM binary),
 * as every sweep pays it; the sequential side is warmed up first (one short run). Both sides
 * must give identical summaries (checked). Knobs: BENCH_SWEEP_STEPS (steps per run, 100),
 * BENCH_SWEEP_WORKERS (pool size). Writes bench/results/sweep.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { runSweep, type Outcome } from '../cli/sweepPool';
import { useNodeBackend } from '../cli/run';
import { parseSweep } from '../src/core/sweep/codec';
import { expandSweep, type SweepRun } from '../src/core/sweep/expand';

const STEPS = Number(process.env.BENCH_SWEEP_STEPS ?? 100);
const WORKERS = Number(process.env.BENCH_SWEEP_WORKERS ?? availableParallelism());
const QUERY = `data=teacher&model=rf&n=500&dim=100&hidden=1000&bs=10&gcEvery=50&steps=${STEPS}&vary=lr:0.01,0.02,0.05,0.1&seeds=4`;

interface Row {
  mode: string;
  workers: number;
  seconds: number;
  runStepsPerSecond: number;
}

async function timed(runs: readonly SweepRun[], workers: number) {
  const outcomes = new Map<number, Outcome>();
  const t0 = performance.now();
  await runSweep(runs, workers, (i, o) => outcomes.set(i, o));
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, outcomes };
}

function row(mode: string, workers: number, seconds: number, runSteps: number): Row {
  return { mode, workers, seconds: round(seconds), runStepsPerSecond: round(runSteps / seconds) };
}

const round = (v: number) => Number(v.toPrecision(4));

async function main(): Promise<void> {
  const { spec, problems } = parseSweep(QUERY);
  if (problems.length) throw new Error(problems[0].message);
  const { runs } = expandSweep(spec);
  const runSteps = runs.length * STEPS;
  process.stdout.write(
    `sweep bench: ${runs.length} runs × ${STEPS} steps (RF h=1000, dim=100, B=10, N=500), WASM, ${cpus().length} CPUs\n`,
  );
  await useNodeBackend('wasm');
  // Warm-up: the WASM binary and this shape's kernels, so the sequential side is not charged.
  await runSweep([{ ...runs[0], config: { ...runs[0].config, steps: 2 } }], 1, () => {});
  const seq = await timed(runs, 1);
  const rows = [row('one after another', 1, seq.seconds, runSteps)];
  process.stdout.write(`  one after another: ${rows[0].runStepsPerSecond} run-steps/s\n`);
  const pool = await timed(runs, WORKERS);
  rows.push(row('sweep (worker pool)', WORKERS, pool.seconds, runSteps));
  process.stdout.write(`  sweep, ${WORKERS} workers: ${rows[1].runStepsPerSecond} run-steps/s\n`);
  const same = runs.every(
    (r) => JSON.stringify(seq.outcomes.get(r.index)) === JSON.stringify(pool.outcomes.get(r.index)),
  );
  if (!same) throw new Error('the pool and the sequential runs gave different summaries');
  const ratio = round(seq.seconds / pool.seconds);
  process.stdout.write(`  ratio sweep / one after another: ${ratio}× (summaries identical)\n`);
  mkdirSync('bench/results', { recursive: true });
  const json = { date: new Date().toISOString(), query: QUERY, cpus: cpus().length, rows, ratio };
  writeFileSync('bench/results/sweep.json', `${JSON.stringify(json, null, 1)}\n`);
  process.stdout.write('wrote bench/results/sweep.json\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:sweep: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});

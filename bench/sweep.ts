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
 * must give identical summaries (checked). Each row also gives the cores actually used (CPU
 * seconds of the process over wall seconds) and the load average is printed: on a shared
 * machine the wall-clock ratio says more about the neighbours than about the pool. Knobs: BENCH_SWEEP_STEPS (steps per run, 100),
 * BENCH_SWEEP_WORKERS (pool size), BENCH_NODE=0 skips the Node half; Chromium (sweepBrowser.ts, the app's sweep view per
 * backend): BENCH_BROWSER=0 skips it, BENCH_BACKENDS [wasm,webgl,webgpu,cpu], BENCH_BUDGET_S per
 * side [120], BENCH_PORT [4176], BENCH_DIST [dist-sweepbench], BENCH_BUILD=0 serves it as built.
 * Writes bench/results/sweep.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { runSweep, type Outcome } from '../cli/sweepPool';
import { useNodeBackend } from '../cli/run';
import { benchSweepBrowser, type BrowserSweepRow } from './sweepBrowser';
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
  /** CPU seconds of this process (all its threads) over wall seconds: cores actually used. */
  coresUsed: number;
}

async function timed(runs: readonly SweepRun[], workers: number) {
  const outcomes = new Map<number, Outcome>();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await runSweep(runs, workers, (i, o) => outcomes.set(i, o));
  const seconds = (performance.now() - t0) / 1000;
  const { user, system } = process.cpuUsage(cpu0);
  return { seconds, cpuSeconds: (user + system) / 1e6, outcomes };
}

function row(
  mode: string,
  workers: number,
  t: { seconds: number; cpuSeconds: number },
  runSteps: number,
): Row {
  return {
    mode,
    workers,
    seconds: round(t.seconds),
    runStepsPerSecond: round(runSteps / t.seconds),
    coresUsed: round(t.cpuSeconds / t.seconds),
  };
}

const round = (v: number) => Number(v.toPrecision(4));

const load = () => loadavg()[0].toFixed(1);

/** The Node half: one after another, then the pool; their summaries must be identical. */
async function nodeRows(runs: readonly SweepRun[]): Promise<{ rows: Row[]; ratio: number }> {
  const runSteps = runs.length * STEPS;
  await useNodeBackend('wasm');
  // Warm-up: the WASM binary and this shape's kernels, so the sequential side is not charged.
  await runSweep([{ ...runs[0], config: { ...runs[0].config, steps: 2 } }], 1, () => {});
  const seq = await timed(runs, 1);
  const rows = [row('one after another', 1, seq, runSteps)];
  const line = (r: Row) =>
    `  node ${r.mode}, ${r.workers} worker(s): ${r.runStepsPerSecond} run-steps/s (${r.seconds} s, ${r.coresUsed} cores used)\n`;
  process.stdout.write(line(rows[0]));
  const pool = await timed(runs, WORKERS);
  rows.push(row('sweep (worker pool)', WORKERS, pool, runSteps));
  process.stdout.write(line(rows[1]));
  const same = runs.every(
    (r) => JSON.stringify(seq.outcomes.get(r.index)) === JSON.stringify(pool.outcomes.get(r.index)),
  );
  if (!same) throw new Error('the pool and the sequential runs gave different summaries');
  const ratio = round(seq.seconds / pool.seconds);
  process.stdout.write(
    `  node: ratio ${ratio}× (summaries identical; load average now ${load()})\n`,
  );
  return { rows, ratio };
}

async function main(): Promise<void> {
  const { spec, problems } = parseSweep(QUERY);
  if (problems.length) throw new Error(problems[0].message);
  const { runs } = expandSweep(spec);
  process.stdout.write(
    `sweep bench: ${runs.length} runs × ${STEPS} steps (RF h=1000, dim=100, B=10, N=500), ${cpus().length} CPUs, load average ${load()}\n`,
  );
  const node = process.env.BENCH_NODE === '0' ? null : await nodeRows(runs);
  const browser = process.env.BENCH_BROWSER === '0' ? [] : await chromiumRows();
  mkdirSync('bench/results', { recursive: true });
  const json = {
    date: new Date().toISOString(),
    query: QUERY,
    cpus: cpus().length,
    loadAverage: loadavg(),
    node,
    browser,
  };
  writeFileSync('bench/results/sweep.json', `${JSON.stringify(json, null, 1)}\n`);
  process.stdout.write('wrote bench/results/sweep.json\n');
}

/** The Chromium rows, printed as they come, with each backend's ratio. */
async function chromiumRows(): Promise<BrowserSweepRow[]> {
  const env = process.env;
  const rows = await benchSweepBrowser(
    {
      query: QUERY,
      steps: STEPS,
      backends: (env.BENCH_BACKENDS ?? 'wasm,webgl,webgpu,cpu').split(','),
      outDir: env.BENCH_DIST ?? 'dist-sweepbench',
      port: Number(env.BENCH_PORT ?? 4176),
      build: env.BENCH_BUILD !== '0',
      budgetMs: 1000 * Number(env.BENCH_BUDGET_S ?? 120),
    },
    (r) =>
      process.stdout.write(
        `  chromium ${r.backend}, ${r.mode} (${r.workers ?? '?'} workers): ${r.runStepsPerSecond ?? '—'} run-steps/s, ${r.runsDone} runs${r.note ? ` (${r.note})` : ''}\n`,
      ),
  );
  for (let i = 0; i + 1 < rows.length; i += 2) {
    const [one, pool] = [rows[i].runStepsPerSecond, rows[i + 1].runStepsPerSecond];
    if (one && pool)
      process.stdout.write(`  chromium ${rows[i].backend}: ratio ${round(pool / one)}×\n`);
  }
  return rows;
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:sweep: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});

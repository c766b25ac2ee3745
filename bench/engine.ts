/**
 * `npm run bench`: training speed of the fig3-mnist model (MLP 784-128-128-10 on MNIST, B=128,
 * SGD with momentum 0.5 and weight decay) on each tfjs backend, in Node (cpu, wasm) and in
 * headless Chromium (webgpu and webgl, on SwiftShader here, wasm, cpu), always through the
 * app's Session (src/engine/session.ts). See engineMeasure.ts for what is timed and how.
 * Prints a table row as each backend finishes, then the table again with the app's speed probe
 * (core/train/speedProbe.ts, timed on each backend too) ranking the backends of each place as
 * `auto` would, and whether its pick is the fastest Session; writes bench/results/engine.json.
 *
 * Environment (defaults in brackets):
 *   BENCH_NODE=0, BENCH_BROWSER=0   skip a half
 *   BENCH_BACKENDS                   Chromium backends [webgpu,webgl,wasm,cpu]
 *   BENCH_TRAIN_MS                   aim of each timed training run, ours and fit [5000]
 *   BENCH_MAX_STEPS                  at most this many timed steps [200]
 *   BENCH_REPS                       timed exact measurements [3], fewer once they took
 *   BENCH_MEASURE_MS                 this long [20000] (at least one)
 *   BENCH_POOL                       pool of the exact measurement [512; the preset's is 1024]
 *   BENCH_BUDGET_S                   per Chromium backend, page load to last figure [200]
 *   BENCH_TOTAL_S                    the whole run: later backends get what is left [570]
 *   BENCH_PORT, BENCH_DIST           vite preview port and build folder [4175, dist-bench]
 *   BENCH_BUILD=0                    serve BENCH_DIST as it is, without building
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { loadMnist } from '../cli/loadMnist';
import { benchBrowser } from './engineBrowser';
import type { BackendResult, BenchSizes } from './engineMeasure';
import { benchNode } from './engineNode';

const env = (name: string, fallback: number) => {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : Number(v);
};

const fmt = (v: number | null, digits = 1) => (v === null ? '—' : v.toFixed(digits));

const HEAD = [
  'where',
  'backend',
  'steps/s',
  'probe st/s',
  'probe pick',
  'ms/measure',
  'measure/step',
  'fit steps/s',
  'ours/fit',
  'sync reads',
  'kernels/step',
];

const line = (cols: readonly string[]) =>
  cols.map((c, i) => (i < 2 ? c.padEnd(9) : c.padStart(12))).join(' ');

/**
 * The speed probe's ranking of the rows of one place (node or chromium): fastest probe first,
 * as `auto` orders backends (src/ui/backend/backendPlan.ts ranks the same figure). 1 = picked.
 */
function probeRanks(rows: readonly BackendResult[]): Map<BackendResult, number> {
  const ranks = new Map<BackendResult, number>();
  for (const where of ['node', 'chromium'] as const) {
    const timed = rows
      .filter((r) => r.where === where && r.probeStepsPerSecond !== undefined)
      .sort((a, b) => b.probeStepsPerSecond! - a.probeStepsPerSecond!);
    timed.forEach((r, i) => ranks.set(r, i + 1));
  }
  return ranks;
}

function rowLine(r: BackendResult, rank?: number): string {
  return line([
    r.where,
    r.backend,
    fmt(r.stepsPerSecond),
    fmt(r.probeStepsPerSecond ?? null),
    rank === undefined ? '—' : rank === 1 ? '1 (auto)' : String(rank),
    fmt(r.measurementMs, 0),
    fmt(r.measurementOverStep),
    fmt(r.fitStepsPerSecond),
    fmt(r.oursOverFit, 2),
    fmt(r.syncReadbacks, 0),
    fmt(r.kernelsPerStep, 0),
  ]);
}

async function main(): Promise<void> {
  const started = Date.now();
  const sizes: BenchSizes = {
    trainMs: env('BENCH_TRAIN_MS', 5000),
    minSteps: 5,
    maxSteps: env('BENCH_MAX_STEPS', 200),
    reps: env('BENCH_REPS', 3),
    measureMs: env('BENCH_MEASURE_MS', 20_000),
    pool: env('BENCH_POOL', 512),
  };
  const backends = (process.env.BENCH_BACKENDS ?? 'webgpu,webgl,wasm,cpu')
    .split(',')
    .filter(Boolean);
  const model =
    `fig3-mnist: MLP 784-128-128-10, B=128, SGD momentum 0.5, wd 5e-4; ` +
    `exact measurement of SG-B, SG-2B, GC, SVRG on a pool of ${sizes.pool}`;
  const rows: BackendResult[] = [];
  const print = (r: BackendResult) => {
    rows.push(r);
    process.stdout.write(`${rowLine(r)}\n`);
  };
  process.stdout.write(`${model}\n${line(HEAD)}\n`);

  if (process.env.BENCH_NODE !== '0') {
    const mnist = loadMnist();
    for (const backend of ['cpu', 'wasm'] as const) {
      process.stderr.write(`node ${backend}…\n`);
      print(await benchNode(backend, mnist, sizes));
    }
  }
  if (process.env.BENCH_BROWSER !== '0') {
    try {
      await benchBrowser(
        backends,
        sizes,
        {
          outDir: process.env.BENCH_DIST || 'dist-bench',
          port: env('BENCH_PORT', 4175),
          build: process.env.BENCH_BUILD !== '0',
          budgetMs: env('BENCH_BUDGET_S', 200) * 1000,
          deadline: started + env('BENCH_TOTAL_S', 570) * 1000,
        },
        print,
      );
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      process.stdout.write(`note: the Chromium half did not run: ${why}\n`);
    }
  }

  // The probe's choice beside each backend's measured speed, once every row is in.
  const ranks = probeRanks(rows);
  process.stdout.write(
    `\nthe speed probe's ranking (auto picks rank 1 of its place):\n${line(HEAD)}\n`,
  );
  for (const r of rows) process.stdout.write(`${rowLine(r, ranks.get(r))}\n`);
  for (const where of ['node', 'chromium'] as const) {
    const here = rows.filter((r) => r.where === where && r.stepsPerSecond !== null);
    const picked = here.find((r) => ranks.get(r) === 1);
    const fastest = [...here].sort((a, b) => b.stepsPerSecond! - a.stepsPerSecond!)[0];
    if (picked && fastest)
      process.stdout.write(
        `${where}: the probe picks ${picked.backend}; the fastest Session here is ${fastest.backend}${picked === fastest ? ' (agree)' : ' (they disagree)'}\n`,
      );
  }
  const notes = rows.filter((r) => r.note).map((r) => `${r.where} ${r.backend}: ${r.note}`);
  for (const r of rows) {
    const d = r.detail ?? {};
    const parts = Object.entries(d).map(([k, v]) => `${k} ${v}`);
    if (parts.length) process.stdout.write(`${r.where} ${r.backend}: ${parts.join(', ')}\n`);
  }
  for (const n of notes) process.stdout.write(`note: ${n}\n`);
  const seconds = Math.round((Date.now() - started) / 1000);
  const json = {
    model,
    sizes,
    machine: { cpus: availableParallelism(), loadAverage1m: loadavg()[0] },
    seconds,
    rows,
    notes,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/engine.json', `${JSON.stringify(json, null, 1)}\n`);
  process.stdout.write(`${seconds} s in all; wrote bench/results/engine.json\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});

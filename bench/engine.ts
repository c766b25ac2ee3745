/**
 * `npm run bench`: training speed of the fig3-mnist model (MLP 784-128-128-10 on MNIST,
 * B=128, SGD with momentum; pool 512 instead of the preset's 1024 to keep it short) on each
 * backend, in Node (cpu, wasm) and in headless Chromium (webgpu and webgl on SwiftShader,
 * wasm, cpu). Prints a table and one JSON line; writes bench/results/engine.json.
 * Needs `npm run build` first for the browser half (skipped with a note otherwise).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadMnist } from '../cli/loadMnist';
import { benchBrowser } from './engineBrowser';
import { benchNode, type BackendResult } from './engineNode';

const fmt = (v: number | null, digits = 1) => (v === null ? '—' : v.toFixed(digits));

function table(rows: readonly BackendResult[]): string {
  const head = [
    'where',
    'backend',
    'steps/s',
    'ms/measure',
    'measure/step',
    'fit steps/s',
    'ours/fit',
    'sync reads',
    'kernels/step',
  ];
  const lines = rows.map((r) => [
    r.where,
    r.backend,
    fmt(r.stepsPerSecond),
    fmt(r.measurementMs, 0),
    fmt(r.measurementOverStep),
    fmt(r.fitStepsPerSecond),
    fmt(r.oursOverFit, 2),
    fmt(r.syncReadbacks, 0),
    fmt(r.kernelsPerStep, 0),
  ]);
  return [head, ...lines].map((cols) => cols.map((c) => c.padStart(12)).join(' ')).join('\n');
}

async function main(): Promise<void> {
  const mnist = loadMnist();
  const steps = Number(process.env.BENCH_STEPS ?? 40);
  const rows: BackendResult[] = [];
  for (const backend of ['cpu', 'wasm'] as const) {
    process.stderr.write(`node ${backend}…\n`);
    rows.push(await benchNode(backend, mnist, steps));
    process.stderr.write(`${JSON.stringify(rows.at(-1))}\n`);
  }
  const notes: string[] = [];
  if (process.env.BENCH_BROWSER === '0') notes.push('browser half skipped (BENCH_BROWSER=0)');
  else if (existsSync('dist/index.html')) {
    process.stderr.write('chromium…\n');
    rows.push(
      ...(await benchBrowser(
        ['webgpu', 'webgl', 'wasm', 'cpu'],
        Number(process.env.BENCH_SECONDS ?? 15),
      )),
    );
  } else notes.push('browser half skipped: run `npm run build` first');
  process.stdout.write(`${table(rows)}\n`);
  for (const n of notes) process.stdout.write(`note: ${n}\n`);
  const json = {
    model: 'fig3-mnist: MLP 784-128-128-10, B=128, momentum 0.5, pool 512',
    rows,
    notes,
  };
  process.stdout.write(`${JSON.stringify(json)}\n`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/engine.json', `${JSON.stringify(json, null, 1)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});

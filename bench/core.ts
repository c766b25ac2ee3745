/**
 * Core benchmark (issue 2 §5), not a timed test: `npm run bench:core [-- --backends cpu,wasm]`.
 * MLP 784-256-256-10 (seeded He init, softmax), pool of N = 2048 *random* inputs (uniform
 * [0,1) pixels, uniform labels; not MNIST), B = 128, K = 128 (seeded balanced random
 * assignment), an SVRG snapshot θ~ (a second seeded network). Times in ms, medians of
 * repeats (cpu 2, wasm 3; sampled once) after a warm-up (see benchBackend):
 *   fb        one forward+backward over the pool (perExample: activations A and output grads D)
 *   exact     measure(exact) + readStats for SG-B, SG-2B, GC, SVRG, given the factors at θ and θ~
 *   exact+fb  fb at θ plus exact (θ~ factors cached, as between SVRG refreshes)
 *   sampled   measure(sampled, T = 50) + readStats, all four estimators, given the factors
 *   loop      naive per-example tf.grads loop accumulating sum g_i and sum g_i^2, timed on
 *             LOOP_SUBSET examples and extrapolated linearly to N
 * CPU and WASM backends run ops eagerly, so wall-clock time around a call is its cost.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs'; // umbrella: registers the gradients tf.grads needs
import '@tensorflow/tfjs-backend-wasm';
import { initNetwork, type Network } from '../src/core/model/build';
import { disposePerExample, perExample, type PerExample } from '../src/core/model/backprop';
import { Rng } from '../src/core/rng';
import { measure } from '../src/core/stats/measure';
import { readStats } from '../src/core/stats/read';
import type { Clusters } from '../src/core/stats/types';
import { InputError, parseFlags, type Parsed } from '../cli/args';

const N = 2048;
const WIDTHS = { inputDim: 784, hidden: [256, 256], outputs: 10 };
const B = 128;
const K = 128;
const T = 50;
const LOOP_SUBSET = 32;
const RESULTS = new URL('./results/core.json', import.meta.url);

const FLAGS = {
  backends: { kind: 'string', metavar: 'LIST', help: 'comma-separated, default cpu,wasm' },
  repeats: {
    kind: 'int',
    min: 1,
    max: 20,
    metavar: 'R',
    help: 'fb/exact repeats (default: cpu 2, wasm 3)',
  },
  'sampled-repeats': { kind: 'int', min: 1, max: 20, metavar: 'R', help: 'sampled (default 1)' },
} as const;

/** Everything one backend's runs need; owns its tensors. */
interface Setup {
  net: Network;
  snap: Network;
  x: tf.Tensor2D;
  y: tf.Tensor1D;
  clusters: Clusters;
  snapPass: PerExample;
}

function makeSetup(seed: number): Setup {
  const rng = new Rng(seed);
  const arch = { kind: 'mlp', ...WIDTHS, loss: 'softmax-cross-entropy' } as const;
  const net = initNetwork(arch, rng);
  const snap = initNetwork(arch, rng);
  const pixels = new Float32Array(N * WIDTHS.inputDim);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rng.next();
  const x = tf.tensor2d(pixels, [N, WIDTHS.inputDim]);
  const y = tf.tensor1d(
    Int32Array.from({ length: N }, () => rng.int(WIDTHS.outputs)),
    'int32',
  );
  const order = rng.permutation(N);
  const assignment = new Int32Array(N);
  order.forEach((i, r) => (assignment[i] = r % K)); // K clusters of N/K = 16
  return { net, snap, x, y, clusters: { assignment, K }, snapPass: perExample(snap, x, y) };
}

function disposeSetup(s: Setup): void {
  disposePerExample(s.snapPass);
  s.net.dispose();
  s.snap.dispose();
  s.x.dispose();
  s.y.dispose();
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

async function exactStats(s: Setup, p: PerExample): Promise<void> {
  const opts = { batch: B, replacement: false, clusters: s.clusters, snapshot: s.snapPass.factors };
  await readStats(measure(p, { mode: 'exact', ...opts }));
}

async function sampledStats(s: Setup, p: PerExample, rng: Rng, estimates: number): Promise<void> {
  const opts = { batch: B, replacement: false, clusters: s.clusters, snapshot: s.snapPass.factors };
  await readStats(measure(p, { mode: 'sampled', estimates, rng, ...opts }));
}

/** One repeat: fb, then exact on its factors; returns [fb, exact] in ms. */
async function fbAndExact(s: Setup): Promise<[number, number]> {
  const t0 = performance.now();
  const p = perExample(s.net, s.x, s.y);
  await p.losses.data();
  const t1 = performance.now();
  await exactStats(s, p);
  const t2 = performance.now();
  disposePerExample(p);
  return [t1 - t0, t2 - t1];
}

/**
 * Naive baseline: one tf.grads call per example over the trainable parameters, keeping
 * running sums of g_i and g_i∘g_i (what SG-B's exact variance needs). Returns ms for `count`.
 */
async function perExampleLoop(s: Setup, count: number): Promise<number> {
  const params = s.net.layers.flatMap((l) => (l.bias ? [l.weight, l.bias] : [l.weight]));
  const lossOf =
    (xi: tf.Tensor2D, yi: tf.Tensor1D) =>
    (...p: tf.Tensor[]) => {
      let h: tf.Tensor = xi;
      s.net.layers.forEach((l, k) => {
        h = tf.add(tf.matMul(h, p[2 * k]), p[2 * k + 1]);
        if (l.activation === 'relu') h = tf.relu(h);
      });
      return tf.neg(tf.sum(tf.mul(tf.logSoftmax(h), tf.oneHot(yi, WIDTHS.outputs)))) as tf.Scalar;
    };
  let sum: tf.Tensor[] = params.map((p) => tf.zerosLike(p));
  let sq: tf.Tensor[] = params.map((p) => tf.zerosLike(p));
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const next = tf.tidy(() => {
      const xi = tf.slice(s.x, [i, 0], [1, -1]) as tf.Tensor2D;
      const g = tf.grads(lossOf(xi, tf.slice(s.y, [i], [1])))(params);
      return [g.map((gi, k) => tf.add(sum[k], gi)), g.map((gi, k) => tf.add(sq[k], tf.square(gi)))];
    });
    tf.dispose([sum, sq]);
    [sum, sq] = next;
  }
  await sq[0].data();
  const ms = performance.now() - t0;
  tf.dispose([sum, sq]);
  return ms;
}

interface Timings {
  backend: string;
  fb: number;
  exact: number;
  exactWithFb: number;
  sampled: number;
  loop: number;
  repeats: number;
  sampledRepeats: number;
  leakedTensors: number;
}

/** Progress on stderr: `backend: what ms`. */
function stopwatch(backend: string): (what: string) => number {
  let t = performance.now();
  return (what) => {
    const ms = performance.now() - t;
    console.error(`  ${backend}: ${what} ${ms.toFixed(0)} ms`);
    t = performance.now();
    return ms;
  };
}

/**
 * Warm-up, then the timed runs: one full-size fb and exact run (exact's GC term also warms
 * the gather/batched-matmul kernels the sampled protocol uses; CPU and WASM compile nothing
 * per shape), two loop steps; then `repeats` x (fb + exact), `sampledRepeats` x sampled.
 */
async function benchBackend(backend: string, repeats: number, sampledRepeats: number) {
  const start = tf.memory().numTensors;
  const s = makeSetup(1);
  const lap = stopwatch(backend);
  const warm = perExample(s.net, s.x, s.y);
  await warm.losses.data();
  await exactStats(s, warm);
  await perExampleLoop(s, 2);
  lap('warm-up');
  const [fb, exact, both, sampled] = [[], [], [], []] as number[][];
  for (let r = 0; r < repeats; r++) {
    const [f, e] = await fbAndExact(s);
    [fb, exact, both].forEach((v, i) => v.push([f, e, f + e][i]));
  }
  lap(`${repeats} x (fb + exact)`);
  for (let r = 0; r < sampledRepeats; r++) {
    await sampledStats(s, warm, new Rng(7 + r), T);
    sampled.push(lap(`sampled T=${T}`));
  }
  const loop = ((await perExampleLoop(s, LOOP_SUBSET)) * N) / LOOP_SUBSET;
  lap(`loop over ${LOOP_SUBSET} examples`);
  disposePerExample(warm);
  disposeSetup(s);
  const timings: Timings = {
    backend,
    fb: median(fb),
    exact: median(exact),
    exactWithFb: median(both),
    sampled: median(sampled),
    loop,
    repeats,
    sampledRepeats,
    leakedTensors: tf.memory().numTensors - start,
  };
  return timings;
}

function ratios(t: Timings) {
  return {
    exactOverFb: t.exact / t.fb,
    sampledOverExact: t.sampled / t.exact,
    loopOverExact: t.loop / t.exact,
  };
}

function printTable(all: Timings[], skipped: string[]): void {
  const rows: [string, (t: Timings) => string][] = [
    ['forward+backward over the pool (ms)', (t) => t.fb.toFixed(0)],
    ['exact stats, 4 estimators, excl. fb (ms)', (t) => t.exact.toFixed(0)],
    ['exact stats incl. fb at θ (ms)', (t) => t.exactWithFb.toFixed(0)],
    [`sampled T=${T}, 4 estimators (ms)`, (t) => t.sampled.toFixed(0)],
    [`per-example tf.grads loop, ${N} (ms)*`, (t) => t.loop.toFixed(0)],
    ['exact / fb              (target ≤ 2)', (t) => ratios(t).exactOverFb.toFixed(2)],
    ['sampled / exact         (target ≥ 25)', (t) => ratios(t).sampledOverExact.toFixed(1)],
    ['loop / exact            (target ≥ 100)', (t) => ratios(t).loopOverExact.toFixed(1)],
    ['tensors leaked', (t) => String(t.leakedTensors)],
  ];
  const w = Math.max(...rows.map(([l]) => l.length)) + 2;
  console.log(`MLP 784-256-256-10, N=${N} random inputs, B=${B}, K=${K}`);
  console.log(''.padEnd(w) + all.map((t) => t.backend.padStart(10)).join(''));
  for (const [label, f] of rows)
    console.log(label.padEnd(w) + all.map((t) => f(t).padStart(10)).join(''));
  console.log(`* timed on ${LOOP_SUBSET} examples, extrapolated linearly to ${N}`);
  for (const s of skipped) console.log(`skipped: ${s}`);
}

/** Runs every wanted backend that initialises; the others are listed with the reason. */
async function runAll(flags: Parsed<typeof FLAGS>): Promise<[Timings[], string[]]> {
  const results: Timings[] = [];
  const skipped: string[] = [];
  for (const name of (flags.backends ?? 'cpu,wasm').split(',')) {
    let ok = false;
    try {
      ok = await tf.setBackend(name);
    } catch (e) {
      skipped.push(`${name} (${(e as Error).message.split('\n')[0]})`);
      continue;
    }
    if (!ok) {
      skipped.push(`${name} (did not initialise in Node)`);
      continue;
    }
    const repeats = flags.repeats ?? (name === 'cpu' ? 2 : 3);
    results.push(await benchBackend(name, repeats, flags['sampled-repeats'] ?? 1));
  }
  return [results, skipped];
}

/** Which WASM build tfjs picks here (SIMD, threads), for the record. */
async function wasmFlavour(): Promise<string> {
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  return `simd ${simd}, multithread ${threads}`;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), FLAGS);
  // PROD silences the Node banner (IS_TEST would too, but its kernel leak check trips on
  // tf.grads of logSoftmax)
  tf.env().set('PROD', true);
  const t0 = performance.now();
  const [results, skipped] = await runAll(flags);
  const totalSeconds = (performance.now() - t0) / 1000;
  printTable(results, skipped);
  console.log(`total ${totalSeconds.toFixed(0)} s`);
  const json = {
    model: '784-256-256-10 softmax',
    N,
    B,
    K,
    T,
    inputs: 'random uniform pixels and labels (not MNIST)',
    wasm: await wasmFlavour(),
    loopExtrapolatedFrom: LOOP_SUBSET,
    totalSeconds,
    results: results.map((t) => ({ ...t, ...ratios(t) })),
    skipped,
  };
  const line = JSON.stringify(json);
  console.log(line);
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(RESULTS, `${line}\n`);
}

main().catch((e) => {
  const input = e instanceof InputError;
  console.error(`bench:core: ${(e as Error).message.split('\n')[0]}`);
  process.exitCode = input ? 2 : 1;
});

/**
 * The benchmark's measurements, shared by the Node half (engineNode.ts) and the Chromium half
 * (browser/bench.worker.ts, in a Web Worker as the app's engine is): the fig3-mnist model
 * trained by our Session (src/engine/session.ts) versus tf.LayersModel.fit on the current tfjs
 * backend, with synchronous readbacks and kernels per step counted.
 *
 * One Session per backend, in phases, cheapest first (each reports a partial row, so a backend
 * that runs out of time still shows what it finished):
 *   warm-up   3 steps with no estimator and measurement off (`every` = 10^6), so that every
 *             training shader/program is compiled before anything is timed;
 *   train     N steps; N chosen from a probe of 2 steps to last about `trainMs`; ends with one
 *             `await data()` of a weight, so queued GPU work is included;
 *   kernels   runKernelFunc calls during one step (what tf.profile counts, without its
 *             per-kernel dataSync, which breaks WebGPU: TFJS-NOTES 3), Reshape apart
 *             (detail.reshapesPerStep): it moves no data;
 *   fit       tf.LayersModel.fit on the same MLP, batch, SGD + momentum + L2 (= weight decay),
 *             warmed up on 2 batches, then about `trainMs` of batches, then 4 untimed ones
 *             to count its kernels per step (detail.fitKernelsPerStep);
 *   measure   the four estimators and `every` = 1 set mid-run (hot changes, as in the app); one
 *             untimed measured step (GC, SVRG snapshot, compilation), then up to `reps` timed
 *             ones; ms per measurement = median(step with measurement) − training step.
 * dataSync/arraySync calls are counted over the whole life of the Session (construction to
 * dispose, fit excluded); fit's own are counted apart (detail.fitSyncReadbacks).
 */
import * as tf from '@tensorflow/tfjs';
import { parse } from '../src/core/config/codec';
import type { Config } from '../src/core/config/schema';
import type { MnistData } from '../src/core/data/mnist';
import type { Network } from '../src/core/model/build';
import { speedProbe } from '../src/core/train/speedProbe';
import { Session } from '../src/engine/session';

/** One backend's row of the table. */
export interface BackendResult {
  backend: string;
  where: 'node' | 'chromium';
  stepsPerSecond: number | null;
  measurementMs: number | null;
  measurementOverStep: number | null;
  fitStepsPerSecond: number | null;
  oursOverFit: number | null;
  /** dataSync/arraySync calls on tensors during the Session's whole life (target 0). */
  syncReadbacks: number | null;
  kernelsPerStep: number | null;
  /**
   * Steps/s by the app's backend speed probe (core/train/speedProbe.ts: fig3-mnist's step on
   * random data, median of its steady steps), the figure `auto` ranks backends by.
   */
  probeStepsPerSecond?: number;
  /** Details: adapter, step counts, warm-up time, fit's own sync readbacks, ... */
  detail?: Record<string, number | string>;
  /** Why the row is incomplete, or what to know about it. */
  note?: string;
}

/** How much to time. */
export interface BenchSizes {
  /** Aim for this many ms of timed training (ours, and fit), within [minSteps, maxSteps]. */
  trainMs: number;
  minSteps: number;
  maxSteps: number;
  /** Timed measurements (after one untimed), fewer once they have taken `measureMs`. */
  reps: number;
  measureMs: number;
  /** Pool size for the exact measurement (the preset's is 1024). */
  pool: number;
}

export const BIG = 1_000_000;

/** The benchmark's configuration: fig3-mnist, all four estimators, no GC/SVRG refreshes. */
export function benchConfig(pool: number): Config {
  const q = `preset=fig3-mnist&pool=${pool}&est=sgb,sg2b,gc,svrg&gcEvery=${BIG}&svrgEvery=${BIG}&every=${BIG}`;
  return parse(q).config;
}

/** Waits until the device has run everything queued (one async readback of a weight). */
async function settle(s: Session): Promise<void> {
  // Bench-only peek at the session's network: reading any weight waits for all queued steps.
  const { net } = s as unknown as { net: Network };
  await net.layers[net.layers.length - 1].weight.data();
}

/** Counts synchronous readbacks (Tensor dataSync/arraySync; arraySync's inner dataSync is one). */
function readbackCounter(): { stop(): number } {
  const proto = tf.Tensor.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const saved = { dataSync: proto.dataSync, arraySync: proto.arraySync };
  let count = 0;
  let depth = 0;
  for (const name of ['dataSync', 'arraySync'] as const) {
    proto[name] = function (this: unknown, ...a: unknown[]) {
      if (depth === 0) count++;
      depth++;
      try {
        return saved[name].apply(this, a);
      } finally {
        depth--;
      }
    };
  }
  return {
    stop() {
      Object.assign(proto, saved);
      return count;
    },
  };
}

/**
 * Kernels run by the tfjs engine while fn runs (every runKernelFunc call, as tf.profile):
 * `compute` counts all but Reshape, which only relabels a tensor's shape (no data moves, no
 * GPU dispatch); `reshapes` counts those.
 */
async function countKernels(
  fn: () => Promise<unknown>,
): Promise<{ compute: number; reshapes: number }> {
  const engine = tf.engine() as unknown as Record<string, (...a: unknown[]) => unknown>;
  const own = Object.prototype.hasOwnProperty.call(engine, 'runKernelFunc');
  const original = engine.runKernelFunc;
  const count = { compute: 0, reshapes: 0 };
  engine.runKernelFunc = function (this: unknown, ...a: unknown[]) {
    const name = (a[0] as { kernelName?: string } | undefined)?.kernelName;
    if (name === 'Reshape') count.reshapes++;
    else count.compute++;
    return original.apply(this, a);
  };
  try {
    await fn();
  } finally {
    if (own) engine.runKernelFunc = original;
    else delete engine.runKernelFunc;
  }
  return count;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Steps/s of tf.LayersModel.fit on the same MLP, batch and optimiser; and its sync reads. */
async function fitSpeed(
  config: Config,
  mnist: MnistData,
  sizes: BenchSizes,
): Promise<{
  stepsPerSecond: number;
  steps: number;
  syncReadbacks: number;
  kernelsPerStep: number;
}> {
  // Our SGD decays every parameter (PyTorch convention): grad + wd θ = grad of (wd/2)‖θ‖².
  const l2 = () => tf.regularizers.l2({ l2: config.wd / 2 });
  const model = tf.sequential();
  [...config.hidden, 10].forEach((units, i) =>
    model.add(
      tf.layers.dense({
        units,
        activation: i < config.hidden.length ? 'relu' : 'linear',
        kernelRegularizer: config.wd ? l2() : undefined,
        biasRegularizer: config.wd ? l2() : undefined,
        ...(i === 0 ? { inputShape: [784] } : {}),
      }),
    ),
  );
  model.compile({
    optimizer: tf.train.momentum(config.lr, config.mom),
    loss: (y: tf.Tensor, p: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, p),
  });
  const bs = config.bs;
  const x = tf.tensor2d(mnist.x, [mnist.n, 784]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(mnist.y, 'int32'), 10));
  const maxBatches = Math.floor(mnist.n / bs);
  const run = async (batches: number, from: number) => {
    const rows = Math.min(batches, maxBatches) * bs;
    const start = (from * bs) % (mnist.n - rows + 1);
    const xs = x.slice([start, 0], [rows, 784]);
    const ys = y.slice([start, 0], [rows, 10]);
    const t0 = performance.now();
    await model.fit(xs, ys, { batchSize: bs, epochs: 1, shuffle: false, verbose: 0 });
    await (model.layers[0].getWeights()[0] as tf.Tensor).data();
    const ms = performance.now() - t0;
    tf.dispose([xs, ys]);
    return ms;
  };
  const counter = readbackCounter();
  try {
    await run(2, 0); // warm-up: compiles the programs
    const probe = (await run(2, 2)) / 2;
    const steps = clamp(
      sizes.trainMs / probe,
      sizes.minSteps,
      Math.min(sizes.maxSteps, maxBatches),
    );
    const ms = await run(steps, 4);
    const syncReadbacks = counter.stop();
    const counted = 4; // untimed: fit's kernels per step, its per-epoch ones shared by 4
    const kernels = await countKernels(() => run(counted, 6));
    const kernelsPerStep = kernels.compute / counted;
    return { stepsPerSecond: (steps * 1000) / ms, steps, syncReadbacks, kernelsPerStep };
  } finally {
    counter.stop();
    tf.dispose([x, y]);
    model.dispose();
  }
}

export type Phase = 'warm-up' | 'train' | 'kernels' | 'probe' | 'measure' | 'fit' | 'done';

/**
 * Every figure of one row, on the tfjs backend active now. `progress` receives the partial
 * row as each phase starts (so a caller with a deadline can keep what was finished).
 */
export async function measureBackend(
  backend: string,
  where: BackendResult['where'],
  mnist: MnistData,
  sizes: BenchSizes,
  progress: (phase: Phase, row: BackendResult) => void = () => {},
): Promise<BackendResult> {
  const row: BackendResult = {
    backend,
    where,
    stepsPerSecond: null,
    measurementMs: null,
    measurementOverStep: null,
    fitStepsPerSecond: null,
    oursOverFit: null,
    syncReadbacks: null,
    kernelsPerStep: null,
    detail: { pool: sizes.pool },
  };
  const detail = row.detail!;
  const now = () => performance.now();
  const full = benchConfig(sizes.pool);
  let readbacks = 0;
  let counter = readbackCounter();
  let session: Session | null = null;
  try {
    progress('warm-up', row);
    let t0 = now();
    session = new Session({ ...full, est: [] }, mnist);
    const s = session;
    await s.advance(3);
    await settle(s);
    detail.warmupMs = Math.round(now() - t0);

    progress('train', row);
    t0 = now();
    await s.advance(2);
    await settle(s);
    const probe = (now() - t0) / 2;
    const steps = clamp(sizes.trainMs / probe, sizes.minSteps, sizes.maxSteps);
    t0 = now();
    await s.advance(steps);
    await settle(s);
    const stepMs = (now() - t0) / steps;
    row.stepsPerSecond = 1000 / stepMs;
    detail.trainSteps = steps;

    progress('kernels', row);
    const kernels = await countKernels(() => s.advance(1));
    row.kernelsPerStep = kernels.compute;
    detail.reshapesPerStep = kernels.reshapes;
    await settle(s);
    readbacks += counter.stop();

    progress('probe', row);
    const probed = await speedProbe(now);
    row.probeStepsPerSecond = 1000 / probed.stepMs;
    detail.probeWarmMs = Math.round(probed.warmMs);

    progress('fit', row);
    const fit = await fitSpeed(full, mnist, sizes);
    row.fitStepsPerSecond = fit.stepsPerSecond;
    row.oursOverFit = row.stepsPerSecond / fit.stepsPerSecond;
    detail.fitSteps = fit.steps;
    detail.fitSyncReadbacks = fit.syncReadbacks;
    detail.fitKernelsPerStep = fit.kernelsPerStep;

    progress('measure', row);
    counter = readbackCounter();
    // Hot changes, as in the app: all four estimators, a measurement every step. The next
    // step re-clusters (GC), takes the SVRG snapshot and measures: untimed (it also compiles).
    s.set({ est: full.est, every: 1 });
    t0 = now();
    await s.advance(1);
    await settle(s);
    detail.firstMeasuredStepMs = Math.round(now() - t0);
    const times: number[] = [];
    const phaseStart = now();
    while (
      times.length < sizes.reps &&
      (times.length === 0 || now() - phaseStart < sizes.measureMs)
    ) {
      t0 = now();
      const out = await s.advance(1);
      await settle(s);
      times.push(now() - t0);
      if (out.reports.length !== 1) throw new Error(`step ${s.step}: no report`);
      row.measurementMs = median(times) - stepMs;
      row.measurementOverStep = row.measurementMs / stepMs;
      detail.measuredStepsMs = times.map((t) => Math.round(t)).join(' ');
    }
    s.dispose();
    session = null;
    row.syncReadbacks = readbacks + counter.stop();
    progress('done', row);
    return row;
  } finally {
    counter.stop();
    session?.dispose();
  }
}

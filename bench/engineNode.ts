/**
 * Node half of `npm run bench`: the fig3-mnist model trained by our Session versus
 * tf.LayersModel.fit, per backend (cpu, wasm), plus readback and kernel counts.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { parse } from '../src/core/config/codec';
import type { Config } from '../src/core/config/schema';
import type { MnistData } from '../src/core/data/mnist';
import { Session } from '../src/engine/session';

export interface BackendResult {
  backend: string;
  where: 'node' | 'chromium';
  stepsPerSecond: number;
  measurementMs: number | null;
  measurementOverStep: number | null;
  fitStepsPerSecond: number | null;
  oursOverFit: number | null;
  syncReadbacks: number | null;
  kernelsPerStep: number | null;
  note?: string;
}

/** The benchmark's configuration: fig3-mnist, with a smaller pool (said in the output). */
export function benchConfig(extra: string): Config {
  return parse(`preset=fig3-mnist&pool=512&gcEvery=1000000&svrgEvery=1000000&${extra}`).config;
}

async function timeSteps(
  config: Config,
  mnist: MnistData,
  warm: number,
  steps: number,
): Promise<number> {
  const s = new Session(config, mnist);
  await s.advance(warm);
  const t0 = performance.now();
  await s.advance(steps);
  const ms = performance.now() - t0;
  s.dispose();
  return ms;
}

/** Counts dataSync/arraySync calls while fn runs (house rule 6: the loop makes none). */
async function countReadbacks(fn: () => Promise<void>): Promise<number> {
  const proto = tf.Tensor.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const saved = { dataSync: proto.dataSync, arraySync: proto.arraySync };
  let count = 0;
  for (const name of ['dataSync', 'arraySync'] as const) {
    proto[name] = function (this: unknown, ...a: unknown[]) {
      count++;
      return saved[name].apply(this, a);
    };
  }
  try {
    await fn();
  } finally {
    Object.assign(proto, saved);
  }
  return count;
}

/** Kernels launched by one training step of the session (tf.profile). */
async function kernelsPerStep(config: Config, mnist: MnistData): Promise<number> {
  const s = new Session({ ...config, every: 1_000_000, est: [] }, mnist);
  await s.advance(2);
  const info = await tf.profile(async () => {
    await s.advance(1);
  });
  s.dispose();
  return info.kernels.length;
}

/** Steps/s of tf.LayersModel.fit on the same MLP, batch, optimiser (SGD + momentum). */
async function fitStepsPerSecond(config: Config, mnist: MnistData, steps: number): Promise<number> {
  const model = tf.sequential();
  config.hidden.forEach((h, i) =>
    model.add(
      tf.layers.dense({ units: h, activation: 'relu', ...(i === 0 ? { inputShape: [784] } : {}) }),
    ),
  );
  model.add(tf.layers.dense({ units: 10 }));
  model.compile({
    optimizer: tf.train.momentum(config.lr, config.mom),
    loss: (y: tf.Tensor, p: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, p),
  });
  const n = config.bs * (steps + 2);
  const [x, y] = tf.tidy(() => {
    const idx = Array.from({ length: n }, (_, i) => i % mnist.n);
    const xs = tf.gather(tf.tensor2d(mnist.x, [mnist.n, 784]), idx);
    return [xs, tf.oneHot(tf.gather(tf.tensor1d(mnist.y, 'int32'), idx), 10)];
  });
  const warmX = x.slice([0, 0], [config.bs * 2, 784]);
  const warmY = y.slice([0, 0], [config.bs * 2, 10]);
  await model.fit(warmX, warmY, { batchSize: config.bs, epochs: 1, shuffle: false, verbose: 0 });
  const t0 = performance.now();
  await model.fit(
    x.slice([config.bs * 2, 0], [config.bs * steps, 784]),
    y.slice([config.bs * 2, 0], [config.bs * steps, 10]),
    {
      batchSize: config.bs,
      epochs: 1,
      shuffle: false,
      verbose: 0,
    },
  );
  const sps = (steps * 1000) / (performance.now() - t0);
  tf.dispose([x, y, warmX, warmY]);
  model.dispose();
  return sps;
}

/** All Node figures for one backend. */
export async function benchNode(
  backend: 'cpu' | 'wasm',
  mnist: MnistData,
  steps: number,
): Promise<BackendResult> {
  if (!(await tf.setBackend(backend))) throw new Error(`${backend} did not start`);
  const train = benchConfig('est=&every=1000000');
  const measured = benchConfig('every=1');
  const trainMs = (await timeSteps(train, mnist, 3, steps)) / steps;
  const bothMs =
    (await timeSteps(measured, mnist, 3, Math.max(3, steps / 4))) / Math.max(3, steps / 4);
  const measurementMs = bothMs - trainMs;
  const syncReadbacks = await countReadbacks(async () => {
    await timeSteps(measured, mnist, 0, 5);
  });
  const fit = await fitStepsPerSecond(train, mnist, steps);
  const ours = 1000 / trainMs;
  return {
    backend,
    where: 'node',
    stepsPerSecond: ours,
    measurementMs,
    measurementOverStep: measurementMs / trainMs,
    fitStepsPerSecond: fit,
    oursOverFit: ours / fit,
    syncReadbacks,
    kernelsPerStep: await kernelsPerStep(train, mnist),
  };
}

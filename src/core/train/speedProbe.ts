/**
 * The backend speed probe: a short, fixed training workload timed on whatever tfjs backend is
 * active, so that `auto` can pick the backend that trains fastest on this device. The workload
 * is fig3-mnist's step (an MLP 784-128-128-10, B = 128, SGD with momentum): the first step
 * (which compiles every kernel: seconds on some GPUs, minutes on a software adapter) is timed
 * apart from the steady steps that follow. Owns and frees every tensor it makes.
 */
import * as tf from '@tensorflow/tfjs-core';
import { initNetwork } from '../model/build';
import { Rng } from '../rng';
import { Sgd } from './sgd';
import { Trainer } from './trainer';

export interface SpeedProbeResult {
  /** The first step, with every kernel compiled on the way, in ms. */
  warmMs: number;
  /** The median time of one steady step, in ms. */
  stepMs: number;
  steps: number;
}

const SHAPE = { inputDim: 784, hidden: [128, 128], outputs: 10, batch: 128 };

/** Times `steps` steady training steps after one warm-up step. `now` is a clock in ms. */
export async function speedProbe(now: () => number, steps = 5): Promise<SpeedProbeResult> {
  const rng = new Rng(7);
  const net = initNetwork({ kind: 'mlp', ...SHAPE, loss: 'softmax-cross-entropy' }, rng);
  const trainer = new Trainer(net, new Sgd(net, { lr: 0.01, momentum: 0.5, weightDecay: 0 }));
  const x = tf.tensor2d(
    Float32Array.from({ length: SHAPE.batch * SHAPE.inputDim }, () => rng.next()),
    [SHAPE.batch, SHAPE.inputDim],
  );
  const y = tf.tensor1d(
    Int32Array.from({ length: SHAPE.batch }, () => rng.int(SHAPE.outputs)),
    'int32',
  );
  /** One step, waited for: the loss's readback waits for the update queued before it. */
  const step = async () => {
    const loss = tf.tidy(() => {
      const l = trainer.step(x, y);
      // Plus one weight after the update, so that the readback waits for the update too.
      return tf.add(l, tf.sum(tf.slice(net.layers[0].weight, [0, 0], [1, 1]))) as tf.Scalar;
    });
    await loss.data();
    loss.dispose();
  };
  try {
    const t0 = now();
    await step();
    const warmMs = now() - t0;
    const times: number[] = [];
    for (let i = 0; i < steps; i++) {
      const t = now();
      await step();
      times.push(now() - t);
    }
    times.sort((a, b) => a - b);
    return { warmMs, stepMs: times[Math.floor(times.length / 2)], steps };
  } finally {
    tf.dispose([x, y]);
    trainer.dispose();
    net.dispose();
  }
}

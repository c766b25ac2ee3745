import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { networkFromSpec } from '../../src/core/model/build';
import { Rng } from '../../src/core/rng';
import { Sgd } from '../../src/core/train/sgd';
import { bruteForceGradients } from '../helpers/bruteForce';
import { useCpu } from '../helpers/coreHarness';
import { randomData, randomSpec } from '../helpers/randomSpec';

beforeAll(useCpu);

describe('Sgd', () => {
  it.each([
    { mu: 0.9, wd: 0.01, bias: true },
    { mu: 0, wd: 0, bias: true },
    { mu: 0.5, wd: 0, bias: false },
    { mu: 0, wd: 0.1, bias: false },
  ])('matches a hand-rolled update on autodiff gradients: %o', async ({ mu, wd, bias }) => {
    const rng = new Rng(9);
    const spec = randomSpec({ widths: [3, 4, 2], loss: 'softmax-cross-entropy', bias }, rng);
    const { x, y } = randomData(8, 3, 2, spec.loss, rng);
    const lr = 0.1;
    // Reference: two steps on the same batch, in float64 on flat parameter vectors.
    const flat = (s: typeof spec) =>
      s.layers.flatMap((l) => [...l.weight.flat(), ...(l.bias ?? [])]);
    let theta = flat(spec);
    let buf = theta.map(() => 0);
    let cur = spec;
    for (let step = 0; step < 2; step++) {
      const rows = bruteForceGradients(cur, x, y);
      const grad = theta.map((t, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length + wd * t);
      buf = buf.map((b, j) => mu * b + grad[j]);
      theta = theta.map((t, j) => t - lr * buf[j]);
      cur = unflatten(spec, theta);
    }
    const net = networkFromSpec(spec);
    const xt = tf.tensor2d(x);
    const yt = tf.tensor1d(y, 'int32');
    const beforeSgd = tf.memory().numTensors;
    const sgd = new Sgd(net, { lr, momentum: mu, weightDecay: wd });
    const buffers = tf.memory().numTensors - beforeSgd; // one momentum buffer per parameter
    expect(buffers).toBe(spec.layers.reduce((n, l) => n + (l.bias ? 2 : 1), 0));
    const before = tf.memory().numTensors;
    for (let step = 0; step < 2; step++) sgd.step(xt, yt).dispose();
    expect(tf.memory().numTensors).toBe(before);
    const got = flat(await net.toSpec());
    got.forEach((g, j) => expect(g).toBeCloseTo(theta[j], 4));
    sgd.dispose();
    expect(tf.memory().numTensors).toBe(beforeSgd);
    net.dispose();
    xt.dispose();
    yt.dispose();
  });
});

function unflatten(spec: ReturnType<typeof randomSpec>, theta: number[]) {
  let k = 0;
  return {
    loss: spec.loss,
    layers: spec.layers.map((l) => ({
      ...l,
      weight: l.weight.map((r) => r.map(() => theta[k++])),
      bias: l.bias ? l.bias.map(() => theta[k++]) : null,
    })),
  };
}

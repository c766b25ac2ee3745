import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { networkFromSpec } from '../../../src/core/model/build';
import { Rng } from '../../../src/core/rng';
import { makeOptimiser } from '../../../src/core/train/pick';
import { Trainer } from '../../../src/core/train/trainer';
import { useCpu } from '../../helpers/coreHarness';
import { flatten, referenceTraining, type RefHyper } from '../../helpers/optimiserReference';
import { randomData, randomSpec } from '../../helpers/randomSpec';

beforeAll(useCpu);

const STEPS = 4;

/** A random 3-4-2 network and STEPS different mini-batches of 8. */
function problem(seed: number, bias: boolean) {
  const rng = new Rng(seed);
  const spec = randomSpec({ widths: [3, 4, 2], loss: 'softmax-cross-entropy', bias }, rng);
  const batches = Array.from({ length: STEPS }, () => randomData(8, 3, 2, spec.loss, rng));
  return { spec, batches };
}

/** Trains with Trainer on the batches; checks tensor ownership; returns θ and the fraction. */
async function train(seed: number, bias: boolean, h: RefHyper) {
  const { spec, batches } = problem(seed, bias);
  const net = networkFromSpec(spec);
  const tensors = batches.map((b) => ({ x: tf.tensor2d(b.x), y: tf.tensor1d(b.y, 'int32') }));
  const start = tf.memory().numTensors;
  const hyper = { lr: h.lr, momentum: h.mu, weightDecay: h.wd };
  const trainer = new Trainer(net, makeOptimiser(h.opt, net, hyper), h.clip);
  const state = tf.memory().numTensors - start;
  const before = tf.memory().numTensors;
  for (const b of tensors) trainer.step(b.x, b.y).dispose();
  expect(tf.memory().numTensors).toBe(before);
  const fraction = trainer.takeClippedFraction();
  const clipped = fraction ? (await fraction.data())[0] : null;
  fraction?.dispose();
  const theta = flatten(await net.toSpec());
  trainer.dispose();
  expect(tf.memory().numTensors).toBe(start);
  net.dispose();
  tensors.forEach((b) => tf.dispose([b.x, b.y]));
  const params = spec.layers.reduce((n, l) => n + (l.bias ? 2 : 1), 0);
  return { theta, clipped, state, params, reference: referenceTraining(spec, batches, h) };
}

function expectTheta(got: number[], want: number[]) {
  expect(got.length).toBe(want.length);
  got.forEach((g, j) => expect(g, `θ_${j}`).toBeCloseTo(want[j], 4));
}

describe('SGD against a float64 reference', () => {
  it.each([
    { mu: 0.9, wd: 0.01, bias: true },
    { mu: 0, wd: 0, bias: true },
    { mu: 0.5, wd: 0, bias: false },
    { mu: 0, wd: 0.1, bias: false },
  ])('momentum and weight decay: %o', async ({ mu, wd, bias }) => {
    const r = await train(9, bias, { opt: 'sgd', lr: 0.1, mu, wd, clip: 0 });
    expect(r.state).toBe(r.params + 1); // one momentum buffer per parameter, the clip counter
    expect(r.clipped).toBeNull(); // clipping off: nothing to report
    expectTheta(r.theta, r.reference.theta);
  });
});

describe('Adam against a float64 reference', () => {
  it.each([
    { lr: 0.01, wd: 0, bias: true, seed: 3 },
    { lr: 0.1, wd: 0.05, bias: true, seed: 4 },
    { lr: 0.05, wd: 0.01, bias: false, seed: 5 },
  ])('bias-corrected moments, L2 weight decay: %o', async ({ lr, wd, bias, seed }) => {
    const r = await train(seed, bias, { opt: 'adam', lr, mu: 0, wd, clip: 0 });
    expect(r.state).toBe(2 * r.params + 1); // m and v per parameter, the clip counter
    expectTheta(r.theta, r.reference.theta);
  });

  it('ignores the momentum setting (β1 is fixed at 0.9)', async () => {
    const a = await train(6, true, { opt: 'adam', lr: 0.05, mu: 0, wd: 0, clip: 0 });
    const b = await train(6, true, { opt: 'adam', lr: 0.05, mu: 0.9, wd: 0, clip: 0 });
    expect(b.theta).toEqual(a.theta);
  });
});

describe('global-norm clipping against a float64 reference', () => {
  /** The unclipped steps' gradient norms of a problem (sorted), to place thresholds. */
  const norms = (seed: number, opt: 'sgd' | 'adam') =>
    [
      ...referenceTraining(problem(seed, true).spec, problem(seed, true).batches, {
        opt,
        lr: 0.1,
        mu: 0.5,
        wd: 0,
        clip: 0,
      }).norms,
    ].sort((a, b) => a - b);

  it.each(['sgd', 'adam'] as const)('%s: always, never and sometimes clipped', async (opt) => {
    const n = norms(11, opt);
    const cases = [
      { clip: n[0] / 4, fraction: 1 },
      { clip: n.at(-1)! * 4, fraction: 0 },
      { clip: (n[1] + n[2]) / 2, fraction: null }, // between norms: some steps, not all
    ];
    for (const { clip, fraction } of cases) {
      const h: RefHyper = { opt, lr: 0.1, mu: 0.5, wd: 0.01, clip };
      const r = await train(11, true, h);
      // No threshold sits within float32 rounding of a norm (the decision would be a coin toss).
      for (const norm of r.reference.norms)
        expect(Math.abs(norm - clip) / clip).toBeGreaterThan(1e-4);
      expect(r.clipped).toBeCloseTo(r.reference.clipped / STEPS, 6);
      if (fraction !== null) expect(r.clipped).toBe(fraction);
      else expect(r.clipped! > 0 && r.clipped! < 1, `fraction ${r.clipped}`).toBe(true);
      expectTheta(r.theta, r.reference.theta);
    }
  });

  it('a clipped step moves SGD by at most lr × c (no momentum, no weight decay)', async () => {
    const c = 1e-3;
    const r = await train(12, true, { opt: 'sgd', lr: 0.5, mu: 0, wd: 0, clip: c });
    const start = flatten(problem(12, true).spec);
    const moved = Math.sqrt(r.theta.reduce((s, t, j) => s + (t - start[j]) ** 2, 0));
    expect(r.clipped).toBe(1);
    expect(moved).toBeLessThanOrEqual(STEPS * 0.5 * c * (1 + 1e-4));
    expect(moved).toBeGreaterThan(STEPS * 0.5 * c * 0.5);
  });
});

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../src/core/config/codec';
import type { Config } from '../../src/core/config/schema';
import type { Network } from '../../src/core/model/build';
import { poolPositions } from '../../src/core/data/poolViews';
import type { RunData } from '../../src/core/data/runData';
import { streams } from '../../src/core/run/streams';
import { BatchStream } from '../../src/core/train/batches';
import type { ExplainedStep } from '../../src/engine/protocol';
import { Session } from '../../src/engine/session';
import { expectClose, useCpu } from '../helpers/coreHarness';

beforeAll(useCpu);

const QUERY = 'data=blobs&n=64&hidden=8&bs=8&every=2&k=4&gcEvery=10&svrgEvery=10&pool=64';
const config = parse(QUERY).config;
const cfg = (extra: string): Config => parse(`${QUERY}&${extra}`).config;

/** The session's private parts these tests look at. */
function inside(s: Session) {
  return s as unknown as {
    net: Network;
    data: RunData;
    device: { batch(i: Int32Array): { x: tf.Tensor2D; y: tf.Tensor1D } };
  };
}

/** Flat parameters of a session (test-side readback). */
async function weights(s: Session): Promise<Float32Array> {
  const flat = inside(s).net.flat();
  const out = (await flat.data()) as Float32Array;
  flat.dispose();
  return out;
}

async function explainOne(s: Session): Promise<ExplainedStep> {
  const { explained } = await s.explainStep();
  expect(explained).not.toBeNull();
  return explained!;
}

describe('explained slow motion: the step', () => {
  for (const extra of ['mom=0', 'mom=0.9&wd=0.001']) {
    it(`is exactly the step advance(1) takes (${extra}), with no tensor left behind`, async () => {
      const c = cfg(extra);
      const plain = new Session(c);
      const slow = new Session(c);
      await plain.advance(4);
      await slow.advance(4);
      const w4 = await weights(plain);
      await plain.advance(1);
      const w5 = await weights(plain);
      const before = tf.memory().numTensors;
      const { output, explained } = await slow.explainStep();
      expect(tf.memory().numTensors).toBe(before);
      expect(slow.step).toBe(5);
      expect(await weights(slow)).toEqual(w5);
      // Measurements stay on schedule: step 4 is a measurement step (every=2).
      expect(output.reports.map((r) => r.step)).toEqual([4]);
      const e = explained!;
      expect(e.step).toBe(4);
      expect(e.finite).toBe(true);
      // ‖Δθ‖ is the distance the plain session moved (with momentum: lr ‖buf‖).
      const moved = Math.hypot(...w5.map((v, i) => v - w4[i]));
      expectClose(e.updateNorm, moved, 1e-4, '‖Δθ‖');
      if (c.mom === 0) expectClose(e.updateNorm, c.lr * e.meanGradNorm, 1e-4, 'lr ‖ĝ_B‖');
      // The exact statistics equal those of the report taken at the same θ.
      for (const id of ['SG-B', 'SG-2B', 'GC', 'SVRG'] as const) {
        const r = output.reports[0].estimators[id]!;
        expectClose(e.estimators[id]!.variance, r.variance, 1e-5, `${id} variance`);
        expectClose(e.estimators[id]!.normalizedVariance, r.normalizedVariance, 1e-5, `${id} NV`);
      }
      // And the run goes on identically afterwards.
      await plain.advance(3);
      await slow.advance(3);
      expect(await weights(slow)).toEqual(await weights(plain));
      plain.dispose();
      slow.dispose();
    });
  }

  it('draws the sampler’s batches, across epochs, with their labels', async () => {
    const s = new Session(config);
    const sampler = new BatchStream(64, streams(config.seed).batches);
    const { train } = inside(s).data;
    for (let t = 0; t < 20; t++) {
      const e = await explainOne(s); // 20 steps of 8 out of 64: three epochs
      const expected = sampler.next(8);
      expect([...e.batch.indices]).toEqual([...expected]);
      expect(new Set(e.batch.indices).size).toBe(8); // without replacement within an epoch
      expect([...e.batch.labels]).toEqual([...expected].map((i) => train.y[i]));
      // pool = the whole training set here: position k holds training index k.
      expect([...e.batch.poolIndex]).toEqual([...expected]);
    }
    s.dispose();
  });

  it('rings the right points: pool positions hold the batch’s inputs, duplicates included', async () => {
    // pool 16 of n 64 (some batch examples are outside it); 50% duplicates of 3 points.
    const s = new Session(cfg('pool=16&dup=0.5&dupPts=3'));
    const { output, explained } = await s.explainStep();
    const view = output.views[0]; // the GC refresh at step 0: the points the 2-D view shows
    const { train, pool } = inside(s).data;
    const e = explained!;
    let inPool = 0;
    e.batch.indices.forEach((i, k) => {
      const p = e.batch.poolIndex[k];
      expect(p).toBe(pool.indexOf(i)); // -1 exactly when not in the pool
      if (p < 0) return;
      inPool++;
      expect([...view.points!.xy.subarray(2 * p, 2 * p + 2)]).toEqual([
        ...train.x.subarray(2 * i, 2 * i + 2),
      ]);
    });
    expect(inPool).toBeGreaterThan(0);
    expect(inPool).toBeLessThan(8);
    s.dispose();
  });

  it('is deterministic: same seed, same explanation', async () => {
    const [a, b] = [new Session(config), new Session(config)];
    for (let t = 0; t < 3; t++) expect(await explainOne(a)).toEqual(await explainOne(b));
    a.dispose();
    b.dispose();
  });

  it('reports a diverging step like a normal one, and takes no more', async () => {
    const s = new Session(config);
    await s.advance(3); // step 3: no measurement due, so only the explained step sees NaN
    inside(s).net.setFlat(new Float32Array((await weights(s)).length).fill(NaN));
    const before = tf.memory().numTensors;
    const { output, explained } = await s.explainStep();
    expect(tf.memory().numTensors).toBe(before);
    expect(explained!.finite).toBe(false);
    expect(s.stopped).toBe('diverged');
    expect(output.events).toContainEqual(expect.objectContaining({ kind: 'diverged', step: 3 }));
    const next = await s.explainStep();
    expect(next.explained).toBeNull();
    expect(s.step).toBe(4);
    s.dispose();
  });

  it('finds batch examples in the sorted pool', () => {
    const pool = Int32Array.from([2, 5, 9, 12]);
    expect([...poolPositions(Int32Array.from([9, 3, 2, 12]), pool)]).toEqual([2, -1, 0, 3]);
  });
});

/** Per-example losses and gradients by autodiff (tf.variableGrads, one example at a time). */
function autodiffGradients(net: Network, x: tf.Tensor2D, y: tf.Tensor1D) {
  const vars = net.layers.flatMap((l) => [l.weight, ...(l.bias ? [l.bias] : [])]);
  const loss = (xi: tf.Tensor2D, yi: tf.Tensor1D) => {
    let h: tf.Tensor = xi;
    net.layers.forEach((l, i) => {
      h = tf.matMul(h, l.weight);
      if (l.bias) h = tf.add(h, l.bias);
      if (i < net.layers.length - 1) h = tf.relu(h);
    });
    // logsumexp(z) − z_y: the session's softmax cross-entropy, written out.
    const onehot = tf.oneHot(tf.cast(yi, 'int32'), 2);
    return tf.sum(tf.sub(tf.logSumExp(h, 1), tf.sum(tf.mul(onehot, h), 1))) as tf.Scalar;
  };
  const n = x.shape[0];
  return Array.from({ length: n }, (_, i) =>
    tf.tidy(() => {
      const xi = tf.slice(x, [i, 0], [1, -1]);
      const yi = tf.slice(y, [i], [1]);
      const gv = tf.variableGrads(() => loss(xi, yi), vars);
      const flat = tf.concat(vars.map((v) => tf.reshape(gv.grads[v.name], [-1])));
      return { loss: loss(xi, yi).dataSync()[0], g: Array.from(flat.dataSync()) };
    }),
  );
}

const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i], 0);
const mean = (gs: number[][]) => gs[0].map((_, j) => gs.reduce((s, g) => s + g[j], 0) / gs.length);

describe('explained slow motion: the numbers, against autodiff', () => {
  it('losses, ‖g_i‖, ‖ĝ_B‖, ‖g‖, the cosine and the projections', async () => {
    const s = new Session(config);
    const fresh = new Session(config); // still at θ_0, where the explained step measured
    const e = await explainOne(s);
    const { net, device } = inside(fresh);
    const b = device.batch(e.batch.indices);
    const all = device.batch(inside(fresh).data.pool);
    const per = autodiffGradients(net, b.x, b.y);
    const g = mean(autodiffGradients(net, all.x, all.y).map((r) => r.g));
    const gB = mean(per.map((r) => r.g));
    per.forEach((r, i) => {
      expectClose(e.batch.losses[i], r.loss, 1e-5, `l_${i}`);
      expectClose(e.batch.gradNorms[i], Math.sqrt(dot(r.g, r.g)), 1e-4, `‖g_${i}‖`);
    });
    const [nB, n] = [Math.sqrt(dot(gB, gB)), Math.sqrt(dot(g, g))];
    expectClose(e.meanGradNorm, nB, 1e-4, '‖ĝ_B‖');
    expectClose(e.poolGradNorm, n, 1e-4, '‖g‖');
    expectClose(e.cosine, dot(gB, g) / (nB * n), 1e-4, 'cos');
    expectClose(e.lossBefore, per.reduce((t, r) => t + r.loss, 0) / per.length, 1e-5, 'loss');
    // u1 = g/‖g‖, u2 = the unit part of ĝ_B orthogonal to g.
    const u1 = g.map((v) => v / n);
    const r = gB.map((v, j) => v - dot(gB, u1) * u1[j]);
    const u2 = r.map((v) => v / Math.sqrt(dot(r, r)));
    per.forEach((p, i) => {
      expect(e.batch.plane[2 * i]).toBeCloseTo(dot(p.g, u1), 4);
      expect(e.batch.plane[2 * i + 1]).toBeCloseTo(dot(p.g, u2), 4);
    });
    // Linear: the points' mean is ĝ_B's projection.
    const mx = per.reduce((t, _, i) => t + e.batch.plane[2 * i], 0) / per.length;
    const my = per.reduce((t, _, i) => t + e.batch.plane[2 * i + 1], 0) / per.length;
    expect(mx).toBeCloseTo(nB * e.cosine, 4);
    expect(my).toBeCloseTo(nB * Math.sqrt(1 - e.cosine ** 2), 4);
    // The loss after the update: the batch at θ_1, read from the explained session.
    const after = autodiffGradients(inside(s).net, b.x, b.y);
    expectClose(e.lossAfter, after.reduce((t, q) => t + q.loss, 0) / after.length, 1e-5, 'after');
    tf.dispose([b.x, b.y, all.x, all.y]);
    s.dispose();
    fresh.dispose();
  });
});

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../src/core/config/codec';
import { poolPositions } from '../../src/engine/explain';
import { Session } from '../../src/engine/session';
import { useCpu } from '../helpers/coreHarness';

beforeAll(useCpu);

const config = parse(
  'data=blobs&n=64&hidden=8&bs=8&every=2&k=4&gcEvery=10&svrgEvery=10&pool=64',
).config;

/** Weights of a session, read through its checkpoint readback (a report's tail). */
async function weightsAfter(s: Session): Promise<Float32Array> {
  const net = (s as unknown as { net: { flat(): tf.Tensor1D } }).net;
  const flat = net.flat();
  const out = (await flat.data()) as Float32Array;
  flat.dispose();
  return out;
}

describe('explained slow motion', () => {
  it('takes exactly the step advance(1) takes, and explains it with finite numbers', async () => {
    const plain = new Session(config);
    const slow = new Session(config);
    await plain.advance(5);
    await slow.advance(4);
    const before = tf.memory().numTensors;
    const { output, explained } = await slow.explainStep();
    expect(tf.memory().numTensors).toBe(before);
    expect(slow.step).toBe(5);
    expect(await weightsAfter(slow)).toEqual(await weightsAfter(plain));
    // Measurements stay on schedule: step 4 is a measurement step (every=2).
    expect(output.reports.map((r) => r.step)).toEqual([4]);
    const e = explained!;
    expect(e.step).toBe(4);
    expect(e.finite).toBe(true);
    expect(e.batch.indices).toHaveLength(8);
    expect(e.batch.gradNorms).toHaveLength(8);
    for (const v of [...e.batch.losses, ...e.batch.gradNorms]) expect(v).toBeGreaterThan(0);
    // The pool is the whole training set here, so every batch example is in the 2-D view.
    for (const p of e.batch.poolIndex) expect(p).toBeGreaterThanOrEqual(0);
    expect(e.cosine).toBeGreaterThan(-1);
    expect(e.cosine).toBeLessThan(1.000001);
    expect(e.updateNorm).toBeCloseTo(config.lr * e.meanGradNorm, 4); // plain SGD: ‖Δθ‖ = lr ‖ĝ_B‖
    // The exact statistics equal those of the report taken at the same θ.
    expect(e.estimators['SG-B']!.variance).toBeCloseTo(
      output.reports[0].estimators['SG-B']!.variance,
      9,
    );
    expect(e.estimators.GC!.normalizedVariance).toBeCloseTo(
      output.reports[0].estimators.GC!.normalizedVariance,
      6,
    );
    plain.dispose();
    slow.dispose();
  });

  it('‖ĝ_B‖ is the norm of the mean of the batch examples’ gradients (autodiff)', async () => {
    const s = new Session(config);
    const { explained } = await s.explainStep();
    // Recompute the same batch's mean gradient at θ_0 with tf.grads on a fresh session.
    const fresh = new Session(config);
    const net = (
      fresh as unknown as { net: { layers: { weight: tf.Variable; bias: tf.Variable | null }[] } }
    ).net;
    const data = (
      fresh as unknown as { data: { batch(i: Int32Array): { x: tf.Tensor2D; y: tf.Tensor1D } } }
    ).data;
    const b = data.batch(explained!.batch.indices);
    const vars = net.layers.flatMap((l) => [l.weight, ...(l.bias ? [l.bias] : [])]);
    const { grads } = tf.variableGrads(() => {
      let h: tf.Tensor = b.x;
      net.layers.forEach((l, i) => {
        h = tf.matMul(h, l.weight);
        if (l.bias) h = tf.add(h, l.bias);
        if (i < net.layers.length - 1) h = tf.relu(h);
      });
      // mean_i [logsumexp(z_i) − z_i,y_i]: the session's loss, written out.
      const onehot = tf.oneHot(tf.cast(b.y, 'int32'), 2);
      return tf.mean(tf.sub(tf.logSumExp(h, 1), tf.sum(tf.mul(onehot, h), 1))) as tf.Scalar;
    }, vars);
    const norm = Math.sqrt(
      Object.values(grads).reduce((sum, g) => sum + (g.square().sum().dataSync()[0] as number), 0),
    );
    expect(explained!.meanGradNorm).toBeCloseTo(norm, 5);
    tf.dispose([b.x, b.y, ...Object.values(grads)]);
    s.dispose();
    fresh.dispose();
  });

  it('finds batch examples in the sorted pool', () => {
    const pool = Int32Array.from([2, 5, 9, 12]);
    expect([...poolPositions(Int32Array.from([9, 3, 2, 12]), pool)]).toEqual([2, -1, 0, 3]);
  });
});

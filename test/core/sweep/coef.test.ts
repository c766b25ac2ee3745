import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/config/codec';
import { initNetwork } from '../../../src/core/model/build';
import { trainableSize } from '../../../src/core/model/network';
import { Rng } from '../../../src/core/rng';
import { classes, coefOf, inputDim, trainableParams, withCoef } from '../../../src/core/sweep/coef';

tf.env().set('IS_TEST', true);

/** P as the model itself counts it (the network the session builds). */
function builtParams(query: string): number {
  const c = parse(query).config;
  const net = initNetwork(
    {
      kind: c.model,
      inputDim: inputDim(c),
      hidden: c.hidden,
      outputs: classes(c),
      loss: 'softmax-cross-entropy',
    },
    new Rng(1),
  );
  const p = trainableSize(net.layers);
  net.dispose();
  return p;
}

describe('over-parametrisation coefficient: trainable parameters / N', () => {
  it.each([
    'data=teacher&model=rf&dim=20&hidden=400',
    'data=teacher&model=mlp&dim=7&hidden=5,3',
    'data=xor&model=linear',
    'data=blobs&model=mlp&hidden=16,16',
    'data=mnist&model=mlp&hidden=128,128',
    'data=mnist&model=rf&hidden=300',
  ])('counts what the model trains: %s', (query) => {
    expect(trainableParams(parse(query).config)).toBe(builtParams(query));
  });

  it('RF with two classes: coef = 2h/N', () => {
    const c = parse('data=teacher&model=rf&hidden=400&n=200').config;
    expect(coefOf(c)).toBe(4);
  });

  it('coefBy=n keeps the model and sets N = round(P / coef)', () => {
    const c = parse('data=teacher&model=rf&hidden=100&n=500').config;
    expect(withCoef(c, 0.5, 'n')).toMatchObject({ n: 400, hidden: [100] });
    expect(withCoef(c, 3, 'n').n).toBe(67);
  });

  it('coefBy=hidden keeps N and scales the widths in proportion', () => {
    const rf = parse('data=teacher&model=rf&hidden=100&n=500').config;
    expect(withCoef(rf, 2, 'hidden').hidden).toEqual([500]);
    const mlp = parse('data=teacher&model=mlp&dim=10&hidden=64,32&n=1000').config;
    const c = withCoef(mlp, 3, 'hidden');
    expect(c.hidden[1]).toBe(Math.round(c.hidden[0] / 2));
    // The closest whole width: one more or one less moves P further from coef·N.
    const p = trainableParams(c);
    expect(Math.abs(p - 3000)).toBeLessThan(
      trainableParams({ ...c, hidden: [c.hidden[0] + 1, Math.round((c.hidden[0] + 1) / 2)] }) - p,
    );
    expect(() => withCoef(parse('model=linear').config, 1, 'hidden')).toThrow(/linear/);
  });
});

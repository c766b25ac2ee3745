import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { speedProbe } from '../../src/core/train/speedProbe';
import { useCpu } from '../helpers/coreHarness';

beforeAll(useCpu);

describe('speedProbe', () => {
  it('times a warm-up step and the median steady step, leaving no tensor behind', async () => {
    const before = tf.memory().numTensors;
    let t = 0;
    // A fake clock that advances 10 ms on each call: every step measures 10 ms.
    const r = await speedProbe(() => (t += 10), 3);
    expect(r).toEqual({ warmMs: 10, stepMs: 10, steps: 3 });
    expect(tf.memory().numTensors).toBe(before);
  });
});

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAll, crossProduct } from '../../src/core/linalg';
import { useCpu } from '../helpers/coreHarness';

beforeAll(useCpu);

describe('linalg', () => {
  it.each([1, 2, 7, 8, 15, 50])('addAll sums %i tensors (addN in groups of at most 7)', (n) => {
    const before = tf.memory().numTensors;
    const total = tf.tidy(() => {
      const ts = Array.from({ length: n }, (_, i) => tf.fill([3], i + 1));
      return addAll(ts).arraySync();
    });
    expect(total).toEqual([1, 2, 3].map(() => (n * (n + 1)) / 2));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('crossProduct is X^T Y, plain and batched', () => {
    const x = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
    const y = [[1], [0], [2]];
    const want = [[11], [14]]; // column sums of x_i * y_i
    expect(tf.tidy(() => crossProduct(tf.tensor2d(x), tf.tensor2d(y)).arraySync())).toEqual(want);
    const batched = tf.tidy(() =>
      crossProduct(tf.tensor3d([x, x]), tf.tensor3d([y, y.map((r) => [2 * r[0]])])).arraySync(),
    );
    expect(batched).toEqual([want, want.map((r) => [2 * r[0]])]);
  });
});

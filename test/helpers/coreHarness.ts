import * as tf from '@tensorflow/tfjs';
import { networkFromSpec } from '../../src/core/model/build';
import { disposePerExample, perExample, type PerExample } from '../../src/core/model/backprop';
import type { NetworkSpec } from '../../src/core/model/network';

export async function useCpu(): Promise<void> {
  tf.env().set('IS_TEST', true);
  await tf.setBackend('cpu');
}

/** Runs fn with the per-example factors of spec on (x, y), disposing everything after. */
export async function withFactors<T>(
  spec: NetworkSpec,
  x: number[][],
  y: number[],
  fn: (p: PerExample) => Promise<T> | T,
): Promise<T> {
  const net = networkFromSpec(spec);
  const xt = tf.tensor2d(x);
  const yt = tf.tensor1d(y, spec.loss === 'logistic' ? 'float32' : 'int32');
  const p = perExample(net, xt, yt);
  try {
    return await fn(p);
  } finally {
    disposePerExample(p);
    xt.dispose();
    yt.dispose();
    net.dispose();
  }
}

export function expectClose(actual: number, expected: number, rel: number, what = ''): void {
  const scale = Math.max(Math.abs(expected), 1e-12);
  if (!(Math.abs(actual - expected) <= rel * scale)) {
    throw new Error(
      `${what}: ${actual} vs ${expected} (rel ${Math.abs(actual - expected) / scale})`,
    );
  }
}

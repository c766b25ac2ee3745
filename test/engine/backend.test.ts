import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { candidates, onDeviceLost, selectBackend } from '../../src/engine/backend';

beforeAll(() => {
  tf.env().set('IS_TEST', true);
});

describe('selectBackend in Node', () => {
  it('orders candidates: forced first, then the default order', () => {
    expect(candidates('auto')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(candidates('wasm')).toEqual(['wasm', 'webgpu', 'webgl', 'cpu']);
  });

  it('auto ends on a working CPU-side backend and explains the skipped GPU ones', async () => {
    const info = await selectBackend('auto');
    expect(['wasm', 'cpu']).toContain(info.name);
    expect(tf.getBackend()).toBe(info.name);
    expect(info.software).toBe(true);
    const skipped = info.fallbacks.map((f) => f.backend);
    expect(skipped.slice(0, 2)).toEqual(['webgpu', 'webgl']);
    expect(info.fallbacks[0].reason).toMatch(/navigator\.gpu/);
    expect(info.fallbacks[1].reason).toMatch(/not a browser/);
    const product = tf.matMul(tf.ones([3, 4]), tf.ones([4, 2]));
    expect(Array.from(await product.data())).toEqual([4, 4, 4, 4, 4, 4]);
    product.dispose();
  });

  it('forcing cpu works with no fallbacks', async () => {
    const info = await selectBackend('cpu');
    expect(info).toEqual({
      name: 'cpu',
      adapter: 'JavaScript (CPU)',
      software: true,
      fallbacks: [],
    });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('a forced backend that is unavailable falls back and says it was requested', async () => {
    const info = await selectBackend('webgl');
    expect(info.fallbacks[0]).toMatchObject({ backend: 'webgl' });
    expect(info.fallbacks[0].reason).toMatch(/\(requested\)$/);
    expect(['wasm', 'cpu']).toContain(info.name);
  });

  it('onDeviceLost is a no-op off WebGPU', async () => {
    await selectBackend('cpu');
    const unsubscribe = onDeviceLost(() => {
      throw new Error('unexpected');
    });
    expect(() => unsubscribe()).not.toThrow();
  });
});

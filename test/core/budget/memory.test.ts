/**
 * The memory estimate against the truth: a real Session on the CPU backend takes its first
 * chunk (SVRG snapshot, GC refresh, measurement, one step) under tf.profile, whose peakBytes
 * is tf.memory().numBytes at its highest; the estimate must be within 2x of it, and the
 * persistent part within 2x of tf.memory().numBytes after the chunk.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnist } from '../../../cli/loadMnist';
import { estimateMemory } from '../../../src/core/budget/memory';
import { runShape } from '../../../src/core/budget/shape';
import { parse } from '../../../src/core/config/codec';
import { Session } from '../../../src/engine/session';
import { useCpu } from '../../helpers/coreHarness';

beforeAll(useCpu);

// A grid over data sets, models, widths, pools, batch sizes, K and the estimators / protocols.
const GRID = [
  'data=blobs',
  'data=blobs&hidden=64,64&pool=512',
  'data=xor&hidden=32&est=sgb,sg2b&pool=256',
  'data=spiral&n=1200&hidden=192&pool=1200&k=48',
  'data=blobs&hidden=128&stats=both&pool=256&estim=20',
  'data=teacher&model=rf&hidden=400&pool=256&dim=20',
  'data=teacher&dim=100&th=50&n=1500&hidden=64,64,64&pool=1024&est=gc,svrg&bs=64',
  'data=teacher&dim=50&th=30&model=rf&hidden=600&stats=both&est=sgb,gc&bs=16&n=1000',
  'data=mnist&n=1000&model=linear&pool=512&stats=both',
  'data=mnist&n=1000&hidden=128,128&pool=512',
  'data=mnist&n=600&hidden=64&pool=300&stats=sampled&bs=64&estim=20',
];

describe('estimateMemory', () => {
  const mnist = loadMnist();
  for (const query of GRID) {
    it(`is within 2x of tf.memory() on the CPU backend: ${query}`, async () => {
      const { config, problems } = parse(query);
      expect(problems).toEqual([]);
      const estimate = estimateMemory(runShape(config));
      const base = tf.memory().numBytes;
      const session = new Session(config, config.data === 'mnist' ? mnist : undefined);
      try {
        const info = await tf.profile(async () => {
          await session.advance(1);
        });
        const peak = info.peakBytes - base;
        const after = tf.memory().numBytes - base;
        const persistent = estimate.persistent.reduce((t, p) => t + p.bytes, 0);
        expect(estimate.peakBytes / peak).toBeGreaterThan(0.5);
        expect(estimate.peakBytes / peak).toBeLessThan(2);
        expect(persistent / after).toBeGreaterThan(0.5);
        expect(persistent / after).toBeLessThan(2);
      } finally {
        session.dispose();
      }
    });
  }
});

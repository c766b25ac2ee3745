import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMnist } from '../../cli/loadMnist';
import { parse } from '../../src/core/config/codec';
import { PRESETS } from '../../src/core/config/presets';
import { Session } from '../../src/engine/session';

// Every preset runs headless, as the experiment CLI runs it (WASM: fig3-mnist's first
// measurement over a pool of 1024 takes a few seconds there, much longer on the CPU backend).
beforeAll(async () => {
  tf.env().set('PROD', true); // IS_TEST's kernel leak check would also time the WASM kernels
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('every preset, headless', () => {
  it.each(PRESETS.map((p) => p.name))('%s: three steps, a finite first report', async (name) => {
    const { config, problems } = parse(`preset=${name}`);
    expect(problems).toEqual([]);
    const before = tf.memory().numTensors;
    const s = new Session(config, config.data === 'mnist' ? loadMnist() : undefined);
    const out = await s.advance(3);
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(s.stopped).toBeNull();
    expect(out.reports[0].step).toBe(0);
    const r = out.reports[0];
    expect(Number.isFinite(r.loss) && r.gradNorm2 > 0).toBe(true);
    for (const id of ['SG-B', 'SG-2B', 'GC', 'SVRG'] as const) {
      expect(Number.isFinite(r.estimators[id]?.variance), `${name} ${id}`).toBe(true);
    }
  });
});

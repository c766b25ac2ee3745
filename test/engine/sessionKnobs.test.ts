import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../src/core/config/codec';
import type { Config } from '../../src/core/config/schema';
import type { EngineEvent } from '../../src/core/run/records';
import { Session } from '../../src/engine/session';
import { useCpu } from '../helpers/coreHarness';

beforeAll(useCpu);

const BASE = 'data=xor&n=64&bs=8&every=5&pool=64&hidden=8';

function config(query: string): Config {
  const { config, problems } = parse(`${BASE}&${query}`);
  expect(problems).toEqual([]);
  return config;
}

async function run(query: string, steps: number) {
  const s = new Session(config(query));
  const out = await s.advance(steps);
  s.dispose();
  return out;
}

const changes = (events: readonly EngineEvent[]) =>
  events.flatMap((e) => (e.kind === 'change' ? [`${e.field} ${e.from} → ${e.to}`] : []));

describe('Session: the lessons’ knobs', () => {
  it('lrDrop: reports show the effective rate and an lrDrop event marks the step', async () => {
    const out = await run('lr=0.2&lrDrop=10', 21);
    expect(out.reports.map((r) => [r.step, r.lr])).toEqual([
      [0, 0.2],
      [5, 0.2],
      [10, 0.02],
      [15, 0.02],
      [20, 0.02],
    ]);
    expect(out.events.filter((e) => e.kind === 'lrDrop')).toEqual([
      { kind: 'lrDrop', step: 10, from: 0.2, to: 0.02 },
    ]);
  });

  it('clip: the fraction of steps clipped since the last report; never without clipping', async () => {
    const tiny = await run('clip=1e-6', 11);
    expect(tiny.reports[0].clipped).toBeUndefined(); // no step taken before the first report
    expect(tiny.reports.slice(1).map((r) => r.clipped)).toEqual([1, 1]);
    const huge = await run('clip=1000', 11);
    expect(huge.reports.slice(1).map((r) => r.clipped)).toEqual([0, 0]);
    const off = await run('', 11);
    expect(off.reports.every((r) => r.clipped === undefined)).toBe(true);
    // A threshold no gradient reaches changes nothing; the statistics are of the raw gradients.
    const strip = (rs: typeof off.reports) => rs.map(({ clipped: _, ...r }) => r);
    expect(strip(huge.reports)).toEqual(strip(off.reports));
    expect(tiny.reports[0]).toEqual(off.reports[0]);
    expect(tiny.reports[1].loss).not.toBe(off.reports[1].loss);
  });

  it('the scaling lock scales lr with B, recorded as changes; a given lr is kept', async () => {
    const s = new Session(config('lr=0.1&lock=linear'));
    await s.advance(5);
    expect(s.set({ bs: 16 })).toEqual([]);
    expect(s.config.lr).toBe(0.2);
    s.set({ lock: 'sqrt' });
    s.set({ bs: 64 });
    expect(s.config.lr).toBe(0.4);
    s.set({ bs: 32, lr: 0.05 });
    expect(s.config.lr).toBe(0.05);
    const out = await s.advance(1);
    s.dispose();
    expect(changes(out.events)).toEqual([
      'bs 8 → 16',
      'lr 0.1 → 0.2',
      'lock linear → sqrt',
      'bs 16 → 64',
      'lr 0.2 → 0.4',
      'bs 64 → 32',
      'lr 0.4 → 0.05',
    ]);
    expect(out.reports[0].lr).toBe(0.05);
  });

  it('opt=adam trains; switching the optimiser mid-run is a hot change', async () => {
    const sgd = await run('lr=0.01', 6);
    const adam = await run('lr=0.01&opt=adam', 6);
    expect(adam.reports[0]).toEqual(sgd.reports[0]); // same start, same statistics
    expect(adam.reports[1].loss).not.toBe(sgd.reports[1].loss);
    const s = new Session(config('opt=adam'));
    await s.advance(5);
    expect(s.set({ opt: 'sgd' })).toEqual([]);
    const out = await s.advance(6);
    s.dispose();
    expect(changes(out.events)).toEqual(['opt adam → sgd']);
    expect(out.reports.every((r) => Number.isFinite(r.loss))).toBe(true);
  });

  it('leaves no tensor behind with Adam, clipping, a drop and an optimiser switch', async () => {
    const before = tf.memory().numTensors;
    const s = new Session(config('opt=adam&clip=0.5&lrDrop=4&k=4&gcEvery=4&svrgEvery=4'));
    await s.advance(6);
    await s.explainStep();
    s.set({ opt: 'sgd', clip: 0, mom: 0.5 });
    await s.advance(6);
    s.set({ opt: 'adam', clip: 0.1 });
    await s.advance(6);
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

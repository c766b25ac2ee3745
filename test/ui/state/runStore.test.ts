import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/config/codec';
import { EMPTY_RUN, reduceRun } from '../../../src/ui/state/runStore';
import { STEP } from '../explain/fixture';

const ready = {
  type: 'ready' as const,
  backend: { name: 'cpu' as const, adapter: 'test', software: true, fallbacks: [] },
  config: parse('').config,
  start: parse('').config,
  reason: null,
  seq: 1,
  info: {
    dataset: 'blobs',
    trainSize: 64,
    testSize: 1000,
    poolSize: 64,
    inputDim: 2,
    classes: 2,
    parameters: 42,
  },
};

describe('reduceRun: explained steps', () => {
  it('keeps the latest explained step until a new run starts', () => {
    let s = reduceRun(EMPTY_RUN, ready);
    expect(s.explained).toBeNull();
    s = reduceRun(s, { type: 'explained', explained: STEP });
    expect(s.explained).toBe(STEP);
    s = reduceRun(s, { type: 'status', status: 'paused', step: 13, stepsPerSecond: 0 });
    s = reduceRun(s, { type: 'reports', reports: [] });
    expect(s.explained).toBe(STEP);
    const next = { ...STEP, step: 13 };
    s = reduceRun(s, { type: 'explained', explained: next });
    expect(s.explained).toBe(next);
    expect(reduceRun(s, ready).explained).toBeNull(); // a reset: no stale batch to ring
  });
});

describe('reduceRun: the configuration is the engine’s echo', () => {
  it('takes the applied configuration and problems from ready and config messages', () => {
    let s = reduceRun(EMPTY_RUN, ready);
    expect(s.config).toEqual(ready.config);
    expect(s.seq).toBe(1);
    const next = { ...ready.config, bs: 8 };
    const problems = [{ key: 'bs', value: '-5', message: 'bs=-5 is below the minimum 1; using 1' }];
    s = reduceRun(s, { type: 'config', config: next, start: next, problems, seq: 2 });
    expect(s.config).toEqual(next);
    expect(s.seq).toBe(2);
    expect(s.configProblems).toEqual(problems);
    // A run restarted by the same command keeps the problems that command produced.
    s = reduceRun(s, { ...ready, seq: 2 });
    expect(s.configProblems).toEqual(problems);
    s = reduceRun(s, { ...ready, seq: 3 });
    expect(s.configProblems).toEqual([]);
  });
});

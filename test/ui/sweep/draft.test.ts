import { describe, expect, it } from 'vitest';
import { parseSweep } from '../../../src/core/sweep/codec';
import { SWEEP_PRESETS } from '../../../src/core/sweep/presets';
import { draftOf, draftQuery } from '../../../src/ui/sweep/draft';
import { cancelled, eta, IDLE, replied, settled, started } from '../../../src/ui/sweep/sweepStore';
import { expandSweep } from '../../../src/core/sweep/expand';
import { summary } from '../../core/sweep/fixture';

describe('the sweep form', () => {
  it.each(SWEEP_PRESETS.map((p) => p.name))('%s: form fields give back the same sweep', (name) => {
    const { spec } = parseSweep(`preset=${name}`);
    const again = parseSweep(draftQuery(draftOf(spec)));
    expect(again.problems).toEqual([]);
    expect(again.spec).toEqual(spec);
  });

  it('the form’s own fields win over the same keys typed into the base', () => {
    const d = {
      ...draftOf(parseSweep('vary=bs:8,16').spec),
      base: 'data=xor&steps=9&seed=4',
      steps: '30',
      seed: '2',
    };
    const { spec, problems } = parseSweep(draftQuery(d));
    expect(problems).toEqual([]);
    expect(spec.base).toMatchObject({ data: 'xor', steps: 30, seed: 2 });
  });

  it('a key without values is not varied yet; bad values are named', () => {
    const d = draftOf(parseSweep('vary=bs:8,16').spec);
    expect(parseSweep(draftQuery({ ...d, values: '' })).spec.axes).toEqual([]);
    expect(parseSweep(draftQuery({ ...d, values: '8,x' })).problems.map((p) => p.message)).toEqual([
      'bs: x is not a number; ignored',
    ]);
    expect(
      parseSweep(draftQuery({ ...d, key2: 'lr', values2: '0.1,0.2' })).spec.axes[1].values,
    ).toEqual([0.1, 0.2]);
  });
});

describe('the sweep store', () => {
  const runs = expandSweep(parseSweep('data=xor&vary=bs:8,16&seeds=2').spec).runs;
  const done = (index: number) => ({
    type: 'sweep-done' as const,
    index,
    config: runs[index].config,
    backend: 'wasm' as const,
    steps: 500,
    diverged: null,
    summary: summary(1),
    reports: [],
  });

  it('streams results in, then is done; ETA from the mean pace', () => {
    let s = started(runs, 2, 1000);
    expect(s).toMatchObject({ status: 'running', workers: 2 });
    expect(eta(s, 1500)).toBeNull();
    s = replied(s, done(2), 3000);
    expect(eta(s, 3000)).toBe(6000); // 2 s per run, 3 runs left
    s = replied(s, { type: 'sweep-error', index: 0, message: 'boom' }, 4000);
    s = replied(s, done(1), 5000);
    expect(settled(s)).toBe(3);
    s = replied(s, done(3), 6000);
    expect(s).toMatchObject({ status: 'done', finishedAt: 6000 });
    expect(s.results.map((r) => r.index)).toEqual([2, 1, 3]);
    expect(s.errors).toEqual([{ index: 0, message: 'boom' }]);
    expect(s.results[0]).toMatchObject({ varied: { bs: 16 }, seed: 1, steps: 500 });
  });

  it('a cancel stops the sweep; later replies are dropped', () => {
    const s = cancelled(started(runs, 2, 0), 10);
    expect(s.status).toBe('cancelled');
    expect(replied(s, done(0), 20)).toBe(s);
    expect(cancelled(IDLE, 5)).toBe(IDLE);
  });
});

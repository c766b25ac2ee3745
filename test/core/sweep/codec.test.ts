import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/config/codec';
import { parseSweep, serializeSweep } from '../../../src/core/sweep/codec';
import { DEFAULT_STEPS, MAX_RUNS, runCount } from '../../../src/core/sweep/spec';

const messages = (q: string) => parseSweep(q).problems.map((p) => p.message);

describe('the sweep in the URL', () => {
  it('reads the base configuration, the varied keys, seeds and steps', () => {
    const { spec, view, problems } = parseSweep(
      'view=sweep&data=teacher&model=rf&hidden=200&seed=7&steps=300&vary=coef:0.5..8:5&vary2=lr:0.01,0.05&seeds=2&sweepY=nv&sweepAgg=max',
    );
    expect(problems).toEqual([]);
    expect(spec.base).toMatchObject({
      data: 'teacher',
      model: 'rf',
      hidden: [200],
      seed: 7,
      steps: 300,
      view: 'playground',
    });
    expect(spec.axes.map((a) => a.key)).toEqual(['coef', 'lr']);
    expect(spec.axes[0].values).toEqual([0.5, 1, 2, 4, 8]);
    expect(spec.seeds).toBe(2);
    expect(runCount(spec)).toBe(20);
    expect(view).toEqual({ stat: 'normalizedVariance', agg: 'max' });
  });

  it('defaults: 3 seeds, coef sets n, steps 500 when the base has none', () => {
    const { spec } = parseSweep('vary=bs:8,16');
    expect(spec).toMatchObject({ seeds: 3, coefBy: 'n' });
    expect(spec.base.steps).toBe(DEFAULT_STEPS);
  });

  it('round-trips through serializeSweep (property over seeds, steps and values)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 4096 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (seeds, steps, bs, log) => {
          const vary = log ? 'bs:2..512:5' : `bs:${bs.join(',')}`;
          const a = parseSweep(
            `data=xor&steps=${steps}&vary=${vary}&vary2=lr:0.1,0.2&seeds=${seeds}&coefBy=hidden`,
          );
          const q = serializeSweep(a.spec, a.view);
          const b = parseSweep(q);
          expect(b.problems).toEqual([]);
          expect(b.spec).toEqual(a.spec);
          expect(parse(q.replace(/&(vary2?|seeds|coefBy)=[^&]*/g, '')).config.view).toBe('sweep');
        },
      ),
      { numRuns: 50 },
    );
  });

  it('keeps the URL readable: lists and ranges unescaped', () => {
    const { spec } = parseSweep('data=teacher&vary=coef:0.5..8:5&vary2=lr:0.01,0.1');
    expect(serializeSweep(spec)).toBe(
      'data=teacher&steps=500&view=sweep&vary=coef:0.5..8:5&vary2=lr:0.01,0.1',
    );
  });

  it('names every bad value and never throws', () => {
    expect(messages('vary=bs:0,8&seeds=x')).toEqual([
      'seeds=x is not a whole number; using 3',
      'bs: 0 is below the minimum 1; using 1',
    ]);
    expect(messages('vary=bogus:1,2')[0]).toMatch(/^bogus cannot be varied/);
    expect(messages('vary=bs')).toEqual([
      'bs is not KEY:VALUES (e.g. bs:8,16,32 or lr:0.001..0.1:5)',
      'nothing is varied (give a key and its values)',
    ]);
    expect(messages('vary=bs:8&vary2=bs:16')).toContain('bs is varied twice; using the first');
    expect(messages('vary=coef:1,2&vary2=n:100,200')).toContain(
      'coef sets n (coefBy=n), so n cannot be varied too; dropped',
    );
    expect(messages('model=linear&vary=coef:1&coefBy=hidden')[0]).toMatch(
      /linear model has no hidden/,
    );
    expect(messages('vary=bs:8&seeds=0')).toEqual(['seeds=0: 1..100; using 1']);
    expect(messages('vary=bs:8&coefBy=zzz&sweepY=q')).toHaveLength(2);
    expect(messages('vary=bs:8&bs=abc&foo=1').map((m) => m.split(' ')[0])).toEqual([
      'bs=abc',
      'unknown',
    ]);
  });

  it('caps the size: at most MAX_RUNS runs (fewer seeds)', () => {
    const { spec, problems } = parseSweep('vary=bs:1..4096:64&vary2=lr:0.001..1:64&seeds=100');
    expect(runCount(spec)).toBeLessThanOrEqual(MAX_RUNS);
    expect(problems.at(-1)!.message).toMatch(/at most 5000 runs; using 1 seed per point/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/config/codec';
import { parseSweep } from '../../../src/core/sweep/codec';
import { coefOf } from '../../../src/core/sweep/coef';
import { expandSweep, parseShard, shardRuns } from '../../../src/core/sweep/expand';

const expand = (q: string) => expandSweep(parseSweep(q).spec);

describe('a sweep expands into runs', () => {
  it('every combination, seeds innermost, each run a full configuration and its query', () => {
    const { runs, problems } = expand(
      'data=xor&seed=5&steps=40&vary=bs:8,16&vary2=lr:0.1,0.2,0.3&seeds=2',
    );
    expect(problems).toEqual([]);
    expect(runs).toHaveLength(12);
    expect(runs.map((r) => r.index)).toEqual([...Array(12).keys()]);
    expect(runs.slice(0, 3).map((r) => [r.varied, r.seed])).toEqual([
      [{ bs: 8, lr: 0.1 }, 5],
      [{ bs: 8, lr: 0.1 }, 6],
      [{ bs: 8, lr: 0.2 }, 5],
    ]);
    for (const r of runs) {
      expect(r.config).toMatchObject({
        data: 'xor',
        steps: 40,
        view: 'playground',
        ...r.varied,
        seed: r.seed,
      });
      expect(parse(r.query)).toEqual({ config: r.config, problems: [] });
    }
  });

  it('coef sets N (or the widths) after the other keys', () => {
    const { runs } = expand(
      'data=teacher&model=rf&hidden=100&vary=coef:0.5,2&vary2=hidden:50,100&seeds=1',
    );
    expect(runs.map((r) => [r.config.hidden[0], r.config.n])).toEqual([
      [50, 200],
      [100, 400],
      [50, 50],
      [100, 100],
    ]);
    for (const r of runs) expect(coefOf(r.config)).toBeCloseTo(r.varied.coef, 6);
    const byH = expand(
      'data=teacher&model=rf&hidden=100&n=300&vary=coef:0.5,2&coefBy=hidden&seeds=1',
    ).runs;
    expect(byH.map((r) => [r.config.hidden[0], r.config.n])).toEqual([
      [75, 300],
      [300, 300],
    ]);
  });

  it('names a point the schema cannot hold, clamped as the URL codec would', () => {
    const { runs, problems } = expand(
      'data=teacher&model=rf&hidden=10&bs=4&vary=coef:1,10&seeds=1',
    );
    expect(runs[1].config.n).toBe(8);
    expect(problems).toEqual(['at coef=10: n=2 is below the minimum 8; using 8']);
    expect(expand('data=mnist&model=rf&hidden=10&vary=coef:0.01&seeds=1').problems[0]).toMatch(
      /only 8000 MNIST digits/,
    );
  });
});

describe('shards', () => {
  it('parses I/N with 1 ≤ I ≤ N', () => {
    expect(parseShard('2/4').shard).toEqual({ index: 2, count: 4 });
    for (const bad of ['3/2', '0/2', '1/0', 'a/b', '1', '-1/2', '1.5/2'])
      expect(parseShard(bad).problem).toMatch(/is not I\/N/);
  });

  it('shard I of N takes runs I, I+N, …; the shards partition the sweep (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 9 }),
        (total, count) => {
          const runs = Array.from({ length: total }, (_, i) => i);
          const parts = Array.from({ length: count }, (_, i) =>
            shardRuns(runs, { index: i + 1, count }),
          );
          expect(parts.flat().sort((a, b) => a - b)).toEqual(runs);
          parts.forEach((p, i) => p.forEach((r, j) => expect(r).toBe(i + j * count)));
        },
      ),
    );
  });
});

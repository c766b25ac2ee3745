import { csvFormat, csvParse } from 'd3';
import { describe, expect, it } from 'vitest';
import { APP } from '../../../src/core/run/export';
import { shardRuns } from '../../../src/core/sweep/expand';
import { readSweepCsv, sweepCsv, sweepCsvOf } from '../../../src/core/sweep/csv';
import { mergeCsv, mergeResults } from '../../../src/core/sweep/merge';
import { sweepJson, sweepResult } from '../../../src/core/sweep/result';
import { fakeSweep, QUERY } from './fixture';

const ESTS = ['SG-B', 'SG-2B', 'GC', 'SVRG'];

function shards(count: number) {
  const { spec, runs } = fakeSweep();
  return Array.from({ length: count }, (_, i) => {
    const shard = { index: i + 1, count };
    return { name: `part${i + 1}`, result: sweepResult(spec, shardRuns(runs, shard), shard) };
  });
}

describe('sweep JSON', () => {
  it('{app, sweep, runs: [{index, varied, seed, query, config, backend, steps, diverged, summary}]}', () => {
    const { result } = fakeSweep();
    const json = JSON.parse(sweepJson(result));
    expect(Object.keys(json)).toEqual(['app', 'sweep', 'runs']);
    expect(json.app).toBe(APP);
    expect(json.sweep).toMatchObject({
      keys: ['bs', 'lr'],
      seeds: 2,
      firstSeed: 1,
      steps: 100,
      runs: 12,
    });
    expect(json.sweep.query).toBe(
      'data=xor&steps=100&view=sweep&vary=bs:4,8,16&vary2=lr:0.1,0.2&seeds=2',
    );
    expect(Object.keys(json.runs[0])).toEqual([
      'index',
      'varied',
      'seed',
      'query',
      'config',
      'backend',
      'steps',
      'diverged',
      'summary',
    ]);
    expect(json.runs[3]).toMatchObject({ index: 3, varied: { bs: 4, lr: 0.2 }, seed: 2 });
  });
});

describe('sweep CSV (d3-dsv)', () => {
  it('# lines, then one row per run: the varied keys, seed, steps, loss, acc, testAcc, per estimator', () => {
    const text = sweepCsv(fakeSweep().result, csvFormat);
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      `# ${APP} sweep`,
      `# sweep: ${fakeSweep().result.sweep.query}`,
      '# runs: 12',
    ]);
    const rows = csvParse(lines.filter((l) => !l.startsWith('#')).join('\n'));
    expect(rows.columns.slice(0, 8)).toEqual([
      'bs',
      'lr',
      'seed',
      'steps',
      'loss',
      'acc',
      'testAcc',
      'SG-B variance mean',
    ]);
    for (const e of ESTS)
      for (const c of [
        'variance mean',
        'variance max',
        'normalizedVariance mean',
        'normalizedVariance max',
      ])
        expect(rows.columns).toContain(`${e} ${c}`);
    expect(rows.columns.slice(-3)).toEqual(['bSimple mean', 'bSimple max', 'diverged']);
    expect(rows).toHaveLength(12);
    expect(rows[3]).toMatchObject({
      bs: '4',
      lr: '0.2',
      seed: '2',
      steps: '100',
      'SG-B variance mean': '0.125',
      diverged: '',
    });
  });
});

describe('merging shards', () => {
  it('merged JSON shards equal the whole sweep, for any shard count', () => {
    const whole = sweepJson(fakeSweep().result);
    for (const n of [1, 2, 5, 12, 13]) expect(sweepJson(mergeResults(shards(n)))).toBe(whole);
    expect(sweepJson(mergeResults(shards(3).reverse()))).toBe(whole);
  });

  it('merged CSV shards equal the whole sweep CSV', () => {
    const whole = sweepCsv(fakeSweep().result, csvFormat);
    const parts = shards(5).map((p) => ({
      name: p.name,
      csv: readSweepCsv(sweepCsv(p.result, csvFormat), csvParse),
    }));
    expect(parts[1].csv.shard).toBe('2/5');
    expect(sweepCsvOf(mergeCsv(parts.reverse()), csvFormat)).toBe(whole);
  });

  it('refuses a missing or repeated shard, or parts of different sweeps', () => {
    const parts = shards(3);
    expect(() => mergeResults(parts.slice(0, 2))).toThrow(
      /4 of 12 runs are missing \(first: run 2\)/,
    );
    expect(() => mergeResults([...parts, parts[0]])).toThrow(/run 0 is in both part1 and part1/);
    const other = fakeSweep().result;
    other.sweep = { ...other.sweep, query: `${QUERY}&lr=0.3` };
    expect(() => mergeResults([...parts, { name: 'x.json', result: other }])).toThrow(
      /x.json is from another sweep than part1/,
    );
    expect(() => mergeResults([])).toThrow(/nothing to merge/);
    expect(() => readSweepCsv('a,b\n1,2\n', csvParse)).toThrow(/not a sweep CSV/);
  });
});

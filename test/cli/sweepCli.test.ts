/** End-to-end tests of the sweep CLI (each spawn costs a few seconds; the runs are tiny). */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvFormat } from 'd3';
import { describe, expect, it } from 'vitest';
import { sweepCsv } from '../../src/core/sweep/csv';
import { shardRuns } from '../../src/core/sweep/expand';
import { sweepJson, sweepResult } from '../../src/core/sweep/result';
import { fakeSweep } from '../core/sweep/fixture';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIR = mkdtempSync(join(tmpdir(), 'gvp-sweep-'));
const at = (f: string) => join(DIR, f);
const read = (f: string) => readFileSync(at(f), 'utf8');

function cli(file: string, ...args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', file, ...args], { cwd: ROOT }, (err, _o, e) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, stderr: e }),
    );
  });
}
const sweep = (...args: string[]) => cli('cli/sweep.ts', ...args);

const BASE = 'data=xor&n=64&hidden=8&bs=8&every=5&pool=64&steps=20';
const SWEEP = ['--base', BASE, '--vary', 'bs=4,8', '--vary', 'lr=0.05,0.2', '--seeds', '2'];

describe('npm run sweep', () => {
  it('pool = one after another; merged shards = the whole; a point = npm run experiment', async () => {
    const results = await Promise.all([
      sweep(...SWEEP, '--workers', '1', '--out', at('seq.json')),
      sweep(...SWEEP, '--workers', '2', '--out', at('pool.json')),
      sweep(...SWEEP, '--workers', '2', '--out', at('whole.csv')),
    ]);
    expect(results.map((r) => r.stderr)).toEqual(['', '', '']);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    // Worker threads give exactly the numbers of a sequential run.
    expect(read('pool.json')).toBe(read('seq.json'));
    const json = JSON.parse(read('seq.json'));
    expect(json.sweep).toMatchObject({ keys: ['bs', 'lr'], seeds: 2, steps: 20, runs: 8 });
    expect(json.runs.map((r: { varied: object; seed: number }) => [r.varied, r.seed])).toEqual([
      [{ bs: 4, lr: 0.05 }, 1],
      [{ bs: 4, lr: 0.05 }, 2],
      [{ bs: 4, lr: 0.2 }, 1],
      [{ bs: 4, lr: 0.2 }, 2],
      [{ bs: 8, lr: 0.05 }, 1],
      [{ bs: 8, lr: 0.05 }, 2],
      [{ bs: 8, lr: 0.2 }, 1],
      [{ bs: 8, lr: 0.2 }, 2],
    ]);
    const run = json.runs[6];
    expect(run).toMatchObject({ backend: 'wasm', steps: 20, diverged: null });
    expect(run.config).toMatchObject({ data: 'xor', bs: 8, lr: 0.2, seed: 1, steps: 20 });

    // Shards (CSV and JSON), merged, equal the whole; and the experiment CLI on run 6's query.
    const parts = await Promise.all([
      sweep(...SWEEP, '--shard', '1/3', '--workers', '1', '--out', at('p1.csv')),
      sweep(...SWEEP, '--shard', '2/3', '--workers', '1', '--out', at('p2.csv')),
      sweep(...SWEEP, '--shard', '3/3', '--workers', '1', '--out', at('p3.csv')),
      sweep(...SWEEP, '--shard', '1/2', '--out', at('p1.json')),
      sweep(...SWEEP, '--shard', '2/2', '--out', at('p2.json')),
      cli('cli/experiment.ts', '--config', run.query, '--out', at('one.json')),
    ]);
    expect(parts.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(read('p2.csv')).toMatch(/^# shard: 2\/3$/m);
    expect(JSON.parse(read('p2.json')).runs.map((r: { index: number }) => r.index)).toEqual([
      1, 3, 5, 7,
    ]);
    const merged = await Promise.all([
      sweep('--merge', at('p3.csv'), at('p1.csv'), at('p2.csv'), '--out', at('merged.csv')),
      sweep('--merge', at('p2.json'), at('p1.json'), '--out', at('merged.json')),
      sweep('--merge', at('p2.json'), at('p1.json'), '--out', at('merged-from-json.csv')),
    ]);
    expect(merged.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(read('merged.csv')).toBe(read('whole.csv'));
    expect(read('merged-from-json.csv')).toBe(read('whole.csv'));
    expect(read('merged.json')).toBe(read('seq.json'));
    expect(JSON.parse(read('one.json')).summary).toEqual(run.summary);

    const csv = read('whole.csv').split('\n');
    expect(csv[0]).toBe('# gradient-variance-playground sweep');
    const header = csv.find((l) => !l.startsWith('#'))!.split(',');
    expect(header.slice(0, 7)).toEqual(['bs', 'lr', 'seed', 'steps', 'loss', 'acc', 'testAcc']);
    expect(header).toContain('SVRG normalizedVariance max');
  }, 180_000);

  it("runs a sweep given as its URL query (the sweep view's address)", async () => {
    const q = `${BASE}&view=sweep&vary=coef:1,2&seeds=1&model=rf`;
    const r = await sweep('--sweep', q, '--steps', '10', '--out', at('coef.json'));
    expect(r.stderr).toBe('');
    const json = JSON.parse(read('coef.json'));
    expect(json.runs.map((x: { config: { n: number } }) => x.config.n)).toEqual([16, 8]);
  }, 60_000);

  it('bad input exits 2 with one line', async () => {
    const out = at('bad.json');
    // Shard 1 of 2 of a (synthetic) sweep of 12 runs, as JSON and CSV.
    const { spec, runs } = fakeSweep();
    const half = sweepResult(spec, shardRuns(runs, { index: 1, count: 2 }), { index: 1, count: 2 });
    writeFileSync(at('half.json'), sweepJson(half));
    writeFileSync(at('half.csv'), sweepCsv(half, csvFormat));
    const cases: [string[], RegExp][] = [
      [['--base', BASE, '--vary', 'bogus=1,2', '--out', out], /bogus cannot be varied/],
      [['--base', BASE, '--vary', 'lr=abc', '--out', out], /lr: abc is not a number/],
      [['--base', BASE, '--vary', 'lr=', '--out', out], /lr: no values given/],
      [['--base', BASE, '--vary', 'lr=,', '--out', out], /lr: an empty value in the list/],
      [[...SWEEP, '--shard', '3/2', '--out', out], /shard '3\/2' is not I\/N/],
      [[...SWEEP, '--out', at('x.txt')], /must end in .json or .csv/],
      [[...SWEEP, '--out', '/nonexistent/dir/x.json'], /cannot write in \/nonexistent\/dir/],
      [['--base', BASE, '--out', out], /--base needs --vary/],
      [['--preset', 'nope', '--out', out], /not a sweep preset/],
      [['--base', `${BASE}&mom=abc`, '--vary', 'lr=0.1', '--out', out], /mom=abc is not a number/],
      [
        ['--base', `${BASE}&backend=webgl`, '--vary', 'lr=0.1', '--out', out],
        /runs only in a browser/,
      ],
      [
        ['--base', 'model=rf&hidden=10', '--vary', 'coef=100', '--out', out],
        /at coef=100: n=1 is below the minimum 8/,
      ],
      [[...SWEEP], /missing required flag --out/],
      [
        [
          '--base',
          'data=teacher&n=20000&dim=2000&th=10000&hidden=4096&bs=4096',
          '--vary',
          'lr=0.1',
          '--out',
          out,
        ],
        /no run fits this machine: too large for this device/,
      ],
      [['--merge', at('half.json'), '--out', out], /6 of 12 runs are missing/],
      [['--merge', at('half.csv'), at('half.csv'), '--out', at('m.csv')], /run 0 is in both/],
      [['--merge', at('half.json'), at('half.csv'), '--out', out], /all JSON or all CSV/],
      [['--merge', at('half.csv'), '--out', out], /CSV parts merge into a CSV file only/],
      [['--merge', at('nope.json'), '--out', out], /cannot read/],
      [['--merge', at('half.json'), '--seeds', '2', '--out', out], /--merge takes only parts/],
    ];
    const results = await Promise.all(cases.map(([args]) => sweep(...args)));
    results.forEach((r, i) => {
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr, String(cases[i][0])).toMatch(cases[i][1]);
      expect(r.code).toBe(2);
    });
  }, 180_000);
});

/** End-to-end tests of the experiment CLI (each spawn costs a few seconds). */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarizeRun } from '../../src/core/run/summary';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIR = mkdtempSync(join(tmpdir(), 'gvp-experiment-'));

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'cli/experiment.ts', ...args],
      { cwd: ROOT },
      (err, out, e) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout: out, stderr: e }),
    );
  });
}

describe('npm run experiment', () => {
  it('writes every report and event as JSON and CSV', async () => {
    const out = join(DIR, 'run.json');
    const csv = join(DIR, 'run.csv');
    const r = await run(
      '--config',
      'data=xor&n=64&bs=8&hidden=8&every=5&k=4&pool=64&stats=both&estim=4',
      '--steps',
      '20',
      '--out',
      out,
      '--csv',
      csv,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.backend).toBe('wasm'); // backend=auto in Node
    expect(json.config).toMatchObject({ data: 'xor', n: 64, bs: 8, steps: 20 });
    expect(json.reports.map((x: { step: number }) => x.step)).toEqual([0, 5, 10, 15]);
    for (const rep of json.reports) {
      for (const k of ['epoch', 'lr', 'loss', 'acc', 'testAcc', 'gradNorm2', 'bSimple'])
        expect(rep).toHaveProperty(k);
      // The first report comes before the first clustering (as in the app): GC joins later.
      for (const id of rep.step === 0
        ? ['SG-B', 'SG-2B', 'SVRG']
        : ['SG-B', 'SG-2B', 'GC', 'SVRG']) {
        expect(Number.isFinite(rep.estimators[id].variance)).toBe(true);
        expect(Number.isFinite(rep.estimators[id].normalizedVariance)).toBe(true);
        expect(Number.isFinite(rep.sampled[id].normalizedVarianceAuthors)).toBe(true);
      }
    }
    expect(json.reports[0].estimators.GC).toBeUndefined();
    // The run summary: late mean (steps ≥ 0.3 × 15) and max of each statistic, and the costs.
    const sgb = json.reports.map(
      (x: { estimators: { 'SG-B': { variance: number } } }) => x.estimators['SG-B'].variance,
    );
    expect(json.summary.steps).toBe(15);
    expect(json.summary.estimators['SG-B'].variance.max).toBe(Math.max(...sgb));
    expect(json.summary.estimators['SG-B'].variance.mean).toBeCloseTo(
      (sgb[1] + sgb[2] + sgb[3]) / 3,
      12,
    );
    expect(json.summary.sampled.GC.normalizedVarianceAuthors.mean).toBeGreaterThan(0);
    expect(json.costs).toEqual({ 'SG-B': 8, 'SG-2B': 16, GC: 4 + 64 / 100, SVRG: 16 + 64 / 100 });
    expect(json.events.some((e: { kind: string }) => e.kind === 'done')).toBe(true);
    // The run summary: what a sweep records for the same configuration and seed.
    expect(json.summary).toEqual(summarizeRun(json.reports));
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines).toContain(`# config: ${json.query}`);
    expect(lines).toContain(
      `# summary SG-B variance mean: ${json.summary.estimators['SG-B'].variance.mean}`,
    );
    expect(lines).toContain(`# summary testAcc: ${json.summary.testAcc}`);
    const table = lines.filter((l) => !l.startsWith('#'));
    expect(table[0].split(',').slice(0, 3)).toEqual(['step', 'epoch', 'lr']);
    expect(table[0].split(',').at(-1)).toBe('events');
    // One row per report, then the "done" event after the last report in a row of its own.
    expect(table).toHaveLength(1 + json.reports.length + 1);
    expect(table.map((l) => Number(l.split(',')[0]))).toEqual([NaN, 0, 5, 10, 15, 20]);
    expect(table.at(-1)).toMatch(/^20,,.*,done@20$/);
  });

  it('runs a preset; backend=cpu gives the same numbers as WASM, to float32 rounding', async () => {
    const read = (f: string) => JSON.parse(readFileSync(join(DIR, f), 'utf8'));
    const [wasm, cpu] = await Promise.all([
      run('--preset', 'fig1-gc2d', '--steps', '10', '--out', join(DIR, 'preset.json')),
      run(
        '--config',
        'preset=fig1-gc2d&backend=cpu',
        '--steps',
        '10',
        '--out',
        join(DIR, 'cpu.json'),
      ),
    ]);
    expect([wasm.code, cpu.code]).toEqual([0, 0]);
    const [a, b] = [read('preset.json'), read('cpu.json')];
    expect(a.config).toMatchObject({ model: 'linear', k: 4 });
    expect([a.backend, b.backend]).toEqual(['wasm', 'cpu']);
    expect(a.reports.length).toBe(b.reports.length);
    a.reports.forEach((r: { loss: number }, i: number) =>
      expect(Math.abs(r.loss - b.reports[i].loss)).toBeLessThan(1e-5 * Math.abs(r.loss)),
    );
  });

  it('bad arguments exit 2 with one line', async () => {
    const out = join(DIR, 'x.json');
    const cases: [string[], RegExp][] = [
      [['--preset', 'fig1-gc2d', '--out', out, '--bogus', '1'], /unknown flag --bogus/],
      [['--out', out], /exactly one of --preset or --config/],
      [['--preset', 'nope', '--out', out], /not a preset/],
      [['--config', 'bs=abc', '--out', out], /bs=abc is not a number/],
      [['--preset', 'fig1-gc2d'], /missing required flag --out/],
      [['--preset', 'fig1-gc2d', '--steps', '0', '--out', out], /--steps must be an integer/],
      [['--config', 'backend=webgpu', '--out', out], /backend=webgpu runs only in a browser/],
      // Output paths are checked before the run (issue 15, item 12).
      [['--preset', 'fig3-mnist', '--out', DIR], /--out .*: is a directory, not a file/],
      [
        ['--preset', 'fig3-mnist', '--out', out, '--csv', join(DIR, 'no', 'x.csv')],
        /--csv .*x\.csv: the directory .*no does not exist/,
      ],
      [['--preset', 'fig1-gc2d', '--out', out, '--csv', out], /--csv and --out name the same file/],
      // The resource budget: refused before anything is allocated, with the figures.
      [
        ['--config', 'n=60000&hidden=4096&pool=60000', '--out', out],
        /too large for this machine: peak memory .* GB .*; with pool=\d+ it would fit\n/,
      ],
      [
        [
          '--config',
          'data=teacher&n=60000&dim=2000&th=10000&hidden=4096,4096&bs=4096',
          '--out',
          out,
        ],
        /too large for this device: one training step about .* B = 4096/,
      ],
    ];
    const results = await Promise.all(cases.map(([args]) => run(...args)));
    // No case ran: a bad --csv used to be found only after the JSON was written.
    expect(existsSync(out)).toBe(false);
    results.forEach((r, i) => {
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(cases[i][1]);
    });
  }, 240_000); // 13 CLI start-ups at once on a shared 2-core machine
});

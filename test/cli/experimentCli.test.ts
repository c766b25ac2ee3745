/** End-to-end tests of the experiment CLI (each spawn costs a few seconds). */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
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
      'data=xor&n=64&bs=8&hidden=8&every=5&k=4&pool=64',
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
      for (const id of ['SG-B', 'SG-2B', 'GC', 'SVRG']) {
        expect(Number.isFinite(rep.estimators[id].variance)).toBe(true);
        expect(Number.isFinite(rep.estimators[id].normalizedVariance)).toBe(true);
      }
    }
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
    ];
    const results = await Promise.all(cases.map(([args]) => run(...args)));
    results.forEach((r, i) => {
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(cases[i][1]);
    });
  });
});

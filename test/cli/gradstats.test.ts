/**
 * End-to-end tests of the gradstats CLI: each spawn costs about a second, so the cases are
 * few and run concurrently. The many bad-input classes are covered in-process by
 * validate.test.ts and args.test.ts; here a few check the exit code and the one-line message.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NetworkSpec } from '../../src/core/model/network';
import { Rng } from '../../src/core/rng';
import { bruteForceGradients } from '../helpers/bruteForce';
import { expectClose, useCpu } from '../helpers/coreHarness';
import { perturb, randomData, randomSpec, type SpecShape } from '../helpers/randomSpec';
import { referenceStats, type RefOptions } from '../helpers/reference';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'cli/gradstats.ts');
const DIR = mkdtempSync(join(tmpdir(), 'gradstats-cli-'));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with tsx as a Node loader (no npm/npx start-up cost). */
function gradstats(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT }, (err, out, e) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout: out, stderr: e }),
    );
  });
}

/** Writes a JSON file into the temp dir and returns its path. */
function file(name: string, value: unknown): string {
  const path = join(DIR, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

/** Float64 mean loss of a spec on (x, y), written independently of src/core. */
function meanLoss(spec: NetworkSpec, x: number[][], y: number[]): number {
  let total = 0;
  x.forEach((row, i) => {
    let h = row;
    for (const l of spec.layers) {
      const z = l.weight[0].map((_, o) =>
        h.reduce((s, hv, k) => s + hv * l.weight[k][o], l.bias ? l.bias[o] : 0),
      );
      h = l.activation === 'relu' ? z.map((v) => Math.max(v, 0)) : z;
    }
    if (spec.loss === 'logistic') total += Math.log1p(Math.exp(-y[i] * h[0]));
    else {
      const m = Math.max(...h);
      total += m + Math.log(h.reduce((s, v) => s + Math.exp(v - m), 0)) - h[y[i]];
    }
  });
  return total / x.length;
}

interface Case {
  name: string;
  shape: SpecShape;
  n: number;
  batch: number;
  replacement: boolean;
  K: number;
  /** --train-size: the data is a subset of a training set this large. */
  trainSize?: number;
}

/** Builds a case's files and its float64 reference statistics. */
function prepare(c: Case, seed: number) {
  const rng = new Rng(seed);
  const spec = randomSpec(c.shape, rng);
  const snap = perturb(spec, 0.2, rng);
  const { x, y } = randomData(c.n, c.shape.widths[0], c.shape.widths.at(-1)!, c.shape.loss, rng);
  // cluster K-1 is left empty on purpose
  const assignment = Int32Array.from({ length: c.n }, (_, i) => i % (c.K - 1));
  const opts: RefOptions = {
    batch: c.batch,
    replacement: c.replacement,
    population: c.trainSize,
    assignment,
    K: c.K,
  };
  const rows = bruteForceGradients(spec, x, y);
  opts.snapshot = bruteForceGradients(snap, x, y);
  const args = [
    ...[
      '--model',
      file(`${c.name}-model.json`, spec),
      '--data',
      file(`${c.name}-data.json`, { x, y }),
    ],
    ...['--batch', String(c.batch), '--snapshot', file(`${c.name}-snap.json`, snap)],
    ...['--sampling', c.replacement ? 'with-replacement' : 'without-replacement'],
    ...(c.trainSize ? ['--train-size', String(c.trainSize)] : []),
  ];
  const assignArg = [
    '--assignment',
    file(`${c.name}-a.json`, { assignment: [...assignment], K: c.K }),
  ];
  const sizes = Array.from({ length: c.K }, (_, k) => assignment.filter((a) => a === k).length);
  return {
    args,
    assignArg,
    sizes,
    d: rows[0].length,
    ref: { ...referenceStats(rows, opts), meanLoss: meanLoss(spec, x, y) },
  };
}

const CASES: Case[] = [
  {
    name: 'softmax-frozen-first',
    shape: { widths: [5, 6, 4, 3], loss: 'softmax-cross-entropy', bias: true, frozenFirst: true },
    n: 23,
    batch: 4,
    replacement: false,
    K: 6,
    trainSize: 60,
  },
  {
    name: 'logistic-mlp',
    shape: { widths: [3, 5, 4, 1], loss: 'logistic', bias: false },
    n: 17,
    batch: 3,
    replacement: true,
    K: 5,
  },
];

type Json = Record<string, unknown> & {
  estimators: Record<string, Record<string, number | number[]> | null>;
};

function parse(run: Run): Json {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

beforeAll(useCpu);

describe('gradstats CLI round trip against the float64 reference', () => {
  for (const [i, c] of CASES.entries()) {
    it(`${c.name}, ${c.replacement ? 'with' : 'without'} replacement, exact and sampled`, async () => {
      const p = prepare(c, 11 + i);
      const [exact, sampled] = await Promise.all([
        gradstats([...p.args, ...p.assignArg]),
        gradstats([...p.args, ...p.assignArg, '--mode', 'sampled', '--estimates', '2000']),
      ]);
      const got = parse(exact);
      expect([got.N, got.NTrain, got.d, got.B]).toEqual([c.n, c.trainSize ?? c.n, p.d, c.batch]);
      for (const k of ['meanLoss', 'gradNorm2', 'meanExampleGradNorm2', 'bSimple'] as const) {
        expectClose(got[k] as number, p.ref[k], 1e-4, k);
      }
      for (const id of ['SG-B', 'SG-2B', 'GC', 'SVRG']) {
        for (const s of ['variance', 'normalizedVariance']) {
          expectClose(
            got.estimators[id]![s] as number,
            p.ref.estimators[id][s as 'variance'],
            1e-4,
            `${id} ${s}`,
          );
        }
      }
      expect(got.estimators.GC!.clusterSizes).toEqual(p.sizes);
      const approx = parse(sampled);
      for (const id of ['SG-B', 'SG-2B', 'GC', 'SVRG']) {
        for (const s of ['variance', 'normalizedVariance']) {
          expectClose(
            approx.estimators[id]![s] as number,
            got.estimators[id]![s] as number,
            0.1,
            `sampled ${id} ${s}`,
          );
        }
        const nv = approx.estimators[id]!;
        expect(got.estimators[id]!.normalizedVarianceAuthors).toBeUndefined();
        expectClose(
          nv.normalizedVarianceAuthors as number,
          (nv.normalizedVariance as number) * (1 + 1 / 2000),
          0.1,
          `sampled ${id} normalizedVarianceAuthors`,
        );
      }
    });
  }

  it('--clusters K gives K non-empty clusters whose sizes sum to N', async () => {
    const p = prepare(CASES[0], 5);
    const got = parse(await gradstats([...p.args, '--clusters', '4', '--gc-iters', '2']));
    const sizes = got.estimators.GC!.clusterSizes as number[];
    expect(sizes).toHaveLength(4);
    expect(sizes.every((s) => s > 0)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(CASES[0].n);
    expect(got.estimators.GC!.variance).toBeGreaterThanOrEqual(0);
  });

  it('reports null for SG-2B when 2B > N without replacement and for bSimple when g = 0', async () => {
    // Logistic, f = 0: d_i = -y_i / 2 exactly, so the pairs (x, +1), (x, -1) cancel: g = 0.
    const spec = {
      layers: [{ weight: [[0], [0]], bias: [0], activation: 'linear', trainable: true }],
      loss: 'logistic',
    };
    const model = file('zero-model.json', spec);
    const x = [
      [1, 2],
      [1, 2],
      [3, 4],
      [3, 4],
      [5, -6],
      [5, -6],
    ];
    const data = file('zero-data.json', { x, y: [1, -1, 1, -1, 1, -1] });
    const run = await gradstats(['--model', model, '--data', data, '--batch', '4']);
    expect(run.code).toBe(0);
    const got = JSON.parse(run.stdout);
    expect(got.bSimple).toBeNull();
    expect(got.gradNorm2).toBe(0);
    expect(got.estimators['SG-2B']).toBeNull();
    expect(got.estimators['SG-B'].variance).toBeGreaterThan(0);
    expect(got.estimators['SG-B'].normalizedVariance).toBeCloseTo(1, 6);
    expect(run.stderr).toMatch(/SG-2B is null/);
  });
});

describe('gradstats CLI bad input', () => {
  const rng = new Rng(2);
  const spec = randomSpec({ widths: [3, 4, 2], loss: 'softmax-cross-entropy', bias: true }, rng);
  const model = file('bad-model-ok.json', spec);
  const data = file('bad-data-ok.json', randomData(6, 3, 2, 'softmax-cross-entropy', rng));
  const wrong = structuredClone(spec);
  wrong.layers[1].weight.push([1, 1]);
  const cases: [string, string[], RegExp][] = [
    [
      'unknown flag',
      ['--model', model, '--data', data, '--batch', '2', '--frob', '1'],
      /unknown flag --frob/,
    ],
    [
      'shape mismatch',
      ['--model', file('bad-shape.json', wrong), '--data', data, '--batch', '2'],
      /bad-shape\.json: layers\[1\]\.weight has 5 rows but layer 0 outputs 4$/,
    ],
    [
      'huge number',
      [
        '--model',
        model,
        '--data',
        file('bad-inf.json', '{"x":[[1,2,1e999]],"y":[0]}'),
        '--batch',
        '1',
      ],
      /bad-inf\.json: x\[0\]\[2\] is not finite/,
    ],
    [
      'missing file',
      ['--model', join(DIR, 'nope.json'), '--data', data, '--batch', '2'],
      /nope\.json: file not found$/,
    ],
    [
      'both GC sources',
      ['--model', model, '--data', data, '--batch', '2', '--clusters', '2', '--assignment', model],
      /either --assignment or --clusters/,
    ],
    ['batch > N', ['--model', model, '--data', data, '--batch', '7'], /--batch 7 exceeds N = 6/],
    // The hangs and crashes (issue 15, item 12): each is refused before allocating.
    [
      'K = 1e9',
      [
        '--model',
        model,
        '--data',
        data,
        '--batch',
        '2',
        '--assignment',
        file('k1e9.json', { assignment: [0, 1, 0, 1, 0, 1], K: 1e9 }),
      ],
      /k1e9\.json: K is 1000000000 but the data has N = 6 examples/,
    ],
    [
      'index 2e9',
      [
        '--model',
        model,
        '--data',
        data,
        '--batch',
        '2',
        '--assignment',
        file('i2e9.json', { assignment: [0, 2e9, 0, 1, 0, 1] }),
      ],
      /i2e9\.json: assignment\[1\] is 2000000000 but N = 6/,
    ],
    [
      'gc-iters 2^53 - 1',
      [
        '--model',
        model,
        '--data',
        data,
        '--batch',
        '2',
        '--clusters',
        '2',
        '--gc-iters',
        '9007199254740991',
      ],
      /--gc-iters must be an integer in 1\.\.1000/,
    ],
    [
      'huge sampled batch',
      [
        '--model',
        model,
        '--data',
        data,
        '--batch',
        '1000000',
        '--mode',
        'sampled',
        '--estimates',
        '1000',
        '--sampling',
        'with-replacement',
      ],
      /needs 2,000,000,000 sampled indices/,
    ],
    [
      'a device as the model',
      ['--model', '/dev/zero', '--data', data, '--batch', '2'],
      /\/dev\/zero: not a regular file$/,
    ],
    [
      'deep nesting',
      [
        '--model',
        file('deep.json', `${'['.repeat(20000)}${']'.repeat(20000)}`),
        '--data',
        data,
        '--batch',
        '2',
      ],
      /deep\.json: JSON nested 20,000 levels deep/,
    ],
    [
      'train size below N',
      ['--model', model, '--data', data, '--batch', '2', '--train-size', '5'],
      /--train-size 5 is smaller than the N = 6/,
    ],
  ];
  it('exits 2 with one line naming the file and field, no stack trace', async () => {
    const runs = await Promise.all(cases.map(([, args]) => gradstats(args)));
    runs.forEach((run, i) => {
      const [name, , re] = cases[i];
      expect(run.code, name).toBe(2);
      expect(run.stdout, name).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines, name).toHaveLength(1);
      expect(lines[0], name).toMatch(/^gradstats: /);
      expect(lines[0], name).toMatch(re);
    });
  });
  it('a UTF-8 byte-order mark is accepted', async () => {
    const bom = (name: string, v: unknown) => file(name, `\uFEFF${JSON.stringify(v)}`);
    const run = await gradstats([
      '--model',
      bom('bom-m.json', spec),
      '--data',
      data,
      '--batch',
      '2',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).N).toBe(6);
  });
  it('--help prints usage and exits 0', async () => {
    const run = await gradstats(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: npm run gradstats/);
  });
});

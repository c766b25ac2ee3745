import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../cli/args';
import { checkWritable, readTextFile } from '../../cli/files';
import { checkSampledSize } from '../../cli/limits';
import {
  readJson,
  validateAssignment,
  validateData,
  validateModel,
  validateSnapshot,
} from '../../cli/validate';
import type { NetworkSpec } from '../../src/core/model/network';

/** A valid 3-2-2 softmax model: layer 0 relu with bias, layer 1 linear without. */
function model(): NetworkSpec {
  return {
    layers: [
      {
        weight: [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        bias: [0.5, -0.5],
        activation: 'relu',
        trainable: true,
      },
      {
        weight: [
          [1, 0],
          [0, 1],
        ],
        bias: null,
        activation: 'linear',
        trainable: true,
      },
    ],
    loss: 'softmax-cross-entropy',
  };
}

function data() {
  return {
    x: [
      [1, 2, 3],
      [4, 5, 6],
    ],
    y: [0, 1],
  };
}

/** Runs fn and returns its InputError message (fails if it does not throw one). */
function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
}

type Edit<T> = (v: T) => void;
const deep = <T>(v: T): T => JSON.parse(JSON.stringify(v));

const MODEL_CASES: [string, Edit<Record<string, unknown> & NetworkSpec>, RegExp][] = [
  ['no layers', (m) => delete (m as Partial<NetworkSpec>).layers, /^m\.json: layers is missing$/],
  ['empty layers', (m) => (m.layers = []), /^m\.json: layers must be a non-empty array/],
  [
    'rows do not chain',
    (m) => m.layers[1].weight.push([1, 1], [2, 2], [3, 3]),
    /^m\.json: layers\[1\]\.weight has 5 rows but layer 0 outputs 2$/,
  ],
  [
    'ragged weight',
    (m) => m.layers[0].weight[2].push(7),
    /^m\.json: layers\[0\]\.weight\[2\] has 3 entries but layers\[0\]\.weight\[0\] has 2$/,
  ],
  ['empty weight', (m) => (m.layers[0].weight = []), /layers\[0\]\.weight has no rows/],
  ['empty row', (m) => (m.layers[0].weight[0] = []), /layers\[0\]\.weight\[0\] is empty/],
  [
    'bias length',
    (m) => (m.layers[0].bias = [1, 2, 3]),
    /layers\[0\]\.bias has 3 entries but the weight has 2 columns/,
  ],
  [
    'string in weight',
    (m) => ((m.layers[0].weight[1] as unknown[])[0] = 'NaN'),
    /^m\.json: layers\[0\]\.weight\[1\]\[0\] must be a number, got "NaN"$/,
  ],
  [
    'null in weight',
    (m) => ((m.layers[0].weight[1] as unknown[])[1] = null),
    /layers\[0\]\.weight\[1\]\[1\] must be a number, got null/,
  ],
  ['Infinity', (m) => (m.layers[1].weight[0][0] = Infinity), /weight\[0\]\[0\] is not finite/],
  ['float32 overflow', (m) => (m.layers[0].bias![1] = 1e39), /bias\[1\] is 1e\+39, outside/],
  ['null in bias', (m) => ((m.layers[0].bias as unknown[])[0] = null), /bias\[0\] must be a num/],
  [
    'activation',
    (m) => ((m.layers[0] as { activation: string }).activation = 'tanh'),
    /^m\.json: layers\[0\]\.activation must be one of "relu", "linear", got "tanh"$/,
  ],
  [
    'trainable',
    (m) => ((m.layers[1] as { trainable: unknown }).trainable = 'yes'),
    /layers\[1\]\.trainable must be true or false/,
  ],
  ['loss', (m) => ((m as { loss: string }).loss = 'mse'), /^m\.json: loss must be one of/],
  ['logistic needs 1 output', (m) => (m.loss = 'logistic'), /needs exactly 1 output/],
  [
    'softmax needs 2 outputs',
    (m) => (m.layers[1].weight = [[1], [2]]),
    /^m\.json: layers\[1\]\.weight has 1 column but the softmax loss needs at least 2/,
  ],
  [
    'nothing trainable',
    (m) => m.layers.forEach((l) => (l.trainable = false)),
    /no trainable layer/,
  ],
  ['layer not an object', (m) => ((m.layers as unknown[])[1] = [1]), /layers\[1\] must be a JSON/],
];

describe('validateModel', () => {
  it('accepts a valid model and defaults bias/trainable', () => {
    const m = deep(model()) as unknown as { layers: Record<string, unknown>[] };
    delete m.layers[1].bias;
    delete m.layers[1].trainable;
    const spec = validateModel(m, 'm.json');
    expect(spec.layers[1].bias).toBeNull();
    expect(spec.layers[1].trainable).toBe(true);
  });
  it('rejects a non-object', () => {
    expect(message(() => validateModel([1], 'm.json'))).toMatch(/^m\.json: top level must be/);
  });
  for (const [name, edit, re] of MODEL_CASES) {
    it(`rejects: ${name}`, () => {
      const m = deep(model()) as Record<string, unknown> & NetworkSpec;
      edit(m);
      expect(message(() => validateModel(m, 'm.json'))).toMatch(re);
    });
  }
});

const DATA_CASES: [string, Edit<{ x: unknown[][]; y: unknown[] }>, RegExp][] = [
  ['x width', (d) => d.x.forEach((r) => r.pop()), /^d\.json: x has 2 columns but the model's/],
  ['ragged x', (d) => d.x[1].push(1), /^d\.json: x\[1\] has 4 entries but x\[0\] has 3$/],
  ['x missing', (d) => delete (d as { x?: unknown }).x, /^d\.json: x is missing$/],
  ['y length', (d) => d.y.push(0), /^d\.json: y has 3 labels but x has 2 rows$/],
  [
    'label too big',
    (d) => (d.y[1] = 2),
    /^d\.json: y\[1\] is 2 but labels must be integers 0\.\.1$/,
  ],
  ['negative label', (d) => (d.y[0] = -1), /y\[0\] is -1 but labels must be integers/],
  ['fractional label', (d) => (d.y[0] = 0.5), /y\[0\] is 0\.5/],
  ['string label', (d) => (d.y[0] = '1'), /y\[0\] must be a number, got "1"/],
  ['null in x', (d) => (d.x[0][1] = null), /^d\.json: x\[0\]\[1\] must be a number, got null$/],
  ['huge x', (d) => (d.x[1][2] = JSON.parse('1e999')), /x\[1\]\[2\] is not finite/],
  ['y not array', (d) => ((d as { y: unknown }).y = 3), /^d\.json: y must be an array/],
];

describe('validateData', () => {
  it('accepts valid data', () => {
    expect(validateData(data(), 'd.json', model()).x).toHaveLength(2);
  });
  for (const [name, edit, re] of DATA_CASES) {
    it(`rejects: ${name}`, () => {
      const d = deep(data()) as { x: unknown[][]; y: unknown[] };
      edit(d);
      expect(message(() => validateData(d, 'd.json', model()))).toMatch(re);
    });
  }
  it('logistic labels are exactly -1 or +1', () => {
    const m = model();
    m.loss = 'logistic';
    m.layers[1].weight = [[1], [2]];
    expect(validateData({ x: data().x, y: [-1, 1] }, 'd.json', m).y).toEqual([-1, 1]);
    expect(message(() => validateData({ x: data().x, y: [0, 1] }, 'd.json', m))).toMatch(
      /^d\.json: y\[0\] is 0 but logistic labels must be -1 or \+1$/,
    );
  });
});

describe('validateAssignment', () => {
  it('accepts a valid assignment (empty clusters allowed) and infers a missing K', () => {
    expect(validateAssignment({ assignment: [0, 2, 0, 0], K: 4 }, 'a.json', 4).K).toBe(4);
    expect(validateAssignment({ assignment: [0, 2, 0] }, 'a.json', 3).K).toBe(3);
  });
  it('refuses K or an index beyond N before allocating anything of that size', () => {
    const n = 3;
    const t0 = Date.now();
    expect(message(() => validateAssignment({ assignment: [0, 1, 2], K: 1e9 }, 'a.json', n))).toBe(
      'a.json: K is 1000000000 but the data has N = 3 examples (K ≤ N)',
    );
    expect(message(() => validateAssignment({ assignment: [0, 2e9, 1] }, 'a.json', n))).toBe(
      'a.json: assignment[1] is 2000000000 but N = 3 (need 0..2)',
    );
    expect(
      message(() => validateAssignment({ assignment: [0, 1, 2], K: 2 ** 53 }, 'a.json', n)),
    ).toMatch(/K must be an integer/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
  const cases: [unknown, RegExp][] = [
    [{ assignment: [0, 1, 0] }, /^a\.json: assignment has 3 entries but the data has N = 2$/],
    [{ assignment: [0, 1], K: 1 }, /^a\.json: assignment\[1\] is 1 but K = 1 \(need 0\.\.0\)$/],
    [{ assignment: [0, -1] }, /assignment\[1\] must be an integer ≥ 0, got -1/],
    [{ assignment: [0, 0.5] }, /assignment\[1\] must be an integer/],
    [{ assignment: [0, '1'] }, /assignment\[1\] must be an integer/],
    [{ assignment: [0, 1], K: 0 }, /^a\.json: K must be an integer ≥ 1, got 0$/],
    [{ K: 2 }, /^a\.json: assignment is missing$/],
  ];
  for (const [raw, re] of cases) {
    it(`rejects ${JSON.stringify(raw)}`, () => {
      expect(message(() => validateAssignment(raw, 'a.json', 2))).toMatch(re);
    });
  }
});

describe('validateSnapshot', () => {
  it('accepts the same architecture', () => {
    expect(validateSnapshot(model(), 's.json', model(), 'm.json').layers).toHaveLength(2);
  });
  const cases: [string, Edit<NetworkSpec>, RegExp][] = [
    [
      'shape',
      (s) => s.layers[1].weight.forEach((r) => r.push(1)),
      /^s\.json: layers\[1\]\.weight is 2x3 but m\.json has 2x2$/,
    ],
    [
      'bias',
      (s) => (s.layers[0].bias = null),
      /^s\.json: layers\[0\]\.bias is null but present in m\.json$/,
    ],
    [
      'activation',
      (s) => (s.layers[1].activation = 'relu'),
      /layers\[1\]\.activation is "relu" but m\.json has "linear"/,
    ],
    [
      'trainable',
      (s) => (s.layers[0].trainable = false),
      /layers\[0\]\.trainable is false but m\.json has true/,
    ],
    ['layer count', (s) => s.layers.pop(), /^s\.json: layers has 1 layers but m\.json has 2$/],
    [
      'invalid numbers',
      (s) => (s.layers[0].weight[0][0] = NaN),
      /^s\.json: layers\[0\]\.weight\[0\]\[0\] is not finite/,
    ],
  ];
  for (const [name, edit, re] of cases) {
    it(`rejects: ${name}`, () => {
      const s = model();
      edit(s);
      expect(message(() => validateSnapshot(s, 's.json', model(), 'm.json'))).toMatch(re);
    });
  }
});

describe('readJson', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradstats-validate-'));
  it('names the file for a missing file and for invalid JSON', () => {
    const missing = join(dir, 'missing.json');
    expect(message(() => readJson(missing))).toBe(`${missing}: file not found`);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"layers": [1, }');
    expect(message(() => readJson(bad))).toMatch(/bad\.json: invalid JSON \(/);
    expect(message(() => readJson(dir))).toMatch(/is a directory/);
  });
  it('refuses devices, oversized files and deep nesting before parsing; accepts a BOM', () => {
    expect(message(() => readJson('/dev/zero'))).toBe('/dev/zero: not a regular file');
    const big = join(dir, 'big.json');
    writeFileSync(big, `[${'0,'.repeat(50)}0]`);
    expect(message(() => readTextFile(big, 64))).toBe(
      `${big}: 103 bytes is too large (at most 0 MiB)`,
    );
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
    expect(message(() => readJson(deep))).toBe(
      `${deep}: JSON nested 20,000 levels deep (at most 32)`,
    );
    const bom = join(dir, 'bom.json');
    writeFileSync(bom, '\uFEFF{"x": [[1]], "y": [0]}');
    expect(readJson(bom)).toEqual({ x: [[1]], y: [0] });
  });
});

describe('checkWritable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradstats-out-'));
  it('accepts a new file in a writable directory and an existing file; refuses the rest', () => {
    expect(() => checkWritable('out', join(dir, 'new.json'))).not.toThrow();
    writeFileSync(join(dir, 'old.json'), '{}');
    expect(() => checkWritable('out', join(dir, 'old.json'))).not.toThrow();
    expect(message(() => checkWritable('out', dir))).toBe(
      `--out ${dir}: is a directory, not a file`,
    );
    const missing = join(dir, 'no', 'such', 'x.csv');
    expect(message(() => checkWritable('csv', missing))).toBe(
      `--csv ${missing}: the directory ${join(dir, 'no', 'such')} does not exist`,
    );
    expect(message(() => checkWritable('out', '/dev/null/x.json'))).toMatch(
      /^--out \/dev\/null\/x\.json: /,
    );
    expect(message(() => checkWritable('out', join(dir, 'old.json', 'x')))).toMatch(
      /not a directory/,
    );
  });
});

describe('checkSampledSize', () => {
  it('refuses sampled measurements too large to draw or gather, naming the figures', () => {
    const m = model();
    expect(() => checkSampledSize(m, 128, 50)).not.toThrow();
    expect(message(() => checkSampledSize(m, 1_000_000, 1000))).toBe(
      '--batch 1,000,000 × --estimates 1,000 needs 2,000,000,000 sampled indices (2·B·T for SG-2B); at most 16,777,216',
    );
    const wide: NetworkSpec = {
      layers: [
        {
          weight: Array.from({ length: 1000 }, () => [0, 0]),
          bias: [0, 0],
          activation: 'linear',
          trainable: true,
        },
      ],
      loss: 'softmax-cross-entropy',
    };
    expect(message(() => checkSampledSize(wide, 100_000, 2))).toBe(
      "--batch 100,000: one sampled SG-2B estimate gathers 200,600,000 floats (2B × the widest layer's inputs and outputs); at most 134,217,728",
    );
  });
});

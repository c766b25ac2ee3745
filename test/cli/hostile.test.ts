/**
 * Hostile input to the CLI parsers, as properties (fast-check): any argv, any JSON value
 * gives a result or an InputError with one line; never another exception, never a hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, parseFlags, type FlagTable } from '../../cli/args';
import { validateAssignment, validateData, validateModel } from '../../cli/validate';
import type { NetworkSpec } from '../../src/core/model/network';

const TABLE = {
  model: { kind: 'string', help: '' },
  batch: { kind: 'int', min: 1, help: '' },
  'gc-iters': { kind: 'int', min: 1, max: 1000, help: '' },
  mode: { kind: 'choice', values: ['exact', 'sampled'], help: '' },
  help: { kind: 'switch', help: '' },
} satisfies FlagTable;

/** Runs f; an InputError must be one non-empty line. Other exceptions fail the property. */
function inputOnly(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expect(e.message).toMatch(/^[^\n]+$/);
  }
}

const token = fc.oneof(
  fc.string(),
  fc.constantFrom('--model', '--batch', '--batch=', '--gc-iters', '--mode', '--help', '--', '-'),
  fc.constantFrom('9007199254740993', '1e9', '-0', '0x10', ' 4', 'NaN', '∞', '--help=1'),
  fc.integer().map(String),
);

describe('CLI parsers under hostile input', () => {
  it('parseFlags: any argv gives flags in range or an InputError', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (argv) =>
        inputOnly(() => {
          const f = parseFlags(argv, TABLE);
          if (f.batch !== undefined)
            expect(Number.isSafeInteger(f.batch) && f.batch >= 1).toBe(true);
          if (f['gc-iters'] !== undefined) expect(f['gc-iters']).toBeLessThanOrEqual(1000);
        }),
      ),
      { numRuns: 1000 },
    );
  });

  const model: NetworkSpec = {
    layers: [
      {
        weight: [
          [1, 2],
          [3, 4],
        ],
        bias: [0, 0],
        activation: 'linear',
        trainable: true,
      },
    ],
    loss: 'softmax-cross-entropy',
  };
  const json = fc.jsonValue({ maxDepth: 5 });
  const layerish = fc.record(
    {
      weight: fc.oneof(json, fc.array(fc.array(fc.double(), { maxLength: 3 }), { maxLength: 3 })),
      bias: fc.oneof(json, fc.array(fc.double(), { maxLength: 3 })),
      activation: fc.oneof(json, fc.constantFrom('relu', 'linear')),
      trainable: fc.oneof(json, fc.boolean()),
    },
    { requiredKeys: [] },
  );

  it('validateModel: any JSON value is a model or an InputError', () => {
    const spec = fc.record(
      {
        layers: fc.oneof(json, fc.array(layerish, { maxLength: 3 })),
        loss: fc.oneof(json, fc.constantFrom('logistic', 'softmax-cross-entropy')),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(json, spec), (raw) => inputOnly(() => validateModel(raw, 'm.json'))),
      { numRuns: 1000 },
    );
  });

  it('validateData and validateAssignment: any JSON value is data or an InputError', () => {
    const data = fc.record(
      {
        x: fc.oneof(json, fc.array(fc.array(fc.double(), { maxLength: 3 }), { maxLength: 4 })),
        y: fc.oneof(json, fc.array(fc.integer({ min: -2, max: 3 }), { maxLength: 4 })),
      },
      { requiredKeys: [] },
    );
    const assignment = fc.record(
      {
        assignment: fc.oneof(json, fc.array(fc.oneof(fc.integer(), fc.double()), { maxLength: 4 })),
        K: fc.oneof(json, fc.integer(), fc.double()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(json, data), assignment, (d, a) => {
        inputOnly(() => validateData(d, 'd.json', model));
        inputOnly(() => {
          const c = validateAssignment(a, 'a.json', 4);
          expect(c.K).toBeLessThanOrEqual(4);
          for (const k of c.assignment) expect(k >= 0 && k < c.K).toBe(true);
        });
      }),
      { numRuns: 1000 },
    );
  });
});

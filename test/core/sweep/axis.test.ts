import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatValues, parseAxis, variableKeys } from '../../../src/core/sweep/axis';

function axis(key: string, raw: string) {
  const problems: string[] = [];
  return { axis: parseAxis(key, raw, problems), problems };
}

describe('sweep axis: a key and its values', () => {
  it('reads a list as given', () => {
    expect(axis('bs', '8,16,32')).toEqual({
      axis: { key: 'bs', values: [8, 16, 32] },
      problems: [],
    });
    expect(axis('lr', '0.1, 0.01,1e-3').axis!.values).toEqual([0.1, 0.01, 0.001]);
  });

  it('reads a log range LO..HI:COUNT, rounded to whole numbers for integer keys', () => {
    expect(axis('bs', '1..1024:11').axis!.values).toEqual([
      1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024,
    ]);
    expect(axis('lr', '0.001..0.1:3').axis).toEqual({
      key: 'lr',
      values: [0.001, 0.01, 0.1],
      range: { from: 0.001, to: 0.1, count: 3 },
    });
    // 3 significant digits for real keys; duplicates after rounding dropped silently.
    expect(axis('coef', '0.1..10:4').axis!.values).toEqual([0.1, 0.464, 2.15, 10]);
    expect(axis('bs', '1..3:5').axis!.values).toEqual([1, 2, 3]);
    expect(axis('bs', '64..8:4').axis!.values).toEqual([64, 32, 16, 8]);
  });

  it('clamps out-of-range and non-integer values, naming each', () => {
    const r = axis('bs', '0,16.5,9999');
    expect(r.axis!.values).toEqual([1, 17, 4096]);
    expect(r.problems).toEqual([
      'bs: 0 is below the minimum 1; using 1',
      'bs: 16.5 is not a whole number; using 17',
      'bs: 9999 is above the maximum 4096; using 4096',
    ]);
  });

  it('drops what is not a number, and refuses an empty list or a key that cannot vary', () => {
    expect(axis('lr', '0.1,abc').problems).toEqual(['lr: abc is not a number; ignored']);
    expect(axis('lr', '').axis).toBeNull();
    expect(axis('lr', 'x,y').problems.at(-1)).toMatch(/no values given/);
    expect(axis('model', '1,2').problems[0]).toMatch(
      /^model cannot be varied \(choose from n, dim/,
    );
    expect(axis('seed', '1,2').axis).toBeNull();
    expect(axis('nope', '1').axis).toBeNull();
    expect(axis('lr', '0..1:3').problems[0]).toMatch(/LO, HI > 0/);
    expect(axis('lr', '0.1..1:0').axis).toBeNull();
  });

  it('can vary every numeric key, hidden and coef, but not seed or steps', () => {
    const keys = variableKeys();
    for (const k of ['n', 'dim', 'bs', 'lr', 'mom', 'wd', 'noise', 'dup', 'k', 'hidden', 'coef'])
      expect(keys).toContain(k);
    for (const k of ['seed', 'steps', 'data', 'model', 'est', 'repl'])
      expect(keys).not.toContain(k);
  });

  it('formats back to text that parses to the same values (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('bs', 'lr', 'coef', 'hidden', 'noise'),
        fc.array(fc.double({ min: 1e-3, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (key, vs) => {
          const first = axis(key, vs.join(',')).axis;
          if (!first) return;
          const again = axis(key, formatValues(first));
          expect(again.axis!.values).toEqual(first.values);
          expect(again.problems).toEqual([]);
        },
      ),
    );
  });
});

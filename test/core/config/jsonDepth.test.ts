import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonDepth } from '../../../src/core/config/jsonDepth';

/** Depth by walking the parsed value (the reference). */
function depthOf(v: unknown): number {
  if (typeof v !== 'object' || v === null) return 0;
  const children = Object.values(v as object);
  return 1 + children.reduce((m: number, c) => Math.max(m, depthOf(c)), 0);
}

describe('jsonDepth', () => {
  it('counts nesting, not brackets inside strings', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('[]')).toBe(1);
    expect(jsonDepth('{"a": [1, {"b": []}]}')).toBe(4);
    expect(jsonDepth('["[[[", "\\"[{"]')).toBe(1);
    expect(jsonDepth('['.repeat(20_000))).toBe(20_000);
  });

  it('agrees with the depth of the parsed value for any JSON (fast-check)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        expect(jsonDepth(JSON.stringify(v))).toBe(depthOf(v));
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { contourLines } from '../../src/engine/contourLines';

/** P(class 1) = sigmoid(4 (x + y)) on a res x res grid over [-1, 1]². */
function grid(res: number): Float32Array {
  const g = new Float32Array(res * res);
  for (let r = 0; r < res; r++) {
    for (let c = 0; c < res; c++) {
      const x = -1 + (2 * c) / (res - 1);
      const y = -1 + (2 * r) / (res - 1);
      g[r * res + c] = 1 / (1 + Math.exp(-4 * (x + y)));
    }
  }
  return g;
}

const extent: [[number, number], [number, number]] = [
  [-1, 1],
  [-1, 1],
];

describe('contourLines', () => {
  it('finds the line x + y = 0 as one open polyline inside the extent', () => {
    const lines = contourLines(grid(21), 21, 21, extent);
    expect(lines).toHaveLength(1);
    for (const [x, y] of lines[0]) {
      expect(Math.abs(x + y)).toBeLessThan(1e-6);
      expect(Math.abs(x)).toBeLessThanOrEqual(1);
    }
    const xs = lines[0].map((p) => p[0]);
    expect(Math.min(...xs)).toBeCloseTo(-1, 6);
    expect(Math.max(...xs)).toBeCloseTo(1, 6);
  });

  it('returns nothing when the level is never crossed or the grid is degenerate', () => {
    expect(contourLines(new Float32Array(16).fill(0.9), 4, 4, extent)).toEqual([]);
    expect(contourLines(new Float32Array(1), 1, 1, extent)).toEqual([]);
  });

  it('closes a boundary that does not touch the border', () => {
    const g = new Float32Array(49);
    g[3 * 7 + 3] = 1;
    const lines = contourLines(g, 7, 7, extent);
    expect(lines).toHaveLength(1);
    expect(lines[0][0]).toEqual(lines[0][lines[0].length - 1]);
  });
});

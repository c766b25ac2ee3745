// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { contourLines } from '../../../src/engine/contourLines';
import {
  heatmapPixels,
  heatmapPlacement,
  plotArea,
  render,
  UNCLUSTERED_COLOR,
} from '../../../src/ui/charts/clusterPlane';
import type { PlaneData } from '../../../src/ui/charts/clusterPlane';
import { makeSvg, normalizeSvg } from './svgSnapshot';

/** P(class 1) = sigmoid(4 (x + y)) on a res x res grid over [-1, 1]². */
function grid(res: number, shift = 0): Float32Array {
  const g = new Float32Array(res * res);
  for (let r = 0; r < res; r++) {
    for (let c = 0; c < res; c++) {
      const x = -1 + (2 * c) / (res - 1);
      const y = -1 + (2 * r) / (res - 1);
      g[r * res + c] = 1 / (1 + Math.exp(-4 * (x + y + shift)));
    }
  }
  return g;
}

const extent: [[number, number], [number, number]] = [
  [-1, 1],
  [-1, 1],
];

const data: PlaneData = {
  points: {
    xy: Float32Array.from([-0.6, -0.5, -0.4, -0.7, -0.5, -0.2, 0.5, 0.6, 0.7, 0.3, 0.2, 0.8]),
    label: Int32Array.from([0, 0, 0, 1, 1, 1]),
    cluster: Int32Array.from([0, 0, 1, 2, 2, 3]),
    duplicate: Uint8Array.from([1, 0, 0, 0, 0, 1]),
  },
  boundaries: {
    current: contourLines(grid(8), 8, 8, extent),
    perCluster: [
      { cluster: 0, lines: contourLines(grid(8, 0.3), 8, 8, extent) },
      { cluster: 2, lines: contourLines(grid(8, -0.3), 8, 8, extent) },
    ],
  },
  extent,
};

describe('clusterPlane', () => {
  it('renders points, duplicates and boundaries', async () => {
    const svg = makeSvg();
    render(svg, data, { width: 300, height: 300 });
    expect(svg.getAttribute('aria-label')).toBe(
      'Input plane: 6 points in 4 clusters, 2 duplicated; current decision boundary and 2 per-cluster step boundaries',
    );
    await expect(normalizeSvg(svg)).toMatchFileSnapshot('./__snapshots__/clusterPlane.svg');
  });

  it('draws points not yet clustered in one grey, with no cluster legend', () => {
    const svg = makeSvg();
    const points = { ...data.points, cluster: undefined };
    render(svg, { ...data, points, boundaries: { current: data.boundaries.current } });
    expect(svg.getAttribute('aria-label')).toBe(
      'Input plane: 6 points, not yet clustered, 2 duplicated; current decision boundary',
    );
    const fills = [...svg.querySelectorAll('.points path')].map((p) => p.getAttribute('fill'));
    expect(fills).toEqual([UNCLUSTERED_COLOR, UNCLUSTERED_COLOR]); // one path per class
    expect(svg.querySelector('.legend')!.textContent).not.toMatch(/cluster/);
    expect(svg.querySelectorAll('.cluster-boundary')).toHaveLength(0);
  });

  it("before the first re-clustering the legend keeps the clusters' room: the plot stays put", () => {
    const grey: PlaneData = {
      ...data,
      points: { ...data.points, cluster: undefined },
      boundaries: { current: data.boundaries.current },
    };
    const o = { width: 300, height: 300, fontSize: 20 };
    const clustered = plotArea(data, o);
    // Without a plan the grey plane's plot is taller, and would shrink when the clusters came.
    expect(plotArea(grey, o).height).toBeGreaterThan(clustered.height);
    expect(plotArea(grey, { ...o, plannedClusters: 4 })).toEqual(clustered);
    // The room is kept, but no cluster is named before there is one.
    const svg = makeSvg();
    render(svg, grey, { ...o, plannedClusters: 4 });
    expect(svg.querySelector('.legend')!.textContent).not.toMatch(/cluster/);
    // Once clustered the plan changes nothing.
    expect(plotArea(data, { ...o, plannedClusters: 4 })).toEqual(clustered);
  });

  it('rings the highlighted mini-batch and lists it in the legend', async () => {
    const svg = makeSvg();
    render(svg, { ...data, highlight: [0, 3, 5, 99] }, { width: 300, height: 300 });
    expect(svg.querySelectorAll('.batch circle')).toHaveLength(3); // 99 is not a point
    expect(svg.querySelector('.legend')!.textContent).toContain('mini-batch');
    await expect(normalizeSvg(svg)).toMatchFileSnapshot('./__snapshots__/clusterPlane-batch.svg');
  });

  it('stacks rings concentrically where batch examples share a point (duplicates)', () => {
    const svg = makeSvg();
    // Points 0 and 1 are copies of one point (as a duplicated example's copies are).
    const xy = Float32Array.from([0.5, 0.5, 0.5, 0.5, -0.5, -0.5]);
    const dup = {
      ...data,
      points: { ...data.points, xy, label: [1, 1, 0], cluster: [0, 0, 1], duplicate: [1, 1, 0] },
      highlight: [0, 2, 1],
    };
    render(svg, dup, { width: 300, height: 300, radius: 3.5 });
    const rings = [...svg.querySelectorAll('.batch circle')];
    expect(rings).toHaveLength(3);
    const at = (c: Element) => `${c.getAttribute('cx')} ${c.getAttribute('cy')}`;
    expect(at(rings[0])).toBe(at(rings[2]));
    expect(at(rings[0])).not.toBe(at(rings[1]));
    expect(rings.map((c) => Number(c.getAttribute('r')))).toEqual([8, 8, 11]);
  });

  it('accepts separate x / y arrays like interleaved ones', () => {
    const a = makeSvg();
    render(a, data);
    const first = a.outerHTML;
    const xy = (data.points as unknown as { xy: Float32Array }).xy;
    const x = xy.filter((_, i) => i % 2 === 0);
    const y = xy.filter((_, i) => i % 2 === 1);
    const { label, cluster, duplicate } = data.points;
    render(a, { ...data, points: { x, y, label, cluster, duplicate } });
    expect(a.outerHTML).toBe(first);
  });

  it('reports the plot area for the heatmap canvas', () => {
    const r = plotArea(data, { width: 300, height: 300 });
    expect(r.left).toBeGreaterThan(0);
    expect(r.width).toBeLessThan(300);
  });
});

describe('heatmapPixels', () => {
  const rgbaAt = (px: Uint8ClampedArray, w: number, x: number, y: number) =>
    Array.from(px.subarray(4 * (y * w + x), 4 * (y * w + x) + 4));

  it('gives one pixel per sample, y up, white at P = 0.5, clear where not finite', () => {
    const px = heatmapPixels([0, 0.5, NaN, 1], 2, 2);
    expect(px.length).toBe(4 * 2 * 2);
    expect(rgbaAt(px, 2, 0, 1)).toEqual([207, 227, 243, 255]); // bottom left: P = 0
    expect(rgbaAt(px, 2, 1, 1)).toEqual([255, 255, 255, 255]); // bottom right: P = 0.5
    expect(rgbaAt(px, 2, 0, 0)).toEqual([0, 0, 0, 0]); // top left: NaN
    expect(rgbaAt(px, 2, 1, 0)).toEqual([249, 220, 192, 255]); // top right: P = 1
  });

  it('is all clear for a degenerate grid', () => {
    expect(heatmapPixels([1], 1, 1).every((v) => v === 0)).toBe(true);
    expect(heatmapPixels([0.5, 0.5], 2, 2).every((v) => v === 0)).toBe(true); // too short
  });
});

describe('heatmapPlacement', () => {
  it('centres each pixel on its sample: cells of width/(g-1), half a cell past each edge', () => {
    // 4 samples over 30 px sit at 0, 10, 20, 30: 4 cells of 10 px from -5 to 35.
    expect(heatmapPlacement(4, 2, 30, 10)).toEqual([-5, -5, 40, 20]);
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import * as bars from '../../../src/ui/charts/clusterBars';
import * as digits from '../../../src/ui/charts/digitThumbnails';
import * as scatter from '../../../src/ui/charts/projectionScatter';
import { makeSvg, normalizeSvg } from './svgSnapshot';

describe('projectionScatter', () => {
  it('renders points coloured by cluster', async () => {
    const svg = makeSvg();
    const px = Float32Array.from([-2, -1.5, 0, 0.5, 1.8, 2.2, NaN]);
    const py = Float32Array.from([0.3, -0.2, 1, 1.2, -1, -0.8, 0]);
    const cluster = Int32Array.from([0, 0, 1, 1, 2, 2, 2]);
    scatter.render(svg, { px, py, cluster }, { width: 280, height: 240 });
    expect(svg.getAttribute('aria-label')).toContain('7 examples in 3 clusters');
    await expect(normalizeSvg(svg)).toMatchFileSnapshot('./__snapshots__/projectionScatter.svg');
  });

  it('takes interleaved coordinates and many clusters', () => {
    const svg = makeSvg();
    const xy = Float32Array.from({ length: 40 }, (_, i) => Math.sin(i));
    const cluster = Int32Array.from({ length: 20 }, (_, i) => i);
    scatter.render(svg, { xy, cluster });
    expect(svg.querySelectorAll('.points path')).toHaveLength(20);
    expect(svg.querySelector('.legend')?.textContent).toContain('20 clusters');
  });
});

describe('clusterBars', () => {
  it('renders sizes in cluster order with the N/K line', async () => {
    const svg = makeSvg();
    bars.render(svg, { sizes: Int32Array.from([12, 30, 8, 14]) }, { width: 280, height: 160 });
    expect(svg.getAttribute('aria-label')).toBe(
      'Cluster sizes, 4 clusters of 64 examples: smallest 8, largest 30 (0: 12, 1: 30, 2: 8, 3: 14)',
    );
    await expect(normalizeSvg(svg)).toMatchFileSnapshot('./__snapshots__/clusterBars.svg');
  });

  it('thins the ticks for many clusters and survives no clusters', () => {
    expect(bars.tickIds(128, 8)).toEqual([0, 16, 32, 48, 64, 80, 96, 112]);
    const svg = makeSvg();
    bars.render(svg, { sizes: [] });
    expect(svg.getAttribute('aria-label')).toBe('Cluster sizes: no clusters yet');
    expect(svg.outerHTML).not.toMatch(/NaN/);
  });
});

describe('digitThumbnails', () => {
  /** Three 4x4 "digits": a bar, a cross, a dot; clusters 1, 0, 1. */
  const pixels = Uint8Array.from([
    ...[0, 255, 255, 0, 0, 128, 128, 0, 0, 255, 255, 0, 0, 0, 0, 0],
    ...[255, 0, 0, 255, 0, 255, 255, 0, 0, 255, 255, 0, 255, 0, 0, 255],
    ...[0, 0, 0, 0, 0, 60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  ]);
  const cluster = Int32Array.from([1, 0, 1]);

  it('renders one row per cluster of digit paths', async () => {
    const svg = makeSvg();
    digits.render(svg, { pixels, cluster }, { width: 200, height: 80, side: 4, perCluster: 3 });
    await expect(normalizeSvg(svg)).toMatchFileSnapshot('./__snapshots__/digitThumbnails.svg');
  });

  it('merges runs of equal grey level into rectangles', () => {
    expect(digits.digitPaths(pixels, 0, 4, 2)).toEqual([
      'M1 1h2v1h-2z',
      'M1 0h2v1h-2zM1 2h2v1h-2z',
    ]);
    expect(digits.digitPaths(pixels, 2, 4, 4)).toEqual(['M1 1h1v1h-1z', '', '', '']);
  });

  it('lays out at most maxClusters rows of perCluster digits', () => {
    const layout = digits.digitLayout(
      { pixels, cluster },
      { side: 4, perCluster: 1, maxClusters: 1 },
    );
    expect(layout).toEqual([{ cluster: 0, digits: [1] }]);
  });

  it('produces RGBA for a canvas', () => {
    const rgba = digits.digitRGBA(pixels, 0, 4, [10, 20, 30]);
    expect(rgba).toHaveLength(64);
    expect(Array.from(rgba.slice(4, 8))).toEqual([10, 20, 30, 255]);
  });
});

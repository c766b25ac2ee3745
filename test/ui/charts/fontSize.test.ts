// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { CHART_FONT, fitLabel, scaleMargin, textWidth } from '../../../src/ui/charts/frame';
import { legendBand, legendRows } from '../../../src/ui/charts/legend';
import { render } from '../../../src/ui/charts/lineChart';
import type { LineData } from '../../../src/ui/charts/lineChart';
import * as plane from '../../../src/ui/charts/clusterPlane';
import { makeSvg } from './svgSnapshot';

const steps = [0, 10, 20];
const data: LineData = {
  series: [
    { id: 'SG-B', label: 'SG-B', x: steps, y: [1e-2, 5e-3, 2e-3] },
    { id: 'GC', label: 'GC', x: steps, y: [4e-3, 2e-3, 8e-4] },
  ],
};

/** The plot group's translation: the left and top margins the chart chose. */
function plotOffset(svg: SVGSVGElement): [number, number] {
  const t = svg.querySelector('g.plot')!.getAttribute('transform')!;
  const [, x, y] = /translate\(([\d.]+),([\d.]+)\)/.exec(t)!;
  return [Number(x), Number(y)];
}

describe('chart text size (lecture mode draws 20 px text)', () => {
  it('the SVG and both axes carry the given size; ticks are as large as the rest', () => {
    const svg = makeSvg();
    render(svg, data, { width: 500, height: 300, yScale: 'log', fontSize: 20 });
    expect(svg.getAttribute('font-size')).toBe('20');
    for (const axis of svg.querySelectorAll('.x-axis, .y-axis'))
      expect(axis.getAttribute('font-size')).toBe('20');
  });

  it('larger text gets proportionally larger margins, so tick labels stay inside', () => {
    const small = makeSvg();
    const big = makeSvg();
    render(small, data, { width: 500, height: 300 });
    render(big, data, { width: 500, height: 300, fontSize: 22 });
    const [l1, t1] = plotOffset(small);
    const [l2, t2] = plotOffset(big);
    expect(l2).toBeCloseTo(2 * l1, 0);
    expect(t2).toBeGreaterThan(1.8 * t1);
  });

  it('the default size is CHART_FONT, and margins scale with it', () => {
    expect(scaleMargin({ left: 56, bottom: 36 })).toEqual({ left: 56, bottom: 36 });
    expect(scaleMargin({ left: 56, bottom: 36 }, 2 * CHART_FONT)).toEqual({
      left: 112,
      bottom: 72,
    });
  });

  it('legend entries widen with the text and wrap into more rows', () => {
    const items = ['SG-B', 'SG-2B', 'GC', 'SVRG'].map((label) => ({ label, color: '#000' }));
    expect(textWidth('SG-2B', 22)).toBe(2 * textWidth('SG-2B'));
    expect(legendRows(items, 260)).toBe(1);
    expect(legendRows(items, 260, 22)).toBe(2);
    expect(legendBand(items, 260, 22).top).toBeGreaterThan(legendBand(items, 260).top);
  });

  it("the 2-D plane's plot area (where the heat map canvas goes) follows the text size", () => {
    const d: plane.PlaneData = {
      points: {
        xy: new Float32Array([0, 0, 1, 1]),
        label: new Int32Array([0, 1]),
        cluster: new Int32Array([0, 1]),
      },
      boundaries: { current: [], perCluster: [] },
      extent: [
        [-1, 1],
        [-1, 1],
      ],
    };
    const small = plane.plotArea(d, { width: 400, height: 400 });
    const big = plane.plotArea(d, { width: 400, height: 400, fontSize: 20 });
    expect(big.left).toBeGreaterThan(small.left);
    const svg = makeSvg();
    plane.render(svg, d, { width: 400, height: 400, fontSize: 20 });
    expect(plotOffset(svg)).toEqual([big.left, big.top]);
  });
});

describe('the y label fits the plot height', () => {
  const long = 'variance (1/d) Σ_j V_j';
  it('whole when it fits, its words before the bracket when not', () => {
    expect(fitLabel(long, 400, CHART_FONT)).toBe(long);
    expect(fitLabel(long, 100, 20)).toBe('variance');
    expect(fitLabel('accuracy', 10, 20)).toBe('accuracy');
  });
  it('a short chart at 20 px text: the short label, the whole one in its tooltip', () => {
    const svg = makeSvg();
    render(svg, data, { width: 400, height: 150, fontSize: 20, yScale: 'log', yLabel: long });
    const label = svg.querySelectorAll('.y-axis .axis-label')[0];
    expect(label.firstChild!.textContent).toBe('variance');
    expect(label.querySelector('title')!.textContent).toBe(long);
    const roomy = makeSvg();
    render(roomy, data, { width: 400, height: 400, yScale: 'log', yLabel: long });
    expect(roomy.querySelector('.y-axis .axis-label')!.textContent).toBe(long);
  });
});

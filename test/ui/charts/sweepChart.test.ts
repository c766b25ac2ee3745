// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { sweepPoints } from '../../../src/core/sweep/points';
import { render, summarize, defaults } from '../../../src/ui/charts/sweepChart';
import { sweepChartData } from '../../../src/ui/sweep/chartData';
import { fakeSweep } from '../../core/sweep/fixture';
import { makeSvg, normalizeSvg } from './svgSnapshot';

const size = { width: 480, height: 300 };

function batchData() {
  const { runs } = fakeSweep(); // bs 4, 8, 16 × lr 0.1, 0.2 × seeds 1, 2; SG-B variance 1/(B·seed)
  const points = sweepPoints(['bs'], runs);
  return sweepChartData({
    keys: ['bs'],
    seriesValues: [],
    points,
    stat: 'variance',
    agg: 'mean',
    estimators: ['SG-B', 'SG-2B', 'GC'],
  });
}

describe('sweep chart', () => {
  it('variance against B: lines through the means, min–max bars, slope −1 and B_simple', async () => {
    const data = batchData();
    expect(data.series.map((s) => s.label)).toEqual(['SG-B', 'SG-2B', 'GC']);
    expect(data.series[0].points[0]).toEqual({
      x: 4,
      mean: 0.1875,
      min: 0.125,
      max: 0.25,
      n: 4,
      runs: [0, 1, 2, 3],
    });
    expect(data.slope!.x).toEqual([4, 16]);
    expect(data.vline).toEqual({ x: 12, label: 'B_simple ≈ 12' });
    expect(data.hline).toBeNull();
    const svg = makeSvg();
    render(svg, data, {
      ...size,
      title: 'Variance against B',
      xLabel: 'bs',
      yLabel: 'variance (late mean)',
    });
    expect(svg.querySelectorAll('.series')).toHaveLength(3);
    expect(svg.querySelectorAll('.hit')).toHaveLength(9);
    expect(svg.querySelector('.slope')).not.toBeNull();
    expect(svg.querySelector('.vline')).not.toBeNull();
    await expect(normalizeSvg(svg)).toMatchFileSnapshot('./__snapshots__/sweepChart-batch.svg');
  });

  it('two keys: one line per estimator and value (dashed), NV with its 0.5 line, linear x with 0', async () => {
    const { runs } = fakeSweep();
    const shifted = runs.map((r) => ({ ...r, varied: { ...r.varied, bs: r.varied.bs - 4 } }));
    const data = sweepChartData({
      keys: ['bs', 'lr'],
      seriesValues: [0.1, 0.2],
      points: sweepPoints(['bs', 'lr'], shifted),
      stat: 'normalizedVariance',
      agg: 'max',
      estimators: ['SG-B', 'GC'],
    });
    expect(data.series.map((s) => [s.label, s.dash])).toEqual([
      ['SG-B, lr = 0.1', undefined],
      ['SG-B, lr = 0.2', '7 3'],
      ['GC, lr = 0.1', undefined],
      ['GC, lr = 0.2', '7 3'],
    ]);
    expect(data.slope).toBeNull();
    expect(data.vline).toEqual({ x: 12, label: 'B_simple ≈ 12' });
    const svg = makeSvg();
    render(svg, data, { ...size, yScale: 'linear', title: 'NV', xLabel: 'bs', yLabel: 'NV (max)' });
    await expect(normalizeSvg(svg)).toMatchFileSnapshot('./__snapshots__/sweepChart-nv.svg');
  });

  it('hover, focus, click and Enter on a point call back with its runs', () => {
    const svg = makeSvg();
    const onHover = vi.fn();
    const onClick = vi.fn();
    render(svg, batchData(), { ...size, xLabel: 'bs', onHover, onClick });
    const hit = svg.querySelectorAll('.hit')[1];
    hit.dispatchEvent(new Event('pointerenter'));
    expect(onHover.mock.calls[0][0].point.x).toBe(8);
    expect(svg.querySelector('.focus-ring')!.getAttribute('display')).toBeNull();
    hit.dispatchEvent(new Event('pointerleave'));
    expect(onHover).toHaveBeenLastCalledWith(null);
    hit.dispatchEvent(new Event('click'));
    hit.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(onClick.mock.calls.map((c) => c[0].point.runs)).toEqual([
      [4, 5, 6, 7],
      [4, 5, 6, 7],
    ]);
    expect(hit.getAttribute('aria-label')).toMatch(
      /^SG-B at bs 8: mean 0.0938, min 0.0625, max 0.125; open its run$/,
    );
  });

  it('an empty sweep draws axes and says so', () => {
    const svg = makeSvg();
    const empty = { series: [] };
    render(svg, empty, size);
    expect(summarize(empty, defaults)).toBe('Sweep: no runs finished yet');
    expect(svg.querySelector('title')!.textContent).toBe('Sweep: no runs finished yet');
  });
});

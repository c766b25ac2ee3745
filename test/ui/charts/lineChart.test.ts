// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  nearestPoint,
  readoutLines,
  render,
  summarize,
  defaults,
} from '../../../src/ui/charts/lineChart';
import type { LineData } from '../../../src/ui/charts/lineChart';
import { makeSvg, normalizeSvg } from './svgSnapshot';

const steps = [0, 10, 20, 30, 40, 50];
const variance: LineData = {
  series: [
    { id: 'SG-B', label: 'SG-B', x: steps, y: [1e-2, 5e-3, 2e-3, 1e-3, 8e-4, 6e-4] },
    { id: 'SG-2B', label: 'SG-2B', x: steps, y: [5e-3, 2.5e-3, 1e-3, 5e-4, 4e-4, 3e-4] },
    { id: 'GC', label: 'GC', x: steps, y: [4e-3, 0, 8e-4, NaN, 3e-4, 2e-4] },
    { id: 'SVRG', label: 'SVRG', x: steps, y: [1e-2, 1e-3, Infinity, 1e-4, -1, 5e-5] },
  ],
  markers: [
    { x: 20, label: 'bs 32 → 64', kind: 'change' },
    { x: 30, label: 'GC re-clustered', kind: 'gc' },
    { x: 40, label: 'SVRG snapshot', kind: 'svrg' },
  ],
};

const size = { width: 400, height: 220 };

/** A deterministic wiggly series of n points. */
function wiggle(n: number, phase: number): { x: number[]; y: number[] } {
  const x = Array.from({ length: n }, (_, i) => i * 5);
  const y = x.map((_, i) => 0.3 + 0.2 * Math.exp(-i / 10) + 0.05 * Math.sin(i * 1.7 + phase));
  return { x, y };
}

describe('markers stay a few elements however many events', () => {
  it('10,000 GC and SVRG refreshes and 500 changes: one path per kind, no labels', () => {
    const svg = makeSvg();
    const x = Array.from({ length: 10_000 }, (_, i) => i);
    const markers: LineData['markers'] = [
      ...x.map((s) => ({ x: s, label: 'GC re-clustered', kind: 'gc' as const })),
      ...x.map((s) => ({ x: s, label: 'SVRG snapshot', kind: 'svrg' as const })),
      ...x.slice(0, 500).map((s) => ({ x: s * 20, label: `lr ${s}`, kind: 'change' as const })),
    ];
    const data: LineData = {
      series: [{ id: 'SG-B', label: 'SG-B', x, y: x.map((v) => 1 / (v + 1)) }],
      markers,
    };
    render(svg, data, { ...size, yScale: 'log', yLabel: 'variance', title: 'Variance' });
    const layer = svg.querySelector('.markers')!;
    expect(layer.querySelectorAll('path')).toHaveLength(3);
    expect(layer.querySelectorAll('text')).toHaveLength(0);
    expect(layer.querySelectorAll('*').length).toBeLessThan(12);
    const gc = layer.querySelector('.marker-gc')!;
    expect(gc.querySelector('title')!.textContent).toBe(
      'GC re-clustered: 10000 times, steps 0 to 9999',
    );
    // One vertical line per pixel column at most.
    const moves = gc.querySelector('path')!.getAttribute('d')!.match(/M/g)!.length;
    expect(moves).toBeLessThanOrEqual(size.width);
  });

  it('GC and SVRG are short ticks on the x-axis; a config change is a full-height line', () => {
    const svg = makeSvg();
    const x = Array.from({ length: 200 }, (_, i) => i);
    const markers: LineData['markers'] = [
      ...x.map((s) => ({ x: s, label: 'GC re-clustered', kind: 'gc' as const })),
      ...x.map((s) => ({ x: s, label: 'SVRG snapshot', kind: 'svrg' as const })),
      { x: 100, label: 'bs 8 → 16', kind: 'change' as const },
    ];
    const data: LineData = {
      series: [{ id: 'SG-B', label: 'SG-B', x, y: x.map(() => 1) }],
      markers,
    };
    render(svg, data, { ...size, yLabel: 'variance', title: 'Variance' });
    /** [top, bottom] of each vertical segment "Mx,topVbottom" of a kind's path. */
    const spans = (kind: string) =>
      [
        ...svg
          .querySelector(`.marker-${kind} path`)!
          .getAttribute('d')!
          .matchAll(/M[^,]+,([^V]+)V([^M]+)/g),
      ].map((m) => Number(m[2]) - Number(m[1]));
    const change = spans('change');
    expect(change).toHaveLength(1);
    expect(change[0]).toBeGreaterThan(100);
    expect(new Set(spans('gc'))).toEqual(new Set([6]));
    expect(new Set(spans('svrg'))).toEqual(new Set([10]));
    expect(svg.querySelector('.marker-change text')!.textContent).toBe('bs 8 → 16');
  });
});

describe('lineChart snapshots', () => {
  it('variance on a log scale, with markers and invalid points', async () => {
    const svg = makeSvg();
    render(svg, variance, { ...size, yScale: 'log', yLabel: 'variance', title: 'Variance' });
    await expect(normalizeSvg(svg)).toMatchFileSnapshot('./__snapshots__/lineChart-variance.svg');
  });

  it('normalized variance, smoothed, with the 0.5 reference line', async () => {
    const svg = makeSvg();
    const data: LineData = {
      series: [
        { id: 'SG-B', label: 'SG-B', ...wiggle(30, 0) },
        { id: 'GC', label: 'GC', ...wiggle(30, 2) },
      ],
      refLines: [{ y: 0.5, label: 'noise power = signal power' }],
    };
    render(svg, data, { ...size, yLabel: 'normalized variance', title: 'NV', smoothing: 5 });
    await expect(normalizeSvg(svg)).toMatchFileSnapshot('./__snapshots__/lineChart-nv.svg');
  });

  it('loss and accuracy with a pinned (ghost) run', async () => {
    const svg = makeSvg();
    const train = {
      id: 'train-loss',
      label: 'train loss',
      x: [0, 1, 2, 3],
      y: [0.9, 0.6, 0.4, 0.3],
    };
    const test = { id: 'test-loss', label: 'test loss', x: [0, 2], y: [0.95, 0.5], dash: '4 2' };
    const ghost = [
      { label: 'bs 32 → 128', dash: '2 3', series: [{ ...train, y: [1, 0.8, 0.7, 0.65] }] },
    ];
    render(svg, { series: [train, test] }, { ...size, yLabel: 'loss', title: 'Loss', ghost });
    await expect(normalizeSvg(svg)).toMatchFileSnapshot('./__snapshots__/lineChart-loss.svg');
  });

  it('an empty chart', async () => {
    const svg = makeSvg();
    render(svg, { series: [] }, { ...size, yScale: 'log', title: 'Variance' });
    await expect(normalizeSvg(svg)).toMatchFileSnapshot('./__snapshots__/lineChart-empty.svg');
  });
});

describe('lineChart behaviour', () => {
  it('is idempotent: rendering twice gives the same SVG', () => {
    const svg = makeSvg();
    render(svg, variance, { yScale: 'log' });
    const once = svg.outerHTML;
    render(svg, variance, { yScale: 'log' });
    expect(svg.outerHTML).toBe(once);
  });

  it.each([
    ['zeros', [0, 0, 0]],
    ['NaN', [NaN, NaN, NaN]],
    ['infinities', [Infinity, -Infinity, Infinity]],
    ['negatives', [-1, -2, -3]],
    ['a single value', [2, 2, 2]],
  ])('log scale survives %s', (_, y) => {
    const svg = makeSvg();
    render(svg, { series: [{ id: 'SG-B', label: 'SG-B', x: [0, 1, 2], y }] }, { yScale: 'log' });
    expect(svg.outerHTML).not.toMatch(/NaN|Infinity/);
    expect(svg.querySelectorAll('.y-axis .tick').length).toBeGreaterThan(0);
  });

  it('draws at most maxPoints points per series and leaves the data untouched', () => {
    const n = 5000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = Float64Array.from({ length: n }, (_, i) => 1 + Math.sin(i));
    const copy = y.slice();
    const svg = makeSvg();
    render(svg, { series: [{ id: 'SG-B', label: 'SG-B', x, y }] }, { maxPoints: 200 });
    const d = svg.querySelector('path.line')?.getAttribute('d') ?? '';
    expect(d.match(/[ML]/g)?.length).toBeLessThanOrEqual(200);
    expect(y).toEqual(copy);
  });

  it('summarizes the latest drawable values', () => {
    const s = summarize(variance, { ...defaults, yScale: 'log', title: 'Variance' });
    expect(s).toBe('Variance at step 50: SG-B 0.0006, SG-2B 0.0003, GC 0.0002, SVRG 0.00005');
  });

  it('shows a read-out on pointermove and hides it on pointerleave', () => {
    const svg = makeSvg();
    render(svg, variance, { ...size, yScale: 'log' });
    const overlay = svg.querySelector('rect.overlay') as SVGRectElement;
    const focus = svg.querySelector('g.focus') as SVGGElement;
    // jsdom has no layout: d3.pointer falls back to clientX relative to a zero rect.
    overlay.dispatchEvent(new PointerEvent('pointermove', { clientX: 70, clientY: 20 }));
    expect(focus.getAttribute('display')).toBeNull();
    const text = Array.from(focus.querySelectorAll('tspan'), (t) => t.textContent);
    expect(text).toEqual([
      'step 10',
      'SG-B: 0.005',
      'SG-2B: 0.0025',
      'GC: 0.0008 (step 20)',
      'SVRG: 0.001',
    ]);
    overlay.dispatchEvent(new PointerEvent('pointerleave'));
    expect(focus.getAttribute('display')).toBe('none');
  });
});

describe('nearestPoint', () => {
  it('finds the nearest drawable point of each series', () => {
    const n = nearestPoint(variance, 12);
    expect(n?.x).toBe(10);
    expect(n?.values.map((v) => [v.id, v.index, v.y])).toEqual([
      ['SG-B', 1, 5e-3],
      ['SG-2B', 1, 2.5e-3],
      ['GC', 1, 0],
      ['SVRG', 1, 1e-3],
    ]);
  });

  it('skips points the scale cannot draw', () => {
    const positive = (v: number) => Number.isFinite(v) && v > 0;
    const n = nearestPoint(variance, 31, positive);
    const gc = n?.values.find((v) => v.id === 'GC');
    const svrg = n?.values.find((v) => v.id === 'SVRG');
    expect([gc?.x, svrg?.x]).toEqual([40, 30]);
  });

  it('handles the ends, empty series and no data', () => {
    expect(nearestPoint(variance, -100)?.x).toBe(0);
    expect(nearestPoint(variance, 1e9)?.x).toBe(50);
    expect(nearestPoint({ series: [] }, 3)).toBeNull();
    expect(nearestPoint({ series: [{ id: 'a', label: 'a', x: [], y: [] }] }, 3)).toBeNull();
  });

  it('formats read-out lines', () => {
    const n = nearestPoint(variance, 0);
    expect(n && readoutLines(n, 'step', '.3~g')).toEqual([
      'step 0',
      'SG-B: 0.01',
      'SG-2B: 0.005',
      'GC: 0.004',
      'SVRG: 0.01',
    ]);
  });
});

describe('the x domain of an iteration chart (xMinSpan)', () => {
  const xTicks = (svg: SVGSVGElement) =>
    [...svg.querySelectorAll('.x-axis .tick text')].map((t) => t.textContent);
  const one: LineData = { series: [{ id: 'SG-B', label: 'SG-B', x: [0], y: [0.3] }] };

  it('one report at step 0: whole, non-negative iterations (not −0.1 to 0.1)', () => {
    const svg = makeSvg();
    render(svg, one, { ...size, xMinSpan: 10 });
    const ticks = xTicks(svg);
    expect(ticks[0]).toBe('0');
    expect(ticks.at(-1)).toBe('10');
    expect(ticks.every((t) => /^\d+$/.test(t ?? ''))).toBe(true);
    // Without the option a single point is padded on both sides, as before.
    const plain = makeSvg();
    render(plain, one, size);
    expect(xTicks(plain)[0]).toMatch(/^[−-]0\.1/);
  });

  it('a run longer than the span is drawn over its own extent', () => {
    const svg = makeSvg();
    render(svg, variance, { ...size, xMinSpan: 10 });
    const ticks = xTicks(svg);
    expect(ticks[0]).toBe('0');
    expect(ticks.at(-1)).toBe('50');
  });
});

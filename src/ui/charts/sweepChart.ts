/**
 * The sweep chart: a summary statistic against a varied key, one line per series (an
 * estimator, or an estimator × a second key's value), through the means over seeds, with
 * min–max error bars (errorBars.ts); a teaching slope (e.g. −1 for variance against B), a
 * vertical marker (B_simple) and a horizontal line (NV = 0.5). Log or linear axes (a log x
 * needs every x > 0). Every point is a focusable target: hover or focus calls onHover, click or
 * Enter calls onClick. Works from data alone (render), like every chart here.
 */
import { format, line as d3line, scaleLinear, scaleLog } from 'd3';
import type { ScaleContinuousNumeric } from 'd3';
import { drawErrorBars, type BarPoint } from './errorBars';
import { drawAxes, setupFrame, type G } from './frame';
import { drawLegend, legendRows, LEGEND_ROW, type LegendItem } from './legend';
import { INK } from './palette';
import { isDrawable, safeDomain, type ScaleKind } from './scales';

export interface SweepChartPoint extends BarPoint {
  /** Indices of the runs (one per seed) behind the point. */
  runs: number[];
}

export interface SweepSeries {
  id: string;
  label: string;
  color: string;
  dash?: string;
  points: SweepChartPoint[];
}

export interface SweepChartData {
  series: SweepSeries[];
  /** A reference line of a given log–log slope, drawn between two points. */
  slope?: { x: [number, number]; y: [number, number]; label: string } | null;
  vline?: { x: number; label: string } | null;
  hline?: { y: number; label: string } | null;
}

export interface SweepHit {
  series: SweepSeries;
  point: SweepChartPoint;
}

export interface SweepChartOptions {
  width: number;
  height: number;
  title: string;
  xLabel: string;
  yLabel: string;
  xScale: ScaleKind;
  yScale: ScaleKind;
  valueFormat: string;
  onHover?: (hit: SweepHit | null) => void;
  onClick?: (hit: SweepHit) => void;
}

export const defaults: SweepChartOptions = {
  width: 640,
  height: 380,
  title: 'Sweep',
  xLabel: '',
  yLabel: '',
  xScale: 'log',
  yScale: 'log',
  valueFormat: '.3~g',
};

const MARGIN = { right: 20, bottom: 38, left: 60 };
const REF_DASH = '6 4';
const MARK_DASH = '2 3';

type Scale = ScaleContinuousNumeric<number, number>;

/** The accessible summary: what is plotted and each line's range of means. */
export function summarize(data: SweepChartData, o: SweepChartOptions): string {
  const f = format(o.valueFormat);
  const parts = data.series
    .map((s) => {
      const m = s.points.map((p) => p.mean).filter((v) => isDrawable(v, o.yScale));
      return m.length ? `${s.label} ${f(Math.min(...m))} to ${f(Math.max(...m))}` : null;
    })
    .filter((p) => p !== null);
  if (!parts.length) return `${o.title}: no runs finished yet`;
  return `${o.title}, ${o.yLabel} against ${o.xLabel}: ${parts.join('; ')}`;
}

function legendItems(data: SweepChartData): LegendItem[] {
  const items: LegendItem[] = data.series.map((s) => ({
    label: s.label,
    color: s.color,
    dash: s.dash,
  }));
  if (data.slope) items.push({ label: data.slope.label, color: INK.reference, dash: REF_DASH });
  if (data.vline) items.push({ label: data.vline.label, color: INK.reference, dash: MARK_DASH });
  return items;
}

/** A log domain padded by a factor 1.25 each side (points off the frame), linear by 4 %. */
function padded(d: [number, number], kind: ScaleKind): [number, number] {
  if (kind === 'log') return [d[0] / 1.25, d[1] * 1.25];
  const pad = (d[1] - d[0]) * 0.04;
  return [d[0] - pad, d[1] + pad];
}

function scales(data: SweepChartData, o: SweepChartOptions, w: number, h: number) {
  const pts = data.series.flatMap((s) => s.points);
  const xKind: ScaleKind = o.xScale === 'log' && pts.every((p) => p.x > 0) ? 'log' : 'linear';
  const xValues = [pts.map((p) => p.x), data.vline ? [data.vline.x] : []];
  const yValues = [pts.flatMap((p) => [p.mean, p.min, p.max]), data.hline ? [data.hline.y] : []];
  const x: Scale = (xKind === 'log' ? scaleLog() : scaleLinear())
    .domain(padded(safeDomain(xValues, xKind), xKind))
    .range([0, w]);
  const y: Scale = (o.yScale === 'log' ? scaleLog() : scaleLinear())
    .domain(safeDomain(yValues, o.yScale))
    .range([h, 0])
    .nice()
    .clamp(true);
  const drawableX = (v: number) => isDrawable(v, xKind);
  const drawableY = (v: number) => isDrawable(v, o.yScale);
  return { x, y, drawableX, drawableY, xKind };
}

type S = ReturnType<typeof scales>;

function drawReferences(g: G, data: SweepChartData, s: S, w: number, h: number): void {
  const layer = g.append('g').attr('class', 'references').attr('stroke', INK.reference);
  const { hline, vline, slope } = data;
  if (hline && s.drawableY(hline.y))
    layer
      .append('line')
      .attr('x2', w)
      .attr('y1', s.y(hline.y))
      .attr('y2', s.y(hline.y))
      .attr('stroke-dasharray', REF_DASH);
  if (vline && s.drawableX(vline.x) && s.x(vline.x) >= 0 && s.x(vline.x) <= w)
    layer
      .append('line')
      .attr('class', 'vline')
      .attr('x1', s.x(vline.x))
      .attr('x2', s.x(vline.x))
      .attr('y2', h)
      .attr('stroke-dasharray', MARK_DASH);
  if (slope && slope.y.every(s.drawableY) && slope.x.every(s.drawableX))
    layer
      .append('line')
      .attr('class', 'slope')
      .attr('x1', s.x(slope.x[0]))
      .attr('y1', s.y(slope.y[0]))
      .attr('x2', s.x(slope.x[1]))
      .attr('y2', s.y(slope.y[1]))
      .attr('stroke-dasharray', REF_DASH);
  if (hline && s.drawableY(hline.y)) label(g, w - 4, s.y(hline.y) - 4, 'end', hline.label);
  if (vline && s.drawableX(vline.x) && s.x(vline.x) >= 0 && s.x(vline.x) <= w)
    label(g, s.x(vline.x) + 4, 12, 'start', vline.label);
}

function label(g: G, x: number, y: number, anchor: string, text: string): void {
  g.append('text')
    .attr('class', 'ref-label')
    .attr('x', x)
    .attr('y', y)
    .attr('text-anchor', anchor)
    .attr('fill', INK.reference)
    .attr('stroke', 'white')
    .attr('stroke-width', 3)
    .attr('paint-order', 'stroke')
    .text(text);
}

function drawSeries(g: G, data: SweepChartData, s: S): void {
  for (const series of data.series) {
    const ok = series.points.filter((p) => s.drawableX(p.x) && s.drawableY(p.mean));
    const path = d3line<SweepChartPoint>()
      .x((p) => s.x(p.x))
      .y((p) => s.y(p.mean))(ok);
    const layer = g.append('g').attr('class', 'series').attr('data-series', series.id);
    if (path && ok.length > 1)
      layer
        .append('path')
        .attr('d', path)
        .attr('fill', 'none')
        .attr('stroke', series.color)
        .attr('stroke-width', 1.8)
        .attr('stroke-dasharray', series.dash ?? null);
    drawErrorBars(layer, ok, s, series.color);
  }
}

/** Focusable hit targets over every drawn point; hover/focus and click/Enter call back. */
function drawTargets(g: G, data: SweepChartData, s: S, o: SweepChartOptions): void {
  const f = format(o.valueFormat);
  const layer = g.append('g').attr('class', 'targets overlay');
  const ring = g
    .append('circle')
    .attr('class', 'focus-ring focus')
    .attr('r', 7)
    .attr('fill', 'none')
    .attr('stroke', INK.axis)
    .attr('stroke-width', 1.5)
    .attr('display', 'none');
  for (const series of data.series) {
    for (const point of series.points.filter((p) => s.drawableX(p.x) && s.drawableY(p.mean))) {
      const hit = { series, point };
      const [cx, cy] = [s.x(point.x), s.y(point.mean)];
      const show = () => {
        ring.attr('cx', cx).attr('cy', cy).attr('display', null);
        o.onHover?.(hit);
      };
      const hide = () => {
        ring.attr('display', 'none');
        o.onHover?.(null);
      };
      layer
        .append('circle')
        .attr('class', 'hit')
        .attr('cx', cx)
        .attr('cy', cy)
        .attr('r', 8)
        .attr('fill', 'transparent')
        .attr('tabindex', 0)
        .attr('role', 'button')
        .attr(
          'aria-label',
          `${series.label} at ${o.xLabel} ${point.x}: mean ${f(point.mean)}, min ${f(point.min)}, max ${f(point.max)}; open its run`,
        )
        .on('pointerenter focus', show)
        .on('pointerleave blur', hide)
        .on('click', () => o.onClick?.(hit))
        .on('keydown', (e: KeyboardEvent) => {
          if (e.key === 'Enter') o.onClick?.(hit);
        });
    }
  }
}

/** Draws the chart into svg, replacing its content. Inputs are never mutated. */
export function render(
  svg: SVGSVGElement,
  data: SweepChartData,
  options: Partial<SweepChartOptions> = {},
) {
  const o: SweepChartOptions = { ...defaults, ...options };
  const items = legendItems(data);
  const legendWidth = o.width - MARGIN.left - MARGIN.right;
  const top = 12 + legendRows(items, legendWidth) * LEGEND_ROW;
  const f = setupFrame(svg, { ...o, margin: { ...MARGIN, top }, summary: summarize(data, o) });
  // A group, not an image: its points are buttons (an image's content is not interactive).
  f.svg.attr('role', 'group');
  const s = scales(data, o, f.innerWidth, f.innerHeight);
  drawAxes(f, s.x, s.y, {
    xLabel: o.xLabel,
    yLabel: o.yLabel,
    xFormat: '~g',
    yFormat: o.yScale === 'log' ? '.0e' : '~g',
  });
  drawReferences(f.plot, data, s, f.innerWidth, f.innerHeight);
  drawSeries(f.plot, data, s);
  drawTargets(f.plot, data, s, o);
  drawLegend(f.svg, items, MARGIN.left, 8, legendWidth);
}

import { format, pointer, scaleLinear, scaleLog, select } from 'd3';
import { drawAxes } from './frame';
import type { G } from './frame';
import type { FocusLayout } from './hover';
import { updateFocus } from './hover';
import { legendFrame } from './legend';
import type { LegendItem } from './legend';
import type { Curve, Scales } from './lineLayers';
import {
  drawCurves,
  drawMarkers,
  drawRefLabels,
  drawRefLines,
  MARKER_STYLE,
  TICK_SWATCH,
  toCurve,
} from './lineLayers';
import type { LineData, LineOptions } from './lineTypes';
import { isDrawable, safeDomain, safeLinearDomain, spanDomain } from './scales';

export type { GhostRun, LineData, LineOptions, Marker, RefLine, Series } from './lineTypes';
export { nearestPoint, readoutLines } from './hover';
export type { Nearest, NearestValue } from './hover';

/** Defaults of the time-series chart (variance, normalized variance, loss/accuracy). */
export const defaults: LineOptions = {
  width: 520,
  height: 280,
  yScale: 'linear',
  xLabel: 'step',
  yLabel: '',
  title: 'Chart',
  smoothing: 0,
  maxPoints: 600,
  valueFormat: '.4~g',
};

const MARGIN = { right: 16, bottom: 36, left: 56 };

/** Last drawable y of each series, for the accessible summary. */
export function summarize(data: LineData, o: LineOptions): string {
  const f = format(o.valueFormat);
  const parts: string[] = [];
  let lastX = -Infinity;
  for (const s of data.series) {
    if (s.unavailable) {
      parts.push(s.label); // e.g. "SG-2B (n/a: 2B = 400 > N = 200)", never a value
      continue;
    }
    for (let i = Math.min(s.x.length, s.y.length) - 1; i >= 0; i--) {
      if (!isDrawable(s.y[i], o.yScale)) continue;
      parts.push(`${s.label} ${f(s.y[i])}`);
      lastX = Math.max(lastX, s.x[i]);
      break;
    }
  }
  if (!Number.isFinite(lastX)) {
    return parts.length
      ? `${o.title}: no data yet; ${parts.join(', ')}`
      : `${o.title}: no data yet`;
  }
  return `${o.title} at ${o.xLabel} ${lastX}: ${parts.join(', ')}`;
}

function legendItems(data: LineData, curves: readonly Curve[], o: LineOptions): LegendItem[] {
  const items: LegendItem[] = curves.map((c) => ({ label: c.label, color: c.color, dash: c.dash }));
  for (const g of o.ghost ?? [])
    items.push({ label: `pinned: ${g.label}`, color: '#444', dash: g.dash, opacity: 0.6 });
  const kinds = new Set((data.markers ?? []).map((m) => m.kind));
  for (const k of ['change', 'gc', 'svrg'] as const) {
    if (!kinds.has(k)) continue;
    const { color, dash, tick, legend } = MARKER_STYLE[k];
    items.push({ label: legend, color, dash, symbol: tick ? TICK_SWATCH : undefined });
  }
  return items;
}

function makeScales(
  curves: readonly Curve[],
  data: LineData,
  o: LineOptions,
  w: number,
  h: number,
): Scales {
  const drawable = (v: number) => isDrawable(v, o.yScale);
  const xs = o.xMinSpan
    ? spanDomain(
        curves.map((c) => c.x),
        o.xMinSpan,
      )
    : safeLinearDomain(curves.map((c) => c.x));
  const yValues: ArrayLike<number>[] = curves.flatMap((c) => [c.y, c.lo ?? [], c.hi ?? []]);
  yValues.push((data.refLines ?? []).map((r) => r.y));
  const yd = o.yDomain ?? safeDomain(yValues, o.yScale);
  const x = scaleLinear().domain(xs).range([0, w]);
  const y = o.yScale === 'log' ? scaleLog() : scaleLinear();
  y.domain(yd).range([h, 0]).clamp(true);
  if (!o.yDomain) y.nice();
  return { x, y, drawable, innerHeight: h };
}

/** Draws the chart into svg, replacing its content. Inputs are never mutated. */
export function render(svg: SVGSVGElement, data: LineData, options: Partial<LineOptions> = {}) {
  const o: LineOptions = { ...defaults, ...options };
  const drawable = (v: number) => isDrawable(v, o.yScale);
  const prep = (s: LineData['series'][number], i: number) =>
    toCurve(s, i, o.smoothing, o.maxPoints, drawable);
  const curves = data.series.map(prep);
  const ghosts = (o.ghost ?? []).flatMap((g) => g.series.map((s) => ({ ...s, dash: g.dash })));
  const ghostCurves = ghosts.map(prep);
  const items = legendItems(data, curves, o);
  const { f, legend } = legendFrame(svg, o, MARGIN, items, summarize(data, o));
  const S = makeScales([...curves, ...ghostCurves], data, o, f.innerWidth, f.innerHeight);
  const yFormat = o.yScale === 'log' ? '.0e' : '~g';
  drawAxes(f, S.x, S.y, { xLabel: o.xLabel, yLabel: o.yLabel, yFormat });
  drawRefLines(f.plot, data.refLines ?? [], S, f.innerWidth);
  drawCurves(f.plot, ghostCurves, S, true);
  drawCurves(f.plot, curves, S, false);
  drawMarkers(f.plot, data.markers ?? [], S);
  drawRefLabels(f.plot, data.refLines ?? [], S, f.innerWidth);
  legend();
  attachHover(f.plot, data, {
    ...S,
    innerWidth: f.innerWidth,
    xLabel: o.xLabel,
    valueFormat: o.valueFormat,
  });
}

/**
 * Invisible overlay that moves the focus read-out with the pointer (see updateFocus). The
 * listeners find the focus group beside the overlay at event time, so they keep working on a
 * chart patched from a fresh drawing (ChartSvg's `retained`).
 */
function attachHover(plot: G, data: LineData, L: FocusLayout): void {
  plot.append('g').attr('class', 'focus').attr('display', 'none');
  const focusBeside = (overlay: SVGRectElement): G =>
    select(overlay.parentNode as SVGGElement).select<SVGGElement>(':scope > g.focus');
  plot
    .append('rect')
    .attr('class', 'overlay')
    .attr('width', L.innerWidth)
    .attr('height', L.innerHeight)
    .attr('fill', 'none')
    .attr('pointer-events', 'all')
    .on('pointermove', function (this: SVGRectElement, event: PointerEvent) {
      updateFocus(focusBeside(this), data, L, pointer(event)[0]);
    })
    .on('pointerleave', function (this: SVGRectElement) {
      updateFocus(focusBeside(this), data, L, null);
    });
}

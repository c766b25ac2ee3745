import { area, line } from 'd3';
import type { ScaleLinear, ScaleLogarithmic } from 'd3';
import { minMaxIndices, pick } from './downsample';
import type { G } from './frame';
import type { Marker, RefLine, Series } from './lineTypes';
import { ESTIMATOR_COLORS, INK, seriesColor } from './palette';
import { rollingMeanStd } from './smoothing';

/** A series ready to draw: smoothed, downsampled copies; band bounds when smoothed. */
export interface Curve {
  id: string;
  label: string;
  color: string;
  dash?: string;
  x: Float64Array;
  y: Float64Array;
  lo?: Float64Array;
  hi?: Float64Array;
}

/**
 * Smooths (on all points) then downsamples (for drawing) one series. The input arrays are
 * only read. `drawable` is the y scale's validity test (y > 0 on a log scale).
 */
export function toCurve(
  s: Series,
  index: number,
  smoothing: number,
  maxPoints: number,
  drawable: (v: number) => boolean,
): Curve {
  const n = Math.min(s.x.length, s.y.length);
  const ys = Float64Array.from({ length: n }, (_, i) => s.y[i]);
  const color = s.color ?? seriesColor(s.id, index);
  const base = { id: s.id, label: s.label, color, dash: s.dash };
  if (smoothing > 1) {
    const { mean, std } = rollingMeanStd(ys, smoothing, drawable);
    const idx = minMaxIndices(mean, maxPoints, drawable);
    const m = pick(mean, idx);
    const sd = pick(std, idx);
    const lo = m.map((v, i) => v - sd[i]);
    const hi = m.map((v, i) => v + sd[i]);
    return { ...base, x: pick(s.x, idx), y: m, lo, hi };
  }
  const idx = minMaxIndices(ys, maxPoints, drawable);
  return { ...base, x: pick(s.x, idx), y: pick(ys, idx) };
}

export interface Scales {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number> | ScaleLogarithmic<number, number>;
  drawable: (v: number) => boolean;
  innerHeight: number;
}

/** The curves' lines (split at non-drawable points) and ±1 std bands. */
export function drawCurves(g: G, curves: readonly Curve[], S: Scales, faded: boolean): void {
  const layer = g.append('g').attr('class', faded ? 'ghosts' : 'curves');
  for (const c of curves) {
    const ok = (i: number) => S.drawable(c.y[i]) && Number.isFinite(c.x[i]);
    const idx = Array.from(c.y, (_, i) => i);
    const { lo, hi } = c;
    if (lo && hi && !faded) {
      const band = area<number>()
        .defined(ok)
        .x((i) => S.x(c.x[i]))
        .y0((i) => (S.drawable(lo[i]) ? S.y(lo[i]) : S.innerHeight))
        .y1((i) => S.y(hi[i]));
      layer
        .append('path')
        .attr('class', 'band')
        .attr('fill', c.color)
        .attr('fill-opacity', 0.18)
        .attr('d', band(idx));
    }
    const path = line<number>()
      .defined(ok)
      .x((i) => S.x(c.x[i]))
      .y((i) => S.y(c.y[i]));
    layer
      .append('path')
      .attr('class', 'line')
      .attr('data-id', c.id)
      .attr('fill', 'none')
      .attr('stroke', c.color)
      .attr('stroke-width', faded ? 1.25 : 1.75)
      .attr('stroke-opacity', faded ? 0.45 : null)
      .attr('stroke-dasharray', c.dash ?? null)
      .attr('d', path(idx));
    drawIsolated(layer, c, S, ok, faded);
  }
}

/** Dots for drawable points whose neighbours are both gaps (a line cannot show them). */
function drawIsolated(layer: G, c: Curve, S: Scales, ok: (i: number) => boolean, faded: boolean) {
  for (let i = 0; i < c.y.length; i++) {
    if (!ok(i) || (i > 0 && ok(i - 1)) || (i + 1 < c.y.length && ok(i + 1))) continue;
    layer
      .append('circle')
      .attr('class', 'isolated')
      .attr('cx', S.x(c.x[i]))
      .attr('cy', S.y(c.y[i]))
      .attr('r', 2)
      .attr('fill', c.color)
      .attr('fill-opacity', faded ? 0.35 : null);
  }
}

/**
 * Marker style per kind: config changes are grey dashed full-height lines with labels; GC
 * re-clusterings and SVRG snapshots, which recur all run long, are short solid ticks rising
 * from the x-axis (`tick` px; SVRG's longer, so both show at a shared step).
 */
export const MARKER_STYLE = {
  change: { color: INK.marker, dash: '4 3', tick: 0, legend: 'config change' },
  gc: { color: ESTIMATOR_COLORS.GC, dash: undefined, tick: 6, legend: 'GC re-clustering' },
  // At a snapshot θ = θ~, so SVRG's variance is exactly 0: a log scale cannot draw it.
  svrg: {
    color: ESTIMATOR_COLORS.SVRG,
    dash: undefined,
    tick: 10,
    legend: 'SVRG snapshot (SVRG = 0)',
  },
} as const;

/** The legend's swatch of a tick marker: a short upright bar, as drawn on the axis. */
export const TICK_SWATCH = 'M-1,-6h2v12h-2z';

/** Config changes are labelled on the chart while there are at most this many in view. */
export const MAX_LABELLED_CHANGES = 12;

/**
 * Event marks inside the x domain, one path per kind (GC refreshes and SVRG snapshots every
 * step would otherwise be one element each, on every chart): marks on the same pixel column
 * merge, so the DOM stays the same size however long the run. Config changes are full-height
 * lines, labelled while few; GC and SVRG are ticks on the x-axis, so a long run does not
 * become a barcode. The kind's title lists how many and where.
 */
export function drawMarkers(g: G, markers: readonly Marker[], S: Scales): void {
  const [x0, x1] = S.x.domain();
  const layer = g.append('g').attr('class', 'markers');
  for (const kind of ['change', 'gc', 'svrg'] as const) {
    const shown = markers.filter((m) => m.kind === kind && m.x >= x0 && m.x <= x1);
    if (shown.length === 0) continue;
    const st = MARKER_STYLE[kind];
    const columns = [...new Set(shown.map((m) => Math.round(S.x(m.x))))];
    const top = st.tick > 0 ? S.innerHeight - st.tick : 0;
    const e = layer.append('g').attr('class', `marker marker-${kind}`);
    e.append('title').text(markerTitle(shown));
    e.append('path')
      .attr('d', columns.map((x) => `M${x},${top}V${S.innerHeight}`).join(''))
      .attr('fill', 'none')
      .attr('stroke', st.color)
      .attr('stroke-width', st.tick > 0 ? 1.5 : null)
      .attr('stroke-dasharray', st.dash ?? null);
    if (kind !== 'change' || shown.length > MAX_LABELLED_CHANGES) continue;
    for (const m of shown)
      e.append('text')
        .attr('x', S.x(m.x) + 3)
        .attr('y', 10)
        .attr('fill', st.color)
        .text(m.label);
  }
}

/** "GC re-clustered (step 30)", or "GC re-clustered: 640 times, steps 0 to 63900". */
function markerTitle(shown: readonly Marker[]): string {
  if (shown.length === 1) return `${shown[0].label} (step ${shown[0].x})`;
  const last = shown.at(-1)!;
  const what = shown[0].kind === 'change' ? `config changes (last: ${last.label})` : last.label;
  return `${what}: ${shown.length} times, steps ${shown[0].x} to ${last.x}`;
}

/** Dashed horizontal reference lines (their labels: drawRefLabels, over the curves). */
export function drawRefLines(g: G, refs: readonly RefLine[], S: Scales, width: number): void {
  const layer = g.append('g').attr('class', 'ref-lines');
  for (const r of refs.filter((r) => S.drawable(r.y))) {
    const ry = S.y(r.y);
    layer
      .append('line')
      .attr('x2', width)
      .attr('y1', ry)
      .attr('y2', ry)
      .attr('stroke', INK.reference)
      .attr('stroke-dasharray', '6 4');
  }
}

/** The reference lines' labels, drawn over the curves on a white halo so both stay legible. */
export function drawRefLabels(g: G, refs: readonly RefLine[], S: Scales, width: number): void {
  const layer = g.append('g').attr('class', 'ref-labels');
  for (const r of refs.filter((r) => S.drawable(r.y))) {
    layer
      .append('text')
      .attr('x', width - 4)
      .attr('y', S.y(r.y) - 4)
      .attr('text-anchor', 'end')
      .attr('fill', INK.reference)
      .attr('stroke', 'white')
      .attr('stroke-width', 3)
      .attr('paint-order', 'stroke')
      .text(r.label);
  }
}

import { bisectLeft, format } from 'd3';
import type { ScaleLinear, ScaleLogarithmic } from 'd3';
import type { G } from './frame';
import type { LineData, Series } from './lineTypes';
import { INK, seriesColor } from './palette';

/** The point of one series closest in x to the pointer. */
export interface NearestValue {
  id: string;
  label: string;
  color: string;
  index: number;
  x: number;
  y: number;
}

/** Per-series nearest points, and the x of the overall closest one. */
export interface Nearest {
  x: number;
  values: NearestValue[];
}

/** Index of the point of s whose x is closest to xValue among those with drawable y, or -1. */
export function nearestIndex(
  s: Series,
  xValue: number,
  drawable: (v: number) => boolean = Number.isFinite,
): number {
  const n = Math.min(s.x.length, s.y.length);
  if (n === 0) return -1;
  const ok = (i: number) => drawable(s.y[i]) && Number.isFinite(s.x[i]);
  let r = Math.min(bisectLeft(s.x as ArrayLike<number>, xValue, 0, n), n - 1);
  let l = r - 1;
  while (l >= 0 || r < n) {
    const dl = l >= 0 && ok(l) ? xValue - s.x[l] : Infinity;
    const dr = r < n && ok(r) ? Math.abs(s.x[r] - xValue) : Infinity;
    if (dl < Infinity || dr < Infinity) return dl <= dr ? l : r;
    l--;
    r++;
  }
  return -1;
}

/**
 * For each series, its drawable point nearest in x to xValue (x ascending). Series without
 * such a point are left out; null when none has one.
 */
export function nearestPoint(
  data: LineData,
  xValue: number,
  drawable: (v: number) => boolean = Number.isFinite,
): Nearest | null {
  const values: NearestValue[] = [];
  data.series.forEach((s, k) => {
    const index = nearestIndex(s, xValue, drawable);
    if (index < 0) return;
    const color = s.color ?? seriesColor(s.id, k);
    values.push({ id: s.id, label: s.label, color, index, x: s.x[index], y: s.y[index] });
  });
  if (!values.length) return null;
  const best = values.reduce((a, b) => (Math.abs(b.x - xValue) < Math.abs(a.x - xValue) ? b : a));
  return { x: best.x, values };
}

/**
 * Read-out lines: 'xLabel x', then 'label: y' per series (y in the given d3 format), with
 * ' (xLabel x)' added where that series' nearest point lies at another x.
 */
export function readoutLines(n: Nearest, xLabel: string, valueFormat: string): string[] {
  const f = format(valueFormat);
  const at = (v: NearestValue) => (v.x === n.x ? '' : ` (${xLabel} ${v.x})`);
  return [`${xLabel} ${n.x}`, ...n.values.map((v) => `${v.label}: ${f(v.y)}${at(v)}`)];
}

export interface FocusLayout {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number> | ScaleLogarithmic<number, number>;
  innerWidth: number;
  innerHeight: number;
  xLabel: string;
  valueFormat: string;
  drawable: (v: number) => boolean;
}

/** Shows (or hides, for null) the focus line, dots and read-out for pointer x `px` in the plot. */
export function updateFocus(focus: G, data: LineData, L: FocusLayout, px: number | null): void {
  const n = px === null ? null : nearestPoint(data, L.x.invert(px), L.drawable);
  focus.selectAll('*').remove();
  focus.attr('display', n ? null : 'none');
  if (!n) return;
  const fx = L.x(n.x);
  focus
    .append('line')
    .attr('x1', fx)
    .attr('x2', fx)
    .attr('y2', L.innerHeight)
    .attr('stroke', INK.reference);
  for (const v of n.values) {
    focus
      .append('circle')
      .attr('cx', L.x(v.x))
      .attr('cy', L.y(v.y))
      .attr('r', 3)
      .attr('fill', v.color);
  }
  const lines = readoutLines(n, L.xLabel, L.valueFormat);
  const left = fx > L.innerWidth / 2;
  const text = focus
    .append('text')
    .attr('class', 'readout')
    .attr('x', left ? fx - 6 : fx + 6)
    .attr('y', 12)
    .attr('text-anchor', left ? 'end' : 'start')
    .attr('paint-order', 'stroke')
    .attr('stroke', 'white')
    .attr('stroke-width', 3);
  lines.forEach((s, i) =>
    text
      .append('tspan')
      .attr('x', text.attr('x'))
      .attr('dy', i ? 13 : 0)
      .text(s),
  );
}

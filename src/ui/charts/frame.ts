import { axisBottom, axisLeft, select } from 'd3';
import type { AxisScale, Selection } from 'd3';
import { INK } from './palette';

/** The charts' text size in px when none is given (the drawing of every snapshot test). */
export const CHART_FONT = 11;

/** Space around the plot area, in px. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface FrameOptions {
  width: number;
  height: number;
  margin: Margin;
  /** Accessible summary: the SVG's <title> and aria-label. */
  summary: string;
  /** Text size in px (the page's --chart-font token; lecture mode's is larger). */
  fontSize?: number;
}

export type G = Selection<SVGGElement, unknown, null, undefined>;
/** Any parent a chart layer can be appended to. */
export type Parent<E extends SVGElement> = Selection<E, unknown, null, undefined>;

export interface Frame {
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** Group translated to the plot area's top-left corner. */
  plot: G;
  innerWidth: number;
  innerHeight: number;
  margin: Margin;
  fontSize: number;
}

/** A margin sized for CHART_FONT text, grown in proportion for text of fontSize px. */
export function scaleMargin<M extends Partial<Margin>>(m: M, fontSize = CHART_FONT): M {
  const k = fontSize / CHART_FONT;
  const out: Partial<Margin> = {};
  for (const [side, px] of Object.entries(m)) out[side as keyof Margin] = Math.round(px * k);
  return out as M;
}

/** The plot area inside a chart of this size, in the SVG's px (to place a canvas under it). */
export function plotRect(o: Pick<FrameOptions, 'width' | 'height' | 'margin'>) {
  const { top, right, bottom, left } = o.margin;
  return {
    left,
    top,
    width: Math.max(1, o.width - left - right),
    height: Math.max(1, o.height - top - bottom),
  };
}

/** Empties the SVG (render is idempotent) and sets its size, role, title and aria-label. */
export function setupFrame(el: SVGSVGElement, o: FrameOptions): Frame {
  const svg = select(el);
  svg.selectAll('*').remove();
  const r = plotRect(o);
  const fontSize = o.fontSize ?? CHART_FONT;
  svg
    .attr('width', o.width)
    .attr('height', o.height)
    .attr('viewBox', `0 0 ${o.width} ${o.height}`)
    .attr('role', 'img')
    .attr('aria-label', o.summary)
    .attr('font-family', 'system-ui, sans-serif')
    .attr('font-size', fontSize);
  svg.append('title').text(o.summary);
  const plot = svg
    .append('g')
    .attr('class', 'plot')
    .attr('transform', `translate(${r.left},${r.top})`);
  return { svg, plot, innerWidth: r.width, innerHeight: r.height, margin: o.margin, fontSize };
}

/** Rough text width in px: 6.2 px a character at 11 px (jsdom cannot measure text). */
export function textWidth(s: string, fontSize = CHART_FONT): number {
  return Math.ceil((s.length * 6.2 * fontSize) / CHART_FONT);
}

/**
 * An axis label that fits `room` px: whole, else its words before the first bracket
 * ('variance (1/d) Σ_j V_j' → 'variance'), whole in the label's tooltip.
 */
export function fitLabel(label: string, room: number, fontSize: number): string {
  if (textWidth(label, fontSize) <= room) return label;
  const short = label.split(' (')[0];
  return short || label;
}

export interface AxesOptions {
  xLabel: string;
  yLabel: string;
  xTicks?: number;
  yTicks?: number;
  xFormat?: string;
  yFormat?: string;
  /** Explicit x ticks (band scales, which have no ticks of their own). */
  xTickValues?: number[];
}

/** Bottom and left axes with their labels, drawn into the frame's plot group. */
export function drawAxes(
  f: Frame,
  x: AxisScale<number>,
  y: AxisScale<number>,
  o: AxesOptions,
): void {
  const xa = axisBottom(x).ticks(o.xTicks ?? Math.max(2, Math.floor(f.innerWidth / 80)), o.xFormat);
  if (o.xTickValues) xa.tickValues(o.xTickValues);
  const ya = axisLeft(y).ticks(o.yTicks ?? Math.max(2, Math.floor(f.innerHeight / 40)), o.yFormat);
  const gx = f.plot
    .append('g')
    .attr('class', 'x-axis')
    .attr('transform', `translate(0,${f.innerHeight})`);
  gx.call(xa);
  const gy = f.plot.append('g').attr('class', 'y-axis');
  gy.call(ya);
  for (const g of [gx, gy])
    g.attr('color', INK.axis).attr('font-size', f.fontSize).attr('font-family', null);
  gx.append('text')
    .attr('class', 'axis-label')
    .attr('x', f.innerWidth / 2)
    .attr('y', f.margin.bottom - 6)
    .attr('fill', 'currentColor')
    .attr('text-anchor', 'middle')
    .text(o.xLabel);
  gy.append('text')
    .attr('class', 'axis-label')
    .attr(
      'transform',
      `translate(${f.fontSize + 1 - f.margin.left},${f.innerHeight / 2}) rotate(-90)`,
    )
    .attr('fill', 'currentColor')
    .attr('text-anchor', 'middle')
    // Centred on the plot, it may run into the margins but not out of the SVG.
    .text(
      fitLabel(o.yLabel, f.innerHeight + 2 * Math.min(f.margin.top, f.margin.bottom), f.fontSize),
    )
    .call((t) => {
      if (t.text() !== o.yLabel) t.append('title').text(o.yLabel);
    });
}

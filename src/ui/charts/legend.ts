import type { G, Parent } from './frame';

/** One legend entry: a line swatch (optionally dashed/faded) or a filled symbol path. */
export interface LegendItem {
  label: string;
  color: string;
  dash?: string;
  opacity?: number;
  /** SVG path data of a symbol centred on (0, 0); a line swatch when absent. */
  symbol?: string;
  /** Draw the symbol as an outline (e.g. the duplicate ring). */
  hollow?: boolean;
}

/** Rough text width in px at the charts' 11px font (jsdom cannot measure text). */
export function textWidth(s: string): number {
  return Math.ceil(s.length * 6.2);
}

const SWATCH = 18;
const GAP = 12;
const ROW = 14;

/** Row height of the legend in px. */
export const LEGEND_ROW = ROW;

/** Entry positions, left to right, wrapping when a row would pass maxWidth. */
export function legendLayout(items: readonly LegendItem[], maxWidth: number) {
  let cx = 0;
  let row = 0;
  return items.map((item) => {
    const w = SWATCH + 4 + textWidth(item.label);
    if (cx > 0 && cx + w > maxWidth) {
      cx = 0;
      row++;
    }
    const at = { x: cx, y: row * ROW };
    cx += w + GAP;
    return at;
  });
}

/** Number of rows the items take within maxWidth. */
export function legendRows(items: readonly LegendItem[], maxWidth: number): number {
  const at = legendLayout(items, maxWidth);
  return at.length ? at[at.length - 1].y / ROW + 1 : 0;
}

/** Draws the legend from (x, y), y being the first row's text middle. */
export function drawLegend<E extends SVGElement>(
  parent: Parent<E>,
  items: readonly LegendItem[],
  x: number,
  y: number,
  maxWidth: number,
): void {
  const g = parent.append('g').attr('class', 'legend').attr('transform', `translate(${x},${y})`);
  legendLayout(items, maxWidth).forEach((at, i) => {
    const e = g.append('g').attr('transform', `translate(${at.x},${at.y})`);
    drawSwatch(e, items[i]);
    e.append('text')
      .attr('x', SWATCH + 4)
      .attr('dy', '0.32em')
      .attr('fill', '#222')
      .text(items[i].label);
  });
}

function drawSwatch(e: G, item: LegendItem): void {
  if (item.symbol) {
    e.append('path')
      .attr('transform', `translate(${SWATCH / 2},0)`)
      .attr('d', item.symbol)
      .attr('fill', item.hollow ? 'none' : item.color)
      .attr('stroke', item.hollow ? item.color : 'none')
      .attr('opacity', item.opacity ?? null);
    return;
  }
  e.append('line')
    .attr('x2', SWATCH)
    .attr('stroke', item.color)
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', item.dash ?? null)
    .attr('opacity', item.opacity ?? null);
}

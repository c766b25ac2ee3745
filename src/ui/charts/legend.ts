import {
  CHART_FONT,
  scaleMargin,
  setupFrame,
  textWidth,
  type Frame,
  type G,
  type Margin,
  type Parent,
} from './frame';

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

const SWATCH = 18;
const GAP = 12;
const ROW = 14;

/** Row height of the legend in px (at CHART_FONT). */
export const LEGEND_ROW = ROW;

/** Row height of the legend in px for text of fontSize px. */
export function legendRow(fontSize = CHART_FONT): number {
  return Math.round((ROW * fontSize) / CHART_FONT);
}

/** Entry positions, left to right, wrapping when a row would pass maxWidth. */
export function legendLayout(
  items: readonly LegendItem[],
  maxWidth: number,
  fontSize = CHART_FONT,
) {
  let cx = 0;
  let row = 0;
  return items.map((item) => {
    const w = SWATCH + 4 + textWidth(item.label, fontSize);
    if (cx > 0 && cx + w > maxWidth) {
      cx = 0;
      row++;
    }
    const at = { x: cx, y: row * legendRow(fontSize) };
    cx += w + GAP;
    return at;
  });
}

/** Number of rows the items take within maxWidth. */
export function legendRows(
  items: readonly LegendItem[],
  maxWidth: number,
  fontSize = CHART_FONT,
): number {
  const at = legendLayout(items, maxWidth, fontSize);
  return at.length ? at[at.length - 1].y / legendRow(fontSize) + 1 : 0;
}

/**
 * The band a legend takes above a plot: `top`, the plot's top margin (10 px at CHART_FONT plus
 * one row per legend row), and `y`, the first row's text middle (8 px at CHART_FONT).
 */
export function legendBand(
  items: readonly LegendItem[],
  maxWidth: number,
  fontSize = CHART_FONT,
): { top: number; y: number } {
  const k = fontSize / CHART_FONT;
  const rows = legendRows(items, maxWidth, fontSize);
  return { top: Math.round(10 * k) + rows * legendRow(fontSize), y: Math.round(8 * k) };
}

/** Draws the legend from (x, y), y being the first row's text middle. */
export function drawLegend<E extends SVGElement>(
  parent: Parent<E>,
  items: readonly LegendItem[],
  x: number,
  y: number,
  maxWidth: number,
  fontSize = CHART_FONT,
): void {
  const g = parent.append('g').attr('class', 'legend').attr('transform', `translate(${x},${y})`);
  legendLayout(items, maxWidth, fontSize).forEach((at, i) => {
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

/**
 * A chart's frame with the legend in its top margin: `margin` (sized for CHART_FONT, scaled to
 * the text size) gets the legend band as its top, the rows wrapping within the plot's width.
 * `legend()` draws the legend; a chart calls it after its plot (the legend comes last).
 */
export function legendFrame(
  svg: SVGSVGElement,
  o: { width: number; height: number; fontSize?: number },
  margins: Omit<Margin, 'top'>,
  items: readonly LegendItem[],
  summary: string,
): { f: Frame; legend: () => void } {
  const margin = scaleMargin(margins, o.fontSize);
  const legendWidth = o.width - margin.left - margin.right;
  const band = legendBand(items, legendWidth, o.fontSize);
  const f = setupFrame(svg, {
    width: o.width,
    height: o.height,
    fontSize: o.fontSize,
    margin: { ...margin, top: band.top },
    summary,
  });
  const legend = () => drawLegend(f.svg, items, margin.left, band.y, legendWidth, o.fontSize);
  return { f, legend };
}

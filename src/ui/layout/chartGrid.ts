/** Gap between charts, both ways, in px. */
export const CHART_GAP = 12;
/** Narrowest chart worth a second column, in px. */
const MIN_COLUMN = 270;
/** Below this width the charts do not try to fit the screen's height (phones scroll). */
const NARROW = 600;

export interface ChartGrid {
  columns: number;
  /** Each chart's width in px. */
  width: number;
  /** Each chart's height in px, caption included. */
  rowHeight: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * How `count` charts share a box `width` px wide with `fit` px left of the first screen: two
 * columns when each is at least MIN_COLUMN wide; the rows then share `fit` (220 to 640 px
 * each). Narrow boxes stack one chart per row, each 0.8 × its width high (240 to 360 px).
 */
export function chartGrid(width: number, fit: number, count: number): ChartGrid {
  const columns = count > 1 && width >= 2 * MIN_COLUMN + CHART_GAP ? 2 : 1;
  const chartWidth = Math.floor((width - (columns - 1) * CHART_GAP) / columns);
  const rows = Math.max(1, Math.ceil(count / columns));
  const fitted = Math.floor((fit - (rows - 1) * CHART_GAP) / rows);
  const rowHeight =
    width < NARROW ? clamp(Math.round(0.8 * chartWidth), 240, 360) : clamp(fitted, 220, 640);
  return { columns, width: chartWidth, rowHeight };
}

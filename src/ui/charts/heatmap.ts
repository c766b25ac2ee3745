import { interpolateRgb, piecewise } from 'd3';

/** The few members of CanvasRenderingContext2D the heatmap needs (easy to fake in tests). */
export interface FillContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
}

/** Light tints for P(class 1) = 0, 0.5, 1 (white at the boundary). */
export const HEATMAP_COLORS = ['#cfe3f3', '#ffffff', '#f9dcc0'] as const;

/**
 * Paints the gx x gy prediction grid (layout as in contourLines) over a width x height px
 * canvas placed on the plot area: one rect per sample, centred on it, y up.
 */
export function drawHeatmap(
  ctx: FillContext,
  grid: ArrayLike<number>,
  gx: number,
  gy: number,
  width: number,
  height: number,
  colors: readonly string[] = HEATMAP_COLORS,
): void {
  ctx.clearRect(0, 0, width, height);
  if (gx < 2 || gy < 2) return;
  const color = piecewise(interpolateRgb, [...colors]);
  const cw = width / (gx - 1);
  const ch = height / (gy - 1);
  for (let r = 0; r < gy; r++) {
    for (let c = 0; c < gx; c++) {
      const p = grid[r * gx + c];
      if (!Number.isFinite(p)) continue;
      ctx.fillStyle = color(Math.min(1, Math.max(0, p)));
      ctx.fillRect((c - 0.5) * cw, height - (r + 0.5) * ch, cw + 0.5, ch + 0.5);
    }
  }
}

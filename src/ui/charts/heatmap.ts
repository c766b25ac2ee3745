import { interpolateRgb, piecewise } from 'd3';

/** The few members of CanvasRenderingContext2D the heatmap needs (easy to fake in tests). */
export interface FillContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
}

/** Light tints for P(class 1) = 0, 0.5, 1 (white at the boundary). */
export const HEATMAP_COLORS = ['#cfe3f3', '#ffffff', '#f9dcc0'] as const;

/** Tint levels: P is rounded to 1/64 (neighbouring levels differ by about one RGB unit). */
const LEVELS = 64;

/** The LEVELS + 1 fill styles from `colors[0]` (P = 0) to `colors.at(-1)` (P = 1), memoised. */
const palettes = new Map<string, string[]>();
function paletteOf(colors: readonly string[]): string[] {
  const key = colors.join();
  let palette = palettes.get(key);
  if (!palette) {
    const color = piecewise(interpolateRgb, [...colors]);
    palette = Array.from({ length: LEVELS + 1 }, (_, i) => color(i / LEVELS));
    palettes.set(key, palette);
  }
  return palette;
}

/**
 * Paints the gx x gy prediction grid (layout as in contourLines) over a width x height px
 * canvas placed on the plot area: each sample's cell centred on it, y up. Neighbouring cells of
 * a row with the same tint are painted as one rect (far from the boundary P saturates, so a
 * redraw takes a few hundred rects rather than gx·gy).
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
  const palette = paletteOf(colors);
  const level = (p: number) =>
    Number.isFinite(p) ? Math.round(Math.min(1, Math.max(0, p)) * LEVELS) : -1;
  const cw = width / (gx - 1);
  const ch = height / (gy - 1);
  for (let r = 0; r < gy; r++) {
    let c = 0;
    while (c < gx) {
      const l = level(grid[r * gx + c]);
      let end = c + 1;
      while (end < gx && level(grid[r * gx + end]) === l) end++;
      if (l >= 0) {
        ctx.fillStyle = palette[l];
        ctx.fillRect((c - 0.5) * cw, height - (r + 0.5) * ch, (end - c) * cw + 0.5, ch + 0.5);
      }
      c = end;
    }
  }
}

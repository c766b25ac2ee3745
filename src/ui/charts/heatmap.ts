import { interpolateRgb, piecewise, rgb } from 'd3';

/** Light tints for P(class 1) = 0, 0.5, 1 (white at the boundary). */
export const HEATMAP_COLORS = ['#cfe3f3', '#ffffff', '#f9dcc0'] as const;

/** Tint levels: P is rounded to 1/64 (neighbouring levels differ by about one RGB unit). */
const LEVELS = 64;

/** The LEVELS + 1 tints [r, g, b] from `colors[0]` (P = 0) to `colors.at(-1)` (P = 1), memoised. */
const palettes = new Map<string, Uint8Array>();
function paletteOf(colors: readonly string[]): Uint8Array {
  const key = colors.join();
  let palette = palettes.get(key);
  if (!palette) {
    const color = piecewise(interpolateRgb, [...colors]);
    palette = new Uint8Array(3 * (LEVELS + 1));
    for (let l = 0; l <= LEVELS; l++) {
      const c = rgb(color(l / LEVELS));
      palette.set([c.r, c.g, c.b], 3 * l);
    }
    palettes.set(key, palette);
  }
  return palette;
}

/**
 * The gx x gy prediction grid (layout as in contourLines) as a gx x gy RGBA image, y up (the
 * top row of pixels is the grid's last row); a non-finite sample is transparent. Drawn scaled
 * at heatmapPlacement, each pixel is its sample's cell: one drawImage, where filling a rect
 * per cell cost a software-rendered canvas tens of ms per redraw.
 */
export function heatmapPixels(
  grid: ArrayLike<number>,
  gx: number,
  gy: number,
  colors: readonly string[] = HEATMAP_COLORS,
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(4 * Math.max(0, gx * gy));
  if (gx < 2 || gy < 2 || grid.length < gx * gy) return out;
  const palette = paletteOf(colors);
  for (let r = 0; r < gy; r++) {
    for (let c = 0; c < gx; c++) {
      const p = grid[r * gx + c];
      if (!Number.isFinite(p)) continue;
      const l = 3 * Math.round(Math.min(1, Math.max(0, p)) * LEVELS);
      const o = 4 * ((gy - 1 - r) * gx + c);
      out[o] = palette[l];
      out[o + 1] = palette[l + 1];
      out[o + 2] = palette[l + 2];
      out[o + 3] = 255;
    }
  }
  return out;
}

/**
 * Where to draw the gx x gy image on a width x height px plot area, [x, y, w, h]: sample c
 * sits at c·width/(gx − 1), so the image reaches half a cell past each edge (the canvas clips
 * it) and each pixel, scaled without smoothing, is the cell centred on its sample.
 */
export function heatmapPlacement(
  gx: number,
  gy: number,
  width: number,
  height: number,
): [number, number, number, number] {
  const cw = width / (gx - 1);
  const ch = height / (gy - 1);
  return [-cw / 2, -ch / 2, width + cw, height + ch];
}

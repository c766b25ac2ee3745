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

/** For each of n pixels along an axis of `px` px: the index of the grid sample whose cell it is in. */
function cellOf(n: number, samples: number, px: number): Int32Array {
  const cell = px / (samples - 1); // sample k sits at k·cell; its cell spans ±cell/2
  return Int32Array.from({ length: n }, (_, i) =>
    Math.min(samples - 1, Math.max(0, Math.floor((i + 0.5) / cell + 0.5))),
  );
}

/**
 * The gx x gy prediction grid (layout as in contourLines) as RGBA pixels of a width x height
 * image placed on the plot area: each sample's cell centred on it, y up; a non-finite sample
 * is transparent. Written straight into the pixels (one putImageData), since filling a rect
 * per cell costs a software-rendered canvas tens of ms per redraw.
 */
export function heatmapPixels(
  grid: ArrayLike<number>,
  gx: number,
  gy: number,
  width: number,
  height: number,
  colors: readonly string[] = HEATMAP_COLORS,
): Uint8ClampedArray<ArrayBuffer> {
  const w = Math.max(0, Math.floor(width));
  const h = Math.max(0, Math.floor(height));
  const out = new Uint8ClampedArray(4 * w * h);
  if (gx < 2 || gy < 2 || grid.length < gx * gy) return out;
  const palette = paletteOf(colors);
  const col = cellOf(w, gx, w);
  const row = cellOf(h, gy, h); // counted from the bottom row of pixels
  for (let y = 0; y < h; y++) {
    const r = row[h - 1 - y];
    for (let x = 0; x < w; x++) {
      const p = grid[r * gx + col[x]];
      if (!Number.isFinite(p)) continue;
      const l = 3 * Math.round(Math.min(1, Math.max(0, p)) * LEVELS);
      const o = 4 * (y * w + x);
      out[o] = palette[l];
      out[o + 1] = palette[l + 1];
      out[o + 2] = palette[l + 2];
      out[o + 3] = 255;
    }
  }
  return out;
}

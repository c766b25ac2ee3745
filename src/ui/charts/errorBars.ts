/**
 * Error bars: at each point a vertical segment from the min to the max over seeds, with short
 * caps, and the mean as a filled dot (a sweep's points, points.ts). Values that cannot be
 * drawn on the y scale (≤ 0 on a log scale, NaN) are skipped; a bar with one end undrawable
 * is cut at the plot's edge by the clamped scale.
 */
import type { ScaleContinuousNumeric } from 'd3';
import type { G } from './frame';

export interface BarPoint {
  x: number;
  mean: number;
  min: number;
  max: number;
}

export interface BarScales {
  x: ScaleContinuousNumeric<number, number>;
  y: ScaleContinuousNumeric<number, number>;
  drawableX: (v: number) => boolean;
  drawableY: (v: number) => boolean;
}

const CAP = 3;
const DOT = 3.2;
const r2 = (v: number) => Math.round(v * 100) / 100;

/** One path for every bar and cap, one for every dot: few DOM nodes however many points. */
export function drawErrorBars(g: G, points: readonly BarPoint[], S: BarScales, color: string) {
  const shown = points.filter((p) => S.drawableX(p.x) && S.drawableY(p.mean));
  let bars = '';
  let dots = '';
  for (const p of shown) {
    const x = r2(S.x(p.x));
    const lo = r2(S.y(S.drawableY(p.min) ? p.min : p.mean));
    const hi = r2(S.y(S.drawableY(p.max) ? p.max : p.mean));
    const y = r2(S.y(p.mean));
    if (lo !== hi)
      bars += `M${x},${lo}V${hi}M${x - CAP},${lo}h${2 * CAP}M${x - CAP},${hi}h${2 * CAP}`;
    dots += `M${r2(x + DOT)},${y}A${DOT},${DOT},0,1,1,${r2(x - DOT)},${y}A${DOT},${DOT},0,1,1,${r2(x + DOT)},${y}Z`;
  }
  const layer = g.append('g').attr('class', 'error-bars');
  if (bars) layer.append('path').attr('d', bars).attr('stroke', color).attr('fill', 'none');
  if (dots) layer.append('path').attr('class', 'means').attr('d', dots).attr('fill', color);
}

/**
 * Reference lines that teach, computed from a sweep's points:
 *
 * - The log–log slope of a column against x: least squares of log y on log x over the points'
 *   means (positive values only). For SG-B's variance against the batch size B the law is
 *   Var = tr(Σ)/(d·B) with replacement (×(N−B)/(N−1) without), slope −1.
 * - A slope line y = C·x^s through the points' geometric centre (the −1 line is drawn beside
 *   the data, not fitted to it).
 * - B_simple = Σ_j v_j / ‖g‖² (McCandlish et al. 2018), the batch size at which the noise of
 *   SG-B (with replacement) has the power of the gradient itself: drawn on a B axis at the
 *   median over the points of each point's mean late B_simple.
 */
import type { SummaryStat } from '../run/summaryColumns';
import type { SweepPoint } from './points';

export interface LogFit {
  slope: number;
  /** log10 y at log10 x = 0. */
  intercept: number;
  /** Points used. */
  n: number;
}

function logPairs(points: readonly SweepPoint[], column: string): [number, number][] {
  return points
    .map((p) => [p.x, p.values[column]?.mean ?? NaN] as const)
    .filter(([x, y]) => x > 0 && y > 0 && Number.isFinite(x) && Number.isFinite(y))
    .map(([x, y]) => [Math.log10(x), Math.log10(y)]);
}

/** Least-squares slope of log10(mean) on log10(x); null with fewer than two distinct x. */
export function logSlope(points: readonly SweepPoint[], column: string): LogFit | null {
  const xy = logPairs(points, column);
  const n = xy.length;
  const mx = xy.reduce((a, [x]) => a + x, 0) / n;
  const my = xy.reduce((a, [, y]) => a + y, 0) / n;
  const sxx = xy.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  if (n < 2 || sxx === 0) return null;
  const slope = xy.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / sxx;
  return { slope, intercept: my - slope * mx, n };
}

export interface Segment {
  x: [number, number];
  y: [number, number];
}

/** The line of the given log–log slope through the geometric centre of the points. */
export function slopeLine(
  points: readonly SweepPoint[],
  column: string,
  slope: number,
): Segment | null {
  const xy = logPairs(points, column);
  if (xy.length < 2) return null;
  const mx = xy.reduce((a, [x]) => a + x, 0) / xy.length;
  const my = xy.reduce((a, [, y]) => a + y, 0) / xy.length;
  const lx = [Math.min(...xy.map(([x]) => x)), Math.max(...xy.map(([x]) => x))];
  if (lx[0] === lx[1]) return null;
  const at = (x: number) => 10 ** (my + slope * (x - mx));
  return { x: [10 ** lx[0], 10 ** lx[1]], y: [at(lx[0]), at(lx[1])] };
}

/** Median of the finite numbers; null when there are none. */
function median(values: readonly number[]): number | null {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** B_simple's place on a batch-size axis; null unless x is `bs`. */
export function bSimpleMarker(xKey: string, points: readonly SweepPoint[]): number | null {
  if (xKey !== 'bs') return null;
  return median(points.map((p) => p.values['bSimple mean']?.mean ?? NaN));
}

/** The teaching slope for a plot, if any: −1 for variance against B. */
export function referenceSlope(xKey: string, stat: SummaryStat): number | null {
  return xKey === 'bs' && stat === 'variance' ? -1 : null;
}

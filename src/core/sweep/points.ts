/**
 * The plotted points of a sweep: the runs' rows (result.ts) grouped by their varied values,
 * each column summarised over the seeds as mean, min and max (the error bar). Only finite
 * values count; a column no seed measured is null at that point.
 */
import type { Row, SweepRunResult } from './result';
import { runRow } from './result';

export interface Spread {
  mean: number;
  min: number;
  max: number;
  /** Seeds with a finite value. */
  n: number;
}

export interface SweepPoint {
  /** The first key's value (the x axis). */
  x: number;
  /** The second key's value (one line per value), null when only one key is varied. */
  series: number | null;
  /** Indices of the runs (one per seed) behind the point. */
  runs: number[];
  values: Record<string, Spread | null>;
}

/** Mean, min and max of the finite numbers; null when there are none. */
export function spread(values: readonly (number | null)[]): Spread | null {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x));
  if (v.length === 0) return null;
  return {
    mean: v.reduce((a, b) => a + b, 0) / v.length,
    min: Math.min(...v),
    max: Math.max(...v),
    n: v.length,
  };
}

function summarise(rows: readonly Row[]): Record<string, Spread | null> {
  const columns = new Set(rows.flatMap((r) => Object.keys(r)));
  const out: Record<string, Spread | null> = {};
  for (const c of columns) out[c] = spread(rows.map((r) => r[c] ?? null));
  return out;
}

/**
 * Points of the runs finished so far, ordered by series (first appearance) then x ascending.
 * `keys` are the sweep's varied keys: keys[0] the x axis, keys[1] (optional) the series.
 */
export function sweepPoints(
  keys: readonly string[],
  runs: readonly SweepRunResult[],
): SweepPoint[] {
  const groups = new Map<string, { x: number; series: number | null; runs: SweepRunResult[] }>();
  for (const run of runs) {
    const x = run.varied[keys[0]];
    const series = keys.length > 1 ? run.varied[keys[1]] : null;
    const id = `${x}|${series}`;
    const g = groups.get(id) ?? { x, series, runs: [] };
    g.runs.push(run);
    groups.set(id, g);
  }
  const order = [...new Set([...groups.values()].map((g) => g.series))];
  return [...groups.values()]
    .sort((a, b) => order.indexOf(a.series) - order.indexOf(b.series) || a.x - b.x)
    .map((g) => ({
      x: g.x,
      series: g.series,
      runs: g.runs.map((r) => r.index).sort((a, b) => a - b),
      values: summarise(g.runs.map(runRow)),
    }));
}

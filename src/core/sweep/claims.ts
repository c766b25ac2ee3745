/**
 * A sweep preset's claims as data, checked on the sweep's points (points.ts: each column's
 * mean over the seeds at each point). Every check yields pass/fail and the measured numbers,
 * so a test failure (or the view) says what was seen.
 *
 * A column is a summary column (`SG-B variance mean`) or a ratio of two, `A / B`, read at a
 * point as mean(A) / mean(B) (means over the seeds).
 *
 *   slope       log–log least-squares slope of a column against x, in [min, max], per series
 *   sgRatio     at each run, SG-2B/SG-B of the given statistic equals its closed form:
 *               ½ with replacement, (N−2B)/(2(N−B)) without (N = training-set size), to `tol`
 *   ends        per series, r = mean at the smallest x / mean at the largest x: r ≥ factor
 *               (direction 'down'), r ≤ 1/factor ('up'), or 1/factor ≤ r ≤ factor ('flat')
 *   gapGrows    g(x) = mean of the first series / mean of the last (series in order); the gap
 *               at the largest x over the gap at the smallest x ≥ factor
 *   level       at each selected point, the mean is below / above a value
 *   seriesOrder at each selected x, the mean falls ('down') or rises ('up') with the series value
 */
import { statColumn, type SummaryAgg, type SummaryStat } from '../run/summaryColumns';
import type { SweepPoint } from './points';
import { logSlope } from './reference';
import type { SweepRunResult } from './result';

/** Which points a check looks at: x in [lo, hi], series among the values (default: all). */
export interface Where {
  x?: [number, number];
  series?: number[];
}

export type Check =
  | { kind: 'slope'; column: string; min: number; max: number }
  | { kind: 'sgRatio'; stat: SummaryStat; agg: SummaryAgg; tol: number }
  | {
      kind: 'ends';
      column: string;
      direction: 'down' | 'up' | 'flat';
      factor: number;
      where?: Where;
    }
  | { kind: 'gapGrows'; column: string; factor: number }
  | { kind: 'level'; column: string; below?: number; above?: number; where?: Where }
  | { kind: 'seriesOrder'; column: string; direction: 'down' | 'up'; where?: Where };

export interface Claim {
  /** The sentence on screen; the check is what makes it true. */
  text: string;
  check: Check;
}

export interface Verdict {
  pass: boolean;
  /** What was measured, e.g. "slope −0.97 (series 0.1)". */
  seen: string;
}

const fmt = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(3)).toString() : String(v));
/** A column's mean at a point; `A / B` is the ratio of the two means. */
export function meanOf(p: SweepPoint, column: string): number {
  const [a, b] = column.split(' / ');
  const m = (c: string) => p.values[c]?.mean ?? NaN;
  return b === undefined ? m(a) : m(a) / m(b);
}

function selected(points: readonly SweepPoint[], where: Where = {}): SweepPoint[] {
  return points.filter(
    (p) =>
      (!where.x || (p.x >= where.x[0] && p.x <= where.x[1])) &&
      (!where.series || (p.series !== null && where.series.includes(p.series))),
  );
}

function bySeries(points: readonly SweepPoint[]): SweepPoint[][] {
  const groups = new Map<number | null, SweepPoint[]>();
  for (const p of points) groups.set(p.series, [...(groups.get(p.series) ?? []), p]);
  return [...groups.values()];
}

/** Every value must pass; `seen` lists them all. An empty selection fails. */
function all(items: { ok: boolean; text: string }[]): Verdict {
  if (items.length === 0) return { pass: false, seen: 'no points to check' };
  return { pass: items.every((i) => i.ok), seen: items.map((i) => i.text).join('; ') };
}

const label = (p: SweepPoint) => `x=${p.x}${p.series === null ? '' : ` s=${p.series}`}`;

/** SG-2B/SG-B of one run by its closed form (DESIGN §2): ½, or (N−2B)/(2(N−B)). */
export function expectedSgRatio(run: SweepRunResult): number {
  const { n, bs, repl } = run.config;
  return repl ? 0.5 : (n - 2 * bs) / (2 * (n - bs));
}

export function evaluate(
  check: Check,
  points: readonly SweepPoint[],
  runs: readonly SweepRunResult[],
): Verdict {
  switch (check.kind) {
    case 'slope':
      return all(
        bySeries(points).map((ps) => {
          const s = logSlope(ps, check.column)?.slope ?? NaN;
          return { ok: s >= check.min && s <= check.max, text: `slope ${fmt(s)}${seriesOf(ps)}` };
        }),
      );
    case 'sgRatio':
      return all(runs.map((run) => sgRatio(check, run)));
    case 'ends':
      return all(
        bySeries(selected(points, check.where)).map((ps) => {
          const r = meanOf(ps[0], check.column) / meanOf(ps[ps.length - 1], check.column);
          const f = check.factor;
          const ok =
            check.direction === 'down'
              ? r >= f
              : check.direction === 'up'
                ? r <= 1 / f
                : r >= 1 / f && r <= f;
          return { ok, text: `first/last ${fmt(r)}${seriesOf(ps)}` };
        }),
      );
    case 'level':
      return all(
        selected(points, check.where).map((p) => {
          const v = meanOf(p, check.column);
          const ok =
            (check.below === undefined || v < check.below) &&
            (check.above === undefined || v > check.above);
          return { ok, text: `${label(p)}: ${fmt(v)}` };
        }),
      );
    case 'seriesOrder':
      return seriesOrder(check, selected(points, check.where));
    case 'gapGrows':
      return gapGrows(check, points);
  }
}

function seriesOf(ps: readonly SweepPoint[]): string {
  return ps[0]?.series === null || ps.length === 0 ? '' : ` (series ${ps[0].series})`;
}

function sgRatio(check: Check & { kind: 'sgRatio' }, run: SweepRunResult) {
  const est = run.summary?.estimators;
  const r =
    (est?.['SG-2B']?.[check.stat][check.agg] ?? NaN) /
    (est?.['SG-B']?.[check.stat][check.agg] ?? NaN);
  const want = expectedSgRatio(run);
  return {
    ok: Math.abs(r - want) <= check.tol * want,
    text: `run ${run.index}: ${fmt(r)} vs ${fmt(want)}`,
  };
}

function seriesOrder(
  check: Check & { kind: 'seriesOrder' },
  points: readonly SweepPoint[],
): Verdict {
  const xs = [...new Set(points.map((p) => p.x))];
  return all(
    xs.map((x) => {
      const at = points.filter((p) => p.x === x).sort((a, b) => (a.series ?? 0) - (b.series ?? 0));
      const v = at.map((p) => meanOf(p, check.column));
      const ok =
        v.length > 1 &&
        v.every((y, i) => i === 0 || (check.direction === 'down' ? y < v[i - 1] : y > v[i - 1]));
      return { ok, text: `x=${x}: ${v.map(fmt).join(check.direction === 'down' ? ' > ' : ' < ')}` };
    }),
  );
}

function gapGrows(check: Check & { kind: 'gapGrows' }, points: readonly SweepPoint[]): Verdict {
  const series = bySeries(points);
  const [first, last] = [series[0], series[series.length - 1]];
  const gapAt = (i: number) => meanOf(first[i], check.column) / meanOf(last[i], check.column);
  if (series.length < 2 || first.length < 2 || first.length !== last.length)
    return { pass: false, seen: 'needs two series over the same x values' };
  const [g0, g1] = [gapAt(0), gapAt(first.length - 1)];
  const r = g1 / g0;
  return { pass: r >= check.factor, seen: `gap ${fmt(g0)} → ${fmt(g1)} (×${fmt(r)})` };
}

/** Shorthand for a statistic's column, e.g. col('GC', 'variance', 'mean'). */
export const col = statColumn;

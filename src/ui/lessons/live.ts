/** Small readers of the live run shared by the lessons' reveals and "what to notice". */
import type { EstimatorId } from '../../core/stats/types';
import type { EngineEvent, Report } from '../../core/run/records';
import type { LiveRun } from './types';

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** A number as shown in a sentence: 3 significant digits; below 0.001 as 1.23×10⁻⁵. */
export function num(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && Math.abs(v) < 1e-3) {
    const [m, e] = v.toExponential(2).split('e');
    const exp = String(Number(e))
      .split('')
      .map((c) => SUPERSCRIPT[c] ?? c)
      .join('');
    return `${Number(m)}×10${exp}`;
  }
  return String(Number(v.toPrecision(3)));
}

/** A ratio as "×0.25". */
export const times = (r: number) => `×${num(r)}`;

export function latest(run: LiveRun): Report | null {
  return run.reports.at(-1) ?? null;
}

/** An estimator's variance in a report, or null when not measured. */
export function variance(r: Report | null | undefined, id: EstimatorId): number | null {
  return r?.estimators[id]?.variance ?? null;
}

export function nv(r: Report | null | undefined, id: EstimatorId): number | null {
  return r?.estimators[id]?.normalizedVariance ?? null;
}

/** The last event of a kind (and, for changes, of a field). */
export function lastEvent<K extends EngineEvent['kind']>(
  run: LiveRun,
  kind: K,
  field?: string,
): Extract<EngineEvent, { kind: K }> | null {
  for (let i = run.events.length - 1; i >= 0; i--) {
    const e = run.events[i];
    if (e.kind === kind && (field === undefined || (e.kind === 'change' && e.field === field)))
      return e as Extract<EngineEvent, { kind: K }>;
  }
  return null;
}

/** Reports strictly before `step` (at most `count`, the latest ones) and from `step` on. */
export function around(
  run: LiveRun,
  step: number,
  count = Infinity,
): { before: Report[]; after: Report[] } {
  const before = run.reports.filter((r) => r.step < step);
  return {
    before: before.slice(Math.max(0, before.length - count)),
    after: run.reports.filter((r) => r.step >= step),
  };
}

export function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Geometric mean (for variances, which vary over orders of magnitude). */
export function geomean(values: readonly number[]): number {
  return Math.exp(mean(values.map(Math.log)));
}

/** Values of one estimator's variance over reports, skipping reports without it. */
export function variances(reports: readonly Report[], id: EstimatorId): number[] {
  return reports.flatMap((r) => {
    const v = variance(r, id);
    return v !== null && v > 0 ? [v] : [];
  });
}

/** The option whose ratio is nearest to r on a log scale (r > 0). */
export function nearestRatio<T extends string>(
  r: number,
  options: readonly { id: T; ratio: number }[],
): T {
  let best = options[0];
  for (const o of options)
    if (Math.abs(Math.log(r / o.ratio)) < Math.abs(Math.log(r / best.ratio))) best = o;
  return best.id;
}

/** The report right before a change at `step` and the first one from it on (both needed). */
export function straddle(run: LiveRun, step: number): { before: Report; after: Report } | null {
  const { before, after } = around(run, step, 1);
  return before.length && after.length ? { before: before[0], after: after[0] } : null;
}

/**
 * A sweep: one base configuration, one or two varied keys (axis.ts), S seeds and the steps of
 * every run. The runs are every combination of the varied values, each with seeds
 * base.seed, base.seed + 1, …, base.seed + S − 1 (expand.ts). The first key is the plot's x
 * axis, the second (if any) draws one line per value.
 *
 * The base configuration carries the first seed (`seed`) and the steps per run (`steps`), so
 * the URL keys keep their meaning. checkSpec() makes a spec consistent, naming each fix.
 */
import { copy, type Config } from '../config/schema';
import { COEF, type SweepAxis } from './axis';
import type { CoefBy } from './coef';

export interface SweepSpec {
  /** seed = the first seed; steps = training steps of every run (> 0). */
  base: Config;
  /** One or two varied keys; the first is the x axis. */
  axes: SweepAxis[];
  /** Seeds per point, S. */
  seeds: number;
  /** What a coef axis sets: the training-set size or the hidden widths. */
  coefBy: CoefBy;
}

export const DEFAULT_SEEDS = 3;
export const MAX_SEEDS = 100;
/** Steps per run when the base configuration has none (steps=0 means "run until paused"). */
export const DEFAULT_STEPS = 500;
/** The largest sweep (runs = values × values × seeds); beyond it the seeds are reduced. */
export const MAX_RUNS = 5000;
const MAX_SEED = 2 ** 31 - 1;

/** Number of points (combinations of varied values). */
export function pointCount(spec: SweepSpec): number {
  return spec.axes.reduce((n, a) => n * a.values.length, 1);
}

export function runCount(spec: SweepSpec): number {
  return pointCount(spec) * spec.seeds;
}

/** The keys a coef axis writes, which no other axis may vary. */
function coefTarget(spec: SweepSpec): string | null {
  return spec.axes.some((a) => a.key === COEF) ? spec.coefBy : null;
}

function checkAxes(spec: SweepSpec, problems: string[]): SweepAxis[] {
  const axes = spec.axes.slice(0, 2);
  if (spec.axes.length > 2) problems.push('at most two keys can be varied; using the first two');
  if (axes.length === 2 && axes[0].key === axes[1].key) {
    problems.push(`${axes[1].key} is varied twice; using the first`);
    axes.pop();
  }
  const target = coefTarget({ ...spec, axes });
  const clash = axes.findIndex((a) => a.key === target);
  if (target && clash >= 0) {
    problems.push(
      `coef sets ${target} (coefBy=${target}), so ${target} cannot be varied too; dropped`,
    );
    axes.splice(clash, 1);
  }
  if (axes.length === 0) problems.push('nothing is varied (give a key and its values)');
  return axes;
}

/** A consistent copy of the spec, with a message for each fix (empty when none was needed). */
export function checkSpec(spec: SweepSpec): { spec: SweepSpec; problems: string[] } {
  const problems: string[] = [];
  const base = copy(spec.base);
  let coefBy = spec.coefBy;
  if (coefBy === 'hidden' && base.model === 'linear' && spec.axes.some((a) => a.key === COEF)) {
    problems.push('coefBy=hidden: a linear model has no hidden width; coef sets n instead');
    coefBy = 'n';
  }
  const axes = checkAxes({ ...spec, coefBy }, problems);
  if (base.steps <= 0) base.steps = DEFAULT_STEPS;
  let seeds = Math.min(MAX_SEEDS, Math.max(1, Math.round(spec.seeds)));
  if (seeds !== spec.seeds) problems.push(`seeds=${spec.seeds}: 1..${MAX_SEEDS}; using ${seeds}`);
  const points = pointCount({ ...spec, axes });
  if (points * seeds > MAX_RUNS) {
    seeds = Math.max(1, Math.floor(MAX_RUNS / points));
    problems.push(
      `a sweep has at most ${MAX_RUNS} runs; using ${seeds} seed${seeds > 1 ? 's' : ''} per point`,
    );
  }
  if (base.seed + seeds - 1 > MAX_SEED) {
    base.seed = MAX_SEED - seeds + 1;
    problems.push(`the seeds must stay below 2^31; starting at seed ${base.seed}`);
  }
  return { spec: { base, axes, seeds, coefBy }, problems };
}

/**
 * The URL form of a sweep: the base configuration's own keys (config/codec.ts; `seed` is the
 * first seed, `steps` the steps per run), `view=sweep`, and the sweep's keys below, e.g.
 *
 *   view=sweep&data=teacher&model=rf&hidden=200&bs=10&steps=300&vary=coef:0.5..8:5&vary2=lr:0.01,0.05&seeds=3
 *
 * Parsing is total like the configuration codec: bad values are dropped or replaced by the
 * default and reported as problems; it never throws. serializeSweep() writes the shortest query
 * that parses back to the same sweep and view.
 */
import { pairs, parse, serialize, type ConfigProblem } from '../config/codec';
import { shown } from '../config/values';
import { SUMMARY_AGGS, type SummaryAgg, type SummaryStat } from '../run/summaryColumns';
import { formatValues, parseAxis, type SweepAxis } from './axis';
import { COEF_BY, type CoefBy } from './coef';
import { SWEEP_PRESETS, sweepPreset } from './presets';
import { checkSpec, DEFAULT_SEEDS, type SweepSpec } from './spec';

/** What the sweep view plots (the runs do not depend on it). */
export interface SweepView {
  stat: SummaryStat;
  agg: SummaryAgg;
}

/** The URL values of SweepView.stat. */
const Y_KEYS: Record<string, SummaryStat> = { variance: 'variance', nv: 'normalizedVariance' };
export const DEFAULT_VIEW: SweepView = { stat: 'variance', agg: 'mean' };

/** The sweep's own URL keys (every other key belongs to the base configuration). */
export const SWEEP_KEYS = ['vary', 'vary2', 'seeds', 'coefBy', 'sweepY', 'sweepAgg'] as const;
type SweepKey = (typeof SWEEP_KEYS)[number];

function isSweepKey(k: string): k is SweepKey {
  return (SWEEP_KEYS as readonly string[]).includes(k);
}

/** `KEY:VALUES` (URL) or `KEY=VALUES` (command line) into an axis. */
export function parseVary(raw: string, problems: string[]): SweepAxis | null {
  const at = raw.search(/[:=]/);
  if (at <= 0) {
    problems.push(`${shown(raw)} is not KEY:VALUES (e.g. bs:8,16,32 or lr:0.001..0.1:5)`);
    return null;
  }
  return parseAxis(raw.slice(0, at).trim(), raw.slice(at + 1), problems);
}

function choice<T>(
  key: string,
  raw: string,
  table: Record<string, T>,
  fallback: T,
  problems: ConfigProblem[],
): T {
  if (Object.hasOwn(table, raw)) return table[raw];
  const names = Object.keys(table).join(', ');
  problems.push({
    key,
    value: shown(raw),
    message: `${key}=${shown(raw)} is not one of ${names}; using the default`,
  });
  return fallback;
}

const byName = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<string, T>;

/**
 * The query's pairs, with `preset=NAME` of a sweep preset replaced by the preset's own pairs
 * (the query's other keys override them). Other presets are the base configuration's.
 */
function expandPreset(query: string, problems: ConfigProblem[]): [string, string][] {
  const given = pairs(query, problems);
  const named = [...given].reverse().find(([k]) => k === 'preset')?.[1];
  if (named === undefined || !named.startsWith('sweep-')) return given;
  const preset = sweepPreset(named);
  if (!preset) {
    const names = SWEEP_PRESETS.map((p) => p.name).join(', ');
    problems.push({
      key: 'preset',
      value: shown(named),
      message: `preset=${shown(named)} is not a sweep preset (${names}); ignored`,
    });
    return given.filter(([k]) => k !== 'preset');
  }
  const own = pairs(preset.query, problems);
  const overrides = given.filter(([k]) => k !== 'preset');
  const keys = new Set(overrides.map(([k]) => k));
  return [...own.filter(([k]) => !keys.has(k)), ...overrides];
}

/** Parses a sweep URL query into a consistent spec, the view, and every problem found. */
export function parseSweep(query: string): {
  spec: SweepSpec;
  view: SweepView;
  problems: ConfigProblem[];
} {
  const problems: ConfigProblem[] = [];
  const own = new Map<SweepKey, string>();
  const rest: string[] = [];
  for (const [k, v] of expandPreset(String(query ?? ''), problems)) {
    if (isSweepKey(k)) {
      if (own.has(k))
        problems.push({
          key: k,
          value: shown(v),
          message: `${k} appears more than once; using the last value`,
        });
      own.set(k, v);
    } else rest.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  }
  const { config, problems: configProblems } = parse(rest.join('&'));
  problems.push(...configProblems);
  const axisProblems: string[] = [];
  const axes = (['vary', 'vary2'] as const)
    .filter((k) => own.has(k))
    .map((k) => parseVary(own.get(k)!, axisProblems))
    .filter((a): a is SweepAxis => a !== null);
  const seedsRaw = own.get('seeds');
  let seeds = seedsRaw === undefined ? DEFAULT_SEEDS : Number(seedsRaw);
  if (seedsRaw !== undefined && !/^\s*\d+\s*$/.test(seedsRaw)) {
    problems.push({
      key: 'seeds',
      value: shown(seedsRaw),
      message: `seeds=${shown(seedsRaw)} is not a whole number; using ${DEFAULT_SEEDS}`,
    });
    seeds = DEFAULT_SEEDS;
  }
  const coefBy: CoefBy = own.has('coefBy')
    ? choice('coefBy', own.get('coefBy')!, byName(COEF_BY), 'n', problems)
    : 'n';
  const view: SweepView = {
    stat: own.has('sweepY')
      ? choice('sweepY', own.get('sweepY')!, Y_KEYS, DEFAULT_VIEW.stat, problems)
      : DEFAULT_VIEW.stat,
    agg: own.has('sweepAgg')
      ? choice('sweepAgg', own.get('sweepAgg')!, byName(SUMMARY_AGGS), DEFAULT_VIEW.agg, problems)
      : DEFAULT_VIEW.agg,
  };
  const checked = checkSpec({ base: { ...config, view: 'playground' }, axes, seeds, coefBy });
  for (const message of [...axisProblems, ...checked.problems])
    problems.push({ key: 'vary', value: '', message });
  return { spec: checked.spec, view, problems };
}

/** Encodes a value, leaving `,` and `:` readable (both are allowed in a query). */
function readable(v: string): string {
  return encodeURIComponent(v).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
}

/** The shortest URL query of a sweep and its view (with view=sweep). */
export function serializeSweep(spec: SweepSpec, view: SweepView = DEFAULT_VIEW): string {
  const parts = [serialize({ ...spec.base, view: 'sweep' })];
  spec.axes.forEach((a, i) =>
    parts.push(`vary${i ? i + 1 : ''}=${readable(`${a.key}:${formatValues(a)}`)}`),
  );
  if (spec.seeds !== DEFAULT_SEEDS) parts.push(`seeds=${spec.seeds}`);
  if (spec.coefBy !== 'n') parts.push(`coefBy=${spec.coefBy}`);
  if (view.stat !== DEFAULT_VIEW.stat) parts.push('sweepY=nv');
  if (view.agg !== DEFAULT_VIEW.agg) parts.push(`sweepAgg=${view.agg}`);
  return parts.filter((p) => p !== '').join('&');
}

/**
 * The record of a sweep (what `npm run sweep` and the sweep view export as JSON):
 *
 *   {app, sweep: {query, base, keys, axes, seeds, firstSeed, steps, coefBy, runs}, shard?, runs:
 *    [{index, varied, seed, query, config, backend, steps, diverged, summary}]}
 *
 * `summary` is summarizeRun() of the run's reports, exactly what `npm run experiment` writes for
 * the same query. One row per run (runRow) feeds the CSV and the plotted points: the varied
 * keys, seed, steps (trained), the summary's columns (summaryColumns.ts), then `diverged` (the
 * step, empty when the run did not diverge).
 */
import { serialize } from '../config/codec';
import type { Config } from '../config/schema';
import { APP } from '../run/export';
import type { RunSummary } from '../run/summary';
import { summaryColumns, summaryValues } from '../run/summaryColumns';
import { formatValues } from './axis';
import { serializeSweep } from './codec';
import type { Shard, SweepRun } from './expand';
import { runCount, type SweepSpec } from './spec';

export interface SweepRunResult {
  index: number;
  varied: Record<string, number>;
  seed: number;
  /** The configuration as the session applied it, and its URL query (reproduces the run). */
  query: string;
  config: Config;
  /** The tfjs backend that trained it. */
  backend: string;
  /** Steps trained (fewer than asked when the run diverged). */
  steps: number;
  /** Step at which the run diverged; null when it did not. */
  diverged: number | null;
  summary: RunSummary | null;
  /** Why the run was not trained (over this machine's resource budget); absent when it was. */
  skipped?: string;
}

export interface SweepDescription {
  /** The sweep's URL query (parseSweep reads it back). */
  query: string;
  /** The base configuration's query. */
  base: string;
  keys: string[];
  axes: { key: string; values: number[]; text: string }[];
  seeds: number;
  firstSeed: number;
  steps: number;
  coefBy: string;
  runs: number;
}

export interface SweepResult {
  app: typeof APP;
  sweep: SweepDescription;
  /** `I/N` for one shard's runs; absent for a whole (or merged) sweep. */
  shard?: string;
  runs: SweepRunResult[];
}

export function describeSweep(spec: SweepSpec): SweepDescription {
  return {
    query: serializeSweep(spec),
    base: serialize(spec.base),
    keys: spec.axes.map((a) => a.key),
    axes: spec.axes.map((a) => ({ key: a.key, values: [...a.values], text: formatValues(a) })),
    seeds: spec.seeds,
    firstSeed: spec.base.seed,
    steps: spec.base.steps,
    coefBy: spec.coefBy,
    runs: runCount(spec),
  };
}

/** How a run ended, as its worker reports it. */
export interface RunOutcome {
  /** The configuration as the session applied it (e.g. bs clamped to N_train). */
  config: Config;
  backend: string;
  steps: number;
  diverged: number | null;
  summary: RunSummary | null;
}

/** A finished run's record: its configuration and query as the session applied them. */
export function runResult(run: SweepRun, outcome: RunOutcome): SweepRunResult {
  const { index, varied, seed } = run;
  const { config, backend, steps, diverged, summary } = outcome;
  return {
    index,
    varied,
    seed,
    query: serialize(config),
    config,
    backend,
    steps,
    diverged,
    summary,
  };
}

/** The record of a run that was not trained, and why. */
export function skippedResult(run: SweepRun, reason: string): SweepRunResult {
  const outcome = { config: run.config, backend: 'none', steps: 0, diverged: null, summary: null };
  return { ...runResult(run, outcome), skipped: reason };
}

export function sweepResult(spec: SweepSpec, runs: SweepRunResult[], shard?: Shard): SweepResult {
  const sorted = [...runs].sort((a, b) => a.index - b.index);
  return {
    app: APP,
    sweep: describeSweep(spec),
    ...(shard ? { shard: `${shard.index}/${shard.count}` } : {}),
    runs: sorted,
  };
}

/** CSV columns of a sweep: varied keys, seed, steps, the summary's, diverged. */
export function rowColumns(keys: readonly string[], sampled: boolean): string[] {
  return [...keys, 'seed', 'steps', ...summaryColumns(sampled), 'diverged'];
}

export type Row = Record<string, number | null>;

/** One run as a row of named numbers (null: not measured). */
export function runRow(run: SweepRunResult): Row {
  return {
    ...run.varied,
    seed: run.seed,
    steps: run.steps,
    ...summaryValues(run.summary),
    diverged: run.diverged,
  };
}

/** JSON text of a sweep record (NaN and ±∞ become null, as in a run export). */
export function sweepJson(result: SweepResult): string {
  return `${JSON.stringify(result, null, 1)}\n`;
}

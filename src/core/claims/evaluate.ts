/**
 * Evaluates claims (types.ts) on observed runs: the value of a quantity in one run, whether a
 * value passes a check, and a claim over its seeds (it holds when it holds on every seed).
 */
import type { RunSummary } from '../run/summary';
import type { Check, Quantity, RunClaim, StatRef } from './types';

/** What a claim reads from one finished run. */
export interface RunObservation {
  summary: RunSummary;
  /** Late mean of mixedShare over the re-clusterings (2-D datasets with clusters only). */
  mixedClusters?: number;
  /** Late means of duplicateGrouping over the re-clusterings (runs with duplicates only). */
  duplicates?: { together: number; alone: number };
}

/** One number of the summary; null when the estimator was not measured (or is n/a). */
export function statValue(s: RunSummary, ref: StatRef): number | null {
  const group = ref.sampled ? s.sampled : s.estimators;
  const a = group?.[ref.estimator]?.[ref.statistic];
  return a ? a[ref.aggregate] : null;
}

/** The quantity in one run; null when it cannot be read (a missing estimator, 0/0). */
export function quantityValue(q: Quantity, run: RunObservation): number | null {
  switch (q.kind) {
    case 'stat':
      return statValue(run.summary, q.of);
    case 'ratio': {
      const num = statValue(run.summary, q.num);
      const den = statValue(run.summary, q.den);
      return num === null || den === null || den === 0 ? null : num / den;
    }
    case 'mixedClusters':
      return run.mixedClusters ?? null;
    case 'duplicates':
      return run.duplicates?.[q.measure] ?? null;
  }
}

export function passes(value: number | null, check: Check): boolean {
  if (value === null || !Number.isFinite(value)) return false;
  return check.comparison === '<' ? value < check.threshold : value > check.threshold;
}

/** A claim's value on one seed: the quantity, or its ratio to the `versus` run's. */
export function claimValue(
  claim: RunClaim,
  run: RunObservation,
  versus?: RunObservation,
): number | null {
  const v = quantityValue(claim.quantity, run);
  if (!claim.versus) return v;
  const w = versus ? quantityValue(claim.quantity, versus) : null;
  return v === null || w === null || w === 0 ? null : v / w;
}

export interface ClaimOutcome {
  holds: boolean;
  /** The value on each seed, in the claim's seed order (null: could not be read). */
  values: (number | null)[];
  /** Mean and sample standard deviation of the readable values. */
  mean: number;
  spread: number;
}

/** The claim over its seeds: it holds when every seed's value passes the check. */
export function evaluateClaim(claim: RunClaim, values: readonly (number | null)[]): ClaimOutcome {
  const ok = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const mean = ok.reduce((s, v) => s + v, 0) / Math.max(ok.length, 1);
  const spread =
    ok.length > 1 ? Math.sqrt(ok.reduce((s, v) => s + (v - mean) ** 2, 0) / (ok.length - 1)) : 0;
  return {
    holds: values.length > 0 && values.every((v) => passes(v, claim)),
    values: [...values],
    mean,
    spread,
  };
}

/**
 * Claims as data (house rule 10: a sentence on screen is a claim, and a claim is a test).
 * A claim names one number of a run — usually from its summary (run/summary.ts: late mean over
 * the last 70 % of training, max over the whole run) — a comparison with a threshold, the run
 * length and the seeds it must hold on. Plain data, no tensors; the sweep presets can reuse
 * Check and the evaluator with numbers of their own.
 */
import type { Config } from '../config/schema';
import type { EstimatorId } from '../stats/types';

export type Comparison = '<' | '>';

/** A number compared with a threshold. */
export interface Check {
  comparison: Comparison;
  threshold: number;
}

export type StatName = 'variance' | 'normalizedVariance' | 'normalizedVarianceAuthors';

/** 'mean': the late mean (last 70 % of training); 'max': the maximum over the run. */
export type Aggregation = 'mean' | 'max';

/** One number of a run summary: an estimator's statistic, aggregated. */
export interface StatRef {
  estimator: EstimatorId;
  statistic: StatName;
  aggregate: Aggregation;
  /** From the sampled protocol rather than the exact closed forms. */
  sampled?: boolean;
}

/** The number a claim is about, read from one run's observation. */
export type Quantity =
  | { kind: 'stat'; of: StatRef }
  | { kind: 'ratio'; num: StatRef; den: StatRef }
  /**
   * Late mean, over the re-clusterings in the last 70 % of training, of the share of the
   * pool in clusters that hold both classes (the minority at least MIXED_MINORITY of it).
   */
  | { kind: 'mixedClusters' }
  /**
   * Late mean over the re-clusterings of the share of duplicated points whose copies sit in
   * one cluster ('together') or fill one cluster by themselves ('alone'); clusters.ts.
   */
  | { kind: 'duplicates'; measure: 'together' | 'alone' };

/** A claim about one preset's runs: checked on every seed. */
export interface RunClaim extends Check {
  quantity: Quantity;
  /**
   * When given, the claim is about quantity(run) / quantity(the same run with this patch),
   * e.g. { noise: 0 } compares with clean labels.
   */
  versus?: Partial<Config>;
  /** Training steps of each run. */
  steps: number;
  seeds: readonly number[];
}

/**
 * The records of one run: what a measurement reports and what happened along the way. The
 * engine sends them to the UI, the CLIs write them, and the export format (export.ts) and the
 * run summary (summary.ts) read them. Plain data: numbers, strings, no tensors.
 */
import type { EstimatorId } from '../stats/types';

export interface EstimatorPoint {
  variance: number;
  normalizedVariance: number;
  /** Sampled protocol only: NV as the authors' code computes it (stats/sampled.ts). */
  normalizedVarianceAuthors?: number;
}

/** One measurement along the trajectory (all values finite). */
export interface Report {
  step: number;
  epoch: number;
  lr: number;
  /** Mean training loss and accuracy over the measurement pool. */
  loss: number;
  acc: number;
  testAcc: number;
  gradNorm2: number;
  meanExampleGradNorm2: number;
  /** null when ||g||^2 = 0. */
  bSimple: number | null;
  /**
   * Exact statistics. An estimator that cannot be formed (SG-2B when 2B > N_train without
   * replacement) is absent, never 0.
   */
  estimators: Partial<Record<EstimatorId, EstimatorPoint>>;
  /** The paper's sampled protocol (stats=sampled|both). */
  sampled?: Partial<Record<EstimatorId, EstimatorPoint>>;
  /**
   * With clipping on (clip > 0): the fraction of the steps since the previous report whose
   * mini-batch gradient was clipped (the statistics above are of the unclipped gradients).
   */
  clipped?: number;
}

export type EngineEvent =
  /** `note`: why the value used differs from the one asked for (e.g. bs clamped to N_train). */
  | { kind: 'change'; step: number; field: string; from: string; to: string; note?: string }
  | { kind: 'reset'; step: number; reason: string }
  | { kind: 'gc'; step: number; objective: number }
  | { kind: 'svrg'; step: number }
  | { kind: 'diverged'; step: number; what: string }
  | { kind: 'backend'; step: number; from: string; to: string; reason: string }
  | { kind: 'done'; step: number }
  /** The scheduled learning-rate drop (lrDrop=) took effect: η from → to. */
  | { kind: 'lrDrop'; step: number; from: number; to: number };

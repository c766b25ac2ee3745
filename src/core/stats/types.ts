/** The four mini-batch gradient estimators of the paper (DESIGN §2). */
export const ESTIMATORS = ['SG-B', 'SG-2B', 'GC', 'SVRG'] as const;
export type EstimatorId = (typeof ESTIMATORS)[number];

export interface EstimatorStats<T> {
  /** (1/d) sum_j V_j — the average variance (normalized trace of the covariance). */
  variance: T;
  /** (1/d) sum_j V_j / (V_j + g_j^2); a coordinate with a zero denominator contributes 0. */
  normalizedVariance: T;
  /**
   * Sampled protocol only: NV exactly as the authors' code computes it (sampled.ts),
   * (1/d) sum_j sum_t (ĝ_tj - Ē_j)^2 / (sum_t ĝ_tj^2 + 1e-7), Ē the mean of a separate set of
   * T draws; in expectation about (1 + 1/T) V/(V + g^2) (less when the 1e-7 dominates).
   */
  normalizedVarianceAuthors?: T;
}

/** One measurement over the pool. T = tf.Scalar on the device, number after readback. */
export interface GradientStats<T> {
  meanLoss: T;
  /** ||g||^2, g = mean_i g_i over the pool. */
  gradNorm2: T;
  /** mean_i ||g_i||^2. */
  meanExampleGradNorm2: T;
  /** Gradient noise scale B_simple = sum_j v_j / ||g||^2 (McCandlish et al. 2018). */
  bSimple: T;
  estimators: Partial<Record<EstimatorId, EstimatorStats<T>>>;
}

/** Estimator statistics by estimator. */
export type EstimatorSet<T> = Partial<Record<EstimatorId, EstimatorStats<T>>>;

/**
 * What one measurement yields: the pool summary, the exact estimators (`estimators`, empty in
 * sampled-only mode) and, in sampled or both modes, the paper's sampled protocol (`sampled`).
 */
export type Measurement<T> = GradientStats<T> & { sampled?: EstimatorSet<T> };

/**
 * How SGD draws a mini-batch of B examples: from the N_train training examples (`population`),
 * of which the measurement pool (N examples) is the whole or a seeded subset. The pool only
 * estimates the per-example moments; the finite-population correction uses N_train.
 */
export interface Sampling {
  batch: number;
  /** true: i.i.d. draws; false: B distinct examples (finite-population correction). */
  replacement: boolean;
  /** N_train, the size of the set SGD samples from (≥ the pool's N); default: the pool's N. */
  population?: number;
}

/** A partition of the pool into K clusters (Gradient Clustering). */
export interface Clusters {
  assignment: Int32Array;
  K: number;
}

/** The four mini-batch gradient estimators of the paper (DESIGN §2). */
export const ESTIMATORS = ['SG-B', 'SG-2B', 'GC', 'SVRG'] as const;
export type EstimatorId = (typeof ESTIMATORS)[number];

export interface EstimatorStats<T> {
  /** (1/d) sum_j V_j — the average variance (normalized trace of the covariance). */
  variance: T;
  /** (1/d) sum_j V_j / (V_j + g_j^2); a coordinate with a zero denominator contributes 0. */
  normalizedVariance: T;
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

/** How a mini-batch of B examples is drawn from the pool of N. */
export interface Sampling {
  batch: number;
  /** true: i.i.d. draws; false: B distinct examples (finite-population correction). */
  replacement: boolean;
}

/** A partition of the pool into K clusters (Gradient Clustering). */
export interface Clusters {
  assignment: Int32Array;
  K: number;
}

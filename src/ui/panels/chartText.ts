/**
 * What the variance and NV charts say about themselves, from the view keys `agg` and `nv`:
 * captions, axis labels and the tooltips that explain the two readings (README, "Statistics").
 */
import type { Config } from '../../core/config/schema';

export function varianceCaption(c: Config): string {
  return c.agg === 'total'
    ? 'Variance of each gradient estimator, summed over the d coordinates (the trace; log scale)'
    : 'Variance of each gradient estimator, averaged over the d coordinates (log scale)';
}

export function varianceLabel(c: Config): string {
  return c.agg === 'total' ? 'variance Σ_j V_j (trace)' : 'variance (1/d) Σ_j V_j';
}

export const VARIANCE_TIP =
  'V_j is the variance of coordinate j of the estimator. agg=mean plots (1/d) Σ_j V_j, the ' +
  "paper's average variance; it is comparable only between models with the same number d of " +
  'trainable coordinates. agg=total plots Σ_j V_j = d × mean, the trace of the covariance, ' +
  'which is comparable across model sizes. Estimators are measured on the one SGD trajectory; ' +
  'without replacement the finite-population correction uses the training-set size N.';

export function nvCaption(c: Config): string {
  if (c.nv === 'authors') {
    return c.stats === 'exact'
      ? "Normalized variance, authors' formula — measured only by the sampled protocol: set Statistics to sampled or both"
      : `Normalized variance, authors' formula on T = ${c.estim} draws — noise = signal near ${((1 + 1 / c.estim) / 2).toFixed(2)}; the paper's text reads 1 as that line`;
  }
  return 'Normalized variance V/(V + g²) — above 0.5 the noise outweighs the signal';
}

export const NV_TIP =
  'Normalized variance compares the estimator’s noise V with its signal g² per coordinate, ' +
  'averaged over coordinates. nv=exact plots V/(V + g²), the paper’s V[ĝ]/E[ĝ²] in closed form: ' +
  'it lies in [0, 1] and noise power equals signal power (V = g²) at 0.5. nv=authors plots the ' +
  "authors' code: Σ_t (ĝ_t − Ē)² / (Σ_t ĝ_t² + 1e-7) over T sampled estimates, Ē the mean of T " +
  'separate draws (stats=sampled or both): about (1 + 1/T) times the exact value, lower when ' +
  'gradients are tiny, and above 1 now and then. The paper’s text reads 1 as the noise = signal ' +
  'line, as if NV were 1/SNR = V/g²; with E[ĝ²] = V + g² in the denominator that point is 0.5.';

/** NV's y range: [0, 1] for the exact reading; fitted (it can pass 1) for the authors'. */
export function nvDomain(c: Config): [number, number] | undefined {
  return c.nv === 'authors' ? undefined : [0, 1];
}

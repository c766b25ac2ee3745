/** A learning-rate drop divides η by 10 (×0.1, as in the paper's Fig. 4a). */
export const LR_DROP_DIVISOR = 10;

/**
 * The step size in effect at `step` (0-based, the step about to be taken): η before step
 * `lrDrop`, η / 10 from it on (a division, so 0.05 gives 0.005 exactly). lrDrop = 0 means no
 * drop.
 */
export function effectiveLr(lr: number, lrDrop: number, step: number): number {
  return lrDrop > 0 && step >= lrDrop ? lr / LR_DROP_DIVISOR : lr;
}

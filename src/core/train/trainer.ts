import * as tf from '@tensorflow/tfjs-core';
import { meanGradient } from '../model/backprop';
import type { Network } from '../model/build';
import { tidy } from '../tidy';
import { clipByGlobalNorm } from './clip';
import type { Optimiser } from './optimiser';

/**
 * One training step: the mini-batch mean gradient ĝ = (1/B) Σ_i g_i, clipped to global norm
 * `clip` when clip > 0 (clip.ts), then the optimiser's update. Counts the clipped steps on the
 * device (no readback per step); takeClippedFraction() hands the count to a report's single
 * readback. Owns the optimiser and the counter (dispose()).
 */
export class Trainer {
  /** Steps clipped since the last takeClippedFraction(), a float32 scalar on the device. */
  private readonly clipped: tf.Variable;
  /** Steps taken with clipping on since the last takeClippedFraction() (host side). */
  private clipSteps = 0;

  constructor(
    private readonly net: Network,
    private opt: Optimiser,
    /** Global-norm threshold c; 0 turns clipping off. */
    public clip = 0,
  ) {
    this.clipped = tidy(() => tf.variable(tf.scalar(0), false));
  }

  get optimiser(): Optimiser {
    return this.opt;
  }

  /** Swaps in another optimiser (its state starts afresh) and frees the old one. */
  replaceOptimiser(next: Optimiser): void {
    this.opt.dispose();
    this.opt = next;
  }

  /** One step on (x, y); returns the batch's mean loss before the update (caller disposes). */
  step(x: tf.Tensor2D, y: tf.Tensor1D): tf.Scalar {
    return tidy(() => {
      const { loss, grads } = meanGradient(this.net, x, y);
      if (this.clip > 0) {
        const c = clipByGlobalNorm(grads, this.clip);
        this.clipped.assign(tf.add(this.clipped, c.clipped));
        this.clipSteps++;
        this.opt.apply(c.grads);
      } else {
        this.opt.apply(grads);
      }
      return loss;
    });
  }

  /**
   * The fraction of steps clipped among those taken with clipping on since the last call, as
   * a scalar for the caller's readback (caller disposes), or null when no such step was
   * taken. Restarts the count.
   */
  takeClippedFraction(): tf.Scalar | null {
    if (this.clipSteps === 0) return null;
    const steps = this.clipSteps;
    this.clipSteps = 0;
    return tidy(() => {
      const fraction = tf.div(this.clipped, steps) as tf.Scalar;
      this.clipped.assign(tf.zerosLike(this.clipped));
      return fraction;
    });
  }

  dispose(): void {
    this.opt.dispose();
    this.clipped.dispose();
  }
}

import * as tf from '@tensorflow/tfjs-core';

/**
 * Watches the training losses on the device: a counter of steps whose mini-batch loss was NaN
 * or ±∞, updated without any readback; finite() reads it with one small `await data()`, so a
 * diverging run is noticed between reports, not only at the next measurement. Owns its tensor.
 */
export class LossHealth {
  private readonly bad = tf.tidy(() => tf.variable(tf.scalar(0), false));

  /** Counts the step's loss if it is not finite, then disposes it. */
  watch(loss: tf.Scalar): void {
    tf.tidy(() => {
      const notFinite = tf.logicalNot(tf.isFinite(loss));
      this.bad.assign(tf.add(this.bad, tf.cast(notFinite, 'float32')));
    });
    loss.dispose();
  }

  /** False once any watched loss was not finite. */
  async finite(): Promise<boolean> {
    return (await this.bad.data())[0] === 0;
  }

  dispose(): void {
    this.bad.dispose();
  }
}

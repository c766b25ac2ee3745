import type * as tf from '@tensorflow/tfjs-core';
import type { Network } from '../core/model/build';
import { disposePerExample, perExample, type PerExample } from '../core/model/backprop';
import { snapshotMoments, type MeanAndSecond } from '../core/stats/snapshotVariance';
import { tidy } from '../core/tidy';

/**
 * The SVRG snapshot θ~ (DESIGN §2.1): a copy of the network, its per-example factors over
 * the pool and their moments G~, S~, kept for the snapshot's lifetime so that each
 * measurement pays for the current θ only. Owns its tensors.
 */
export class SvrgSnapshot {
  private constructor(
    private readonly net: Network,
    readonly p: PerExample,
    readonly moments: MeanAndSecond[],
    readonly step: number,
  ) {}

  /** Snapshots `net` as it is now, at training step `step`. */
  static take(net: Network, pool: { x: tf.Tensor2D; y: tf.Tensor1D }, step: number) {
    const copy = net.clone();
    const p = perExample(copy, pool.x, pool.y);
    return new SvrgSnapshot(
      copy,
      p,
      tidy(() => snapshotMoments(p.factors)),
      step,
    );
  }

  dispose(): void {
    this.net.dispose();
    disposePerExample(this.p);
    for (const m of this.moments) {
      m.mean.dispose();
      m.second.dispose();
    }
  }
}

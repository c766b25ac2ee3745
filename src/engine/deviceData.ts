import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../core/data/dataset';
import type { RunData } from '../core/data/runData';

/** A dataset on the device: x is N x dim, y int32 class indices. */
export interface DeviceSet {
  x: tf.Tensor2D;
  y: tf.Tensor1D;
}

function upload(ds: Dataset): DeviceSet {
  return { x: tf.tensor2d(ds.x, [ds.n, ds.dim]), y: tf.tensor1d(ds.y, 'int32') };
}

/** Device copies of the training set, the measurement pool and the test set. */
export class DeviceData {
  train: DeviceSet;
  pool: DeviceSet;
  readonly test: DeviceSet;

  constructor(data: RunData) {
    this.train = upload(data.train);
    this.pool = this.poolOf(data);
    this.test = upload(data.test);
  }

  private poolOf(data: RunData): DeviceSet {
    const idx = tf.tensor1d(data.pool, 'int32');
    const pool = { x: tf.gather(this.train.x, idx), y: tf.gather(this.train.y, idx) };
    idx.dispose();
    return pool;
  }

  /** New training labels (label noise changed); inputs stay. */
  relabel(data: RunData): void {
    this.train.y.dispose();
    this.pool.x.dispose();
    this.pool.y.dispose();
    this.train = { x: this.train.x, y: tf.tensor1d(data.train.y, 'int32') };
    this.pool = this.poolOf(data);
  }

  /** The mini-batch at `indices` (caller disposes). */
  batch(indices: Int32Array): DeviceSet {
    return tf.tidy(() => {
      const idx = tf.tensor1d(indices, 'int32');
      return { x: tf.gather(this.train.x, idx), y: tf.gather(this.train.y, idx) };
    }) as unknown as DeviceSet;
  }

  dispose(): void {
    for (const s of [this.train, this.pool, this.test]) {
      s.x.dispose();
      s.y.dispose();
    }
  }
}
